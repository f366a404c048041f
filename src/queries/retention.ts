import { and, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { DayTextColumns } from "../domain/day-texts";
import { answerTally, event, question, response, survey } from "../db/schema";

/** A day with its responses, and its title and place per language for naming it (src/domain/day-texts.ts). */
export interface EventResponses extends DayTextColumns {
  readonly eventId: number;
  readonly date: string;
  readonly regionCode: string | null;
  readonly responses: number;
}

/** Days (one, or all dated before a day) that still have their responses (archived days do not). */
export async function eventsWithResponses(db: Db, which: { eventId: number } | { before: string }): Promise<EventResponses[]> {
  return db
    .select({
      eventId: event.id,
      date: event.date,
      regionCode: event.regionCode,
      title: event.title,
      titleSv: event.titleSv,
      titleEn: event.titleEn,
      location: event.location,
      locationSv: event.locationSv,
      locationEn: event.locationEn,
      mainLang: event.mainLang,
      responses: survey.responseCount,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(
      and(
        "eventId" in which ? eq(event.id, which.eventId) : lt(event.date, which.before),
        sql`${survey.responseCount} > 0`,
        isNull(survey.archivedAt),
      ),
    )
    .orderBy(event.date, event.id);
}

/**
 * Deletes the days' responses and answers in one transaction.
 *
 * keepFigures (retention): each day's survey is first marked archived and closed, so the triggers
 * leave its response count, per-value tallies and grade sums as they are (migrations/0006): the
 * day keeps n, mean, SD, CI, distribution and response rate, labelled "archived". Tallies of other
 * questions are kept only where the question has at least minCell answers that day; the comments
 * and the individual answers are gone for good.
 *
 * Without keepFigures (erasing one day, e.g. test answers) the rollups follow the deletion to zero.
 */
export async function deleteEventResponses(
  db: Db,
  events: readonly EventResponses[],
  keepFigures: boolean,
  now: number,
  minCell: number,
): Promise<number> {
  if (events.length === 0) return 0;
  const surveyIds = db
    .select({ id: survey.id })
    .from(survey)
    .where(
      inArray(
        survey.eventId,
        events.map((d) => d.eventId),
      ),
    );
  const remove = db.delete(response).where(inArray(response.surveyId, surveyIds));
  if (!keepFigures) {
    await db.batch([remove]);
  } else {
    const archive = db
      .update(survey)
      .set({ archivedAt: now, closesAt: sql`min(coalesce(${survey.closesAt}, ${now}), ${now})` })
      .where(inArray(survey.id, surveyIds));
    const smallQuestionTallies = db
      .delete(answerTally)
      .where(
        and(
          inArray(answerTally.surveyId, surveyIds),
          inArray(answerTally.questionId, db.select({ id: question.id }).from(question).where(ne(question.key, "grade"))),
          sql`(SELECT sum(t2.count) FROM ${answerTally} t2 WHERE t2.survey_id = ${answerTally.surveyId} AND t2.question_id = ${answerTally.questionId}) < ${minCell}`,
        ),
      );
    await db.batch([archive, smallQuestionTallies, remove]);
  }
  return events.reduce((sum, d) => sum + d.responses, 0);
}
