import { describe, expect, it } from "vitest";
import { pooledFromSums, NO_EVENTS, withPublishedEvents } from "../../src/domain/analytics";
import { checkPublishedResult, normalizedDistribution } from "../../src/domain/published-result";
import { GRADE_SCALE } from "../../src/domain/questions";

const base = { mean: 8.5, n: null, distribution: null, attendance: 47, source: "report" };

describe("checkPublishedResult", () => {
  it.each([
    ["a mean alone", {}, []],
    ["n equal to attendance", { n: 47 }, []],
    ["n one above attendance", { n: 48 }, ["n_above_attendance"]],
    ["n 0", { n: 0 }, ["n_below_one"]],
    ["n with no attendance known", { n: 500, attendance: null }, []],
    ["mean 4 and 10 are on the scale", { mean: 10 }, []],
    ["mean 10.01", { mean: 10.01 }, ["mean_off_scale"]],
    ["mean 3.99", { mean: 3.99 }, ["mean_off_scale"]],
    ["mean NaN", { mean: Number.NaN }, ["mean_off_scale"]],
    // 8, 9 → mean 8.5, n 2
    ["a distribution that adds up", { n: 2, distribution: { "8": 1, "9": 1 } }, []],
    ["a distribution of 3 for n 2", { n: 2, distribution: { "8": 2, "9": 1 } }, ["distribution_n"]],
    // 7 ×2 → mean 7, published 8.5
    ["a distribution with another mean", { distribution: { "7": 2 } }, ["distribution_mean"]],
    // 8, 8, 9 → 8.333…, published as 8.3: within rounding; as 8.4: not
    ["a mean rounded to one decimal", { mean: 8.3, distribution: { "8": 2, "9": 1 } }, []],
    ["a mean rounded the wrong way", { mean: 8.4, distribution: { "8": 2, "9": 1 } }, ["distribution_mean"]],
    // The rounding edge, both sides: 8 ×9 and 9 ×11 → 8.55, and 8 ×11 and 9 ×9 → 8.45, each exactly
    // 0.05 from a published 8.5 (in floats 0.0499… and 0.0500…7), so both round to it; 8.56 does not.
    ["a mean 0.05 above, at the rounding edge", { n: 20, distribution: { "8": 9, "9": 11 } }, []],
    ["a mean 0.05 below, at the rounding edge", { n: 20, distribution: { "8": 11, "9": 9 } }, []],
    ["a mean 0.06 above", { n: 50, attendance: 60, distribution: { "8": 22, "9": 28 } }, ["distribution_mean"]],
    ["grade 3 in the distribution", { distribution: { "3": 1 } }, ["distribution_off_scale"]],
    ["a half count", { distribution: { "8": 0.5 } }, ["distribution_off_scale"]],
    ["a distribution larger than attendance", { distribution: { "8": 30, "9": 30 }, attendance: 47 }, ["n_above_attendance"]],
  ])("%s", (_name, changes, codes) => {
    const { problems } = checkPublishedResult({ ...base, ...changes }, GRADE_SCALE);
    expect(problems.map((p) => p.code)).toEqual(codes);
  });

  it.each([
    ["mean 4 exactly", { mean: 4 }, []],
    ["n 1", { n: 1 }, []],
    [
      "one grade off the scale among good ones",
      { distribution: { "3": 1, "8": 1 } },
      [{ key: "distribution", code: "distribution_off_scale" }],
    ],
    ["a negative count", { distribution: { "8": -1 } }, [{ key: "distribution", code: "distribution_off_scale" }]],
    ["a count of 0 beside others", { mean: 8, n: 2, distribution: { "8": 2, "9": 0 } }, []],
    // Every count 0: n is 0 (below one); there is no mean to compare with.
    ["a distribution of zeros", { distribution: { "8": 0 } }, [{ key: "n", code: "n_below_one" }]],
    ["mean off the scale", { mean: 11 }, [{ key: "mean", code: "mean_off_scale" }]],
    ["a distribution that does not add up", { n: 3, distribution: { "8": 1 } }, [{ key: "distribution", code: "distribution_n" }]],
    ["a distribution with another mean", { distribution: { "7": 2 } }, [{ key: "distribution", code: "distribution_mean" }]],
    ["more respondents than participants", { n: 48 }, [{ key: "n", code: "n_above_attendance" }]],
  ])("%s: the problems name their field", (_name, changes, problems) => {
    expect(checkPublishedResult({ ...base, ...changes }, GRADE_SCALE).problems).toEqual(problems);
  });

  it("stores a distribution with every grade of the scale, zeros included", () => {
    expect(normalizedDistribution({ "8": 2, "10": 1 }, GRADE_SCALE)).toEqual({ "4": 0, "5": 0, "6": 0, "7": 0, "8": 2, "9": 0, "10": 1 });
  });

  it("takes n from the distribution when it is not given", () => {
    expect(checkPublishedResult({ ...base, distribution: { "8": 3, "9": 3 } }, GRADE_SCALE).n).toBe(6);
  });
});

describe("published days in a pool", () => {
  const kp = [
    { date: "2019-11-06", regionCode: "16", mean: 8.0, n: null },
    { date: "2019-09-04", regionCode: "16", mean: 8.5, n: null },
  ];

  it("a pool of only published days is the plain mean of their means over k days, with no SD or CI", () => {
    const grade = pooledFromSums({ ...NO_EVENTS, days: 2, attendance: 106 }, kp);
    expect(grade).toEqual({
      n: 0,
      mean: 8.25,
      sd: null,
      ci95: null,
      source: "reported",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: false,
      // No answered day behind it: no day-clustered interval (issue 14's fields).
      days: 0,
      se: null,
      ciDf: null,
      ciWithheld: null,
      published: {
        days: 2,
        meanOfMeans: 8.25,
        points: [
          { date: "2019-09-04", region: "16", mean: 8.5, n: null },
          { date: "2019-11-06", region: "16", mean: 8.0, n: null },
        ],
      },
    });
  });

  it("a mixed pool keeps the answers' figure untouched and lists the published days apart", () => {
    // 3 answers 7, 8, 9 on one day: mean 8, SD 1.
    const sums = { ...NO_EVENTS, days: 3, gradedEvents: 1, n: 3, sum: 24, sumSq: 49 + 64 + 81 };
    const answered = pooledFromSums(sums, []);
    const mixed = pooledFromSums(sums, kp);
    expect(answered).toMatchObject({ n: 3, mean: 8, sd: 1, source: "responses", published: null });
    expect(mixed).toMatchObject({
      n: 3,
      mean: 8,
      sd: 1,
      ci95: answered.ci95,
      source: "mixed",
      eventsPooled: 1,
      published: { days: 2, meanOfMeans: 8.25 },
    });
  });

  it("published respondents are summed where reports gave them; small n is flagged only when all are known", () => {
    const grade = withPublishedEvents(pooledFromSums(NO_EVENTS, []), [
      { date: "2019-09-04", mean: 9, n: 2 },
      { date: "2019-09-05", mean: 8, n: 1 },
    ]);
    expect(grade).toMatchObject({ n: 3, mean: 8.5, smallN: true });
  });
});
