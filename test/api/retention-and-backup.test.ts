import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { loadDays } from "../../src/routes/dashboard-data";
import { backupInto } from "../../src/queries/backup";
import { daysWithResponses, deleteDayResponses } from "../../src/queries/retention";
import { createTestDb } from "../helpers/test-db";

const dir = mkdtempSync(join(tmpdir(), "palaute-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("data lifecycle", () => {
  it("deletes one day's responses, answers and rollups, and nothing else", async () => {
    const db = await createTestDb();
    await seedDemoDataIfEmpty(db);
    const before = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response`);
    const [day] = await daysWithResponses(db, { eventId: 1 });
    expect(day!.responses).toBe(120);
    expect(await deleteDayResponses(db, [day!], false)).toBe(120);
    const count = async (q: ReturnType<typeof sql>) => (await db.all<{ n: number }>(q))[0]!.n;
    expect(await count(sql`SELECT count(*) AS n FROM response`)).toBe(before[0]!.n - 120);
    expect(await count(sql`SELECT count(*) AS n FROM answer a LEFT JOIN response r ON r.id = a.response_id WHERE r.id IS NULL`)).toBe(0);
    expect(await count(sql`SELECT coalesce(sum(t.count), 0) AS n FROM answer_tally t JOIN survey s ON s.id = t.survey_id WHERE s.event_id = 1`)).toBe(0);
    expect(await count(sql`SELECT response_count AS n FROM survey WHERE event_id = 1`)).toBe(0);
    expect(await daysWithResponses(db, { eventId: 1 })).toEqual([]);
  });

  it("keeps an old day's grade and n as its figure when its answers go", async () => {
    const db = await createTestDb();
    await seedDemoDataIfEmpty(db);
    const [before] = (await loadDays({ db }, "all", {})).filter((d) => d.id === 4);
    const old = await daysWithResponses(db, { before: "2020-01-01" });
    expect(old.length).toBe(52);
    await deleteDayResponses(db, old, true);
    const [after] = (await loadDays({ db }, "all", {})).filter((d) => d.id === 4);
    expect(after!.grade).toMatchObject({ source: "reported", n: before!.grade.n });
    expect(after!.grade.mean).toBeCloseTo(before!.grade.mean!, 10);
    expect((await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM answer`))[0]!.n).toBe(0);
  });
});

describe("backup", () => {
  it("writes a consistent copy that opens with every response", async () => {
    const client = await openNodeDatabase({ url: `file:${join(dir, "live.db")}` });
    const db = createDb(client);
    await runMigrations(db);
    await seedDemoDataIfEmpty(db);
    await backupInto(db, join(dir, "copy.db"));
    const copy = createDb(await openNodeDatabase({ url: `file:${join(dir, "copy.db")}` }));
    const q = sql`SELECT (SELECT count(*) FROM response) AS responses, (SELECT sum(count) FROM answer_tally) AS tallies`;
    expect(await copy.all(q)).toEqual(await db.all(q));
    client.close();
  });
});
