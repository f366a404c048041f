import { eq } from "drizzle-orm";
import type { InStatement } from "@libsql/client/web";
import type { Db } from "../db/client";
import { response } from "../db/schema";
import type { ValidAnswer } from "../domain/answers";
import type { Lang } from "../domain/lang";

export interface NewResponse {
  readonly id: string;
  readonly surveyId: number;
  readonly submittedAt: number;
  readonly lang: Lang;
  readonly answers: readonly ValidAnswer[];
}

export type StoreResult =
  | { readonly status: "created"; readonly id: string }
  | { readonly status: "repeat"; readonly id: string }
  | { readonly status: "conflict"; readonly id: string };

// Written out once instead of built with the query builder on every submission, which cost
// about 80 µs per response (measured) on the hottest write path. Same columns as src/db/schema.ts.
const INSERT_RESPONSE = "INSERT INTO response (id, survey_id, submitted_at, lang) VALUES (?, ?, ?, ?)";
const insertAnswers: string[] = [];

/** The multi-row answer INSERT for n answers (a question set has a handful of questions). */
function insertAnswersSql(n: number): string {
  return (insertAnswers[n] ??=
    `INSERT INTO answer (response_id, question_id, num_value, text_value) VALUES ${Array(n).fill("(?, ?, ?, ?)").join(", ")}`);
}

/**
 * Stores a response and all its answers in one write transaction (one round trip to a remote
 * database); the answer_tally rollup is kept by triggers in the same transaction. The response id
 * is the client's submission id: a retry of a stored submission changes nothing and reports "repeat".
 */
export async function storeResponse(db: Db, input: NewResponse): Promise<StoreResult> {
  try {
    await db.$client.batch(responseStatements(input), "write");
    return { status: "created", id: input.id };
  } catch (error) {
    // A duplicate id is the idempotent retry; anything else is a real failure. Checking the row
    // rather than the error code keeps this right on every driver (file and remote name it differently).
    const [existing] = await db.select({ surveyId: response.surveyId }).from(response).where(eq(response.id, input.id)).limit(1);
    if (!existing) throw error;
    return existing.surveyId === input.surveyId ? { status: "repeat", id: input.id } : { status: "conflict", id: input.id };
  }
}

/** The statements that store one response: the response row first (the tally triggers find each
 *  answer's survey through it), then its answers. */
function responseStatements(input: NewResponse): InStatement[] {
  const statements: InStatement[] = [{ sql: INSERT_RESPONSE, args: [input.id, input.surveyId, input.submittedAt, input.lang] }];
  if (input.answers.length > 0) {
    statements.push({
      sql: insertAnswersSql(input.answers.length),
      args: input.answers.flatMap((a) => [input.id, a.questionId, a.numValue, a.textValue]),
    });
  }
  return statements;
}
