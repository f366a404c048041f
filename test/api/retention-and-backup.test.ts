import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { loadEvents } from "../../src/services/dashboard-data";
import { backupInto } from "../../src/queries/backup";
import { eventsWithResponses } from "../../src/queries/retention";
import { serviceContext } from "../../src/services/context";
import { deleteAnswers } from "../../src/services/retention";
import { createApp } from "../../src/app";
import { eventResponseRate } from "../../src/domain/analytics";
import { formatCalendarDate, helsinkiDate } from "../../src/domain/stats";
import { gradeSumsBy } from "../../src/queries/grade-sums";
import { listEvents } from "../../src/queries/events";
import { eventJson } from "../../src/http/presenters/event-json";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

const dir = mkdtempSync(join(tmpdir(), "palaute-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("data lifecycle", () => {
  it("erases one day's responses, answers and rollups, and nothing else", async () => {
    const db = await createTestDb();
    await seedDemoDataIfEmpty(db);
    const before = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response`);
    const result = await deleteAnswers(serviceContext(db), { eventId: 1 }, { dryRun: false });
    expect(result).toMatchObject({ keepFigures: false, deleted: 120 });
    const count = async (q: ReturnType<typeof sql>) => (await db.all<{ n: number }>(q))[0]!.n;
    expect(await count(sql`SELECT count(*) AS n FROM response`)).toBe(before[0]!.n - 120);
    expect(await count(sql`SELECT count(*) AS n FROM answer a LEFT JOIN response r ON r.id = a.response_id WHERE r.id IS NULL`)).toBe(0);
    expect(
      await count(sql`SELECT coalesce(sum(t.count), 0) AS n FROM answer_tally t JOIN survey s ON s.id = t.survey_id WHERE s.event_id = 1`),
    ).toBe(0);
    expect(await count(sql`SELECT response_count AS n FROM survey WHERE event_id = 1`)).toBe(0);
    expect(await eventsWithResponses(db, { eventId: 1 })).toEqual([]);
  });

  it("retention keeps every old day's figures (n, mean, SD, CI, distribution, response rate), labelled archived", async () => {
    const db = await createTestDb();
    await seedDemoDataIfEmpty(db);
    const app = createApp({ db });
    // A small day: its sector answers (3) are too few to keep as a tally; its grade stays.
    const small = await createTestSurvey(db, { regionCode: "16", date: "2019-10-01", attendance: 10 });
    for (const sector of ["parish", "ngo", "parish"]) {
      await app.request(`/s/${small.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade: 7, sector, good: "kiitos" } }),
      });
    }
    const shape = (d: Awaited<ReturnType<typeof loadEvents>>[number]) => ({
      id: d.id,
      responses: d.responses,
      rate: eventResponseRate(d),
      grade: { ...d.grade, source: null },
    });
    const loaded = await loadEvents(serviceContext(db), "all", {});
    const beforeEvents = loaded.map(shape);
    const reportedBefore = loaded.filter((d) => d.grade.source === "reported").map((d) => d.id);
    const now = Date.now() - 1000;
    const beforeRegions = await gradeSumsBy(db, { regions: "all" }, "region", now);
    const result = await deleteAnswers(serviceContext(db, { now: () => now }), { before: "2020-01-01" }, { dryRun: false });
    expect(result.days.length).toBe(53);
    const afterEvents = await loadEvents(serviceContext(db), "all", {});
    expect(afterEvents.map(shape)).toEqual(beforeEvents);
    expect(await gradeSumsBy(db, { regions: "all" }, "region", now)).toEqual(beforeRegions);
    const kept = afterEvents.find((d) => d.id === 4)!;
    expect(kept.grade.source).toBe("archived");
    expect(kept.grade.sd).not.toBeNull();
    expect(kept.grade.distribution).not.toBeNull();
    // Published days stay published; nothing is relabelled.
    expect(afterEvents.filter((d) => d.grade.source === "reported").map((d) => d.id)).toEqual(reportedBefore);
    expect(afterEvents.filter((d) => d.grade.source === "responses")).toEqual([]);
    const count = async (q: ReturnType<typeof sql>) => (await db.all<{ n: number }>(q))[0]!.n;
    expect(await count(sql`SELECT count(*) AS n FROM answer`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM response`)).toBe(0);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM answer_tally t JOIN question q ON q.id = t.question_id WHERE t.survey_id = ${small.surveyId} AND q.key = 'sector'`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM answer_tally t JOIN question q ON q.id = t.question_id WHERE t.survey_id = ${small.surveyId} AND q.key = 'grade'`,
      ),
    ).toBe(1);
    // The survey is closed, the API says when the answers went, and a second run finds nothing.
    expect((await app.request(`/s/${small.slug}`)).status).toBe(410);
    const row = (await listEvents(db, { regions: "all" })).find((e) => e.id === small.eventId)!;
    expect(eventJson(row, "fi", "http://x", now).archivedOn).toBe(formatCalendarDate(helsinkiDate(now)));
    expect((await deleteAnswers(serviceContext(db, { now: () => now }), { before: "2020-01-01" }, { dryRun: false })).days).toEqual([]);
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
