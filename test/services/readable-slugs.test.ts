import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { getEvent, type EventRow } from "../../src/queries/events";
import { serviceContext } from "../../src/services/context";
import { chooseReadableSlug, readableSlugOf, surveyForAlias } from "../../src/services/readable-slugs";
import { createTestUser, testPrincipal } from "../helpers/accounts";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// A day's readable address, chosen through the service on a real in-memory database with the real
// migrations: what is stored, what is refused, and the audit line of each real change (none for a
// change to the same address). Each test names the mutant of src/services/readable-slugs.ts it
// holds in place.

let db: Db;
let a: TestSurvey;
let b: TestSurvey;
let principal: SessionPrincipal;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const eventOf = async (s: TestSurvey): Promise<EventRow> => (await getEvent(db, s.eventId))!;
const choose = async (s: TestSurvey, typed: string) => chooseReadableSlug(deps(), principal, await eventOf(s), typed);
const audit = () =>
  db.all<{ user_id: number; action: string; region_code: string | null; target: string; details_json: string }>(
    sql`SELECT user_id, action, region_code, target, details_json FROM audit_log ORDER BY id`,
  );

beforeEach(async () => {
  db = await createTestDb();
  a = await createTestSurvey(db, { regionCode: "16" });
  b = await createTestSurvey(db, { regionCode: "01" });
  const user = await createTestUser(db, "national");
  principal = testPrincipal({ userId: user.id, email: user.email, name: "N", role: "national", regions: [] });
});

describe("chooseReadableSlug", () => {
  it("stores the address as checked (lower case, no spaces) and audits the change (kills: the audit line's strings and details)", async () => {
    expect(await choose(a, "  Kokkola-Syksy  ")).toEqual({ ok: true, alias: "kokkola-syksy" });
    expect(await readableSlugOf(deps(), await eventOf(a))).toBe("kokkola-syksy");
    expect(await surveyForAlias(deps(), "KOKKOLA-SYKSY")).toBe(a.slug);
    expect(await audit()).toEqual([
      {
        user_id: principal.userId,
        action: "survey_slug_changed",
        region_code: "16",
        target: `event:${a.eventId}`,
        details_json: JSON.stringify({ previousSlug: null, slug: "kokkola-syksy" }),
      },
    ]);
  });

  it("choosing the same address again changes nothing and audits nothing (kills: alias === current → false)", async () => {
    await choose(a, "kokkola-syksy");
    expect(await choose(a, "Kokkola-Syksy")).toEqual({ ok: true, alias: "kokkola-syksy" });
    expect(await audit()).toHaveLength(1);
  });

  it("refuses another survey's address, old or current, but lets a survey take back its own (kills: the holder check → true/false, !== → ===)", async () => {
    await choose(a, "kokkola-syksy");
    expect(await choose(b, "kokkola-syksy")).toEqual({ ok: false, problem: "taken" });
    await choose(a, "kokkola-kevat");
    expect(await choose(b, "kokkola-syksy")).toEqual({ ok: false, problem: "taken" });
    expect(await surveyForAlias(deps(), "kokkola-syksy")).toBe(a.slug);
    expect(await choose(a, "kokkola-syksy")).toEqual({ ok: true, alias: "kokkola-syksy" });
  });

  it("refuses an address of the wrong shape with the checker's problem, storing nothing (kills: !checked.ok → false)", async () => {
    expect(await choose(a, "ab")).toEqual({ ok: false, problem: "length" });
    expect(await readableSlugOf(deps(), await eventOf(a))).toBeNull();
    expect(await audit()).toEqual([]);
  });

  it("'' (or spaces) removes the address, the removed one still leads to the survey (kills: typed.trim() !== '' → true/false)", async () => {
    await choose(a, "kokkola-syksy");
    expect(await choose(a, "   ")).toEqual({ ok: true, alias: null });
    expect(await readableSlugOf(deps(), await eventOf(a))).toBeNull();
    expect(await surveyForAlias(deps(), "kokkola-syksy")).toBe(a.slug);
    expect(JSON.parse((await audit())[1]!.details_json)).toEqual({ previousSlug: "kokkola-syksy", slug: null });
  });
});

describe("surveyForAlias", () => {
  it("answers null for an address of the wrong shape or one nobody chose", async () => {
    expect(await surveyForAlias(deps(), "x")).toBeNull();
    expect(await surveyForAlias(deps(), "nobody-chose-this")).toBeNull();
  });
});
