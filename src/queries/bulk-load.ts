import { sql } from "drizzle-orm";
import type { InStatement, InValue } from "@libsql/client/web";
import type { Db } from "../db/client";
import type { Lang } from "../domain/lang";

// Bulk loading of many responses at once (the benchmark data generator, the submissions' group
// commit; later large imports).
// Speed comes from multi-row INSERTs and many of them per write batch: one transaction, one
// fsync, for tens of thousands of rows. The answer_tally triggers still run once per inserted
// answer row with a number, which is most of the cost; the rollup stays exactly right.

/** Bound parameters per statement: well under SQLite's 32,766 and small enough to parse quickly. */
const MAX_PARAMS_PER_STATEMENT = 8000;

export interface BulkProgramme {
  readonly id: number;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly themes: readonly { readonly id: number; readonly fi: string; readonly sv: string; readonly en: string }[];
}

/** An academy day with its survey (same id for both, like the demo seed). */
export interface BulkEvent {
  readonly id: number;
  readonly programmeId: number;
  readonly regionCode: string;
  readonly date: string;
  readonly themeId: number;
  readonly title: string;
  readonly attendance: number;
  readonly slug: string;
  /** Left to the trigger (a random code) when absent. */
  readonly shortCode?: string;
  readonly questionSetId: number;
}

export interface BulkAnswer {
  readonly questionId: number;
  readonly numValue: number | null;
  readonly textValue: string | null;
}

export interface BulkResponse {
  readonly id: string;
  readonly surveyId: number;
  readonly submittedAt: number;
  readonly lang: Lang;
  readonly answers: readonly BulkAnswer[];
}

/** The first free ids, so generated rows can carry their ids and go in as plain batches. */
export async function nextFreeIds(db: Db): Promise<{ programme: number; theme: number; day: number }> {
  const [row] = await db.all<{ programme: number; theme: number; event: number; survey: number }>(sql`
    SELECT (SELECT coalesce(max(id), 0) FROM programme) AS programme,
           (SELECT coalesce(max(id), 0) FROM theme) AS theme,
           (SELECT coalesce(max(id), 0) FROM event) AS event,
           (SELECT coalesce(max(id), 0) FROM survey) AS survey`);
  return { programme: row!.programme + 1, theme: row!.theme + 1, day: Math.max(row!.event, row!.survey) + 1 };
}

export async function listRegionCodes(db: Db): Promise<string[]> {
  const rows = await db.all<{ code: string }>(sql`SELECT code FROM region ORDER BY code`);
  return rows.map((r) => r.code);
}

/**
 * For a generated database only, on this connection only: a bigger page cache (random UUID keys
 * touch index pages all over the file) and no fsync per transaction (a file that can be generated
 * again needs no durability; with fsync a 1M-response load spent most of its time waiting on disk).
 */
export async function tuneConnectionForBulkLoad(db: Db): Promise<void> {
  await db.$client.execute("PRAGMA cache_size = -262144");
  await db.$client.execute("PRAGMA synchronous = OFF");
}

export async function insertBulkProgramme(db: Db, programme: BulkProgramme): Promise<void> {
  await db.$client.batch(
    [
      {
        sql: "INSERT INTO programme (id, name, starts_on, ends_on) VALUES (?, ?, ?, ?)",
        args: [programme.id, programme.name, programme.startsOn, programme.endsOn],
      },
      ...multiRowInsert(
        "theme",
        ["id", "programme_id", "name_fi", "name_sv", "name_en"],
        programme.themes.map((t) => [t.id, programme.id, t.fi, t.sv, t.en]),
      ),
    ],
    "write",
  );
}

/** Days and their open surveys, in one transaction. */
export async function insertBulkEvents(db: Db, events: readonly BulkEvent[]): Promise<void> {
  await db.$client.batch(
    [
      ...multiRowInsert(
        "event",
        ["id", "programme_id", "region_code", "date", "theme_id", "title", "attendance"],
        events.map((d) => [d.id, d.programmeId, d.regionCode, d.date, d.themeId, d.title, d.attendance]),
      ),
      ...multiRowInsert(
        "survey",
        ["id", "event_id", "slug", "short_code", "question_set_id"],
        events.map((d) => [d.id, d.id, d.slug, d.shortCode ?? null, d.questionSetId]),
      ),
    ],
    "write",
  );
}

/** Responses and their answers in one write transaction. */
export async function insertBulkResponses(db: Db, responses: readonly BulkResponse[]): Promise<void> {
  await db.$client.batch(multiRowResponseStatements(responses), "write");
}

/** Multi-row INSERTs for many responses and their answers (also the submissions' group commit,
 *  src/queries/response-writer.ts). Responses go first: the tally trigger finds each answer's
 *  survey through its response row. */
export function multiRowResponseStatements(responses: readonly BulkResponse[]): InStatement[] {
  const answers: InValue[][] = [];
  for (const r of responses) for (const a of r.answers) answers.push([r.id, a.questionId, a.numValue, a.textValue]);
  return [
    ...multiRowInsert(
      "response",
      ["id", "survey_id", "submitted_at", "lang"],
      responses.map((r) => [r.id, r.surveyId, r.submittedAt, r.lang]),
    ),
    ...multiRowInsert("answer", ["response_id", "question_id", "num_value", "text_value"], answers),
  ];
}

export async function countSurveyResponses(db: Db, surveyId: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response WHERE survey_id = ${surveyId}`);
  return row?.n ?? 0;
}

/** INSERT … VALUES (…), (…) statements, each under the parameter budget. Table and column names
 *  are this module's constants, never input. */
function multiRowInsert(table: string, columns: readonly string[], rows: readonly InValue[][]): InStatement[] {
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const statements: InStatement[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${Array(chunk.length).fill(tuple).join(", ")}`,
      args: chunk.flat(),
    });
  }
  return statements;
}

/** Folds the WAL into the main file and empties it, so the database file alone is a complete copy. */
export async function checkpointAfterBulkLoad(db: Db): Promise<void> {
  await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}
