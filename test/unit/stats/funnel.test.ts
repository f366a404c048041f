import { describe, expect, it } from "vitest";
import { addClusterSums, eventSums, NO_CLUSTER_SUMS } from "../../../src/domain/stats/clustered-pool";
import {
  curvePrecisions,
  expectedByChance,
  funnelCurve,
  funnelPoint,
  isRankable,
  yardstick,
  Z_95,
  Z_998,
  type Yardstick,
} from "../../../src/domain/stats/funnel";

// Hand-computed cases for the funnel's parts; the calibration on simulated programmes is in
// funnel-calibration.test.ts.
const y: Yardstick = { mean: 8, variance: 0.01, components: { betweenEvent: 0.04, withinEvent: 1 } };
/** Two days of 25 answers with the given mean: N = 50, Σnᵢ² = 1250. */
const region = (mean: number) => ({ ...NO_CLUSTER_SUMS, k: 2, n: 50, sum: 50 * mean, eventNSq: 1250 });

describe("funnelPoint", () => {
  it("places a region by its own day sizes and the rest's components", () => {
    // V_region = 0.04 · 1250 / 50² + 1 / 50 = 0.04; spread = √(0.04 + 0.01) = 0.2236068.
    const p = funnelPoint(region(8.5), y)!;
    const spread = Math.sqrt(0.05);
    expect(p.mean).toBeCloseTo(8.5, 12);
    expect(p.precision).toBeCloseTo(25, 9);
    expect(p.difference).toBeCloseTo(0.5, 12);
    expect(p.z).toBeCloseTo(0.5 / spread, 9); // 2.2360680
    expect(p.limits95[0]).toBeCloseTo(8 - 1.959964 * spread, 6);
    expect(p.limits95[1]).toBeCloseTo(8 + 1.959964 * spread, 6);
    expect(p.limits998[0]).toBeCloseTo(8 - 3.090232 * spread, 6);
    expect(p.limits998[1]).toBeCloseTo(8 + 3.090232 * spread, 6);
    expect(p.flag).toBe("above_95");
  });

  it("flags by the 95 % and 99.8 % limits on both sides", () => {
    expect(funnelPoint(region(8.8), y)?.flag).toBe("above_998"); // z = 3.58
    expect(funnelPoint(region(8.2), y)?.flag).toBe("within"); // z = 0.89
    expect(funnelPoint(region(7.5), y)?.flag).toBe("below_95"); // z = −2.24
    expect(funnelPoint(region(7.2), y)?.flag).toBe("below_998"); // z = −3.58
  });

  it("counts a region exactly on a limit as inside it", () => {
    // One answer, components (0, ½) and V_rest ½: the spread is exactly 1, so z is the mean itself.
    const at = (z: number) =>
      funnelPoint(
        { ...NO_CLUSTER_SUMS, k: 1, n: 1, sum: z, eventNSq: 1 },
        { mean: 0, variance: 0.5, components: { betweenEvent: 0, withinEvent: 0.5 } },
      );
    expect(at(Z_95)?.z).toBe(Z_95);
    expect(at(Z_95)?.flag).toBe("within");
    expect(at(Z_998)?.flag).toBe("above_95");
    expect(at(-Z_95)?.flag).toBe("within");
    expect(at(-Z_998)?.flag).toBe("below_95");
  });

  it("places nothing for a region without answers or without spread", () => {
    expect(funnelPoint(NO_CLUSTER_SUMS, y)).toBeNull();
    expect(funnelPoint(region(8), { ...y, components: { betweenEvent: 0, withinEvent: 0 } })).toBeNull();
  });
});

describe("yardstick", () => {
  it("is the rest's mean with its variance of the mean; none from a single day", () => {
    // Days (7, 9) and (8, 8, 8, 8): N = 6, k = 2, mean 8; SS_within = 2, MS_within = 2/4 = 0.5;
    // SS_between = 0, so σ²_b = 0 and V = 0.5 / 6.
    const rest = addClusterSums(eventSums(2, 16, 130), eventSums(4, 32, 256));
    const yd = yardstick(rest)!;
    expect(yd.mean).toBe(8);
    expect(yd.components).toEqual({ betweenEvent: 0, withinEvent: 0.5 });
    expect(yd.variance).toBeCloseTo(0.5 / 6, 12);
    expect(yardstick(eventSums(4, 32, 260))).toBeNull();
    expect(yardstick(NO_CLUSTER_SUMS)).toBeNull();
  });
});

describe("isRankable", () => {
  it("needs 2 days and 30 answers", () => {
    expect(isRankable({ k: 2, n: 30 })).toBe(true);
    expect(isRankable({ k: 1, n: 300 })).toBe(false);
    expect(isRankable({ k: 5, n: 29 })).toBe(false);
  });
});

describe("the funnel's lines", () => {
  it("draws yardstick ± z · √(1/p + V_rest) at each precision", () => {
    const [line] = funnelCurve(y, [25]);
    const spread = Math.sqrt(1 / 25 + 0.01);
    expect(line!.precision).toBe(25);
    expect(line!.lo95).toBeCloseTo(8 - 1.959964 * spread, 6);
    expect(line!.hi95).toBeCloseTo(8 + 1.959964 * spread, 6);
    expect(line!.lo998).toBeCloseTo(8 - 3.090232 * spread, 6);
    expect(line!.hi998).toBeCloseTo(8 + 3.090232 * spread, 6);
  });

  it("spaces precisions evenly from half the smallest point to 1.1 × the largest", () => {
    expect(curvePrecisions([{ precision: 40 }, { precision: 10 }], 4)).toEqual([5, 14.75, 24.5, 34.25, 44]);
    const defaults = curvePrecisions([{ precision: 10 }]);
    expect(defaults).toHaveLength(41);
    expect(defaults[0]).toBe(5);
    expect(defaults[40]).toBeCloseTo(11, 12);
    expect(curvePrecisions([])).toEqual([]);
  });

  it("expects 5 % of regions outside the 95 % limits by chance", () => {
    expect(expectedByChance(18)).toBeCloseTo(0.9, 12);
    expect(expectedByChance(0)).toBe(0);
  });
});
