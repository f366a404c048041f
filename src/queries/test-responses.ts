import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { testResponse } from "../db/schema";
import type { ValidAnswer } from "../domain/answers";
import type { Lang } from "../domain/lang";

// Test-mode answers live in their own table (see src/db/schema.ts): nothing here touches the
// response, answer, tally or rollup tables, which is what keeps test answers out of every figure.

export interface NewTestResponse {
  readonly id: string;
  readonly surveyId: number;
  readonly submittedAt: number;
  readonly lang: Lang;
  readonly answers: readonly ValidAnswer[];
}

/** Stores one test answer; a repeat of the same submission id changes nothing (a double click). */
export async function insertTestResponse(db: Db, input: NewTestResponse): Promise<void> {
  const answers = input.answers.map((a) => ({ key: a.key, num: a.numValue, text: a.textValue }));
  await db
    .insert(testResponse)
    .values({
      id: input.id,
      surveyId: input.surveyId,
      submittedAt: input.submittedAt,
      lang: input.lang,
      answersJson: JSON.stringify(answers),
    })
    .onConflictDoNothing();
}

export async function countTestResponses(db: Db, surveyId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(testResponse).where(eq(testResponse.surveyId, surveyId));
  return row?.n ?? 0;
}

/** Deletes a survey's test answers; returns how many there were. */
export async function deleteTestResponses(db: Db, surveyId: number): Promise<number> {
  const deleted = await db.delete(testResponse).where(eq(testResponse.surveyId, surveyId)).returning({ id: testResponse.id });
  return deleted.length;
}
