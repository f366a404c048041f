import { and, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { answer, answerTally, event, question, questionSet, response, survey } from "../db/schema";
import type { Lang } from "../domain/lang";
import type { QuestionKind } from "../domain/questions";
import { eventFilterCondition, type EventFilter } from "./events";

// Aggregates for the dashboards. They read the answer_tally rollup (counts per day, question and
// value, kept by triggers), so a request costs O(days × scale values), never O(responses).

export interface GradeTally {
  readonly eventId: number;
  readonly value: number;
  readonly count: number;
  readonly scaleMin: number;
  readonly scaleMax: number;
  readonly scaleStep: number;
}

/** Counts per grade value for every day that matches the filter. */
export async function gradeTallies(db: Db, filter: EventFilter): Promise<GradeTally[]> {
  return db
    .select({
      eventId: event.id,
      value: answerTally.value,
      count: answerTally.count,
      scaleMin: sql<number>`${question.scaleMin}`,
      scaleMax: sql<number>`${question.scaleMax}`,
      scaleStep: sql<number>`${question.scaleStep}`,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .innerJoin(answerTally, eq(answerTally.surveyId, survey.id))
    .innerJoin(question, and(eq(question.id, answerTally.questionId), eq(question.key, "grade")))
    .where(and(eventFilterCondition(filter), gt(answerTally.count, 0)));
}

export interface QuestionTally {
  /** Core questions aggregate by key across days; a day's own questions stay apart (by id). */
  readonly groupKey: string;
  readonly questionId: number;
  readonly key: string;
  readonly kind: QuestionKind;
  /** Per day, so background breakdowns can be released as sums of each day's own released table. */
  readonly eventId: number;
  readonly value: number;
  readonly count: number;
}

export async function questionTallies(db: Db, filter: EventFilter & { eventId?: number }): Promise<QuestionTally[]> {
  const groupKey = sql<string>`CASE WHEN ${questionSet.isCore} THEN ${question.key} ELSE 'q' || ${question.id} END`;
  return db
    .select({
      groupKey,
      questionId: sql<number>`min(${question.id})`,
      key: question.key,
      kind: question.kind,
      eventId: event.id,
      value: answerTally.value,
      count: sql<number>`sum(${answerTally.count})`,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .innerJoin(answerTally, eq(answerTally.surveyId, survey.id))
    .innerJoin(question, eq(question.id, answerTally.questionId))
    .innerJoin(questionSet, eq(questionSet.id, question.setId))
    .where(
      and(eventFilterCondition(filter), filter.eventId === undefined ? undefined : eq(event.id, filter.eventId), gt(answerTally.count, 0)),
    )
    .groupBy(groupKey, question.key, question.kind, event.id, answerTally.value);
}

export async function questionsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(question)
    .where(inArray(question.id, [...ids]));
}

export interface CommentRow {
  readonly questionId: number;
  readonly key: string;
  readonly text: string;
  readonly lang: Lang;
}

/** Free-text answers of one day's survey (reads only that day's responses). No time and no response
 *  id leave here: they would link one person's answers (see src/domain/stats/comment-release.ts). */
export async function eventComments(db: Db, surveyId: number): Promise<CommentRow[]> {
  const rows = await db
    .select({ questionId: question.id, key: question.key, text: answer.textValue, lang: response.lang })
    .from(response)
    .innerJoin(answer, eq(answer.responseId, response.id))
    .innerJoin(question, and(eq(question.id, answer.questionId), eq(question.kind, "text")))
    .where(and(eq(response.surveyId, surveyId), isNotNull(answer.textValue)))
    .orderBy(answer.textValue);
  return rows.map((r) => ({ ...r, text: r.text ?? "" }));
}
