import { beforeAll, describe, expect, it } from "vitest";
import { serviceContext } from "../../src/services/context";
import { programmeComparison } from "../../src/services/dashboard-programmes";
import { figuresWorld, type FiguresWorld } from "../helpers/figures-fixture";

// Two programmes side by side (src/services/dashboard-programmes.ts) on a real in-memory database
// with the real migrations, answers sent through the real survey route (test/helpers/
// figures-fixture.ts; expected values worked out by hand from its table). Each test names the rule,
// and the mutants, it holds in place.

const NOW = Date.parse("2020-01-15T12:00:00Z");
let w: FiguresWorld;
const deps = () => serviceContext(w.db, { now: () => NOW });

beforeAll(async () => {
  w = await figuresWorld();
});

describe("programmeComparison", () => {
  it("names both programmes and pools each overall (kills: the summary's fields, overall's sides)", async () => {
    const r = await programmeComparison(deps(), { programme: w.programmes.a, compare: w.programmes.b });
    expect(r.programmes).toEqual([
      { id: w.programmes.a, name: "Ohjelma A", startsOn: "2019-08-01", endsOn: "2020-06-30", isDemo: false },
      { id: w.programmes.b, name: "Ohjelma B", startsOn: null, endsOn: null, isDemo: false },
    ]);
    // A: seven days, answered n 28, Σ 212, a04 published beside it. B: b16 and b01, n 10, Σ 75.
    expect(r.overall[0]).toMatchObject({ events: 7, attendance: 94, responses: 30, grade: { n: 28, source: "mixed" } });
    expect(r.overall[0].grade.mean).toBeCloseTo(212 / 28, 12);
    expect(r.overall[1]).toMatchObject({ events: 2, attendance: 15, responses: 10, grade: { n: 10, mean: 7.5, source: "responses" } });
  });

  it("matches themes by their trimmed, case-folded Finnish name, and leaves out a theme without days (kills: themeKey's trim and case, pool === null → continue, the theme sides, the theme's published days filter)", async () => {
    const r = await programmeComparison(deps(), { programme: w.programmes.a, compare: w.programmes.b });
    expect(r.themes.map((t) => [t.name.fi, t.themeIds])).toEqual([
      ["Johtaminen", [w.themes.a1, w.themes.b1]],
      ["Digitalisaatio", [w.themes.a2, null]],
    ]);
    const [leadership, digital] = r.themes;
    // A1: a16, a01, a02, a04, a16o: answered n 21, Σ 146. B1: b16 and b01, n 10, Σ 75.
    expect(leadership!.figures[0]).toMatchObject({ events: 5, grade: { n: 21 } });
    expect(leadership!.figures[0]!.grade.mean).toBeCloseTo(146 / 21, 12);
    expect(leadership!.figures[1]).toMatchObject({ events: 2, grade: { n: 10, mean: 7.5 } });
    // A2: nat 10 ×5 and a16s 9, 7: n 7, Σ 66.
    expect(digital!.figures[1]).toBeNull();
    // Each theme lists its own published days only: a04 is A1's.
    expect(leadership!.figures[0]!.grade.published).toMatchObject({ days: 1, points: [{ region: "04" }] });
    expect(digital!.figures[0]!.grade).toMatchObject({ source: "responses", published: null });
    expect(digital!.figures[0]!.grade.mean).toBeCloseTo(66 / 7, 12);
  });

  it("by region, national days first, then by code, each side its own days (kills: the sort, the region filter of published days, the names)", async () => {
    const r = await programmeComparison(deps(), { programme: w.programmes.a, compare: w.programmes.b });
    expect(r.regions.map((x) => [x.code, x.name?.fi ?? null, x.figures.map((f) => f?.grade.n ?? null)])).toEqual([
      [null, null, [5, null]],
      ["01", "Uusimaa", [5, 5]],
      ["02", "Varsinais-Suomi", [5, null]],
      ["04", "Satakunta", [30, null]],
      ["16", "Keski-Pohjanmaa", [13, 5]],
    ]);
    const region = (code: string | null) => r.regions.find((x) => x.code === code)!;
    expect(region("04").figures[0]!.grade).toMatchObject({ source: "reported", mean: 8.5 });
    expect(region("16").figures[0]!.grade).toMatchObject({ source: "responses", published: null });
    expect(region("16").figures[0]!.grade.mean).toBeCloseTo(100 / 13, 12);
    expect(region("01").figures.map((f) => f!.grade.mean)).toEqual([5, 9]);
    expect(region(null).figures[0]).toMatchObject({ events: 1, grade: { mean: 10 } });
  });

  it("the same comparison read the other way round swaps the sides (kills: the side index of themeIds and figures)", async () => {
    const r = await programmeComparison(deps(), { programme: w.programmes.b, compare: w.programmes.a });
    expect(r.themes.map((t) => [t.name.fi, t.themeIds])).toEqual([
      [" JOHTAMINEN ", [w.themes.b1, w.themes.a1]],
      ["Digitalisaatio", [null, w.themes.a2]],
    ]);
    // B's regions come first from its read (01, 16), then A's (national, 02, 04): sorted all the same.
    expect(r.regions.map((x) => [x.code, x.figures.map((f) => f?.events ?? null)])).toEqual([
      [null, [null, 1]],
      ["01", [1, 1]],
      ["02", [null, 1]],
      ["04", [null, 1]],
      ["16", [1, 3]],
    ]);
  });

  it("an unknown programme on either side is not found (kills: !first || !second → &&, false)", async () => {
    await expect(programmeComparison(deps(), { programme: 999_999, compare: w.programmes.b })).rejects.toMatchObject({ code: "not_found" });
    await expect(programmeComparison(deps(), { programme: w.programmes.a, compare: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });
});
