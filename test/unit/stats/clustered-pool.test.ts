import { describe, expect, it } from "vitest";
import {
  addClusterSums,
  clusteredMean,
  eventSums,
  NO_CLUSTER_SUMS,
  varianceComponents,
  type ClusterSums,
} from "../../../src/domain/stats/clustered-pool";
import { funnelPoint, isRankable, yardstick } from "../../../src/domain/stats/funnel";

/** Days as [n, Σx, Σx²], pooled. */
function pool(events: readonly (readonly [number, number, number])[]): ClusterSums {
  return events.map(([n, sum, sumSq]) => eventSums(n, sum, sumSq)).reduce(addClusterSums, NO_CLUSTER_SUMS);
}

describe("day-clustered pooled mean, by hand", () => {
  it("three days whose answers all agree within the day: the interval is the t interval of the 3 day means", () => {
    // Days {6,6} {8,8} {10,10}: MSW = 0, MSB = 2·(4 + 0 + 4)/2 = 8, n₀ = (6 − 12/6)/2 = 2, σ²_b = 4.
    // Var = 4·12/36 = 4/3 (= MSB/N), se 1.154701 = sd(6, 8, 10)/√3; t(0.975, 2) = 4.302653.
    const e = clusteredMean(
      pool([
        [2, 12, 72],
        [2, 16, 128],
        [2, 20, 200],
      ]),
    );
    expect(e).toMatchObject({ n: 6, days: 3, mean: 8, df: 2, ciWithheld: null });
    expect(e.components!.betweenEvent).toBeCloseTo(4, 12);
    expect(e.components!.withinEvent).toBe(0);
    expect(e.se).toBeCloseTo(1.154701, 6);
    expect(e.ci95![0]).toBeCloseTo(3.031725, 5);
    expect(e.ci95![1]).toBeCloseTo(12.968275, 5);
  });

  it("day means closer than the answers' spread allows: σ²_b truncated at 0, within-day variance only", () => {
    // Days {7,9} {8,10} {9,9}: SSW = 2 + 2 + 0, MSW = 4/3; means 8, 9, 9, grand 26/3;
    // SSB = 2·(2/3)² + 4·(1/3)² = 4/3, MSB = 2/3 < MSW → σ²_b = 0; Var = (4/3)/6 = 2/9, se 0.471405;
    // half-width 4.302653 · 0.471405 = 2.028288.
    const e = clusteredMean(
      pool([
        [2, 16, 130],
        [2, 18, 164],
        [2, 18, 162],
      ]),
    );
    expect(e.components!.betweenEvent).toBe(0);
    expect(e.components!.withinEvent).toBeCloseTo(4 / 3, 12);
    expect(e.mean).toBeCloseTo(26 / 3, 12);
    expect(e.ci95![0]).toBeCloseTo(26 / 3 - 2.028288, 5);
    expect(e.ci95![1]).toBeCloseTo(26 / 3 + 2.028288, 5);
  });

  it("one day keeps its respondent-level interval (t on n − 1), from 10 answers", () => {
    // 10 answers: five 7s and five 9s: mean 8, sd √(10/9) = 1.054093, se 0.333333, t(9) = 2.262157.
    const e = clusteredMean(eventSums(10, 80, 5 * 49 + 5 * 81));
    expect(e).toMatchObject({ days: 1, df: 9, ciWithheld: null });
    expect(e.ci95![0]).toBeCloseTo(8 - 0.754052, 5);
    expect(clusteredMean(eventSums(9, 72, 4 * 49 + 5 * 81 - 9))).toMatchObject({ n: 9, ci95: null, ciWithheld: "too_few_respondents" });
  });

  it("two days give a mean but no interval; nothing at all gives neither", () => {
    expect(
      clusteredMean(
        pool([
          [20, 160, 1300],
          [30, 250, 2100],
        ]),
      ),
    ).toMatchObject({ n: 50, days: 2, mean: 8.2, ci95: null, ciWithheld: "too_few_days" });
    expect(clusteredMean(NO_CLUSTER_SUMS)).toMatchObject({ n: 0, mean: null, ci95: null, ciWithheld: null });
  });

  it("days of one answer each cannot separate the two variances", () => {
    expect(
      varianceComponents(
        pool([
          [1, 8, 64],
          [1, 9, 81],
          [1, 7, 49],
        ]),
      ),
    ).toBeNull();
    expect(
      clusteredMean(
        pool([
          [1, 8, 64],
          [1, 9, 81],
          [1, 7, 49],
        ]),
      ),
    ).toMatchObject({ ci95: null, ciWithheld: "too_few_respondents" });
  });
});

describe("variance components at their edges (mean squares from R 4.2.2: summary(aov(x ~ factor(g))))", () => {
  it("estimates them from 2 days (the pool still withholds the interval, but says the components)", () => {
    // Days {8,8} {9,10}: R gives MSB 2.25 (1 df), MSW 0.25 (2 df); n₀ = (4 − 8/4)/1 = 2, σ²_b = (2.25 − 0.25)/2 = 1.
    const c = varianceComponents(
      pool([
        [2, 16, 128],
        [2, 19, 181],
      ]),
    );
    expect(c!.betweenEvent).toBeCloseTo(1, 12);
    expect(c!.withinEvent).toBeCloseTo(0.25, 12);
  });

  it("estimates them when a single day has a second answer (N − k = 1)", () => {
    // Days {8,9} {10}: R gives MSB 1.5 (1 df), MSW 0.5 (1 df); n₀ = (3 − 5/3)/1 = 4/3, σ²_b = 1/(4/3) = 0.75.
    const c = varianceComponents(
      pool([
        [2, 17, 145],
        [1, 10, 100],
      ]),
    );
    expect(c!.betweenEvent).toBeCloseTo(0.75, 12);
    expect(c!.withinEvent).toBeCloseTo(0.5, 12);
  });

  it("has none for a single day", () => {
    expect(varianceComponents(eventSums(3, 24, 194))).toBeNull();
  });

  it("a day without answers adds nothing (not a day of its own)", () => {
    expect(eventSums(0, 0, 0)).toEqual(NO_CLUSTER_SUMS);
  });
});

describe("day-clustered pooled mean against R 4.2.2", () => {
  it("seven unequal days: anova(lm(x ~ factor(day))) mean squares, then the MoM components", () => {
    // R 4.2.2 (2022-11-10): set.seed(14); sizes <- c(12, 35, 8, 27, 41, 19, 30);
    // day <- rep(seq_along(sizes), sizes); eff <- rnorm(7, 0, 0.45);
    // x <- pmin(10, pmax(4, round(8 + eff[day] + rnorm(length(day), 0, 0.85))));
    // a <- anova(lm(x ~ factor(day))); msb <- a[["Mean Sq"]][1]; msw <- a[["Mean Sq"]][2];
    // n0 <- (N - sum(sizes^2)/N)/(k-1); sb <- max(0, (msb-msw)/n0); v <- sb*sum(sizes^2)/N^2 + msw/N;
    // mean(x) ± qt(.975, k-1)*sqrt(v). The day sums below are R's sum(xi), sum(xi^2).
    const s = pool([
      [12, 97, 791],
      [35, 303, 2643],
      [8, 71, 633],
      [27, 236, 2076],
      [41, 327, 2645],
      [19, 162, 1396],
      [30, 236, 1868],
    ]);
    const e = clusteredMean(s);
    expect(e.mean).toBeCloseTo(8.3255813953, 9);
    expect(e.components!.withinEvent).toBeCloseTo(0.6426768768, 9);
    expect(e.components!.betweenEvent).toBeCloseTo(0.1396073407, 9);
    expect(e.se).toBeCloseTo(0.1668003183, 9);
    expect(e.ci95![0]).toBeCloseTo(7.9174357197, 8);
    expect(e.ci95![1]).toBeCloseTo(8.733727071, 8);
  });

  it("four equal days of 6: the interval equals t.test() of the day means", () => {
    // R 4.2.2: set.seed(7); b <- matrix(round(pmin(10, pmax(4, 7.5 + rep(rnorm(4, 0, 0.8), each = 6)
    // + rnorm(24, 0, 0.9)))), nrow = 6); t.test(colMeans(b))$conf.int → 6.72079623204 9.11253710129
    const e = clusteredMean(
      pool([
        [6, 54, 490],
        [6, 47, 373],
        [6, 44, 326],
        [6, 45, 341],
      ]),
    );
    expect(e.mean).toBeCloseTo(7.91666666667, 10);
    expect(e.ci95![0]).toBeCloseTo(6.72079623204, 9);
    expect(e.ci95![1]).toBeCloseTo(9.11253710129, 9);
  });
});

describe("a region against the rest of the country, by hand", () => {
  it("limits widen by the rest's between-day variance and the region's own day sizes", () => {
    // Rest: days {6,6} {8,8} {10,10}: mean 8, σ²_b = 4, σ²_w = 0, V_rest = 4/3.
    // Region: one day of four 9s: V_region = 4·16/16 = 4; spread √(4 + 4/3) = 2.309401;
    // z = 1/2.309401 = 0.433013; 95 % limits 8 ± 1.959964·2.309401 = 8 ± 4.526341.
    const y = yardstick(
      pool([
        [2, 12, 72],
        [2, 16, 128],
        [2, 20, 200],
      ]),
    )!;
    const p = funnelPoint(eventSums(4, 36, 324), y)!;
    expect(p.z).toBeCloseTo(0.433013, 6);
    expect(p.precision).toBeCloseTo(0.25, 12);
    expect(p.limits95[0]).toBeCloseTo(8 - 4.526341, 5);
    expect(p.limits998[1]).toBeCloseTo(8 + 3.090232 * 2.309401, 5);
    expect(p.flag).toBe("within");
  });

  it("ranks only regions with 2 days and 30 answers", () => {
    expect(isRankable({ k: 2, n: 30 })).toBe(true);
    expect(isRankable({ k: 1, n: 120 })).toBe(false);
    expect(isRankable({ k: 3, n: 29 })).toBe(false);
  });
});
