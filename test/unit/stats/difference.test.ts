import { describe, expect, it } from "vitest";
import { addClusterSums, clusteredMean, eventSums, NO_CLUSTER_SUMS } from "../../../src/domain/stats/clustered-pool";
import { differenceOfMeans } from "../../../src/domain/stats/difference";

/** Days of two equal answers each: no within-day spread, so the pool is the t interval of the day means. */
function eventsOf(means: readonly number[]) {
  return means.map((m) => eventSums(2, 2 * m, 2 * m * m)).reduce(addClusterSums, NO_CLUSTER_SUMS);
}

describe("change between two periods", () => {
  it("Welch–Satterthwaite df and interval, against R 4.2.2", () => {
    // R 4.2.2: se1 <- 0.1; df1 <- 4; se2 <- 0.2; df2 <- 6; v <- se1^2 + se2^2;
    // nu <- v^2/(se1^4/df1 + se2^4/df2) → 8.5714285714; qt(.975, nu)*sqrt(v) → 0.5097154506
    const d = differenceOfMeans({ mean: 8, se: 0.1, df: 4 }, { mean: 8.3, se: 0.2, df: 6 })!;
    expect(d.difference).toBeCloseTo(0.3, 12);
    expect(d.df).toBeCloseTo(8.5714285714, 9);
    expect(d.ci95![0]).toBeCloseTo(0.3 - 0.5097154506, 8);
    expect(d.ci95![1]).toBeCloseTo(0.3 + 0.5097154506, 8);
  });

  it("on day-clustered pools equals R's Welch t.test of the day means", () => {
    // R 4.2.2: a <- c(7.9, 8.3, 8.1, 7.6); b <- c(8.4, 8.8, 8.2); t.test(b, a)
    // → df 4.3902404621, conf.int −0.1280649823 1.1113983157
    const a = clusteredMean(eventsOf([7.9, 8.3, 8.1, 7.6]));
    const b = clusteredMean(eventsOf([8.4, 8.8, 8.2]));
    const d = differenceOfMeans({ mean: a.mean, se: a.se, df: a.df }, { mean: b.mean, se: b.se, df: b.df })!;
    expect(d.df).toBeCloseTo(4.3902404621, 7);
    expect(d.ci95![0]).toBeCloseTo(-0.1280649823, 7);
    expect(d.ci95![1]).toBeCloseTo(1.1113983157, 7);
  });

  it("gives the difference without an interval when a period has too few days, nothing without a mean", () => {
    expect(differenceOfMeans({ mean: 8, se: null, df: null }, { mean: 8.5, se: 0.2, df: 5 })).toEqual({
      difference: 0.5,
      ci95: null,
      df: null,
    });
    expect(differenceOfMeans({ mean: null, se: null, df: null }, { mean: 8.5, se: 0.2, df: 5 })).toBeNull();
  });

  it("gives no interval when any side lacks its standard error or degrees of freedom, or has df 0", () => {
    const a = { mean: 8, se: 0.1, df: 4 };
    const b = { mean: 8.5, se: 0.2, df: 5 };
    const without = [
      [{ ...a, se: null }, b],
      [a, { ...b, se: null }],
      [{ ...a, df: null }, b],
      [a, { ...b, df: null }],
      [{ ...a, df: 0 }, b],
      [a, { ...b, df: 0 }],
      [{ ...a, df: -1 }, b],
      [a, { ...b, df: -1 }],
    ] as const;
    for (const [x, z] of without)
      expect(differenceOfMeans(x, z), JSON.stringify([x, z])).toEqual({ difference: 0.5, ci95: null, df: null });
    expect(differenceOfMeans(a, { mean: null, se: 0.2, df: 5 })).toBeNull();
    // A df just above 0 still gives an interval (a very wide one).
    expect(differenceOfMeans({ ...a, df: 0.5 }, b)?.ci95).not.toBeNull();
  });

  it("gives a zero-width interval, without df, when neither side varies", () => {
    expect(differenceOfMeans({ mean: 8, se: 0, df: 4 }, { mean: 8.5, se: 0, df: 5 })).toEqual({
      difference: 0.5,
      ci95: [0.5, 0.5],
      df: null,
    });
  });
});
