import { describe, expect, it } from "vitest";
import { exactSumOfParts, splitMonths } from "../../../src/domain/stats/month-split";

describe("splitMonths: whole months from the rollup, partial ends day by day", () => {
  it("open ends are whole", () => {
    expect(splitMonths(undefined, undefined)).toEqual({ firstMonth: null, lastMonth: null, anyWholeMonth: true });
  });
  it("a range on month edges is all whole months", () => {
    expect(splitMonths("2019-03-01", "2019-04-30")).toEqual({ firstMonth: "2019-03", lastMonth: "2019-04", anyWholeMonth: true });
    expect(splitMonths("2020-02-01", "2020-02-29")).toEqual({ firstMonth: "2020-02", lastMonth: "2020-02", anyWholeMonth: true });
  });
  it("mid-month ends leave their months to the per-day read, across a year end too", () => {
    expect(splitMonths("2019-12-02", "2020-03-30")).toEqual({ firstMonth: "2020-01", lastMonth: "2020-02", anyWholeMonth: true });
    expect(splitMonths("2019-01-31", undefined)).toEqual({ firstMonth: "2019-02", lastMonth: null, anyWholeMonth: true });
    expect(splitMonths(undefined, "2019-02-28")).toEqual({ firstMonth: null, lastMonth: "2019-02", anyWholeMonth: true });
    expect(splitMonths(undefined, "2020-02-28")).toEqual({ firstMonth: null, lastMonth: "2020-01", anyWholeMonth: true });
    expect(splitMonths(undefined, "2020-01-15")).toEqual({ firstMonth: null, lastMonth: "2019-12", anyWholeMonth: true });
  });
  it("a range inside one month, or across two partial months, has no whole month", () => {
    expect(splitMonths("2019-04-10", "2019-04-20").anyWholeMonth).toBe(false);
    expect(splitMonths("2019-04-10", "2019-05-20").anyWholeMonth).toBe(false);
  });
});

describe("exactSumOfParts: Σ of doubles ≥ 1 kept as whole parts and 2⁻⁵² fractions", () => {
  it("gives the exact sum of the terms rounded once (checked against a BigInt sum)", () => {
    // 0.1 + 0.2 + 0.3 shifted above 1: 1.1, 1.2, 1.3 as doubles, each split exactly.
    const terms = [1.1, 1.2, 1.3, 1e15 + 0.5];
    const split = terms.map((t) => ({ whole: Math.floor(t), frac: (t - Math.floor(t)) * 2 ** 52 }));
    const whole = split.reduce((s, p) => s + p.whole, 0);
    const high = split.reduce((s, p) => s + Math.floor(p.frac / 2 ** 26), 0);
    const low = split.reduce((s, p) => s + (p.frac % 2 ** 26), 0);
    // Exact: the BigInt sum of the same scaled terms.
    const exact = split.reduce((s, p) => s + BigInt(p.whole) * 2n ** 52n + BigInt(p.frac), 0n);
    const expected = Number(exact / 2n ** 52n) + Number(exact % 2n ** 52n) / 2 ** 52;
    expect(exactSumOfParts(whole, high, low)).toBe(expected);
    expect(exactSumOfParts(whole, high, low)).toBe(1e15 + 4.1);
  });
  it("carries low and high fraction sums above one unit into the whole part", () => {
    expect(exactSumOfParts(3, 2 ** 26 + 1, 2 ** 26)).toBe(4 + (2 * 2 ** 26) / 2 ** 52);
    expect(exactSumOfParts(0, 0, 0)).toBe(0);
  });
});

describe("exactSumOfParts carries", () => {
  it("carries low bits above 2²⁶ into the high part, and adds the low remainder", () => {
    // whole 3, high 1, low 2²⁶ + 5: the fraction is (1·2²⁶ + 2²⁶ + 5) / 2⁵² = (2²⁷ + 5) / 2⁵².
    expect(exactSumOfParts(3, 1, 2 ** 26 + 5)).toBe(3 + (2 ** 27 + 5) / 2 ** 52);
  });
});
