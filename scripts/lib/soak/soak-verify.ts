// After the soak, with the server stopped: reads the raw tables directly (not through the app's
// queries, which are what is under test) and compares them with what the clients were told.
import type { Client } from "@libsql/client";
import { openNodeDatabase } from "../../../src/db/open-node-database";
import type { SoakSubmission } from "./soak-clients";

export interface SoakVerification {
  readonly stored: number;
  /** Acknowledged but not in the database: a lost response. */
  readonly lostAcknowledged: number;
  /** Rows sharing an id: a doubled response. */
  readonly duplicates: number;
  /** Stored responses whose answers are not exactly what their client sent (half-stored, altered). */
  readonly wrongAnswers: number;
  /** Answers whose response does not exist. */
  readonly orphanAnswers: number;
  /** Responses with an id no client sent. */
  readonly unknownStored: number;
  /** Stored but never acknowledged: allowed (the kill can land after COMMIT, before the reply). */
  readonly unacknowledgedStored: number;
  /** answer_tally cells that differ from a recount of the raw answers. */
  readonly tallyMismatches: number;
  readonly integrityCheck: string;
  readonly foreignKeyViolations: number;
  /** First few problems, for the report. */
  readonly examples: readonly string[];
}

type Row = Record<string, unknown>;

export async function verifySoak(
  databaseFile: string,
  surveyId: number,
  submissions: readonly SoakSubmission[],
  acknowledged: ReadonlyMap<string, unknown>,
): Promise<SoakVerification> {
  const client = await openNodeDatabase({ url: `file:${databaseFile}` });
  try {
    return await check(client, surveyId, submissions, acknowledged);
  } finally {
    client.close();
  }
}

async function check(
  client: Client,
  surveyId: number,
  submissions: readonly SoakSubmission[],
  acknowledged: ReadonlyMap<string, unknown>,
): Promise<SoakVerification> {
  const examples: string[] = [];
  const note = (text: string) => {
    if (examples.length < 10) examples.push(text);
  };
  const rows = async (sql: string, args: (string | number)[] = []) => (await client.execute({ sql, args })).rows as unknown as Row[];

  const sent = new Map(submissions.map((s) => [s.id, s]));
  const responses = await rows("SELECT id FROM response WHERE survey_id = ?", [surveyId]);
  const storedIds = new Set(responses.map((r) => String(r.id)));

  const duplicateRows = await rows("SELECT id, count(*) AS n FROM response GROUP BY id HAVING count(*) > 1");
  for (const r of duplicateRows) note(`duplicate response ${r.id} ×${r.n}`);

  let lostAcknowledged = 0;
  for (const id of acknowledged.keys()) {
    if (!storedIds.has(id)) {
      lostAcknowledged += 1;
      note(`acknowledged but not stored: ${id}`);
    }
  }

  let unknownStored = 0;
  let unacknowledgedStored = 0;
  for (const id of storedIds) {
    if (!sent.has(id)) {
      unknownStored += 1;
      note(`stored but never sent: ${id}`);
    } else if (!acknowledged.has(id)) unacknowledgedStored += 1;
  }

  const answerRows = await rows(
    `SELECT a.response_id AS responseId, q.key AS key, a.num_value AS num, a.text_value AS text
       FROM answer a JOIN response r ON r.id = a.response_id JOIN question q ON q.id = a.question_id
      WHERE r.survey_id = ?`,
    [surveyId],
  );
  const answersById = new Map<string, Row[]>();
  for (const row of answerRows) {
    const list = answersById.get(String(row.responseId)) ?? [];
    list.push(row);
    answersById.set(String(row.responseId), list);
  }
  let wrongAnswers = 0;
  for (const id of storedIds) {
    const submission = sent.get(id);
    if (!submission) continue;
    const problem = answerProblem(submission, answersById.get(id) ?? []);
    if (problem) {
      wrongAnswers += 1;
      note(`response ${id}: ${problem}`);
    }
  }

  const [orphans] = await rows("SELECT count(*) AS n FROM answer a LEFT JOIN response r ON r.id = a.response_id WHERE r.id IS NULL");

  const recount = await rows(
    `SELECT r.survey_id AS s, a.question_id AS q, a.num_value AS v, count(*) AS n
       FROM answer a JOIN response r ON r.id = a.response_id
      WHERE a.num_value IS NOT NULL GROUP BY r.survey_id, a.question_id, a.num_value`,
  );
  const tally = await rows("SELECT survey_id AS s, question_id AS q, value AS v, count AS n FROM answer_tally WHERE count <> 0");
  const cell = (r: Row) => `${r.s}/${r.q}/${Number(r.v)}`;
  const expected = new Map(recount.map((r) => [cell(r), Number(r.n)]));
  const actual = new Map(tally.map((r) => [cell(r), Number(r.n)]));
  let tallyMismatches = 0;
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if (expected.get(key) !== actual.get(key)) {
      tallyMismatches += 1;
      note(`answer_tally ${key}: ${actual.get(key) ?? 0}, recount ${expected.get(key) ?? 0}`);
    }
  }

  const [integrity] = await rows("PRAGMA integrity_check");
  const foreignKeys = await rows("PRAGMA foreign_key_check");

  return {
    stored: storedIds.size,
    lostAcknowledged,
    duplicates: duplicateRows.length,
    wrongAnswers,
    orphanAnswers: Number(orphans?.n ?? 0),
    unknownStored,
    unacknowledgedStored,
    tallyMismatches,
    integrityCheck: String(Object.values(integrity ?? {})[0] ?? "no answer"),
    foreignKeyViolations: foreignKeys.length,
    examples,
  };
}

/** Exactly the four answers the client sent, each with the value it sent; null when they match. */
function answerProblem(submission: SoakSubmission, stored: Row[]): string | null {
  const byKey = new Map(stored.map((row) => [String(row.key), row]));
  if (stored.length !== 4 || byKey.size !== 4) return `${stored.length} answers stored, 4 sent`;
  const { grade, usefulness, sector, good } = submission.answers;
  if (Number(byKey.get("grade")?.num) !== grade) return "grade differs";
  if (Number(byKey.get("usefulness")?.num) !== usefulness) return "usefulness differs";
  if (byKey.get("sector")?.text !== sector) return "sector differs";
  if (byKey.get("good")?.text !== good) return "comment differs";
  return null;
}
