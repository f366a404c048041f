import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Submissions that arrive together are written in one transaction (src/queries/response-writer.ts).
// Every participant must still get exactly the answer they would have got alone.
const NOW = Date.parse("2019-09-04T14:00:00Z");

let db: Db;
let app: ReturnType<typeof createApp>;
let event: TestSurvey;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  event = await createTestSurvey(db);
});

const postJson = (slug: string, body: unknown) =>
  app.request(`/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });

async function countResponses(surveyId: number): Promise<number> {
  return (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response WHERE survey_id = ${surveyId}`))[0]!.n;
}

describe("group commit of submissions", () => {
  it("stores forty simultaneous submissions in far fewer transactions, each answered 201 with its own id", async () => {
    const target = await createTestSurvey(db);
    const batch = vi.spyOn(db.$client, "batch");
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    const results = await Promise.all(
      ids.map((id, i) => postJson(target.slug, { submission_id: id, answers: { grade: 4 + (i % 7), sector: "ngo" } })),
    );
    const transactions = batch.mock.calls.length;
    batch.mockRestore();
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 201));
    expect(bodies).toEqual(ids.map((id) => ({ id })));
    expect(await countResponses(target.surveyId)).toBe(40);
    expect(transactions, `${transactions} write transactions`).toBeGreaterThan(0);
    expect(transactions, `${transactions} write transactions`).toBeLessThan(10);

    const tallies = await db.all<{ n: number }>(sql`SELECT sum(count) AS n FROM answer_tally WHERE survey_id = ${target.surveyId}`);
    expect(tallies[0]!.n).toBe(80); // grade and sector of each
  });

  it("answers a retry 200, a reused id 409 and a new one 201 when they arrive together", async () => {
    const other = await createTestSurvey(db);
    const stored = crypto.randomUUID();
    expect((await postJson(event.slug, { submission_id: stored, answers: { grade: 8 } })).status).toBe(201);
    const before = await countResponses(event.surveyId);

    const fresh = crypto.randomUUID();
    const [retry, reused, created] = await Promise.all([
      postJson(event.slug, { submission_id: stored, answers: { grade: 8 } }),
      postJson(other.slug, { submission_id: stored, answers: { grade: 5 } }),
      postJson(event.slug, { submission_id: fresh, answers: { grade: 10 } }),
    ]);
    expect(retry!.status, await retry!.clone().text()).toBe(200);
    expect(await retry!.json()).toEqual({ id: stored });
    expect(reused!.status).toBe(409);
    expect(created!.status).toBe(201);
    expect(await countResponses(event.surveyId)).toBe(before + 1);
    expect(await countResponses(other.surveyId)).toBe(0);
  });

  it("stores a submission sent twice at the same moment once: one 201, one 200", async () => {
    const target = await createTestSurvey(db);
    const id = crypto.randomUUID();
    const twice = await Promise.all([1, 2].map(() => postJson(target.slug, { submission_id: id, answers: { grade: 7 } })));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(await countResponses(target.surveyId)).toBe(1);
  });

  it("keeps answer tallies equal to a recount after a group fell back to one-by-one", async () => {
    const target = await createTestSurvey(db);
    const dup = crypto.randomUUID();
    await Promise.all([
      postJson(target.slug, { submission_id: dup, answers: { grade: 9, usefulness: 4 } }),
      postJson(target.slug, { submission_id: dup, answers: { grade: 9, usefulness: 4 } }),
      postJson(target.slug, { answers: { grade: 6 } }),
    ]);
    const recount =
      await db.all(sql`SELECT a.question_id, a.num_value AS value, count(*) AS count FROM answer a JOIN response r ON r.id = a.response_id
                                     WHERE r.survey_id = ${target.surveyId} AND a.num_value IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
    const tallies = await db.all(
      sql`SELECT question_id, value, count FROM answer_tally WHERE survey_id = ${target.surveyId} AND count > 0 ORDER BY 1, 2`,
    );
    expect(tallies).toEqual(recount);
    expect(await countResponses(target.surveyId)).toBe(2);
  });
});
