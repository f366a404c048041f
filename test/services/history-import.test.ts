import { sql } from "drizzle-orm";
import { createApp } from "../../src/app";
import { beforeEach, describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/authorize";
import type { Db } from "../../src/db/client";
import { parseImport } from "../../src/domain/history-import";
import { serviceContext } from "../../src/services/context";
import { IMPORT_TEMPLATE, importChoices, importHistory } from "../../src/services/history-import";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// importHistory called directly on a real in-memory database with the real migrations (the demo
// data is not needed: one programme with one theme and one day). What test/api/history-import.test.ts
// does not pin: who may import, an unknown programme, a cancelled day is matched rather than
// duplicated, an update rewrites the day, the audit line, and the downloadable template. Each test
// names the mutant of src/services/history-import.ts it holds in place.

const NOW = Date.parse("2026-01-15T10:00:00Z");
let db: Db;
let programmeId: number;
let dayId: number;
const deps = () => serviceContext(db, { now: () => NOW });
const person = (role: Principal["role"]): Principal => ({
  userId: 7,
  email: `${role}@test.example`,
  name: role,
  role,
  regions: role === "national" ? [] : ["16"],
  allRegions: false,
  area: null,
});
const HEADER = "region,date,theme,title,place,attendance,mean,n,source\n";
const csv = (...rows: string[]) => HEADER + rows.join("\n");
const eventCount = async () => (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM event`))[0]!.n;

beforeEach(async () => {
  db = await createTestDb();
  ({ eventId: dayId } = await createTestSurvey(db, { regionCode: "16", date: "2019-09-04", attendance: 40 }));
  programmeId = (await db.all<{ id: number }>(sql`SELECT programme_id AS id FROM event WHERE id = ${dayId}`))[0]!.id;
  // The user row the national principal's audit line points to.
  await db.run(sql`INSERT INTO user (id, email, name, role, password_hash) VALUES (7, 'national@test.example', 'N', 'national', 'x')`);
});

describe("importHistory", () => {
  it("refuses an agent (kills: the national-only check → false)", async () => {
    await expect(
      importHistory(deps(), person("agent"), { text: csv("16,2019-10-01,,Päivä,Oulu,30,8.1,20,R"), programmeId, dryRun: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("names an unknown programme as the field's problem (kills: the programme check → false, its strings)", async () => {
    await expect(importHistory(deps(), "cli", { text: csv(), programmeId: 999, dryRun: true })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ key: "programmeId", code: "unknown", message: "programme not found" }],
    });
  });

  it("matches a cancelled day instead of making a second one, and rewrites it (kills: includeCancelled → false; if (event) updateEvent → false)", async () => {
    await db.run(sql`UPDATE event SET cancelled_at = ${NOW - 1000} WHERE id = ${dayId}`);
    const before = await eventCount();
    const result = await importHistory(deps(), "cli", {
      text: csv("16,2019-09-04,Testiteema,Uusi otsikko,Kokkola,41,8.3,30,Raportti"),
      programmeId,
      dryRun: false,
    });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.action)).toEqual(["update"]);
    expect(await eventCount()).toBe(before);
    const [day] = await db.all<{ title: string; attendance: number; mean: number }>(
      sql`SELECT title, attendance, reported_grade_mean AS mean FROM event WHERE id = ${dayId}`,
    );
    expect(day).toEqual({ title: "Uusi otsikko", attendance: 41, mean: 8.3 });
  });

  it("audits an import from the command line as 'cli' and one by a person as that person (kills: the audit line's conditions and strings)", async () => {
    const text = csv("16,2019-10-01,,Päivä,Oulu,30,8.1,20,R", "16,2019-09-04,,Toinen,Kokkola,40,8.0,,R");
    await importHistory(deps(), "cli", { text, programmeId, dryRun: false });
    await importHistory(deps(), person("national"), { text, programmeId, dryRun: false });
    const lines = await db.all<{ user_id: number | null; actor: string | null; action: string; target: string; details_json: string }>(
      sql`SELECT user_id, actor, action, target, details_json FROM audit_log ORDER BY id`,
    );
    expect(lines).toEqual([
      {
        user_id: null,
        actor: "cli",
        action: "history_imported",
        target: `programme:${programmeId}`,
        details_json: JSON.stringify({ created: 1, updated: 1, unchanged: 0 }),
      },
      {
        user_id: 7,
        actor: null,
        action: "history_imported",
        target: `programme:${programmeId}`,
        details_json: JSON.stringify({ created: 0, updated: 0, unchanged: 2 }),
      },
    ]);
  });
});

describe("importHistory, errors", () => {
  it("reads region and theme names in any case; keeps parse errors beside a day with answers, by line, and writes nothing (kills: the lower-casing of names, [...parsed.errors] → [], the has_answers branch, the sort, the errors check)", async () => {
    const answered = await createTestSurvey(db, { regionCode: "16", date: "2019-11-01" });
    const res = await createApp({ db }).request(`/s/${answered.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 8 } }),
    });
    expect(res.status).toBeLessThan(400);
    const before = await eventCount();
    const good = "KESKI-POHJANMAA,2019-10-01,TESTITEEMA,Päivä,Oulu,30,8.1,20,R";
    // The answered day's line comes first: its error is found after the parse errors, then sorted in.
    const text = csv(good, "16,2019-11-01,,Toinen,Y,30,8,,R", "zz-nowhere,2019-10-02,,X,Y,30,8,,R");
    const result = await importHistory(deps(), "cli", { text, programmeId, dryRun: false });
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "has_answers"],
      [4, expect.stringMatching(/region/)],
    ]);
    expect(await eventCount()).toBe(before);
    const ok = await importHistory(deps(), "cli", { text: csv(good), programmeId, dryRun: false });
    expect(ok).toMatchObject({ applied: true, errors: [], rows: [{ action: "create", regionCode: "16" }] });
    const themeId = (await db.all<{ id: number }>(sql`SELECT id FROM theme WHERE name_fi = 'Testiteema'`))[0]!.id;
    const [made] = await db.all<{ theme_id: number }>(sql`SELECT theme_id FROM event WHERE date = '2019-10-01'`);
    expect(made!.theme_id).toBe(themeId);
  });

  it("matches a national day (no region) on a second import instead of making another (kills: the '-' of either key → '')", async () => {
    const text = csv("national,2019-10-05,,Valtakunnallinen,Helsinki,150,8.4,90,R");
    await importHistory(deps(), "cli", { text, programmeId, dryRun: false });
    const before = await eventCount();
    const again = await importHistory(deps(), "cli", { text, programmeId, dryRun: false });
    expect(again.rows.map((r) => [r.regionCode, r.action])).toEqual([[null, "unchanged"]]);
    expect(await eventCount()).toBe(before);
  });

  it("a dry run writes nothing even when every row is good (kills: dryRun || errors → false / &&)", async () => {
    const before = await eventCount();
    const result = await importHistory(deps(), "cli", { text: csv("16,2019-10-01,,Päivä,Oulu,30,8.1,20,R"), programmeId, dryRun: true });
    expect(result).toMatchObject({ applied: false, errors: [], rows: [{ action: "create" }] });
    expect(await eventCount()).toBe(before);
  });
});

describe("importChoices", () => {
  it("offers the programmes and the regions (kills: the function's body)", async () => {
    const choices = await importChoices({ db });
    expect(choices.programmes.map((p) => p.id)).toContain(programmeId);
    expect(choices.regions.map((r) => r.code)).toContain("16");
  });
});

describe("IMPORT_TEMPLATE", () => {
  it("is a file the import reads: its example row has no error (kills: the template → '')", () => {
    const parsed = parseImport(IMPORT_TEMPLATE, {
      regions: new Map([["keski-pohjanmaa", "16"]]),
      themes: new Map([["uudenlainen johtaminen", 3]]),
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toMatchObject([{ regionCode: "16", date: "2019-09-04", themeId: 3, attendance: 47, mean: 8.5, n: null }]);
  });
});
