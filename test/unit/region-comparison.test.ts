import { describe, expect, it } from "vitest";
import { addSums, NO_EVENTS, type EventSums } from "../../src/domain/analytics";
import { compareRegion, comparisonContext, type ComparisonInput } from "../../src/domain/region-comparison";

// Small hand-checked cases (the arithmetic written out with Python's float, method-of-moments
// components as in clustered-pool.ts). Three regions of two days each, days of 2–4 answers:
//   A: theme 1 [8, 8, 9, 9], theme 2 [6, 8]   B: [7, 9], [5, 7]   C: [8, 10], [6, 6, 8, 8]
// and a national day without a region [10, 10], which belongs to no one's rest of the country.
function day(...grades: number[]): EventSums {
  const sum = grades.reduce((a, b) => a + b, 0);
  return {
    ...NO_EVENTS,
    days: 1,
    gradedEvents: 1,
    n: grades.length,
    sum,
    sumSq: grades.reduce((a, b) => a + b * b, 0),
    eventNSq: grades.length ** 2,
    eventNMeanSq: (sum * sum) / grades.length,
  };
}
const cells: Record<string, EventSums> = {
  "A|1": day(8, 8, 9, 9),
  "A|2": day(6, 8),
  "B|1": day(7, 9),
  "B|2": day(5, 7),
  "C|1": day(8, 10),
  "C|2": day(6, 6, 8, 8),
};
const sumOf = (keys: string[]) => keys.map((k) => cells[k]!).reduce(addSums, NO_EVENTS);
const input: ComparisonInput = {
  byRegion: new Map<string | null, EventSums>([
    ["A", sumOf(["A|1", "A|2"])],
    ["B", sumOf(["B|1", "B|2"])],
    ["C", sumOf(["C|1", "C|2"])],
    [null, day(10, 10)],
  ]),
  byCell: new Map(Object.entries(cells)),
  byTheme: new Map([
    [1, sumOf(["A|1", "B|1", "C|1"])],
    [2, sumOf(["A|2", "B|2", "C|2"])],
  ]),
};
const mix = [
  { themeId: 1, weight: 0.5 },
  { themeId: 2, weight: 0.5 },
];

describe("compareRegion", () => {
  it("compares a region with the other regions' days, on the funnel and adjusted for themes", () => {
    const c = compareRegion(input, "A", mix, { betweenEvent: 0, withinEvent: 1 });
    // Rest = B + C: N 10, mean 7.4, σ²_b 0.75, σ²_w 5/3; V_rest 0.37667, V_A 0.69444 (precision 1.44).
    expect(c.rest.mean).toBeCloseTo(7.4, 12);
    expect(c.rest).toMatchObject({ n: 10, days: 4 });
    expect(c.rest.ci95).toHaveLength(2);
    expect(c.rankable).toBe(false); // 6 answers
    expect(c.funnel?.difference).toBeCloseTo(0.6, 12);
    expect(c.funnel?.z).toBeCloseTo(0.5797409637607481, 9);
    expect(c.funnel?.flag).toBe("within");
    expect(c.funnel?.limits95[0]).toBeCloseTo(5.371545113708158, 9);
    expect(c.funnel?.limits95[1]).toBeCloseTo(9.428454886291842, 9);
    expect(c.funnel?.limits998[0]).toBeCloseTo(4.2017795884682965, 9);
    expect(c.funnel?.limits998[1]).toBeCloseTo(10.598220411531704, 9);
    // (σ²_b + σ²_w) · precision = (0.75 + 5/3) · 1.44
    expect(c.funnel?.effectiveN).toBeCloseTo(3.48, 9);
    // 0.5 · 8.5 + 0.5 · 7 = 7.75; Var = 0.25 · 1/4 + 0.25 · 1/2 = 0.1875
    expect(c.adjusted.mean).toBeCloseTo(7.75, 12);
    expect(c.adjusted.ci95?.[0]).toBeCloseTo(7.75 - 1.959964 * Math.sqrt(0.1875), 6);
    expect(c.adjusted.ci95?.[1]).toBeCloseTo(7.75 + 1.959964 * Math.sqrt(0.1875), 6);
    expect(c.adjusted.missingThemes).toEqual([]);
  });

  it("has no funnel point for a region without answers, and names the themes it lacks", () => {
    const withD = { ...input, byCell: new Map([...input.byCell, ["D|1", day(8, 9)]]) };
    const c = compareRegion(withD, "D", mix, { betweenEvent: 0, withinEvent: 1 });
    expect(c.funnel).toBeNull();
    expect(c.rankable).toBe(false);
    expect(c.rest).toMatchObject({ n: 16, days: 6 }); // every region, never the national day
    expect(c.adjusted).toEqual({ mean: null, ci95: null, missingThemes: [2] });
  });

  it("has no funnel when the rest of the country gives no yardstick (one day)", () => {
    const two = {
      ...input,
      byRegion: new Map<string | null, EventSums>([
        ["A", input.byRegion.get("A")!],
        ["B", cells["B|1"]!],
      ]),
    };
    const c = compareRegion(two, "A", mix, null);
    expect(c.funnel).toBeNull();
    expect(c.rest).toMatchObject({ mean: 8, n: 2, days: 1 });
    expect(c.adjusted).toMatchObject({ mean: 7.75, ci95: null });
  });
});

describe("comparisonContext", () => {
  it("gives the national theme mix, the components of every theme day, and limit lines centred on 0", () => {
    const { mix: national, allComponents, curve } = comparisonContext(input, ["A", "B", "C"]);
    expect(national).toEqual(mix); // 8 answers each
    // A + B + C: N 16, σ²_b = (2.95 − 1.3) / 2.6, σ²_w = 1.3
    expect(allComponents?.betweenEvent).toBeCloseTo(0.6346153846153847, 12);
    expect(allComponents?.withinEvent).toBeCloseTo(1.3, 12);
    const lines = curve([3]);
    expect(lines).toHaveLength(41);
    // From half the effective n to 1.1 times it; V of the typical yardstick 0.20024 × 3/2 regions.
    expect(lines[0]!.effectiveN).toBeCloseTo(1.5, 12);
    expect(lines[0]!.hi95).toBeCloseTo(2.4715015025008884, 9);
    expect(lines[0]!.lo95).toBeCloseTo(-2.4715015025008884, 9);
    expect(lines[0]!.hi998).toBeCloseTo(3.896762311968113, 9);
    expect(lines[0]!.lo998).toBeCloseTo(-3.896762311968113, 9);
    expect(lines[40]!.effectiveN).toBeCloseTo(3.3, 12);
    expect(lines[40]!.hi95).toBeCloseTo(1.8454990729285206, 9);
  });

  it("does not scale the yardstick's variance up for a single region, and draws nothing without one", () => {
    // A alone: σ²_b 0.84375, σ²_w 0.75, V = 0.84375 · 20/36 + 0.75/6, times 1/max(1, 0) = 1.
    expect(comparisonContext(input, ["A"]).curve([3])[0]!.hi95).toBeCloseTo(2.522383034309945, 9);
    expect(comparisonContext(input, []).curve([3])).toEqual([]);
  });
});
