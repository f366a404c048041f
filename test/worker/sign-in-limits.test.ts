import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT } from "../../src/services/sign-in";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { startWorker, startWorkerDatabase, type RunningWorker, type WorkerDatabase } from "./harness";

// Issue 15 on the Worker: the same limits hold when 100 sign-ins arrive at once over HTTP, each on
// its own connection, through libSQL over HTTP (every attempt is one remote upsert returning its count).

let database: WorkerDatabase;
let worker: RunningWorker;
let user: TestUser;

beforeAll(async () => {
  database = await startWorkerDatabase();
  user = await createTestUser(database.db, "agent", ["16"]);
  worker = await startWorker({ LIBSQL_URL: database.url });
});

afterAll(async () => {
  await worker?.close();
  await database?.close();
});

describe("Worker: sign-in limits under a simultaneous burst", () => {
  it(`checks at most ${MAX_FAILURES_PER_ACCOUNT} passwords of one account from 100 parallel attempts, the right one among them`, async () => {
    const origin = worker.url.origin;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        worker.fetch("/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json", origin },
          body: JSON.stringify({ email: user.email, password: i === 42 ? user.password : `wrong guess ${i}` }),
        }),
      ),
    );
    const counts: Record<number, number> = {};
    for (const res of responses) counts[res.status] = (counts[res.status] ?? 0) + 1;
    const failed = responses.find((r) => r.status >= 500);
    expect(failed, failed && (await failed.text())).toBeUndefined();
    const checked = (counts[401] ?? 0) + (counts[200] ?? 0);
    expect(checked, JSON.stringify(counts)).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(counts[429], JSON.stringify(counts)).toBe(100 - checked);
    // Refusals are aggregated: a couple of audit rows whose counts add up, not 100.
    const rows = await database.db.all<{ count: number }>(
      sql`SELECT count FROM audit_log WHERE action IN ('login_failed', 'login_rate_limited')`,
    );
    expect(rows.length, JSON.stringify(rows)).toBeLessThanOrEqual(4);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(100 - (counts[200] ?? 0));
    expect(JSON.stringify(await database.db.all(sql`SELECT * FROM audit_log`))).not.toContain(user.email);
  }, 60_000);
});

describe("Worker: configuration", () => {
  it("says what to do when IDENTIFIER_SECRET is not set", async () => {
    const unconfigured = await startWorker({ LIBSQL_URL: database.url, IDENTIFIER_SECRET: "" });
    try {
      const res = await unconfigured.fetch("/healthz");
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error.message).toContain("IDENTIFIER_SECRET is missing");
      expect(body.error.message).toContain("wrangler secret put IDENTIFIER_SECRET");
    } finally {
      await unconfigured.close();
    }
  });
});
