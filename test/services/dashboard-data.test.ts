import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { serviceContext } from "../../src/services/context";
import { loadEvents } from "../../src/services/dashboard-data";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// loadEvents (every dashboard figure starts here) on a real in-memory database with the real
// migrations, answers sent through the real survey route: whose days, each day's grade from its
// tallies (hand-counted below), the published day's own answers beside its figure, and whether the
// survey has run. Each test names the mutant of src/services/dashboard-data.ts it holds in place.

const NOW = Date.parse("2019-10-01T12:00:00Z");
let db: Db;
let answered16: TestSurvey;
let published16: TestSurvey;
let closedEmpty16: TestSurvey;
let open16: TestSurvey;
let answered01: TestSurvey;
const deps = () => serviceContext(db, { now: () => NOW });
const viewer16: SessionPrincipal = {
  userId: 1,
  email: "v@test.example",
  name: "V",
  role: "viewer",
  regions: ["16"],
  allRegions: false,
  area: null,
  sessionId: "s",
};

beforeAll(async () => {
  db = await createTestDb();
  const app = createApp({ db });
  const answer = async (s: TestSurvey, grades: number[]) => {
    for (const grade of grades) {
      const res = await app.request(`/s/${s.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade } }),
      });
      expect(res.status).toBeLessThan(400);
    }
  };
  answered16 = await createTestSurvey(db, { regionCode: "16", date: "2019-09-04" });
  published16 = await createTestSurvey(db, { regionCode: "16", date: "2019-09-05" });
  closedEmpty16 = await createTestSurvey(db, { regionCode: "16", date: "2019-09-06", closesAt: NOW - 1000 });
  open16 = await createTestSurvey(db, { regionCode: "16", date: "2019-09-07" });
  answered01 = await createTestSurvey(db, { regionCode: "01", date: "2019-09-08" });
  await answer(answered16, [8, 8, 6, 10, 9, 8]);
  await answer(published16, [7, 9]);
  await answer(answered01, [5, 5, 5, 5, 5]);
  await db.run(sql`UPDATE event SET reported_grade_mean = 8.5, reported_grade_n = 30 WHERE id = ${published16.eventId}`);
});

describe("loadEvents", () => {
  it("a reader of one region gets that region's days, 'all' every day (kills: the scope ternary)", async () => {
    const mine = await loadEvents(deps(), viewer16, {});
    expect(mine.map((d) => d.id).sort((a, b) => a - b)).toEqual(
      [answered16, published16, closedEmpty16, open16].map((s) => s.eventId).sort((a, b) => a - b),
    );
    const all = await loadEvents(deps(), "all", {});
    expect(all.map((d) => d.id)).toContain(answered01.eventId);
    const filtered = await loadEvents(deps(), "all", { region: "01" });
    expect(filtered.map((d) => d.id)).toEqual([answered01.eventId]);
  });

  it("a day's grade from its tallies: n, mean and every count (kills: the counts map, the sum, the scale taken from the tallies)", async () => {
    const day = (await loadEvents(deps(), "all", {})).find((d) => d.id === answered16.eventId)!;
    // 8, 8, 6, 10, 9, 8: n 6, mean 49 / 6.
    expect(day.grade).toMatchObject({ source: "responses", n: 6, smallN: false });
    expect(day.grade.mean).toBeCloseTo(49 / 6, 10);
    expect(day.grade.distribution).toEqual({ "4": 0, "5": 0, "6": 1, "7": 0, "8": 3, "9": 1, "10": 1 });
    expect(day).toMatchObject({ responses: 6, regionCode: "16", date: "2019-09-04", collected: null, surveyRan: true });
  });

  it("a published day: the published figure, its own answers beside it (kills: collected's condition → true/false)", async () => {
    const day = (await loadEvents(deps(), "all", {})).find((d) => d.id === published16.eventId)!;
    expect(day.grade).toMatchObject({ source: "reported", n: 30, mean: 8.5 });
    expect(day.collected).toMatchObject({ source: "responses", n: 2, mean: 8 });
    expect(day).toMatchObject({ reportedGradeMean: 8.5, reportedGradeN: 30 });
  });

  it("a day without answers has run once its survey closed, not while it is open (kills: now, the surveyRan fields)", async () => {
    const days = await loadEvents(deps(), "all", {});
    const closed = days.find((d) => d.id === closedEmpty16.eventId)!;
    const open = days.find((d) => d.id === open16.eventId)!;
    expect(closed).toMatchObject({ surveyRan: true, responses: 0, grade: { source: "none", n: 0 } });
    expect(open.surveyRan).toBe(false);
  });
});
