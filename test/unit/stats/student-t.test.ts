import { describe, expect, it } from "vitest";
import { lnGamma, NORMAL_QUANTILE_975, regularizedIncompleteBeta, tQuantile975 } from "../../../src/domain/stats";

describe("tQuantile975", () => {
  // Printed t tables (4 decimals) and, for the 9-decimal column, R's qt(0.975, df).
  it.each([
    { df: 1, table: 12.7062, exact: 12.706204736 },
    { df: 2, table: 4.3027, exact: 4.30265273 },
    { df: 3, table: 3.1824, exact: 3.182446305 },
    { df: 4, table: 2.7764, exact: 2.776445105 },
    { df: 5, table: 2.5706, exact: 2.570581836 },
    { df: 10, table: 2.2281, exact: 2.228138852 },
    { df: 30, table: 2.0423, exact: 2.042272456 },
    { df: 46, table: 2.0129, exact: 2.012895599 },
    { df: 100, table: 1.984, exact: 1.983971519 },
    { df: 999, table: 1.9623, exact: 1.962341461 },
    { df: 1000, table: 1.9623, exact: 1.962339081 },
    { df: 100_000, table: 1.96, exact: 1.959987708 },
  ])("df $df → $table", ({ df, table, exact }) => {
    const t = tQuantile975(df);
    expect(t, `t(${df}) = ${t}`).toBeCloseTo(table, 4);
    expect(t, `t(${df}) = ${t}`).toBeCloseTo(exact, 9);
  });

  it.each([
    // df 1 is the Cauchy distribution: t = tan(π(p − ½)) = tan(0.475π).
    { df: 1, closedForm: Math.tan(0.475 * Math.PI) },
    // df 2: t = (2p − 1)/√(2p(1 − p)) = 0.95/√(2·0.975·0.025) = 0.95/√0.04875.
    { df: 2, closedForm: 0.95 / Math.sqrt(0.04875) },
    // df 4: α = 4p(1 − p), q = cos(⅓·arccos(√α))/√α, t = 2√(q − 1).
    {
      df: 4,
      closedForm: ((alpha: number) => 2 * Math.sqrt(Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha) - 1))(4 * 0.975 * 0.025),
    },
  ])("df $df matches its closed form to 1e-12", ({ df, closedForm }) => {
    expect(Math.abs(tQuantile975(df) - closedForm)).toBeLessThan(1e-12);
  });

  it("falls monotonically towards the normal quantile, continuously across the series switch at df 1000", () => {
    const dfs = [1, 2, 3, 5, 8, 13, 50, 200, 998, 999, 1000, 1001, 5000, 1e6, 1e9];
    const ts = dfs.map(tQuantile975);
    for (let i = 1; i < ts.length; i++) expect(ts[i], `df ${dfs[i]}`).toBeLessThan(ts[i - 1] ?? Infinity);
    expect(tQuantile975(Number.POSITIVE_INFINITY)).toBe(NORMAL_QUANTILE_975);
    expect(tQuantile975(1e9)).toBeCloseTo(NORMAL_QUANTILE_975, 8);
  });

  it("accepts fractional df (R: qt(0.975, 2.5) = 3.574655)", () => {
    expect(tQuantile975(2.5)).toBeCloseTo(3.574655, 5);
  });

  it.each([0, -1, Number.NaN])("refuses df %s", (df) => {
    expect(() => tQuantile975(df)).toThrow(RangeError);
  });
});

describe("incomplete beta building blocks", () => {
  it.each([
    { x: 1, expected: 0 }, // Γ(1) = 1
    { x: 0.5, expected: 0.5 * Math.log(Math.PI) }, // Γ(½) = √π
    { x: 5, expected: Math.log(24) }, // Γ(5) = 4!
    { x: 10.5, expected: Math.log(1133278.3889487856) }, // Γ(10.5) = 9.5·8.5·…·0.5·√π
  ])("lnGamma($x)", ({ x, expected }) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 12);
  });

  it.each([
    { x: 0.3, a: 1, b: 1, expected: 0.3 }, // uniform: I_x(1,1) = x
    { x: 0.3, a: 3, b: 1, expected: 0.027 }, // I_x(a,1) = x^a
    { x: 0.3, a: 1, b: 2, expected: 0.51 }, // I_x(1,b) = 1 − (1 − x)^b = 1 − 0.49
    { x: 0.5, a: 7.5, b: 7.5, expected: 0.5 }, // symmetry
    { x: 0, a: 2, b: 3, expected: 0 },
    { x: 1, a: 2, b: 3, expected: 1 },
  ])("I_$x($a, $b) = $expected", ({ x, a, b, expected }) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 12);
  });
});
