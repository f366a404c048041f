import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { serviceContext } from "../../src/services/context";
import { deleteAnswers } from "../../src/services/retention";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// deleteAnswers (npm run retention / the erasure of one day) called directly on a real in-memory
// database with the real migrations, answers sent through the real survey route. What the CLI
// tests (child processes, unseen by Stryker) do not read back: a dry run deletes nothing, a run
// with nothing to delete writes no audit line, and the audit line of a deletion. Each test names
// the mutant of src/services/retention.ts it holds in place.

const NOW = Date.parse("2026-01-15T10:00:00Z");
let db: Db;
let old: { eventId: number };
let recent: { eventId: number };

const responses = async () => (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response`))[0]!.n;
const audit = () =>
  db.all<{ at: number; actor: string | null; action: string; target: string | null; details_json: string | null }>(
    sql`SELECT at, actor, action, target, details_json FROM audit_log ORDER BY id`,
  );
const deps = () => serviceContext(db, { now: () => NOW });

beforeEach(async () => {
  db = await createTestDb();
  const app = createApp({ db });
  const answer = async (slug: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const res = await app.request(`/s/${slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade: 8 } }),
      });
      expect(res.status).toBeLessThan(400);
    }
  };
  const a = await createTestSurvey(db, { date: "2019-09-04" });
  const b = await createTestSurvey(db, { date: "2025-09-04" });
  await answer(a.slug, 3);
  await answer(b.slug, 2);
  old = a;
  recent = b;
});

describe("deleteAnswers", () => {
  it("dry run: names the days and deletes nothing (kills: dryRun || none → dryRun && none, → false)", async () => {
    const result = await deleteAnswers(deps(), { before: "2020-01-01" }, { dryRun: true });
    expect(result).toMatchObject({ keepFigures: true, deleted: 0 });
    expect(result.days.map((d) => [d.eventId, d.responses])).toEqual([[old.eventId, 3]]);
    expect(await responses()).toBe(5);
    expect(await audit()).toEqual([]);
  });

  it("nothing to delete: no audit line (kills: events.length === 0 → false)", async () => {
    const result = await deleteAnswers(deps(), { before: "2019-01-01" }, { dryRun: false });
    expect(result).toEqual({ days: [], keepFigures: true, deleted: 0 });
    expect(await audit()).toEqual([]);
  });

  it("retention: deletes the old day's answers and records who, what and how many (kills: the audit line's strings and details)", async () => {
    const result = await deleteAnswers(deps(), { before: "2020-01-01" }, { dryRun: false });
    expect(result.deleted).toBe(3);
    expect(await responses()).toBe(2);
    const [line] = await audit();
    expect(line).toEqual({
      at: NOW,
      actor: "cli",
      action: "responses_deleted",
      target: "before:2020-01-01",
      details_json: JSON.stringify({ days: [old.eventId], responses: 3, figuresKept: true }),
    });
  });

  it("erasing one day: its figures go too, and the audit line names the day", async () => {
    const result = await deleteAnswers(deps(), { eventId: recent.eventId }, { dryRun: false });
    expect(result).toMatchObject({ keepFigures: false, deleted: 2 });
    expect(await responses()).toBe(3);
    const [line] = await audit();
    expect(line!.target).toBe(`event:${recent.eventId}`);
    expect(JSON.parse(line!.details_json!)).toEqual({ days: [recent.eventId], responses: 2, figuresKept: false });
  });
});
