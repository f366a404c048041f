import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { BlockContribution } from "../domain/stats";
import { event, survey } from "../db/schema";
import { eventFilterCondition, type EventFilter } from "./events";

/**
 * Respondents per region in each month × programme × theme block of a comparison pool (see
 * src/domain/stats/yardstick.ts): the grade answers of each day, or its published respondent count
 * when it has a published figure (published is final).
 */
export async function yardstickBlocks(db: Db, filter: EventFilter): Promise<BlockContribution[]> {
  const month = sql<string>`substr(${event.date}, 1, 7)`;
  const block = sql<string>`${month} || '|' || ${event.programmeId} || '|' || coalesce(${event.themeId}, '-')`;
  return db
    .select({
      month,
      block,
      regionCode: event.regionCode,
      // A published day is final: its published respondent count is what the pools show for it.
      respondents: sql<number>`sum(CASE WHEN ${event.reportedGradeMean} IS NOT NULL THEN coalesce(${event.reportedGradeN}, 0) ELSE ${survey.gradeN} END)`,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(eventFilterCondition(filter))
    .groupBy(block, event.regionCode);
}
