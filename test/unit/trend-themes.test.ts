import { describe, expect, it } from "vitest";
import type { PooledGrade } from "../../src/api-types";
import { NO_EVENTS, type EventSums } from "../../src/domain/analytics";
import { lastChange, mixDiffers, themeSeries, themeShares } from "../../src/domain/trend-themes";

const answers = (n: number): EventSums => ({ ...NO_EVENTS, days: 1, gradedEvents: 1, n });

describe("themeSeries", () => {
  // n answers summing to sum (sumSq only needs to give a real SD).
  const graded = (n: number, sum: number): EventSums => ({ ...NO_EVENTS, days: 1, gradedEvents: 1, n, sum, sumSq: (sum * sum) / n + 2 });
  const monthTheme = new Map([
    ["2019-09|1", graded(4, 30)],
    ["2019-10|1", graded(6, 48)],
    ["2020-02|2", { ...NO_EVENTS, days: 1 }], // a published day's row: no answers of its own
    ["2019-09|3", graded(10, 90)], // a theme not asked for
  ]);
  const reported = [
    { date: "2020-02-10", themeId: 2, mean: 8.5, n: 20 },
    { date: "2019-09-12", themeId: null, mean: 6, n: 20 }, // a day without a theme belongs to no theme's series
  ];
  const range = { from: "2019-08-01", to: "2020-05-31" };

  it("gives each asked theme its own series, in the order asked, from its months and its own published days", () => {
    const series = themeSeries("term", range, monthTheme, reported, [2, 1, 4]);
    expect(series.map((s) => s.themeId)).toEqual([2, 1, 4]);
    const [two, one, four] = series;
    // Theme 1, autumn 2019: (30 + 48) / (4 + 6) = 7.8 over 2 days; nothing in spring 2020.
    expect(one!.points).toHaveLength(2);
    expect(one!.points[0]).toMatchObject({ n: 10, mean: 7.8, days: 2, source: "responses", published: null });
    expect(one!.points[1]).toBeNull();
    // Theme 2: only its published day of spring 2020 (the day without a theme is not its).
    expect(two!.points[0]).toBeNull();
    expect(two!.points[1]).toMatchObject({ mean: 8.5, source: "reported", published: { days: 1, meanOfMeans: 8.5 } });
    expect(four!.points).toEqual([null, null]);
  });

  it("has no points without a range", () => {
    expect(themeSeries("term", null, monthTheme, reported, [1, 2])).toEqual([
      { themeId: 1, points: [] },
      { themeId: 2, points: [] },
    ]);
  });
});

describe("themeShares", () => {
  it("gives each theme's share of the answers per bucket, months of a bucket added, null without answers", () => {
    const monthTheme = new Map([
      ["2019-09|1", answers(30)],
      ["2019-10|1", answers(10)],
      ["2019-10|2", answers(40)],
      ["2020-03|2", answers(5)],
      ["2020-09|1", answers(0)],
    ]);
    expect(themeShares("term", ["2019-autumn", "2020-spring", "2020-autumn", "2021-spring"], monthTheme)).toEqual([
      { "1": 0.5, "2": 0.5 },
      { "2": 1 },
      null,
      null,
    ]);
    expect(themeShares("month", ["2019-10"], monthTheme)).toEqual([{ "1": 0.2, "2": 0.8 }]);
  });
});

describe("mixDiffers", () => {
  it("is true when two buckets with answers differ by at least 0.1 in total variation, ignoring buckets without", () => {
    expect(mixDiffers([{ "1": 0.5, "2": 0.5 }, null, { "1": 0.375, "2": 0.625 }])).toBe(true); // 0.125
    expect(
      mixDiffers([
        { "1": 0.5, "2": 0.5 },
        { "1": 0.45, "2": 0.55 },
      ]),
    ).toBe(false); // 0.05
    expect(mixDiffers([{ "1": 1 }, { "2": 1 }])).toBe(true); // themes only on one side count
    expect(mixDiffers([{ "1": 1 }, { "1": 0.95, "3": 0.05 }, { "1": 0.875, "3": 0.125 }])).toBe(true); // first and last only
    expect(mixDiffers([{ "1": 1 }, null])).toBe(false);
    expect(mixDiffers([])).toBe(false);
  });

  it("counts a difference of exactly 10 points as differing, whichever way the float arithmetic rounds it", () => {
    // 2 of 5 against 3 of 10 computes to 0.1 exactly; 5 of 10 against 4 of 10 to 0.09999999999999998.
    expect(
      mixDiffers([
        { "1": 2 / 5, "2": 3 / 5 },
        { "1": 3 / 10, "2": 7 / 10 },
      ]),
    ).toBe(true);
    expect(
      mixDiffers([
        { "1": 5 / 10, "2": 5 / 10 },
        { "1": 4 / 10, "2": 6 / 10 },
      ]),
    ).toBe(true);
    // 9 points apart is not enough.
    expect(
      mixDiffers([
        { "1": 50 / 100, "2": 50 / 100 },
        { "1": 41 / 100, "2": 59 / 100 },
      ]),
    ).toBe(false);
  });
});

describe("lastChange", () => {
  const grade = (mean: number | null, days: number, source: PooledGrade["source"], se = 0.2): PooledGrade => ({
    n: 50,
    mean,
    sd: 1,
    ci95: null,
    source,
    eventsPooled: days,
    excludedUnknownN: 0,
    smallN: false,
    days,
    se,
    ciDf: days - 1,
    ciWithheld: null,
  });

  it("compares the last two buckets with a mean, with a Welch interval when both have 3+ answered days", () => {
    const change = lastChange(
      ["2019-spring", "2019-autumn", "2020-spring", "2020-autumn"],
      [grade(7, 5, "responses"), grade(8, 5, "responses"), grade(8.5, 5, "mixed"), null],
    );
    // se 0.2 and df 4 on each side: variance 0.08, Welch df = 0.0064 / (2 · 0.0016 / 4) = 8;
    // t(0.975, 8) = 2.306004135 (R 4.3: qt(0.975, 8)), half-width 2.306004135 · √0.08.
    expect(change?.from).toBe("2019-autumn");
    expect(change?.to).toBe("2020-spring");
    expect(change?.difference).toBeCloseTo(0.5, 12);
    expect(change?.df).toBeCloseTo(8, 9);
    expect(change?.ci95?.[0]).toBeCloseTo(0.5 - 0.652237, 5);
    expect(change?.ci95?.[1]).toBeCloseTo(0.5 + 0.652237, 5);
  });

  it("gives no interval when a side has under 3 days or only published days", () => {
    const withoutCi = (a: PooledGrade, b: PooledGrade) => lastChange(["a", "b"], [a, b]);
    expect(withoutCi(grade(7, 2, "responses"), grade(8, 5, "responses"))).toEqual({
      from: "a",
      to: "b",
      difference: 1,
      ci95: null,
      df: null,
    });
    expect(withoutCi(grade(7, 5, "responses"), grade(8, 2, "responses"))?.ci95).toBeNull();
    expect(withoutCi(grade(7, 5, "reported"), grade(8, 5, "responses"))?.ci95).toBeNull();
    expect(withoutCi(grade(7, 5, "responses"), grade(8, 5, "reported"))?.ci95).toBeNull();
    expect(withoutCi(grade(7, 3, "responses"), grade(8, 3, "responses"))?.ci95).not.toBeNull();
  });

  it("skips a last bucket without a mean", () => {
    const change = lastChange(["a", "b", "c"], [grade(7, 2, "responses"), grade(8, 2, "responses"), grade(null, 0, null)]);
    expect(change).toEqual({ from: "a", to: "b", difference: 1, ci95: null, df: null });
  });

  it("is null with fewer than two buckets with a mean", () => {
    expect(lastChange(["a", "b", "c"], [grade(7, 5, "responses"), null, grade(null, 0, null)])).toBeNull();
    expect(lastChange([], [])).toBeNull();
  });
});
