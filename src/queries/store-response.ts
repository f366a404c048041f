import { eq } from "drizzle-orm";
import type { InStatement, InValue } from "@libsql/client/web";
import type { Db } from "../db/client";
import { answer, response } from "../db/schema";
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

/**
 * Stores a response and all its answers in one write transaction (one round trip to a remote
 * database); the answer_tally rollup is kept by triggers in the same transaction. The response id
 * is the client's submission id: a retry of a stored submission changes nothing and reports "repeat".
 */
export async function storeResponse(db: Db, input: NewResponse): Promise<StoreResult> {
  const statements: InStatement[] = [
    toStatement(db.insert(response).values({ id: input.id, surveyId: input.surveyId, submittedAt: input.submittedAt, lang: input.lang }).toSQL()),
  ];
  if (input.answers.length > 0) {
    statements.push(
      toStatement(
        db
          .insert(answer)
          .values(input.answers.map((a) => ({ responseId: input.id, questionId: a.questionId, numValue: a.numValue, textValue: a.textValue })))
          .toSQL(),
      ),
    );
  }
  try {
    await db.$client.batch(statements, "write");
    return { status: "created", id: input.id };
  } catch (error) {
    // A duplicate id is the idempotent retry; anything else is a real failure. Checking the row
    // rather than the error code keeps this right on every driver (file and remote name it differently).
    const [existing] = await db.select({ surveyId: response.surveyId }).from(response).where(eq(response.id, input.id)).limit(1);
    if (!existing) throw error;
    return existing.surveyId === input.surveyId ? { status: "repeat", id: input.id } : { status: "conflict", id: input.id };
  }
}

function toStatement(query: { sql: string; params: unknown[] }): InStatement {
  return { sql: query.sql, args: query.params as InValue[] };
}
