import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceContext } from "../../src/services/context";
import { eventResults } from "../../src/services/event-results";
import { testPrincipal } from "../helpers/accounts";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { figuresWorld, type FiguresWorld } from "../helpers/figures-fixture";

// One day's results page (src/services/event-results.ts) on a real in-memory database with the
// real migrations, answers sent through the real survey route (test/helpers/figures-fixture.ts;
// expected values worked out by hand from its table): the day's own figures, and its theme over the
// other regions' days. Each test names the rule, and the mutants, it holds in place.

const NOW = Date.parse("2020-01-15T12:00:00Z");
let w: FiguresWorld;
const deps = () => serviceContext(w.db, { now: () => NOW });
const national = testPrincipal({ userId: 1, email: "n@test.example", name: "N", role: "national" });
const viewer16 = testPrincipal({ userId: 2, email: "v@test.example", name: "V", role: "viewer", regions: ["16"] });

let publishedNational: TestSurvey;

beforeAll(async () => {
  w = await figuresWorld();
  // A published national day of theme A2 besides the world's own days (no answers of its own).
  publishedNational = await createTestSurvey(w.db, { regionCode: null, date: "2019-09-21" });
  await w.db.run(
    sql`UPDATE event SET programme_id = ${w.programmes.a}, theme_id = ${w.themes.a2}, reported_grade_mean = 9, reported_grade_n = 20 WHERE id = ${publishedNational.eventId}`,
  );
  // A published day of region 16 in theme A1 (the comparison of a16 must leave it out: 16 is a16's
  // own region), and a second day in region 16 on a16's date, without answers (read after a16).
  const published16 = await createTestSurvey(w.db, { regionCode: "16", date: "2019-09-30" });
  await w.db.run(
    sql`UPDATE event SET programme_id = ${w.programmes.a}, theme_id = ${w.themes.a1}, reported_grade_mean = 7, reported_grade_n = 12 WHERE id = ${published16.eventId}`,
  );
  await createTestSurvey(w.db, { regionCode: "16", date: "2019-09-04" });
});

describe("eventResults", () => {
  it("the day's own grade, rate, questions but the grade, comments; its theme over the other regions' days (kills: the result's fields, the grade filter, the own region left out)", async () => {
    const r = await eventResults(deps(), viewer16, await w.event(w.days.a16));
    // a16: 8 8 6 10 9 8 of 10 present.
    expect(r.grade).toMatchObject({ source: "responses", n: 6 });
    expect(r.grade.mean).toBeCloseTo(49 / 6, 12);
    expect(r).toMatchObject({ collected: null, responseRate: 0.6, rateStatus: "counted" });
    expect(r.questions.map((q) => [q.key, q.n])).toEqual([
      ["usefulness", 6],
      ["sector", 5],
    ]);
    expect(r.comments.map((c) => [c.key, c.n])).toEqual([["good", 5]]);
    // A1 in programme A without region 16 (a16o is 16's too): a01 25 / 5, a02 37 / 5 → n 10, mean 6.2;
    // a04's published 8.5 beside it. Three days, three regions.
    expect(r.themeComparison).toMatchObject({
      status: "shown",
      days: 3,
      regions: 3,
      grade: { n: 10, mean: 6.2, source: "mixed", published: { days: 1, points: [{ region: "04", mean: 8.5 }] } },
    });
  });

  it("a published day: its figure, its own answers beside it, and a comparison without its own published figure (kills: collected, the published filter's region → true)", async () => {
    const r = await eventResults(deps(), national, await w.event(w.days.a04));
    expect(r.grade).toMatchObject({ source: "reported", n: 30, mean: 8.5 });
    expect(r.collected).toMatchObject({ source: "responses", n: 2, mean: 8 });
    expect(r.responseRate).toBeNull();
    // A1 without region 04: a16, a01, a02, a16o: n 21, Σ 146, and 16's published day beside them;
    // regions 16, 01, 02.
    expect(r.themeComparison).toMatchObject({
      status: "shown",
      days: 5,
      regions: 3,
      grade: { n: 21, source: "mixed", published: { days: 1, points: [{ region: "16", mean: 7 }] } },
    });
    if (r.themeComparison.status !== "shown") throw new Error("shown");
    expect(r.themeComparison.grade.mean).toBeCloseTo(146 / 21, 12);
  });

  it("a national day: its own figures, and the theme over the regions' days, never over national days (kills: regionCode !== null in the day's read, key !== null)", async () => {
    const r = await eventResults(deps(), national, await w.event(w.days.nat));
    expect(r.grade).toMatchObject({ n: 5, mean: 10 });
    expect(r.responseRate).toBe(0.25);
    // A2 besides the national day: a16s 9, 7.
    expect(r.themeComparison).toMatchObject({ status: "shown", days: 1, regions: 1, grade: { n: 2, mean: 8 } });
  });

  it("a regional day's theme leaves out national days, answered or published (kills: key !== null → true, the published day's regionCode !== null)", async () => {
    // A2 besides a16s: the national day nat (answered) and the published national day only, both
    // left out; region 16 is the day's own. Nothing is left to pool.
    const r = await eventResults(deps(), national, await w.event(w.days.a16s));
    expect(r.themeComparison).toMatchObject({ status: "shown", days: 0, regions: 0, grade: { n: 0, mean: null, published: null } });
    expect(publishedNational.eventId).toBeGreaterThan(0);
  });

  it("the comparison is withheld from a reader of 16 when its block holds one other region, shown to the national team (kills: withheldUnless, the reason)", async () => {
    const b16 = await w.event(w.days.b16);
    expect((await eventResults(deps(), viewer16, b16)).themeComparison).toEqual({ status: "withheld", reason: "too_few_regions" });
    expect((await eventResults(deps(), national, b16)).themeComparison).toMatchObject({
      status: "shown",
      days: 1,
      regions: 1,
      grade: { n: 5, mean: 9 },
    });
  });

  it("a day without a theme has no comparison (kills: themeId === null → false)", async () => {
    const bare = await createTestSurvey(w.db, { regionCode: "16", date: "2019-12-02" });
    const r = await eventResults(deps(), national, await w.event(bare));
    expect(r.themeComparison).toEqual({ status: "no_theme" });
    expect(r.grade).toMatchObject({ n: 0, source: "none" });
  });
});
