import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { answer, commentCategory, commentTag, event, question, response, survey } from "../db/schema";
import type { Lang } from "../domain/lang";
import { eventFilterCondition, type EventFilter } from "./events";

// The comment explorer's reads and the category tags' writes. Response ids leave this file only to
// the explorer service, which turns them into keyed hashes before anything is shown.

export interface ExplorerCommentRow {
  readonly eventId: number;
  readonly eventDate: string;
  readonly regionCode: string | null;
  readonly responseId: string;
  readonly questionId: number;
  readonly questionKey: string;
  readonly text: string;
  readonly lang: Lang;
  /** The same respondent's grade, to select by band; never shown beside the comment. */
  readonly grade: number | null;
  /** Category ids, comma-separated (group_concat), or null. */
  readonly categoryIds: string | null;
}

const gradeAnswer = alias(answer, "grade_answer");
const gradeQuestion = alias(question, "grade_question");

/** Every free-text answer of the days in the filter (one day with eventId), of one question key or all. */
export async function selectionComments(
  db: Db,
  filter: EventFilter & { readonly eventId?: number | undefined; readonly questionKey?: string | undefined },
): Promise<ExplorerCommentRow[]> {
  const rows = await db
    .select({
      eventId: event.id,
      eventDate: event.date,
      regionCode: event.regionCode,
      responseId: response.id,
      questionId: question.id,
      questionKey: question.key,
      text: answer.textValue,
      lang: response.lang,
      grade: gradeAnswer.numValue,
      categoryIds: sql<
        string | null
      >`(select group_concat(${commentTag.categoryId}) from ${commentTag} where ${commentTag.responseId} = ${answer.responseId} and ${commentTag.questionId} = ${answer.questionId})`,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .innerJoin(response, eq(response.surveyId, survey.id))
    .innerJoin(answer, eq(answer.responseId, response.id))
    .innerJoin(question, and(eq(question.id, answer.questionId), eq(question.kind, "text")))
    .leftJoin(gradeQuestion, and(eq(gradeQuestion.setId, survey.questionSetId), eq(gradeQuestion.key, "grade")))
    .leftJoin(gradeAnswer, and(eq(gradeAnswer.responseId, response.id), eq(gradeAnswer.questionId, gradeQuestion.id)))
    .where(
      and(
        eventFilterCondition(filter),
        filter.eventId === undefined ? undefined : eq(event.id, filter.eventId),
        filter.questionKey === undefined ? undefined : eq(question.key, filter.questionKey),
        isNotNull(answer.textValue),
        sql`trim(${answer.textValue}) <> ''`,
      ),
    );
  return rows.map((row) => ({ ...row, text: row.text ?? "" }));
}

export interface CommentCategoryRow {
  readonly id: number;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

export async function listCommentCategories(db: Db): Promise<CommentCategoryRow[]> {
  return db
    .select({ id: commentCategory.id, nameFi: commentCategory.nameFi, nameSv: commentCategory.nameSv, nameEn: commentCategory.nameEn })
    .from(commentCategory)
    .orderBy(asc(commentCategory.id));
}

export async function insertCommentCategory(db: Db, names: Omit<CommentCategoryRow, "id">): Promise<CommentCategoryRow> {
  const [row] = await db.insert(commentCategory).values(names).returning({
    id: commentCategory.id,
    nameFi: commentCategory.nameFi,
    nameSv: commentCategory.nameSv,
    nameEn: commentCategory.nameEn,
  });
  return row!;
}

/** Sets one comment's categories to exactly these (several per comment), in one batch. */
export async function replaceCommentTags(
  db: Db,
  comment: { readonly responseId: string; readonly questionId: number },
  categoryIds: readonly number[],
): Promise<void> {
  const where = and(eq(commentTag.responseId, comment.responseId), eq(commentTag.questionId, comment.questionId));
  const remove = db.delete(commentTag).where(where);
  if (categoryIds.length === 0) {
    await remove;
    return;
  }
  await db.batch([remove, db.insert(commentTag).values(categoryIds.map((categoryId) => ({ ...comment, categoryId })))]);
}

/** Which of these ids are categories (the rest do not exist). */
export async function existingCategoryIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: commentCategory.id })
    .from(commentCategory)
    .where(inArray(commentCategory.id, [...ids]));
  return rows.map((row) => row.id);
}
