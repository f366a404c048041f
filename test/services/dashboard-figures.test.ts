import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceContext } from "../../src/services/context";
import {
  commentFigures,
  eventsFigures,
  questionFigures,
  regionsFigures,
  themesFigures,
  trendFigures,
} from "../../src/services/dashboard-figures";
import { createApp } from "../../src/app";
import { theme } from "../../src/db/schema";
import { addEventQuestion } from "../../src/queries/event-questions";
import { getEvent } from "../../src/queries/events";
import { testPrincipal } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";
import { figuresWorld, GOOD_TEXTS, sendAnswers, type FiguresWorld } from "../helpers/figures-fixture";

// The dashboards' figures (src/services/dashboard-figures.ts) called directly on a real in-memory
// database with the real migrations, answers sent through the real survey route (the world of
// test/helpers/figures-fixture.ts, every expected value worked out by hand from its table). Each
// test names the rule, and the mutants, it holds in place.

const NOW = Date.parse("2020-01-15T12:00:00Z");
let w: FiguresWorld;
const deps = () => serviceContext(w.db, { now: () => NOW });
const national = testPrincipal({ userId: 1, email: "n@test.example", name: "N", role: "national" });
const viewer16 = testPrincipal({ userId: 2, email: "v@test.example", name: "V", role: "viewer", regions: ["16"] });
const term = { interval: "term" as const };
const month = { interval: "month" as const };

beforeAll(async () => {
  w = await figuresWorld();
});

const byId = <T extends { id: number }>(rows: readonly T[], id: number) => rows.find((r) => r.id === id)!;

describe("eventsFigures", () => {
  it("each day's response rate, grade and whether a published day has answers of its own (kills: the summary's fields, conflict → true/false)", async () => {
    const days = await eventsFigures(deps(), national, term, "fi", "http://localhost", NOW);
    expect(days).toHaveLength(9);
    const a16 = byId(days, w.days.a16.eventId);
    // 6 answers of 10 present; grades 8 8 6 10 9 8: n 6, mean 49 / 6.
    expect(a16).toMatchObject({ responseRate: 0.6, rateStatus: "counted", collected: null, conflict: false, date: "2019-09-04" });
    expect(a16.grade).toMatchObject({ source: "responses", n: 6 });
    expect(a16.grade.mean).toBeCloseTo(49 / 6, 12);
    const a04 = byId(days, w.days.a04.eventId);
    // Published 8.5 of 30; its own two answers (7, 9) beside it, never instead of it.
    expect(a04.grade).toMatchObject({ source: "reported", n: 30, mean: 8.5 });
    expect(a04.collected).toMatchObject({ source: "responses", n: 2, mean: 8 });
    expect(a04).toMatchObject({ conflict: true, responseRate: null });
  });

  it("applies every filter of the query (kills: eventFilter's object → {}, each of region, from, to, theme, programme)", async () => {
    const ids = async (q: Parameters<typeof eventsFigures>[2]) =>
      (await eventsFigures(deps(), national, q, "fi", "http://localhost", NOW)).map((d) => d.id).sort((a, b) => a - b);
    const sorted = (...s: { eventId: number }[]) => s.map((d) => d.eventId).sort((a, b) => a - b);
    const d = w.days;
    expect(await ids({ ...term, region: "01" })).toEqual(sorted(d.a01, d.b01));
    expect(await ids({ ...term, from: "2019-10-01" })).toEqual(sorted(d.a16o, d.b16, d.b01));
    expect(await ids({ ...term, to: "2019-09-10" })).toEqual(sorted(d.a16, d.a01));
    expect(await ids({ ...term, theme: w.themes.a2 })).toEqual(sorted(d.nat, d.a16s));
    expect(await ids({ ...term, programme: w.programmes.b })).toEqual(sorted(d.b16, d.b01));
  });

  it("a reader of region 16 is refused region 01, and gets its own region's and the national days (kills: the access check → no check, code === undefined)", async () => {
    await expect(eventsFigures(deps(), viewer16, { ...term, region: "01" }, "fi", "http://localhost", NOW)).rejects.toMatchObject({
      code: "forbidden",
    });
    const own = await eventsFigures(deps(), viewer16, term, "fi", "http://localhost", NOW);
    expect(own.map((d) => d.region ?? "national").sort()).toEqual(["16", "16", "16", "16", "national"]);
    expect((await eventsFigures(deps(), viewer16, { ...term, region: "16" }, "fi", "http://localhost", NOW)).length).toBe(4);
  });
});

describe("regionsFigures", () => {
  it("the national figure pools every answered day, published days apart (kills: the national object's fields, the filter's regions 'all')", async () => {
    const r = await regionsFigures(deps(), national, term);
    // Answered days: Σ 49 + 25 + 37 + 50 + 16 + 35 + 30 + 45 = 287 over n 38 (a04's own two answers
    // stay out: its published figure is final). Nine days, attendance 109, 40 responses.
    expect(r.yardstick).toEqual({ shown: true });
    expect(r.national).toMatchObject({ n: 38, source: "mixed", events: 9, attendance: 109, responses: 40, isDemo: false });
    expect(r.national!.mean).toBeCloseTo(287 / 38, 12);
    expect(r.national!.published).toMatchObject({ days: 1, meanOfMeans: 8.5 });
    expect(r.regions.map((x) => x.code)).toHaveLength(18);
  });

  it("the whole country stays whole when a region is asked for (kills: region: undefined dropped from the filter)", async () => {
    const r = await regionsFigures(deps(), national, { ...term, region: "16" });
    expect(r.national).toMatchObject({ n: 38, events: 9 });
    expect(r.regions).toHaveLength(18);
  });

  it("each region's own figures: days, attendance, rate and grade (kills: the region row's fields, the published days by region)", async () => {
    const r = await regionsFigures(deps(), national, term);
    const region = (code: string) => r.regions.find((x) => x.code === code)!;
    // 16: a16, a16s, a16o, b16: n 18, Σ 130, attendance 30, 18 responses.
    expect(region("16")).toMatchObject({ events: 4, attendance: 30, responses: 18, responseRate: 0.6, name: { fi: "Keski-Pohjanmaa" } });
    expect(region("16").grade.mean).toBeCloseTo(130 / 18, 12);
    expect(region("16").grade.published).toBeNull();
    // 04: only the published day.
    expect(region("04").grade).toMatchObject({ source: "reported", n: 30, mean: 8.5 });
    expect(region("04")).toMatchObject({ events: 1, responseRate: null });
    // 01: a01 and b01, n 10, Σ 70; attendance 13.
    expect(region("01")).toMatchObject({ events: 2, attendance: 13, responses: 10, grade: { n: 10, mean: 7 } });
    expect(region("19")).toMatchObject({ events: 0, grade: { n: 0, mean: null } });
  });

  it("a reader of region 16 sees only region 16, and no yardstick while a block has answers from one other region only (kills: canRead filter → true, withheldUnless, themeMix/funnel when withheld)", async () => {
    const r = await regionsFigures(deps(), viewer16, term);
    // Block 2019-11 × B × B1 holds other answers from region 01 alone (MIN_OTHER_REGIONS is 3).
    expect(r.yardstick).toEqual({ shown: false, reason: "too_few_regions" });
    expect(r.national).toBeNull();
    expect(r.regions.map((x) => x.code)).toEqual(["16"]);
    expect(r.regions[0]).toMatchObject({ events: 4, comparison: null, grade: { n: 18 } });
    expect(r.themeMix).toEqual([]);
    expect(r.funnel).toEqual({ curve: [], regionsOnFunnel: 0 });
  });

  it("within programme A every block passes, so the reader of 16 gets the yardstick, the theme mix and their names (kills: themeMix's fields, the names map)", async () => {
    const r = await regionsFigures(deps(), viewer16, { ...term, programme: w.programmes.a });
    // Programme A: 287 − 75 = 212 over n 28; seven days.
    expect(r.yardstick).toEqual({ shown: true });
    expect(r.national).toMatchObject({ n: 28, events: 7, attendance: 94, responses: 30 });
    expect(r.national!.mean).toBeCloseTo(212 / 28, 12);
    // Theme weights by answered n: A1 6 + 5 + 5 + 5 = 21, A2 5 + 2 = 7, of 28.
    expect(r.themeMix).toEqual([
      { themeId: w.themes.a1, name: { fi: "Johtaminen", sv: "Ledarskap", en: "Leadership" }, weight: 0.75 },
      { themeId: w.themes.a2, name: { fi: "Digitalisaatio", sv: "Digitalisering", en: "Digitalisation" }, weight: 0.25 },
    ]);
    const own = r.regions[0]!;
    // 16 in programme A: a16, a16s, a16o: n 13, Σ 100; attendance 20.
    expect(own).toMatchObject({ code: "16", events: 3, attendance: 20, responseRate: 0.65 });
    expect(own.comparison).not.toBeNull();
    // The rest of the country for 16: the other regions' answered days a01 and a02 (n 10, Σ 62;
    // national days are no region's, a04 is published).
    expect(own.comparison!.rest).toMatchObject({ n: 10, mean: 6.2 });
    expect(r.funnel).toEqual({ curve: [], regionsOnFunnel: 0 });
  });

  it("a one-day range is withheld from a reader of some regions (whole months), but not from the national team", async () => {
    const q = { ...term, from: "2019-09-04", to: "2019-09-04" };
    expect((await regionsFigures(deps(), viewer16, q)).yardstick).toEqual({ shown: false, reason: "whole_months" });
    expect((await regionsFigures(deps(), national, q)).national).toMatchObject({ n: 6, events: 1 });
  });
});

describe("regionsFigures' funnel", () => {
  it("puts on the funnel only rankable regions, with a curve (kills: onFunnel's filter → true/false, && → ||, the curve's points)", async () => {
    const big = await figuresWorld();
    // Region 01 becomes rankable (2 days, 30 answers): a01 gets 25 more answers of 8.
    await sendAnswers(
      big.app,
      big.days.a01,
      Array.from({ length: 25 }, () => ({ grade: 8 })),
    );
    const r = await regionsFigures(serviceContext(big.db, { now: () => NOW }), national, term);
    const rankable = r.regions.filter((x) => x.comparison?.rankable);
    expect(rankable.map((x) => x.code)).toEqual(["01"]);
    expect(r.funnel.regionsOnFunnel).toBe(1);
    expect(r.funnel.curve.length).toBeGreaterThan(0);
    // Drawn around the regions' effective sizes: every point a number.
    expect(r.funnel.curve.every((c) => [c.effectiveN, c.lo95, c.hi95, c.lo998, c.hi998].every(Number.isFinite))).toBe(true);
    expect(r.regions.find((x) => x.code === "01")!.comparison!.funnel).not.toBeNull();
  });
});

describe("regionsFigures' funnel without a rest of the country", () => {
  it("a rankable region with no other region to compare with is not on the funnel (kills: funnel !== null → true)", async () => {
    const db = await createTestDb();
    const app = createApp({ db });
    for (const date of ["2019-09-04", "2019-09-05"]) {
      const s = await createTestSurvey(db, { regionCode: "16", date });
      await sendAnswers(
        app,
        s,
        Array.from({ length: 15 }, (_, i) => ({ grade: 6 + (i % 4) })),
      );
    }
    const r = await regionsFigures(serviceContext(db, { now: () => NOW }), national, term);
    const own = r.regions.find((x) => x.code === "16")!;
    expect(own.comparison).toMatchObject({ rankable: true, funnel: null });
    expect(r.funnel).toEqual({ curve: [], regionsOnFunnel: 0 });
  });
});

describe("trendFigures", () => {
  it("the national and a region's series by month, from the first to the last month with days (kills: the range's first/last month, the regional reads)", async () => {
    const t = await trendFigures(deps(), national, { ...month, region: "16" });
    expect(t.interval).toBe("month");
    expect(t.keys).toEqual(["2019-09", "2019-10", "2019-11"]);
    const [nat, r16] = t.series;
    expect(nat!.region).toBeNull();
    // September: 49 + 25 + 37 + 50 + 16 = 177 over 23 (a04 published, apart); October 35 / 5;
    // November (6 ×5, 9 ×5) 75 / 10.
    expect(nat!.points.map((p) => p?.n)).toEqual([23, 5, 10]);
    expect(nat!.points[0]!.mean).toBeCloseTo(177 / 23, 12);
    expect(nat!.points[2]!.mean).toBe(7.5);
    expect(nat!.change).toMatchObject({ from: "2019-10", to: "2019-11", difference: 0.5 });
    expect(r16!.region).toBe("16");
    // 16: September a16 + a16s 65 / 8, October 7, November 6; its own days only, no published day.
    expect(r16!.points.map((p) => [p?.n, p?.mean, p?.source])).toEqual([
      [8, 65 / 8, "responses"],
      [5, 7, "responses"],
      [5, 6, "responses"],
    ]);
    expect(r16!.change).toMatchObject({ from: "2019-10", to: "2019-11", difference: -1 });
  });

  it("a published day belongs to its own region's series (kills: the region's published days filter → true/false)", async () => {
    const t = await trendFigures(deps(), national, { ...month, regions: ["04", "16"] });
    expect(t.series.map((s) => s.region)).toEqual([null, "04", "16"]);
    expect(t.series[1]!.points[0]).toMatchObject({ source: "reported", mean: 8.5, n: 30 });
    expect(t.series[1]!.points.slice(1)).toEqual([null, null]);
    expect(t.series[2]!.points[0]!.published).toBeNull();
  });

  it("the themes with days, each by month, their shares and whether the mix differs (kills: the theme filter's endsWith, names, shares)", async () => {
    const t = await trendFigures(deps(), national, month);
    // No region asked: the national series alone.
    expect(t.series.map((s) => s.region)).toEqual([null]);
    expect(t.themes.map((s) => s.themeId)).toEqual([w.themes.a1, w.themes.a2, w.themes.b1]);
    const a1 = t.themes[0]!;
    expect(a1.names).toEqual({ fi: "Johtaminen", sv: "Ledarskap", en: "Leadership" });
    // A1 in September: 49 + 25 + 37 = 111 over 16 (a04 published beside it); October a16o 35 / 5.
    expect(a1.points.map((p) => p?.n ?? null)).toEqual([16, 5, null]);
    expect(a1.points[0]!.mean).toBeCloseTo(111 / 16, 12);
    expect(a1.change).toMatchObject({ from: "2019-09", to: "2019-10" });
    expect(a1.change!.difference).toBeCloseTo(7 - 111 / 16, 12);
    expect(t.themeShares).toEqual([{ [w.themes.a1]: 16 / 23, [w.themes.a2]: 7 / 23 }, { [w.themes.a1]: 1 }, { [w.themes.b1]: 1 }]);
    expect(t.themeMixDiffers).toBe(true);
    expect(t.nationalWithheld).toEqual([null, null, null]);
  });

  it("a reader of 16 gets the months whose blocks pass and loses only November's national figures (kills: the per-bucket months check, shownAt on the region's own series)", async () => {
    const t = await trendFigures(deps(), viewer16, { ...month, region: "16" });
    expect(t.nationalWithheld).toEqual([null, null, "too_few_regions"]);
    expect(t.series[0]!.points.map((p) => p?.n ?? null)).toEqual([23, 5, null]);
    // The reader's own region is never withheld.
    expect(t.series[1]!.points.map((p) => p?.n ?? null)).toEqual([5 + 3, 5, 5]);
    expect(t.themes.find((s) => s.themeId === w.themes.b1)!.points).toEqual([null, null, null]);
    expect(t.themeShares[2]).toBeNull();
    await expect(trendFigures(deps(), viewer16, { ...month, regions: ["16", "01"] })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("no days: the asked range's buckets, or no buckets at all without one (kills: the range's q.from && q.to branch)", async () => {
    const empty = { ...month, theme: w.themes.b2 };
    const asked = await trendFigures(deps(), national, { ...empty, from: "2019-09-01", to: "2019-10-31" });
    expect(asked.keys).toEqual(["2019-09", "2019-10"]);
    expect(asked.series[0]!.points).toEqual([null, null]);
    expect((await trendFigures(deps(), national, empty)).keys).toEqual([]);
    expect((await trendFigures(deps(), national, { ...empty, from: "2019-09-01" })).keys).toEqual([]);
    // With days, an asked start before the first day's month opens the range there.
    expect((await trendFigures(deps(), national, { ...month, from: "2019-08-01" })).keys[0]).toBe("2019-08");
    expect((await trendFigures(deps(), national, { ...month, to: "2019-12-31" })).keys.at(-1)).toBe("2019-12");
  });
});

describe("themesFigures", () => {
  it("every theme of the programmes, with its pooled figures, and the region × theme cells in order (kills: the cells' fields, key !== null, the sort)", async () => {
    const t = await themesFigures(deps(), national, term);
    const a1 = byId(t.themes, w.themes.a1);
    // A1: a16, a01, a02, a04, a16o; answered n 21, Σ 146; attendance 69, responses 23.
    expect(a1).toMatchObject({ events: 5, attendance: 69, responses: 23, isDemo: false, names: { fi: "Johtaminen" } });
    expect(a1.grade).toMatchObject({ n: 21, source: "mixed" });
    expect(a1.grade.mean).toBeCloseTo(146 / 21, 12);
    expect(a1).not.toHaveProperty("responseRate");
    // The factory's theme (no day) is listed too when no theme is asked for.
    expect(t.themes).toHaveLength(5);
    expect(t.cells.map((c) => [c.region, c.themeId, c.events, c.grade.n, c.grade.source])).toEqual([
      ["01", w.themes.a1, 1, 5, "responses"],
      ["01", w.themes.b1, 1, 5, "responses"],
      ["02", w.themes.a1, 1, 5, "responses"],
      ["04", w.themes.a1, 1, 30, "reported"],
      ["16", w.themes.a1, 2, 11, "responses"],
      ["16", w.themes.a2, 1, 2, "responses"],
      ["16", w.themes.b1, 1, 5, "responses"],
    ]);
    expect(t.cells[4]!.grade.mean).toBeCloseTo((49 + 35) / 11, 12);
    expect(t.cells[0]!.isDemo).toBe(false);
  });

  it("an asked theme lists only itself (kills: has(id) || theme === undefined → &&, true, false)", async () => {
    const t = await themesFigures(deps(), national, { ...term, theme: w.themes.a2 });
    expect(t.themes.map((x) => x.id)).toEqual([w.themes.a2]);
    // A2: nat 50 / 5 and a16s 16 / 2: n 7, Σ 66.
    expect(t.themes[0]!.grade.mean).toBeCloseTo(66 / 7, 12);
    // No published day of its own (a04's is A1's).
    expect(t.themes[0]!.grade).toMatchObject({ source: "responses", published: null });
  });

  it("a reader of 16 pools its own region's and the national days only (kills: readableRegions in the filter, the access check)", async () => {
    const t = await themesFigures(deps(), viewer16, term);
    expect(byId(t.themes, w.themes.a1)).toMatchObject({ events: 2, grade: { n: 11 } });
    expect(byId(t.themes, w.themes.a2)).toMatchObject({ events: 2, grade: { n: 7 } });
    expect(t.cells.every((c) => c.region === "16")).toBe(true);
    await expect(themesFigures(deps(), viewer16, { ...term, region: "02" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("themesFigures' cells", () => {
  it("are ordered by region, then by theme id as a number: theme 2 before theme 10 (kills: the cells' sort → none, the theme comparison)", async () => {
    const db = await createTestDb();
    const first = await createTestSurvey(db, { regionCode: "16", date: "2019-09-04" });
    const second = await createTestSurvey(db, { regionCode: "16", date: "2019-09-05" });
    const other = await createTestSurvey(db, { regionCode: "01", date: "2019-09-06" });
    const programmeId = (await getEvent(db, first.eventId))!.programmeId;
    // The factory's theme is id 1; nine more make ids 2 … 10.
    for (let i = 2; i <= 10; i++) await db.insert(theme).values({ programmeId, nameFi: `T${i}`, nameSv: `T${i}`, nameEn: `T${i}` });
    const setTheme = (s: { eventId: number }, id: number) => db.run(sql`UPDATE event SET theme_id = ${id} WHERE id = ${s.eventId}`);
    await setTheme(first, 10);
    await setTheme(second, 2);
    await setTheme(other, 10);
    const app = createApp({ db });
    for (const s of [first, second, other]) await sendAnswers(app, s, [{ grade: 8 }]);
    const t = await themesFigures(serviceContext(db, { now: () => NOW }), national, term);
    expect(t.cells.map((c) => [c.region, c.themeId])).toEqual([
      ["01", 10],
      ["16", 2],
      ["16", 10],
    ]);
  });
});

describe("questionFigures", () => {
  it("every scale question's n, mean and distribution, and the choice question's released options, grade first (kills: the counts, the scale branch, the order)", async () => {
    const { questions } = await questionFigures(deps(), national, term);
    expect(questions.map((q) => q.key)).toEqual(["grade", "usefulness", "sector"]);
    const grade = questions[0]!;
    if (grade.kind === "choice") throw new Error("grade is a scale");
    // Every answer counts here, a04's own two too: 287 + 16 = 303 over 40.
    expect(grade).toMatchObject({ kind: "grade", n: 40, smallN: false, text: { fi: "Kokonaisarvosana päivälle (4–10)" } });
    expect(grade.mean).toBeCloseTo(303 / 40, 12);
    expect(grade.distribution).toEqual({ "4": 1, "5": 5, "6": 7, "7": 7, "8": 4, "9": 9, "10": 7 });
    const usefulness = questions[1]!;
    if (usefulness.kind === "choice") throw new Error("usefulness is a scale");
    // a16 only: 4 ×5 and 5.
    expect(usefulness).toMatchObject({ kind: "likert", n: 6, distribution: { "1": 0, "2": 0, "3": 0, "4": 5, "5": 1 } });
    expect(usefulness.mean).toBeCloseTo(25 / 6, 12);
    const sector = questions[2]!;
    if (sector.kind !== "choice") throw new Error("sector is a choice question");
    expect(sector).toMatchObject({ n: 5, hiddenN: 0, text: { fi: "Sektorini" } });
    const education = sector.options.find((o) => o.value === "education")!;
    expect(education).toMatchObject({ n: 5, suppressed: false, label: { fi: "Opetus ja varhaiskasvatus" } });
    // An option below 5 is hidden, none too (a zero beside a shown 5 would say who answered what).
    expect(sector.options[0]).toMatchObject({ value: "social_health", n: null, suppressed: true });
  });

  it("a reader of 16 gets its region's and the national days; a day's own figures are the day's whoever reads (kills: event ? 'all' : readable, eventId)", async () => {
    const mine = await questionFigures(deps(), viewer16, term);
    // 16's days and the national day: 49 + 16 + 35 + 30 + 50 = 180 over 23.
    expect(mine.questions[0]).toMatchObject({ key: "grade", n: 23 });
    const a02 = await w.event(w.days.a02);
    const day = await questionFigures(deps(), viewer16, { ...term, event: a02.id }, a02);
    expect(day.questions.map((q) => [q.key, q.n])).toEqual([["grade", 5]]);
    const grade = day.questions[0]!;
    if (grade.kind === "choice") throw new Error("grade is a scale");
    expect(grade.mean).toBe(7.4);
    await expect(questionFigures(deps(), viewer16, { ...term, region: "02" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("questionFigures' choice pooled over days", () => {
  it("releases each day's own suppressed table: 3 + 3 answers of one option stay hidden (kills: the per-day grouping → one group)", async () => {
    const db = await createTestDb();
    const app = createApp({ db });
    for (const date of ["2019-09-04", "2019-09-05"]) {
      const s = await createTestSurvey(db, { regionCode: "16", date });
      await sendAnswers(app, s, [
        { grade: 8, sector: "education" },
        { grade: 8, sector: "education" },
        { grade: 8, sector: "education" },
      ]);
    }
    const { questions } = await questionFigures(serviceContext(db, { now: () => NOW }), national, term);
    const sector = questions.find((q) => q.key === "sector")!;
    if (sector.kind !== "choice") throw new Error("sector is a choice question");
    // Six answers pooled, but each day's three are below 5 and hidden in both days.
    expect(sector.options.find((o) => o.value === "education")).toMatchObject({ n: null, suppressed: true, hiddenInDays: 2 });
  });
});

describe("questionFigures with a day's own question", () => {
  it("an own question's unwritten text follows the day's main language, pooled Finnish; own questions after the core ones (kills: mainLang ?? 'fi' → &&, the order, CORE_ORDER's 'sector' → '')", async () => {
    const db = await createTestDb();
    const day = await createTestSurvey(db, { regionCode: "15", date: "2019-09-04" });
    await db.run(sql`UPDATE event SET main_lang = 'sv' WHERE id = ${day.eventId}`);
    await addEventQuestion(
      db,
      { surveyId: day.surveyId, eventId: day.eventId, extraSetId: null },
      {
        kind: "likert",
        required: false,
        textFi: "Vauhti",
        textSv: "Tempo",
        textEn: "",
        scale: { min: 1, max: 5, step: 1 },
        optionsJson: null,
        maxLength: null,
      },
    );
    await sendAnswers(
      createApp({ db }),
      day,
      [3, 4, 5, 4, 4].map((pace) => ({ grade: 8, usefulness: 3, sector: "education", day_1: pace })),
    );
    const ownDeps = serviceContext(db, { now: () => NOW });
    const event = (await getEvent(db, day.eventId))!;
    const own = await questionFigures(ownDeps, national, { ...term, event: event.id }, event);
    expect(own.questions.map((q) => [q.key, q.n])).toEqual([
      ["grade", 5],
      ["usefulness", 5],
      ["sector", 5],
      ["day_1", 5],
    ]);
    // The day's main language is Swedish: the English text comes from the Swedish one.
    expect(own.questions[3]!.text).toEqual({ fi: "Vauhti", sv: "Tempo", en: "Tempo" });
    const pooled = await questionFigures(ownDeps, national, term);
    expect(pooled.questions[3]!.text).toEqual({ fi: "Vauhti", sv: "Tempo", en: "Vauhti" });
  });
});

describe("commentFigures", () => {
  it("five comments are shown with their count, sorted; four are hidden with their count (kills: n's suppressed ternary, comments → [], the question's key and text)", async () => {
    const shown = await commentFigures(deps(), await w.event(w.days.a16));
    expect(shown.questions).toHaveLength(1);
    expect(shown.questions[0]).toMatchObject({ key: "good", n: 5, suppressed: false, text: { fi: "Mikä päivässä oli hyvää?" } });
    expect(shown.questions[0]!.comments.map((c) => c.text)).toEqual([...GOOD_TEXTS].sort());
    expect(shown.questions[0]!.comments[0]).toMatchObject({ date: "2019-09-04" });
    const hidden = await commentFigures(deps(), await w.event(w.days.a02));
    expect(hidden.questions).toEqual([
      {
        key: "improve",
        text: { fi: "Mitä pitäisi kehittää?", sv: "Vad borde utvecklas?", en: "What should be improved?" },
        n: null,
        suppressed: true,
        comments: [],
      },
    ]);
    expect((await commentFigures(deps(), await w.event(w.days.a01))).questions).toEqual([]);
  });
});
