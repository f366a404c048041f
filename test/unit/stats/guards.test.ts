import { describe, expect, it } from "vitest";
import {
  confidenceInterval95,
  lnGamma,
  poolMeans,
  regularizedIncompleteBeta,
  responseRate,
  summarizeDistribution,
} from "../../../src/domain/stats";
import { isOnScale, questionText, type Question } from "../../../src/domain/questions";

// The numeric building blocks against scipy 1.10.1 (scipy.special.gammaln, scipy.special.betainc),
// and the guards that turn a caller's bug into a RangeError that says what was wrong.

describe("lnGamma", () => {
  it.each([
    { x: 0.1, scipy: 2.25271265173421 }, // below ½: the reflection formula
    { x: 0.25, scipy: 1.28802252469808 },
    { x: 0.5, scipy: 0.5723649429247 }, // ln √π
    { x: 1, scipy: 0 },
    { x: 3, scipy: 0.693147180559945 }, // ln 2!
    { x: 10.5, scipy: 13.9406252194038 },
  ])("lnGamma($x) = $scipy", ({ x, scipy }) => {
    expect(lnGamma(x)).toBeCloseTo(scipy, 13);
  });
  it.each([0, -1, Number.NaN])("refuses %s", (x) => {
    expect(() => lnGamma(x)).toThrow(/lnGamma needs x > 0/);
  });
});

describe("regularizedIncompleteBeta", () => {
  it.each([
    { x: 0.2, a: 2, b: 3, scipy: 0.1808 }, // Beta(2,3) cdf 6x² − 8x³ + 3x⁴ = 0.24 − 0.064 + 0.0048
    { x: 0.8, a: 2, b: 3, scipy: 0.9728 },
    { x: 0.5, a: 0.5, b: 0.5, scipy: 0.5 },
    { x: 0.3, a: 1.5, b: 1.5, scipy: 0.252315787734345 },
    { x: 0.999, a: 5, b: 0.5, scipy: 0.922281992100967 },
  ])("I_$x($a, $b) = $scipy", ({ x, a, b, scipy }) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(scipy, 12);
  });
  it("is 0 at x = 0 and 1 at x = 1", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
  it.each([
    [0.5, 0, 1],
    [0.5, 1, 0],
    [0.5, -1, 1],
    [0.5, 1, Number.NaN],
  ])("refuses x %s with a %s, b %s", (x, a, b) => {
    expect(() => regularizedIncompleteBeta(x, a, b)).toThrow(/needs a, b > 0/);
  });
  it.each([-0.1, 1.1, Number.NaN])("refuses x %s", (x) => {
    expect(() => regularizedIncompleteBeta(x, 2, 3)).toThrow(/needs 0 ≤ x ≤ 1/);
  });
});

describe("confidenceInterval95", () => {
  it("is null without two answers, a mean and an SD", () => {
    expect(confidenceInterval95(1, 8, 0)).toBeNull();
    expect(confidenceInterval95(3, null, 1)).toBeNull();
    expect(confidenceInterval95(3, 9, null)).toBeNull();
  });
  it("is mean ± t(0.975, n−1)·sd/√n", () => {
    // 8 9 10: 9 ± 4.302652730·1/√3 = 9 ± 2.484137712 (scipy 1.10.1)
    const ci = confidenceInterval95(3, 9, 1);
    expect(ci?.[0]).toBeCloseTo(6.515862288, 9);
    expect(ci?.[1]).toBeCloseTo(11.484137712, 9);
  });
});

describe("guards say what was wrong", () => {
  const grade = { min: 4, max: 10, step: 1 };
  it("summarizeDistribution", () => {
    expect(() => summarizeDistribution(new Map([[3, 1]]), grade)).toThrow("value 3 is not on the scale 4–10 step 1");
    expect(() => summarizeDistribution(new Map([[8, 1.5]]), grade)).toThrow("count for 8 must be a whole number ≥ 0, got 1.5");
    expect(() => summarizeDistribution(new Map([[8, -1]]), grade)).toThrow("count for 8 must be a whole number ≥ 0, got -1");
  });
  it("summarizeDistribution keeps values with a count of 0 out of the figures", () => {
    const s = summarizeDistribution(
      new Map([
        [4, 0],
        [8, 2],
        [10, 0],
      ]),
      grade,
    );
    expect([s.n, s.mean, s.sd, s.median]).toEqual([2, 8, 0, 8]);
  });
  it("poolMeans", () => {
    expect(() => poolMeans([{ source: "responses", n: 3, mean: null, sd: 1 }])).toThrow("an event with 3 responses needs its mean");
    expect(() => poolMeans([{ source: "reported", n: 2.5, mean: 8 }])).toThrow("event n must be a whole number ≥ 0, got 2.5");
    expect(() => poolMeans([{ source: "reported", n: 3, mean: Number.POSITIVE_INFINITY }])).toThrow(
      "event mean must be finite, got Infinity",
    );
    expect(() => poolMeans([{ source: "responses", n: 3, mean: 8, sd: null }])).toThrow("an event with 3 responses needs its sd, got null");
    expect(() => poolMeans([{ source: "responses", n: 3, mean: 8, sd: Number.NaN }])).toThrow("needs its sd, got NaN");
    expect(() => poolMeans([{ source: "responses", n: 3, mean: 8, sd: -1 }])).toThrow("needs its sd, got -1");
  });
  it("poolMeans takes a responses event with no answers and no mean as nothing", () => {
    expect(
      poolMeans([
        { source: "responses", n: 0, mean: null, sd: null },
        { source: "reported", n: 10, mean: 8 },
      ]),
    ).toMatchObject({ n: 10, mean: 8, source: "reported", eventsPooled: 1 });
  });
  it("responseRate", () => {
    expect(() => responseRate(-1, 10)).toThrow("responses must be a finite number ≥ 0, got -1");
    expect(() => responseRate(1, -10)).toThrow("attendance must be a finite number ≥ 0, got -10");
  });
});

describe("questions", () => {
  it("finds the steps from the scale's minimum", () => {
    const thirds = { min: 1, max: 10, step: 3 };
    expect([1, 4, 7, 10].map((v) => isOnScale(v, thirds))).toEqual([true, true, true, true]);
    expect([2, 3, 5].map((v) => isOnScale(v, thirds))).toEqual([false, false, false]);
  });
  it("gives a question's text in the language asked for", () => {
    const q = { text: { fi: "Arvosana", sv: "Vitsord", en: "Grade" } } as Question;
    expect(questionText(q, "sv")).toBe("Vitsord");
  });
});
