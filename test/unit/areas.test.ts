import { describe, expect, it } from "vitest";
import { NO_EVENTS, pooledFromSums, type EventSums } from "../../src/domain/analytics";
import { areaSums, regionsInOtherAreas } from "../../src/domain/areas";

describe("regionsInOtherAreas (a region is in at most one area)", () => {
  const areas = [
    { id: 1, regions: ["01", "02"] },
    { id: 2, regions: ["16"] },
  ];
  it("names each wanted region another area holds, with that area", () => {
    expect(regionsInOtherAreas(areas, null, ["16", "13", "02"])).toEqual([
      { region: "02", areaId: 1 },
      { region: "16", areaId: 2 },
    ]);
  });
  it("lets an area keep its own regions when it is changed", () => {
    expect(regionsInOtherAreas(areas, 1, ["01", "02", "13"])).toEqual([]);
    expect(regionsInOtherAreas(areas, 2, ["01"])).toEqual([{ region: "01", areaId: 1 }]);
  });
  it("finds nothing when no area holds the regions", () => {
    expect(regionsInOtherAreas([], null, ["01"])).toEqual([]);
  });
});

/** One day's sums from its grades, written out by hand below (n, Σx, Σx², n², (Σx)²/n). */
function day(grades: readonly number[], demo = false): EventSums {
  const n = grades.length;
  const sum = grades.reduce((a, b) => a + b, 0);
  return {
    ...NO_EVENTS,
    days: 1,
    gradedEvents: n > 0 ? 1 : 0,
    n,
    sum,
    sumSq: grades.reduce((a, b) => a + b * b, 0),
    eventNSq: n * n,
    eventNMeanSq: n > 0 ? (sum * sum) / n : 0,
    demoEvents: demo ? 1 : 0,
  };
}

describe("areaSums (an area pools its regions' days as one region would)", () => {
  // Region 13: one day graded 8, 9, 10. Region 16: one day graded 6, 7. Region 01 is not in the area.
  const byRegion = new Map<string | null, EventSums>([
    ["13", day([8, 9, 10])],
    ["16", day([6, 7], true)],
    ["01", day([4, 4, 4, 4])],
  ]);
  it("adds up its member regions and nothing else", () => {
    const sums = areaSums(byRegion, ["13", "16"]);
    // Hand count: n = 5, Σx = 40, Σx² = 64 + 81 + 100 + 36 + 49 = 330, 2 days, Σnᵢ² = 9 + 4 = 13.
    expect(sums).toMatchObject({ days: 2, gradedEvents: 2, n: 5, sum: 40, sumSq: 330, eventNSq: 13, demoEvents: 1 });
    // (Σx)²/n per day: 27²/3 + 13²/2 = 243 + 84.5.
    expect(sums.eventNMeanSq).toBeCloseTo(327.5, 12);
  });
  it("gives the pooled mean of the answers (40 / 5 = 8) with k = 2 days and no interval under 3 days", () => {
    const grade = pooledFromSums(areaSums(byRegion, ["13", "16"]), []);
    expect(grade.mean).toBe(8);
    expect(grade.n).toBe(5);
    expect(grade.days).toBe(2);
    expect(grade.ci95).toBeNull();
    expect(grade.ciWithheld).toBe("too_few_days");
  });
  it("counts a region listed twice once, and a region without days as nothing", () => {
    expect(areaSums(byRegion, ["13", "13", "19"])).toEqual(day([8, 9, 10]));
    expect(areaSums(byRegion, [])).toEqual(NO_EVENTS);
  });
});
