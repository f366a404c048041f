import { describe, expect, it } from "vitest";
import {
  MIN_CELL,
  poolMeans,
  smallNWarning,
  summarizeDistribution,
  summarizeValues,
  suppressBreakdown,
  suppressComments,
  tQuantile975,
} from "../../../src/domain/stats";

// Edges that a plausible slip would cross unnoticed: thresholds at exactly MIN_CELL, means of values
// that binary floating point cannot hold, data-less parts in a pool, and df below 1.

describe("the small-cell threshold is n < MIN_CELL (a cell of exactly 5 is shown)", () => {
  it("shows breakdown rows of exactly MIN_CELL", () => {
    const rows = suppressBreakdown([
      { key: "A", n: 20, value: "a" },
      { key: "B", n: 5, value: "b" },
      { key: "C", n: 5, value: "c" },
    ]);
    expect(rows.map((r) => r.suppressed)).toEqual([false, false, false]);
    expect(rows[1]).toEqual({ key: "B", suppressed: false, n: 5, value: "b" });
  });
  it("hides a row of 4 and the smallest shown row with it", () => {
    const rows = suppressBreakdown([
      { key: "A", n: 20, value: "a" },
      { key: "B", n: 4, value: "b" },
      { key: "C", n: 5, value: "c" },
    ]);
    expect(rows.map((r) => r.suppressed)).toEqual([false, true, true]);
  });
  it("honours a custom minCell at its boundary", () => {
    expect(
      suppressBreakdown(
        [
          { key: "A", n: 10, value: 1 },
          { key: "B", n: 10, value: 2 },
        ],
        10,
      ).map((r) => r.suppressed),
    ).toEqual([false, false]);
  });
  it("warns of small n below MIN_CELL only", () => {
    expect(MIN_CELL).toBe(5);
    expect([0, 4, 5, 6].map((n) => smallNWarning(n))).toEqual([true, true, false, false]);
    expect([9, 10].map((n) => smallNWarning(n, 10))).toEqual([true, false]);
  });
  it("shows a comment list of exactly MIN_CELL", () => {
    expect(suppressComments(["a", "b", "c", "d", "e"])).toEqual({ suppressed: false, n: 5, value: ["a", "b", "c", "d", "e"] });
    expect(suppressComments(["a", "b", "c", "d"])).toEqual({ suppressed: true, n: null, value: null });
  });
});

describe("exact means of values that are not exact in binary", () => {
  const tenths = { min: 4, max: 10, step: 0.1 };
  // Summed naively, 5.4 + 5.4 + 5.4 = 16.200000000000003 and /3 = 5.400000000000001 with SD 1.1e-15.
  it("gives three answers of 5.4 the mean 5.4 exactly and SD exactly 0", () => {
    const s = summarizeDistribution(new Map([[5.4, 3]]), tenths);
    expect(s.mean).toBe(5.4);
    expect(s.sd).toBe(0);
    expect(s.ci95).toEqual([5.4, 5.4]);
    expect(s.median).toBe(5.4);
  });
  it("gives three answers of 6.7 the mean 6.7 exactly and SD exactly 0", () => {
    const s = summarizeValues([6.7, 6.7, 6.7], tenths);
    expect([s.mean, s.sd, s.median]).toEqual([6.7, 0, 6.7]);
  });
  it("summarizes three answers each of 5.4 and 6.7 like scipy", () => {
    // scipy 1.10.1: x = [5.4, 6.7]*3; mean 6.05, std(ddof=1) 0.712039325,
    // mean ± t.ppf(0.975, 5)·sd/√6 = [5.302760555, 6.797239445]; median 6.05
    const s = summarizeDistribution(
      new Map([
        [5.4, 3],
        [6.7, 3],
      ]),
      tenths,
    );
    expect(s.n).toBe(6);
    expect(s.mean).toBeCloseTo(6.05, 12);
    expect(s.sd).toBeCloseTo(0.712039325, 9);
    expect(s.ci95?.[0]).toBeCloseTo(5.302760555, 8);
    expect(s.ci95?.[1]).toBeCloseTo(6.797239445, 8);
    expect(s.median).toBe(6.05);
  });
  it("pools equal means of 5.4 to 5.4 exactly", () => {
    expect(
      poolMeans([
        { source: "reported", n: 3, mean: 5.4 },
        { source: "reported", n: 3, mean: 5.4 },
        { source: "reported", n: 3, mean: 5.4 },
      ]).mean,
    ).toBe(5.4);
  });
});

describe("pooling a published day with n = 0", () => {
  it("leaves it out entirely: it neither counts as a day nor removes the SD of the answered days", () => {
    // answers 8 9 10: n 3, mean 9, sd 1; t(2) = 4.302652730 → 9 ± 2.484137712 (scipy 1.10.1)
    const pooled = poolMeans([
      { source: "responses", n: 3, mean: 9, sd: 1 },
      { source: "reported", n: 0, mean: 4 },
    ]);
    expect(pooled).toMatchObject({ n: 3, mean: 9, sd: 1, source: "responses", eventsPooled: 1, excludedUnknownN: 0 });
    expect(pooled.ci95?.[0]).toBeCloseTo(6.515862288, 9);
    expect(pooled.ci95?.[1]).toBeCloseTo(11.484137712, 9);
  });
  it("gives no mean when it is the only day", () => {
    expect(poolMeans([{ source: "reported", n: 0, mean: 8 }])).toEqual({
      n: 0,
      mean: null,
      sd: null,
      ci95: null,
      source: null,
      eventsPooled: 0,
      excludedUnknownN: 0,
    });
  });
});

describe("t quantile for fractional df below 1", () => {
  // R 4.2.2: print(qt(0.975, c(0.25, 0.5, 0.9)), digits = 12)
  it.each([
    { df: 0.25, r: 43640.1492679803 },
    { df: 0.5, r: 164.5576734805 },
    { df: 0.9, r: 16.5800581713 },
  ])("df $df → $r", ({ df, r }) => {
    expect(Math.abs(tQuantile975(df) / r - 1)).toBeLessThan(1e-10);
  });
  it("refuses df ≤ 0 and NaN, naming the value", () => {
    expect(() => tQuantile975(0)).toThrow("degrees of freedom must be > 0, got 0");
    expect(() => tQuantile975(-0.5)).toThrow("degrees of freedom must be > 0, got -0.5");
    expect(() => tQuantile975(Number.NaN)).toThrow("degrees of freedom must be > 0, got NaN");
  });
});

describe("t quantile from the series at large df, to double precision", () => {
  // R 4.2.2: options(digits = 17); qt(0.975, c(1000, 1200, 5000))
  it.each([
    { df: 1000, r: 1.9623390808264076 },
    { df: 1200, r: 1.9619428387802988 },
    { df: 5000, r: 1.9604385517065075 },
  ])("df $df → $r within 1e-14", ({ df, r }) => {
    expect(Math.abs(tQuantile975(df) - r)).toBeLessThan(1e-14);
  });
});
