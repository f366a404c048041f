import { describe, expect, it } from "vitest";
import type { DayGrade, PooledGrade } from "../../src/api-types";
import { addSums, collectedResponseRate, dayGrade, groupBy, groupFigures, NO_DAYS, pooledFromSums, trendFromMonths, type DayInput, type DaySums } from "../../src/domain/analytics";
import { GRADE_SCALE } from "../../src/domain/questions";

// Expected values are worked by hand in the comments; the SDs, CIs and t quantiles were checked with
// scipy 1.10.1 (Debian python3-scipy): x = np.array(...); x.mean(), x.std(ddof=1),
// stats.t.ppf(0.975, n - 1) * sd / sqrt(n). Never computed with the code under test.

/** The sums a group of days adds up to, from its answers (the grade values) and its head counts. */
function sums(answers: readonly number[], extra: Partial<DaySums> = {}): DaySums {
  return {
    ...NO_DAYS,
    n: answers.length,
    sum: answers.reduce((s, x) => s + x, 0),
    sumSq: answers.reduce((s, x) => s + x * x, 0),
    ...extra,
  };
}

function expectGrade(actual: PooledGrade | null, expected: Omit<PooledGrade, "ci95" | "mean" | "sd"> & { mean: number | null; sd: number | null; ci95: readonly [number, number] | null }) {
  const message = JSON.stringify(actual);
  expect(actual, message).not.toBeNull();
  const { mean, sd, ci95, ...exact } = expected;
  expect({ ...actual, mean: undefined, sd: undefined, ci95: undefined }, message).toEqual({ ...exact, mean: undefined, sd: undefined, ci95: undefined });
  for (const [key, want] of [["mean", mean], ["sd", sd]] as const) {
    if (want === null) expect(actual?.[key], `${key} ${message}`).toBeNull();
    else expect(actual?.[key], `${key} ${message}`).toBeCloseTo(want, 8);
  }
  if (ci95 === null) expect(actual?.ci95, message).toBeNull();
  else {
    expect(actual?.ci95?.[0], message).toBeCloseTo(ci95[0], 8);
    expect(actual?.ci95?.[1], message).toBeCloseTo(ci95[1], 8);
  }
}

const NO_REPORT = { reportedGradeMean: null, reportedGradeN: null };
const ALL_ZERO = { "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0, "10": 0 };

describe("dayGrade", () => {
  it("summarizes a day's own answers, and they win over a published figure of the same day", () => {
    // answers 8 8 9 10: n 4, mean 35/4 = 8.75; squared deviations .5625 .5625 .0625 1.5625 = 2.75,
    // var 2.75/3, sd 0.957427108; t(3) 3.182446305 · sd/2 → CI [7.226519819, 10.273480181]; median (8+9)/2
    const grade = dayGrade(
      new Map([
        [8, 2],
        [9, 1],
        [10, 1],
      ]),
      GRADE_SCALE,
      { reportedGradeMean: 7, reportedGradeN: 30 },
    );
    expect(grade).toMatchObject({ source: "responses", n: 4, median: 8.5, distribution: { ...ALL_ZERO, "8": 2, "9": 1, "10": 1 }, smallN: true });
    expect(grade.mean).toBe(8.75);
    expect(grade.sd).toBeCloseTo(0.957427108, 8);
    expect(grade.ci95?.[0]).toBeCloseTo(7.226519819, 8);
    expect(grade.ci95?.[1]).toBeCloseTo(10.273480181, 8);
  });

  it("flags a day with fewer than 5 answers as small, and not one with 5", () => {
    const four = dayGrade(new Map([[8, 4]]), GRADE_SCALE, NO_REPORT);
    const five = dayGrade(new Map([[8, 5]]), GRADE_SCALE, NO_REPORT);
    expect([four.smallN, five.smallN]).toEqual([true, false]);
  });

  it("uses the published figure when the day has no answers of its own (no counts, or only zero counts)", () => {
    const published: DayGrade = { source: "reported", n: 47, mean: 8.5, sd: null, ci95: null, median: null, distribution: null, smallN: false };
    expect(dayGrade(undefined, GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 })).toEqual(published);
    expect(dayGrade(new Map(), GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 })).toEqual(published);
    expect(dayGrade(new Map([[8, 0]]), GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 })).toEqual(published);
  });

  it.each([
    { n: 3, smallN: true },
    { n: 4, smallN: true },
    { n: 5, smallN: false },
    { n: 59, smallN: false },
    // A report that gave no respondent count: nothing to warn about is known, so no flag (and no n).
    { n: null, smallN: false },
  ])("flags a published day with n $n as small: $smallN", ({ n, smallN }) => {
    const grade = dayGrade(undefined, GRADE_SCALE, { reportedGradeMean: 8, reportedGradeN: n });
    expect(grade).toMatchObject({ source: "reported", n, mean: 8, smallN });
  });

  it("gives a day without data the shape of nothing: no figures, every scale value counted 0, flagged small", () => {
    const none: DayGrade = { source: "none", n: 0, mean: null, sd: null, ci95: null, median: null, distribution: ALL_ZERO, smallN: true };
    expect(dayGrade(undefined, GRADE_SCALE, NO_REPORT)).toEqual(none);
    expect(dayGrade(new Map([[9, 0]]), GRADE_SCALE, NO_REPORT)).toEqual(none);
  });
});

type Day = DayInput & { grade: DayGrade };
// Functions, not values: the code under test runs inside the tests, never while the file is collected.
const GRADE_OF = {
  responses: () => dayGrade(new Map([[8, 3]]), GRADE_SCALE, NO_REPORT),
  reported: () => dayGrade(undefined, GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 }),
  none: () => dayGrade(undefined, GRADE_SCALE, NO_REPORT),
};
function day(source: keyof typeof GRADE_OF, attendance: number | null, responses: number): Day {
  return { id: 1, regionCode: "16", date: "2019-09-04", themeId: null, attendance, responses, ...NO_REPORT, grade: GRADE_OF[source]() };
}

describe("collectedResponseRate", () => {
  it("divides responses by head count over the surveyed days only", () => {
    // surveyed: 10/20 and 0/30 (the survey ran, nobody answered) → 10/50 = 0.2. Left out: the published
    // day (50 heads, its respondents never counted here), a day without a head count, a head count of 0.
    const days = [day("responses", 20, 10), day("none", 30, 0), day("reported", 50, 0), day("responses", null, 4), day("responses", 0, 3)];
    expect(collectedResponseRate(days)).toBe(0.2);
  });
  it("is null, not 0 %, for days known only from a published report", () => {
    expect(collectedResponseRate([day("reported", 47, 0)])).toBeNull();
    expect(collectedResponseRate([])).toBeNull();
  });
  it("is not clamped at 100 %", () => {
    expect(collectedResponseRate([day("responses", 10, 12)])).toBe(1.2);
  });
});

describe("groupBy", () => {
  it("keeps every item, in order, under its key", () => {
    const groups = groupBy(["01a", "16a", "01b"], (s) => s.slice(0, 2));
    expect([...groups.entries()]).toEqual([
      ["01", ["01a", "01b"]],
      ["16", ["16a"]],
    ]);
  });
});

describe("addSums", () => {
  it("adds every field", () => {
    const a: DaySums = { days: 1, attendance: 2, responses: 3, surveyedAttendance: 4, surveyedResponses: 5, gradedDays: 6, n: 7, sum: 8, sumSq: 9 };
    const b: DaySums = { days: 10, attendance: 20, responses: 30, surveyedAttendance: 40, surveyedResponses: 50, gradedDays: 60, n: 70, sum: 80, sumSq: 90 };
    expect(addSums(a, b)).toEqual({ days: 11, attendance: 22, responses: 33, surveyedAttendance: 44, surveyedResponses: 55, gradedDays: 66, n: 77, sum: 88, sumSq: 99 });
    expect(addSums(NO_DAYS, a)).toEqual(a);
  });
});

describe("pooledFromSums", () => {
  // Two days with answers 8 8 | 9 10: the same figures as the one day above.
  const twoDays = sums([8, 8, 9, 10], { days: 2, gradedDays: 2 });

  it("gives mean, SD and CI of all the answers together, counting the days", () => {
    expectGrade(pooledFromSums(twoDays, []), {
      n: 4, mean: 8.75, sd: 0.957427108, ci95: [7.226519819, 10.273480181], source: "responses", eventsPooled: 2, excludedUnknownN: 0, smallN: true,
    });
  });

  it("gives SD 0 when every answer is the same, and no SD for a single answer", () => {
    expectGrade(pooledFromSums(sums([7, 7, 7], { days: 1, gradedDays: 1 }), []), {
      n: 3, mean: 7, sd: 0, ci95: [7, 7], source: "responses", eventsPooled: 1, excludedUnknownN: 0, smallN: true,
    });
    expectGrade(pooledFromSums(sums([7], { days: 1, gradedDays: 1 }), []), {
      n: 1, mean: 7, sd: null, ci95: null, source: "responses", eventsPooled: 1, excludedUnknownN: 0, smallN: true,
    });
  });

  it("pools published days by their respondent count, leaving out (and counting) those without one", () => {
    // (35 + 47·8.5)/(4 + 47) = 434.5/51 = 8.519607843; a published day has no spread → no SD, no CI
    expectGrade(
      pooledFromSums(twoDays, [
        { mean: 8.5, n: 47 },
        { mean: 9, n: null },
      ]),
      { n: 51, mean: 8.519607843, sd: null, ci95: null, source: "mixed", eventsPooled: 3, excludedUnknownN: 1, smallN: false },
    );
  });

  it("ignores a published day with n = 0: it neither moves the mean nor removes the SD", () => {
    expectGrade(pooledFromSums(twoDays, [{ mean: 9.5, n: 0 }]), {
      n: 4, mean: 8.75, sd: 0.957427108, ci95: [7.226519819, 10.273480181], source: "responses", eventsPooled: 2, excludedUnknownN: 0, smallN: true,
    });
    expectGrade(pooledFromSums({ ...NO_DAYS, days: 1 }, [{ mean: 9.5, n: 0 }]), {
      n: 0, mean: null, sd: null, ci95: null, source: null, eventsPooled: 0, excludedUnknownN: 0, smallN: true,
    });
  });
});

describe("groupFigures: a region's, a theme's and the national figures", () => {
  // Region 01: two surveyed days, 40 heads, 12 responses, grade answers 8 8 9 10.
  const region01 = sums([8, 8, 9, 10], { days: 2, attendance: 40, responses: 12, surveyedAttendance: 40, surveyedResponses: 12, gradedDays: 2 });
  // Region 02: one surveyed day, 10 heads, 2 responses, answers 10 7.
  const region02 = sums([10, 7], { days: 1, attendance: 10, responses: 2, surveyedAttendance: 10, surveyedResponses: 2, gradedDays: 1 });
  // Region 16 (Keski-Pohjanmaa 2019): two days known only from published reports, 47 + 59 heads.
  const region16 = { ...NO_DAYS, days: 2, attendance: 106 };
  const published16 = [
    { mean: 8.5, n: 47 },
    { mean: 8.0, n: 59 },
  ];

  it("gives a region its counts, response rate and pooled grade", () => {
    const figures = groupFigures(region01, []);
    expect({ ...figures, grade: undefined }).toEqual({ events: 2, attendance: 40, responses: 12, responseRate: 12 / 40, grade: undefined });
    expectGrade(figures.grade, { n: 4, mean: 8.75, sd: 0.957427108, ci95: [7.226519819, 10.273480181], source: "responses", eventsPooled: 2, excludedUnknownN: 0, smallN: true });
  });

  it("gives a region known only from published reports no response rate (not 0 %) and their pooled grade", () => {
    // (47·8.5 + 59·8.0)/106 = 871.5/106 = 8.221698113
    const figures = groupFigures(region16, published16);
    expect({ ...figures, grade: undefined }).toEqual({ events: 2, attendance: 106, responses: 0, responseRate: null, grade: undefined });
    expectGrade(figures.grade, { n: 106, mean: 8.221698113, sd: null, ci95: null, source: "reported", eventsPooled: 2, excludedUnknownN: 0, smallN: false });
  });

  it("adds the regions' sums into national figures: counts, rate over surveyed days, pooled SD of every answer", () => {
    const national = [region01, region02, region16].reduce(addSums, NO_DAYS);
    // events 2+1+2, heads 40+10+106, responses 12+2+0; rate (12+2)/(40+10) = 0.28, the published heads left out
    const withoutPublished = groupFigures(national, []);
    expect({ ...withoutPublished, grade: undefined }).toEqual({ events: 5, attendance: 156, responses: 14, responseRate: 14 / 50, grade: undefined });
    // answers 8 8 9 10 10 7 (scipy): mean 8.666666667, sd 1.211060142, CI [7.395736991, 9.937596342]
    expectGrade(withoutPublished.grade, {
      n: 6, mean: 8.666666667, sd: 1.211060142, ci95: [7.395736991, 9.937596342], source: "responses", eventsPooled: 3, excludedUnknownN: 0, smallN: false,
    });
    // with the published days: (52 + 399.5 + 472)/(6 + 106) = 923.5/112 = 8.245535714, 3 answered + 2 published days
    expectGrade(groupFigures(national, published16).grade, {
      n: 112, mean: 8.245535714, sd: null, ci95: null, source: "mixed", eventsPooled: 5, excludedUnknownN: 0, smallN: false,
    });
  });

  it("gives no response rate to a group without days", () => {
    expect(groupFigures(NO_DAYS, [])).toMatchObject({ events: 0, attendance: 0, responses: 0, responseRate: null, grade: { n: 0, mean: null, source: null, smallN: true } });
  });
});

describe("trendFromMonths", () => {
  const autumnToSpring = { from: "2019-08-01", to: "2020-03-01" };

  it("has no keys and empty series without a range", () => {
    expect(trendFromMonths("term", null, [{ region: null, months: new Map(), reported: [] }, { region: "01", months: new Map(), reported: [] }])).toEqual({
      keys: [],
      series: [
        { region: null, points: [] },
        { region: "01", points: [] },
      ],
    });
  });

  it("pools each bucket's months with the published days dated in it; a bucket without days is a gap", () => {
    const trend = trendFromMonths("term", autumnToSpring, [
      {
        region: null,
        months: new Map([
          ["2019-09", sums([8, 9, 10], { days: 1, gradedDays: 1 })],
          ["2019-10", sums([6, 8], { days: 1, gradedDays: 1 })],
          ["2019-11", { ...NO_DAYS, days: 1 }],
        ]),
        reported: [{ date: "2019-11-06", mean: 8, n: 59 }],
      },
      { region: "01", months: new Map([["2019-09", sums([8, 9, 10], { days: 1, gradedDays: 1 })]]), reported: [] },
    ]);
    expect(trend.keys).toEqual(["2019-autumn", "2020-spring"]);
    expect(trend.series.map((s) => s.region)).toEqual([null, "01"]);
    // national autumn: answers 8 9 10 6 8 (sum 41) and 59 × 8 → (41 + 472)/64 = 8.015625
    expectGrade(trend.series[0]!.points[0]!, { n: 64, mean: 8.015625, sd: null, ci95: null, source: "mixed", eventsPooled: 3, excludedUnknownN: 0, smallN: false });
    // region 01 autumn: 8 9 10 → mean 9, sd 1, t(2) 4.302652730/√3 → 9 ± 2.484137712 (scipy)
    expectGrade(trend.series[1]!.points[0]!, { n: 3, mean: 9, sd: 1, ci95: [6.515862288, 11.484137712], source: "responses", eventsPooled: 1, excludedUnknownN: 0, smallN: true });
    expect(trend.series[0]!.points[1]).toBeNull();
    expect(trend.series[1]!.points[1]).toBeNull();
  });

  it("keeps published grades in the points of months known only from reports", () => {
    const trend = trendFromMonths("month", { from: "2020-01-01", to: "2020-02-01" }, [
      { region: null, months: new Map([["2020-02", { ...NO_DAYS, days: 1 }]]), reported: [{ date: "2020-02-05", mean: 8.5, n: 47 }] },
    ]);
    expect(trend.keys).toEqual(["2020-01", "2020-02"]);
    expect(trend.series[0]!.points[0]).toBeNull();
    expectGrade(trend.series[0]!.points[1]!, { n: 47, mean: 8.5, sd: null, ci95: null, source: "reported", eventsPooled: 1, excludedUnknownN: 0, smallN: false });
  });

  it("shows a bucket whose only grade is a published mean without n (to say so), and none for days without any grade", () => {
    const trend = trendFromMonths("year", { from: "2019-01-01", to: "2020-12-31" }, [
      {
        region: null,
        months: new Map([
          ["2019-05", { ...NO_DAYS, days: 1 }],
          ["2020-05", { ...NO_DAYS, days: 2 }],
        ]),
        reported: [{ date: "2019-05-14", mean: 9, n: null }],
      },
    ]);
    expect(trend.keys).toEqual(["2019", "2020"]);
    expect(trend.series[0]!.points).toEqual([{ n: 0, mean: null, sd: null, ci95: null, source: null, eventsPooled: 0, excludedUnknownN: 1, smallN: true }, null]);
  });
});
