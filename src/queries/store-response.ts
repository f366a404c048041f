import { eq } from "drizzle-orm";
import type { InStatement } from "@libsql/client/web";
import type { Db } from "../db/client";
import { response } from "../db/schema";
import type { ValidAnswer } from "../domain/answers";
import type { Lang } from "../domain/lang";
import { readSurveyVersion, SURVEY_VERSION_BY_ID_SQL, type SurveyVersion } from "./survey-by-slug";

export interface NewResponse {
  readonly id: string;
  readonly surveyId: number;
  readonly submittedAt: number;
  readonly lang: Lang;
  readonly answers: readonly ValidAnswer[];
}

/** What storeResponseIfUnchanged found instead of the version the answers were checked against
 *  (null: the survey is gone). Nothing was stored. */
export interface VersionChanged {
  readonly status: "changed";
  readonly version: SurveyVersion | null;
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

/** Whether submissions to this database check the survey's version inside their write
 *  (storeResponseIfUnchanged): remote ones, where a separate read is a round trip. */
export function versionCheckedInWrite(db: Db): boolean {
  return db.$client.protocol !== "file";
}

/**
 * For a remote database (the Worker): stores the response only while its survey is still at
 * `version`, the one its window was judged and its answers validated against — all in one batch,
 * one round trip, instead of reading the version first and writing after. A survey cached by the
 * isolate can so be used at any age: a window, a published result or a question set that changed
 * meanwhile makes the write a no-op that returns the version found, and the caller judges again.
 * A submission id already stored is a "repeat" (same survey) or a "conflict", as storeResponse says.
 */
export async function storeResponseIfUnchanged(db: Db, input: NewResponse, version: SurveyVersion): Promise<StoreResult | VersionChanged> {
  const insertResponse = {
    sql: `INSERT INTO response (id, survey_id, submitted_at, lang) SELECT ?, ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM (${SURVEY_VERSION_BY_ID_SQL}) v
        WHERE v.opens_at IS ? AND v.closes_at IS ? AND v.published = ? AND v.cancelled = ? AND v.questions_key = ?)
      AND NOT EXISTS (SELECT 1 FROM response WHERE id = ?)`,
    args: [
      input.id,
      input.surveyId,
      input.submittedAt,
      input.lang,
      input.surveyId,
      version.opensAt,
      version.closesAt,
      version.published ? 1 : 0,
      version.cancelled ? 1 : 0,
      version.questionsKey,
      input.id,
    ],
  };
  // changes() is the row count of the statement before (the response INSERT, triggers not
  // counted): the answers go in only with a response this batch inserted.
  const insertAnswers: InStatement[] =
    input.answers.length === 0
      ? []
      : [
          {
            sql: `INSERT INTO answer (response_id, question_id, num_value, text_value)
              SELECT column1, column2, column3, column4 FROM (VALUES ${Array(input.answers.length).fill("(?, ?, ?, ?)").join(", ")})
              WHERE changes() = 1`,
            args: input.answers.flatMap((a) => [input.id, a.questionId, a.numValue, a.textValue]),
          },
        ];
  const readBack = {
    sql: `SELECT v.*, (SELECT survey_id FROM response WHERE id = ?) AS stored_survey_id FROM (${SURVEY_VERSION_BY_ID_SQL}) v`,
    args: [input.id, input.surveyId],
  };
  const results = await db.$client.batch([insertResponse, ...insertAnswers, readBack], "write");
  if (results[0]!.rowsAffected === 1) return { status: "created", id: input.id };
  const row = results[results.length - 1]!.rows[0];
  if (!row) return { status: "changed", version: null };
  const found = readSurveyVersion(row);
  if (!sameVersion(found, version)) return { status: "changed", version: found };
  if (row.stored_survey_id === null) throw new Error(`response ${input.id} was neither stored nor found`);
  return Number(row.stored_survey_id) === input.surveyId ? { status: "repeat", id: input.id } : { status: "conflict", id: input.id };
}

function sameVersion(a: SurveyVersion, b: SurveyVersion): boolean {
  return (
    a.opensAt === b.opensAt &&
    a.closesAt === b.closesAt &&
    a.published === b.published &&
    a.cancelled === b.cancelled &&
    a.questionsKey === b.questionsKey
  );
}
