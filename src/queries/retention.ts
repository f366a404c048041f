import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { answerTally, event, question, response, survey } from "../db/schema";

export interface DayResponses {
  readonly eventId: number;
  readonly date: string;
  readonly regionCode: string | null;
  readonly title: string;
  readonly responses: number;
  /** The grade over the responses, kept as the day's published-style figure when they go. */
  readonly gradeN: number;
  readonly gradeMean: number | null;
}

/** Days (one, or all dated before a day) that still have responses. */
export async function daysWithResponses(db: Db, which: { eventId: number } | { before: string }): Promise<DayResponses[]> {
  const grade = db
    .select({
      surveyId: answerTally.surveyId,
      n: sql<number>`sum(${answerTally.count})`.as("n"),
      total: sql<number>`sum(${answerTally.value} * ${answerTally.count})`.as("total"),
    })
    .from(answerTally)
    .innerJoin(question, and(eq(question.id, answerTally.questionId), eq(question.key, "grade")))
    .groupBy(answerTally.surveyId)
    .as("grade");
  const rows = await db
    .select({
      eventId: event.id,
      date: event.date,
      regionCode: event.regionCode,
      title: event.title,
      responses: survey.responseCount,
      gradeN: sql<number>`coalesce(${grade.n}, 0)`,
      gradeTotal: sql<number | null>`${grade.total}`,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .leftJoin(grade, eq(grade.surveyId, survey.id))
    .where(and("eventId" in which ? eq(event.id, which.eventId) : lt(event.date, which.before), sql`${survey.responseCount} > 0`))
    .orderBy(event.date, event.id);
  return rows.map(({ gradeTotal, ...r }) => ({ ...r, gradeMean: r.gradeN > 0 && gradeTotal !== null ? gradeTotal / r.gradeN : null }));
}

/**
 * Deletes the days' responses and answers in one transaction (the rollups follow by trigger).
 * With keepGrade, each day first keeps its grade mean and n as a published-style figure, so the
 * dashboards still show that the day was graded 8.4 by 40 people once the answers themselves are gone.
 */
export async function deleteDayResponses(db: Db, days: readonly DayResponses[], keepGrade: boolean): Promise<number> {
  if (days.length === 0) return 0;
  const ids = days.map((d) => d.eventId);
  const keep = keepGrade
    ? days.filter((d) => d.gradeMean !== null).map((d) => db.update(event).set({ reportedGradeMean: d.gradeMean, reportedGradeN: d.gradeN }).where(eq(event.id, d.eventId)))
    : [];
  const remove = db.delete(response).where(inArray(response.surveyId, db.select({ id: survey.id }).from(survey).where(inArray(survey.eventId, ids))));
  await db.batch([remove, ...keep]);
  return days.reduce((sum, d) => sum + d.responses, 0);
}
