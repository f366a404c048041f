import { MIN_CELL } from "../domain/stats";
import { eventsWithResponses, deleteEventResponses, type EventResponses } from "../queries/retention";
import type { ServiceContext } from "./context";

export type Which = { eventId: number } | { before: string };

/**
 * Deletes participants' answers: one day's (an erasure: its figures go too), or every day's older
 * than the retention period (its figures stay, labelled archived: see deleteEventResponses).
 * Returns the days it touched (or would touch, with dryRun).
 */
export async function deleteAnswers(
  deps: ServiceContext,
  which: Which,
  options: { dryRun: boolean },
): Promise<{ days: EventResponses[]; keepFigures: boolean; deleted: number }> {
  const events = await eventsWithResponses(deps.db, which);
  const keepFigures = !("eventId" in which);
  if (options.dryRun || events.length === 0) return { days: events, keepFigures, deleted: 0 };
  const now = deps.now();
  const deleted = await deleteEventResponses(deps.db, events, keepFigures, now, MIN_CELL);
  await deps.audit({
    at: now,
    actor: "cli",
    action: "responses_deleted",
    target: "eventId" in which ? `event:${which.eventId}` : `before:${which.before}`,
    details: { days: events.map((d) => d.eventId), responses: deleted, figuresKept: keepFigures },
  });
  return { days: events, keepFigures, deleted };
}
