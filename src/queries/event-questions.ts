import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { question, questionSet } from "../db/schema";
import type { QuestionKind } from "../domain/questions";

export interface NewEventQuestion {
  readonly kind: QuestionKind;
  readonly required: boolean;
  readonly textFi: string;
  readonly textSv: string;
  readonly textEn: string;
  readonly scale: { min: number; max: number; step: number } | null;
  readonly optionsJson: string | null;
  readonly maxLength: number | null;
}

/** Adds a question to a day's own set (made on first use), after any it already has. */
export async function addEventQuestion(
  db: Db,
  target: { surveyId: number; eventId: number; extraSetId: number | null },
  q: NewEventQuestion,
): Promise<number> {
  let setId = target.extraSetId;
  if (setId === null) {
    const [created] = await db.batch([
      db
        .insert(questionSet)
        .values({ name: `day-${target.eventId}`, version: 1, isCore: false })
        .returning({ id: questionSet.id }),
      db.run(sql`UPDATE survey SET extra_question_set_id = last_insert_rowid() WHERE id = ${target.surveyId}`),
    ]);
    setId = created[0]!.id;
  }
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${question.position}), 0)` })
    .from(question)
    .where(eq(question.setId, setId));
  const position = (last?.position ?? 0) + 1;
  const [row] = await db
    .insert(question)
    .values({
      setId,
      position,
      key: `day_${position}`,
      kind: q.kind,
      required: q.required,
      textFi: q.textFi,
      textSv: q.textSv,
      textEn: q.textEn,
      scaleMin: q.scale?.min ?? null,
      scaleMax: q.scale?.max ?? null,
      scaleStep: q.scale?.step ?? null,
      optionsJson: q.optionsJson,
      maxLength: q.maxLength,
    })
    .returning({ id: question.id });
  return row!.id;
}

/** Removes one of a day's own questions; false when the question is not in that day's set. */
export async function removeEventQuestion(db: Db, extraSetId: number, questionId: number): Promise<boolean> {
  const removed = await db
    .delete(question)
    .where(and(eq(question.id, questionId), eq(question.setId, extraSetId)))
    .returning({ id: question.id });
  return removed.length > 0;
}

/** Rewrites one of a day's own questions in place (same id, key and position); false when the
 *  question is not in that day's set. */
export async function updateEventQuestion(db: Db, extraSetId: number, questionId: number, q: NewEventQuestion): Promise<boolean> {
  const changed = await db
    .update(question)
    .set({
      kind: q.kind,
      required: q.required,
      textFi: q.textFi,
      textSv: q.textSv,
      textEn: q.textEn,
      scaleMin: q.scale?.min ?? null,
      scaleMax: q.scale?.max ?? null,
      scaleStep: q.scale?.step ?? null,
      optionsJson: q.optionsJson,
      maxLength: q.maxLength,
    })
    .where(and(eq(question.id, questionId), eq(question.setId, extraSetId)))
    .returning({ id: question.id });
  return changed.length > 0;
}
