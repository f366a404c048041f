import { describe, expect, it } from "vitest";
import { NO_CLUSTER_SUMS } from "../../../src/domain/stats/clustered-pool";
import { restOfCountry } from "../../../src/domain/stats/rest-of-country";
import { standardisedMean, themeMix } from "../../../src/domain/stats/standardise";

describe("themeMix", () => {
  it("gives each theme with answers its share of all answers, in theme order", () => {
    const national = new Map([
      [2, { n: 10 }],
      [3, { n: 0 }],
      [1, { n: 30 }],
    ]);
    expect(themeMix(national)).toEqual([
      { themeId: 1, weight: 0.75 },
      { themeId: 2, weight: 0.25 },
    ]);
    expect(themeMix(new Map([[1, { n: 0 }]]))).toEqual([]);
    expect(themeMix(new Map())).toEqual([]);
  });
});

describe("standardisedMean", () => {
  const mix = [
    { themeId: 1, weight: 0.75 },
    { themeId: 2, weight: 0.25 },
  ];
  // Theme 1: two days of 10 answers, mean 8; theme 2: one day of 10, mean 9.
  const cells = new Map([
    [1, { ...NO_CLUSTER_SUMS, k: 2, n: 20, sum: 160, eventNSq: 200 }],
    [2, { ...NO_CLUSTER_SUMS, k: 1, n: 10, sum: 90, eventNSq: 100 }],
  ]);
  const components = { betweenEvent: 0.1, withinEvent: 1 };

  it("weights the region's theme means by the national mix, with its variance", () => {
    // mean = 0.75 · 8 + 0.25 · 9 = 8.25
    // Var = 0.75² · (0.1 · 200/20² + 1/20) + 0.25² · (0.1 · 100/10² + 1/10) = 0.5625 · 0.1 + 0.0625 · 0.2 = 0.06875
    const s = standardisedMean(cells, mix, components);
    expect(s.mean).toBeCloseTo(8.25, 12);
    expect(s.se).toBeCloseTo(Math.sqrt(0.06875), 12);
    expect(s.ci95?.[0]).toBeCloseTo(8.25 - 1.959964 * Math.sqrt(0.06875), 6);
    expect(s.ci95?.[1]).toBeCloseTo(8.25 + 1.959964 * Math.sqrt(0.06875), 6);
    expect(s.missingThemes).toEqual([]);
  });

  it("gives the mean without an interval when the components cannot be estimated", () => {
    const s = standardisedMean(cells, mix, null);
    expect(s).toEqual({ mean: expect.closeTo(8.25, 12), se: null, ci95: null, missingThemes: [] });
  });

  it("gives no figure, and names the themes, when the region has no answers of a theme in the mix", () => {
    const onlyOne = new Map([[1, cells.get(1)!]]);
    expect(standardisedMean(onlyOne, mix, components)).toEqual({ mean: null, se: null, ci95: null, missingThemes: [2] });
    const empty = new Map([
      [1, NO_CLUSTER_SUMS],
      [2, cells.get(2)!],
    ]);
    expect(standardisedMean(empty, mix, components).missingThemes).toEqual([1]);
    expect(standardisedMean(cells, [], components)).toEqual({ mean: null, se: null, ci95: null, missingThemes: [] });
  });
});

describe("restOfCountry", () => {
  it("adds every other region, never the region itself nor the days without a region", () => {
    const byRegion = new Map<string | null, number>([
      ["16", 1],
      ["07", 2],
      [null, 4],
      ["09", 8],
    ]);
    expect(restOfCountry(byRegion, "16", (a, b) => a + b, 0)).toBe(10);
    expect(restOfCountry(byRegion, "09", (a, b) => a + b, 100)).toBe(103);
  });
});
