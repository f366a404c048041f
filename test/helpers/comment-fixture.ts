import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import type { Lang } from "../../src/domain/lang";

// Answers written straight into a day's survey (the real tables and triggers): one response per
// comment, with a grade when given, so explorer tests can set exact cell sizes.

let counter = 0;

async function questionId(db: Db, key: string): Promise<number> {
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM question WHERE set_id = 1 AND key = ${key}`);
  return rows[0]!.id;
}

export async function addComments(
  db: Db,
  surveyId: number,
  comments: readonly { text: string; lang?: Lang; grade?: number | null; question?: "good" | "improve" }[],
): Promise<void> {
  const grade = await questionId(db, "grade");
  for (const c of comments) {
    counter += 1;
    const id = `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`;
    await db.run(
      sql`INSERT INTO response (id, survey_id, submitted_at, lang) VALUES (${id}, ${surveyId}, ${1567584000000 + counter}, ${c.lang ?? "fi"})`,
    );
    const text = await questionId(db, c.question ?? "good");
    await db.run(sql`INSERT INTO answer (response_id, question_id, text_value) VALUES (${id}, ${text}, ${c.text})`);
    if (c.grade !== undefined && c.grade !== null)
      await db.run(sql`INSERT INTO answer (response_id, question_id, num_value) VALUES (${id}, ${grade}, ${c.grade})`);
  }
}

export const repeat = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));
