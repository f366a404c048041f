import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { answerTally, question } from "../db/schema";

export interface LiveCounts {
  readonly grade: Map<number, number>;
  readonly usefulness: Map<number, number>;
}

const LIVE_KEYS = ["grade", "usefulness"] as const;

// The first `limit` responses in arrival order (the submitted-at index), then their grade and
// usefulness answers counted: a day's answers are tens to a few hundred rows, read once a second
// at most (src/services/live-figures.ts caches it).
const RELEASED_COUNTS_SQL = `SELECT q.key AS key, a.num_value AS value, count(*) AS count
  FROM (SELECT id FROM response WHERE survey_id = ? ORDER BY submitted_at, id LIMIT ?) r
  JOIN answer a ON a.response_id = r.id
  JOIN question q ON q.id = a.question_id
  WHERE q.set_id = ? AND q.key IN ('grade', 'usefulness') AND a.num_value IS NOT NULL
  GROUP BY q.key, a.num_value`;

/** Grade and usefulness counts of a survey's first `limit` real responses (test answers live elsewhere). */
export async function releasedScaleCounts(db: Db, surveyId: number, coreSetId: number, limit: number): Promise<LiveCounts> {
  const counts: LiveCounts = { grade: new Map(), usefulness: new Map() };
  if (limit <= 0) return counts;
  const { rows } = await db.$client.execute({ sql: RELEASED_COUNTS_SQL, args: [surveyId, limit, coreSetId] });
  for (const row of rows) add(counts, String(row.key), Number(row.value), Number(row.count));
  return counts;
}

/** The same counts for a survey whose answers retention deleted: its kept tallies (no answer arrives any more). */
export async function archivedScaleCounts(db: Db, surveyId: number, coreSetId: number): Promise<LiveCounts> {
  const counts: LiveCounts = { grade: new Map(), usefulness: new Map() };
  const rows = await db
    .select({ key: question.key, value: answerTally.value, count: answerTally.count })
    .from(answerTally)
    .innerJoin(question, eq(question.id, answerTally.questionId))
    .where(and(eq(answerTally.surveyId, surveyId), eq(question.setId, coreSetId), inArray(question.key, [...LIVE_KEYS])));
  for (const row of rows) add(counts, row.key, row.value, row.count);
  return counts;
}

function add(counts: LiveCounts, key: string, value: number, count: number): void {
  const map = key === "grade" ? counts.grade : key === "usefulness" ? counts.usefulness : null;
  if (map && count > 0) map.set(value, (map.get(value) ?? 0) + count);
}
