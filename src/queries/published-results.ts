import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { event, survey } from "../db/schema";

export interface PublishedResultRow {
  readonly mean: number;
  readonly n: number | null;
  readonly distribution: Record<string, number> | null;
  readonly source: string;
  readonly attendance: number | null;
}

/**
 * Stores a day's published result and closes its survey in one transaction: a published figure is
 * final, so the day takes no more answers from this moment (an earlier closing time is kept).
 */
export async function savePublishedResult(
  db: Db,
  ids: { eventId: number; surveyId: number },
  result: PublishedResultRow,
  now: number,
): Promise<void> {
  await db.batch([
    db
      .update(event)
      .set({
        reportedGradeMean: result.mean,
        reportedGradeN: result.n,
        reportedGradeDistributionJson: result.distribution === null ? null : JSON.stringify(result.distribution),
        reportedSource: result.source,
        attendance: result.attendance,
      })
      .where(eq(event.id, ids.eventId)),
    db
      .update(survey)
      .set({
        closesAt: sql`CASE WHEN ${survey.closesAt} IS NOT NULL AND ${survey.closesAt} <= ${now} THEN ${survey.closesAt} ELSE ${now} END`,
      })
      .where(eq(survey.id, ids.surveyId)),
  ]);
}
