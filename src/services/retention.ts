import { MIN_CELL } from "../domain/stats";
import { daysWithResponses, deleteDayResponses, type DayResponses } from "../queries/retention";
import type { ServiceContext } from "./context";

export type Which = { eventId: number } | { before: string };

/**
 * Deletes participants' answers: one day's (an erasure: its figures go too), or every day's older
 * than the retention period (its figures stay, labelled archived: see deleteDayResponses).
 * Returns the days it touched (or would touch, with dryRun).
 */
export async function deleteAnswers(deps: ServiceContext, which: Which, options: { dryRun: boolean }): Promise<{ days: DayResponses[]; keepFigures: boolean; deleted: number }> {
  const days = await daysWithResponses(deps.db, which);
  const keepFigures = !("eventId" in which);
  if (options.dryRun || days.length === 0) return { days, keepFigures, deleted: 0 };
  const now = deps.now();
  const deleted = await deleteDayResponses(deps.db, days, keepFigures, now, MIN_CELL);
  await deps.audit({
    at: now,
    actor: "cli",
    action: "responses_deleted",
    target: "eventId" in which ? `event:${which.eventId}` : `before:${which.before}`,
    details: { days: days.map((d) => d.eventId), responses: deleted, figuresKept: keepFigures },
  });
  return { days, keepFigures, deleted };
}
