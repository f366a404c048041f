// The submission baseline: how many responses per second the database itself takes, one write
// transaction per response (1 response row + 5 answer rows, the answer_tally triggers firing), on
// the same kind of file opened with the same settings as the server (openNodeDatabase: one
// connection, WAL, synchronous=FULL). The SQL is written out here on purpose, outside
// src/queries: this measures libSQL, not the app's query layer. Statements have the same shape
// as storeResponse's (one INSERT for the response, one multi-row INSERT for its answers).
import { randomUUID } from "node:crypto";
import { openNodeDatabase } from "../../src/db/open-node-database";
import type { CoreKey, SubmissionAnswers } from "./submissions";

export interface RawInsertResult {
  readonly perSecond: number;
  readonly count: number;
  /** Milliseconds per transaction. */
  readonly p50: number;
  readonly p99: number;
  /** This process's CPU time per insert (user + system), comparable to the server's CPU per request. */
  readonly cpuMicrosPerRequest: number;
}

export async function measureRawInserts(
  databaseUrl: string,
  target: { surveyId: number; questionIds: Readonly<Record<CoreKey, number>> },
  makeAnswers: () => SubmissionAnswers,
  seconds: number,
): Promise<RawInsertResult> {
  const client = await openNodeDatabase({ url: databaseUrl });
  const ids = target.questionIds;
  const durations: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    while (performance.now() < deadline) {
      const id = randomUUID();
      const a = makeAnswers();
      const t0 = performance.now();
      await client.batch(
        [
          {
            sql: "INSERT INTO response (id, survey_id, submitted_at, lang) VALUES (?, ?, ?, ?)",
            args: [id, target.surveyId, Date.now(), "fi"],
          },
          {
            sql: "INSERT INTO answer (response_id, question_id, num_value, text_value) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)",
            args: [
              id,
              ids.grade,
              a.grade,
              null,
              id,
              ids.usefulness,
              a.usefulness,
              null,
              id,
              ids.sector,
              a.sectorPosition,
              a.sector,
              id,
              ids.good,
              null,
              a.good,
              id,
              ids.improve,
              null,
              a.improve,
            ],
          },
        ],
        "write",
      );
      durations.push(performance.now() - t0);
    }
  } finally {
    client.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  durations.sort((x, y) => x - y);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return {
    perSecond: durations.length / elapsed,
    count: durations.length,
    p50: at(0.5),
    p99: at(0.99),
    cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, durations.length),
  };
}
