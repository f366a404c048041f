import { describe, expect, it } from "vitest";
import type { EventGrade, PooledGrade } from "../../src/api-types";
import {
  addSums,
  collectedGrade,
  eventGrade,
  eventResponseRate,
  groupBy,
  groupFigures,
  NO_EVENTS,
  pooledFromSums,
  publishedEventGrade,
  regroupPairs,
  trendFromMonths,
  type EventInput,
  type EventSums,
  withPublishedEvents,
} from "../../src/domain/analytics";
import { GRADE_SCALE } from "../../src/domain/questions";

// Expected values are worked by hand in the comments; the SDs, CIs and t quantiles were checked with
// scipy 1.10.1 (Debian python3-scipy): x = np.array(...); x.mean(), x.std(ddof=1),
// stats.t.ppf(0.975, n - 1) * sd / sqrt(n). Never computed with the code under test.

/**
 * The sums a group of days adds up to, from each answered day's answers (the grade values): the
 * answers' count, Σx and Σx², and per day Σnᵢ² and Σ nᵢȳᵢ² = Σ (Σx)²/nᵢ, worked out here directly.
 */
function sums(answeredEvents: readonly (readonly number[])[], extra: Partial<EventSums> = {}): EventSums {
  const all = answeredEvents.flat();
  const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    ...NO_EVENTS,
    gradedEvents: answeredEvents.length,
    n: all.length,
    sum: total(all),
    sumSq: total(all.map((x) => x * x)),
    eventNSq: total(answeredEvents.map((d) => d.length * d.length)),
    eventNMeanSq: total(answeredEvents.map((d) => total(d) ** 2 / d.length)),
    ...extra,
  };
}

/** What a pooled grade without an interval says besides its figures. */
const NO_CI = { se: null, ciDf: null, ci95: null } as const;

function expectGrade(
  actual: PooledGrade | null,
  expected: Omit<PooledGrade, "ci95" | "mean" | "sd" | "se"> & {
    mean: number | null;
    sd: number | null;
    se: number | null;
    ci95: readonly [number, number] | null;
  },
) {
  const message = JSON.stringify(actual);
  expect(actual, message).not.toBeNull();
  // A pool without published days says so (published: null) unless the expected grade lists them.
  const { mean, sd, se, ci95, ...exact } = { published: null, ...expected };
  expect({ ...actual, mean: undefined, sd: undefined, se: undefined, ci95: undefined }, message).toEqual({
    ...exact,
    mean: undefined,
    sd: undefined,
    se: undefined,
    ci95: undefined,
  });
  for (const [key, want] of [
    ["mean", mean],
    ["sd", sd],
    ["se", se],
  ] as const) {
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

describe("eventGrade", () => {
  it("summarizes a day's own answers; under 10 answers no CI", () => {
    // answers 8 8 9 10: n 4, mean 35/4 = 8.75; squared deviations .5625 .5625 .0625 1.5625 = 2.75,
    // var 2.75/3, sd 0.957427108; median (8+9)/2. 4 < 10 answers: the interval is withheld.
    const grade = eventGrade(
      new Map([
        [8, 2],
        [9, 1],
        [10, 1],
      ]),
      GRADE_SCALE,
      NO_REPORT,
    );
    expect(grade).toMatchObject({
      source: "responses",
      n: 4,
      median: 8.5,
      distribution: { ...ALL_ZERO, "8": 2, "9": 1, "10": 1 },
      smallN: true,
    });
    expect(grade.mean).toBe(8.75);
    expect(grade.sd).toBeCloseTo(0.957427108, 8);
    expect(grade.ci95).toBeNull();
    expect(grade.ciWithheld).toBe("too_few_respondents");
  });

  it("puts a day's published figure first: it wins over the day's own answers, which stay readable beside it", () => {
    // published 7 with n 30 and no distribution: mean 7, n 30, no SD/CI/median (never guessed); 30 ≥ 5 → not small
    const counts = new Map([
      [8, 2],
      [9, 1],
      [10, 1],
    ]);
    const published: EventGrade = {
      source: "reported",
      n: 30,
      mean: 7,
      sd: null,
      ci95: null,
      ciWithheld: null,
      median: null,
      distribution: null,
      smallN: false,
    };
    expect(eventGrade(counts, GRADE_SCALE, { reportedGradeMean: 7, reportedGradeN: 30 })).toEqual(published);
    // the answers themselves (8 8 9 10: n 4, mean 35/4 = 8.75) are the collected grade, not the day's grade
    expect(collectedGrade(counts, GRADE_SCALE)).toMatchObject({ source: "responses", n: 4, mean: 8.75 });
  });

  it("gives a day with 10 answers its t interval", () => {
    // answers 8×5 9×3 10×2: n 10, mean 87/10 = 8.7; SS 5·.49 + 3·.09 + 2·1.69 = 6.1, sd √(6.1/9);
    // scipy: x.std(ddof=1) 0.823272602, t.ppf(.975, 9)·sd/√10 → [8.111066258, 9.288933742]
    const grade = eventGrade(
      new Map([
        [8, 5],
        [9, 3],
        [10, 2],
      ]),
      GRADE_SCALE,
      NO_REPORT,
    );
    expect(grade).toMatchObject({ source: "responses", n: 10, median: 8.5, ciWithheld: null, smallN: false });
    expect(grade.mean).toBeCloseTo(8.7, 10);
    expect(grade.sd).toBeCloseTo(0.823272602, 8);
    expect(grade.ci95?.[0]).toBeCloseTo(8.111066258, 8);
    expect(grade.ci95?.[1]).toBeCloseTo(9.288933742, 8);
  });

  it("withholds the CI of a day with 9 answers", () => {
    const nine = eventGrade(
      new Map([
        [8, 5],
        [9, 4],
      ]),
      GRADE_SCALE,
      NO_REPORT,
    );
    expect([nine.n, nine.ci95, nine.ciWithheld]).toEqual([9, null, "too_few_respondents"]);
  });

  it("says 'archived' for a day whose answers retention deleted and whose tallies it kept", () => {
    const counts = new Map([[8, 3]]);
    expect(eventGrade(counts, GRADE_SCALE, { ...NO_REPORT, archivedAt: 1_700_000_000 }).source).toBe("archived");
    expect(eventGrade(counts, GRADE_SCALE, { ...NO_REPORT, archivedAt: null }).source).toBe("responses");
    expect(eventGrade(counts, GRADE_SCALE, NO_REPORT).source).toBe("responses");
  });

  it("flags a day with fewer than 5 answers as small, and not one with 5", () => {
    const four = eventGrade(new Map([[8, 4]]), GRADE_SCALE, NO_REPORT);
    const five = eventGrade(new Map([[8, 5]]), GRADE_SCALE, NO_REPORT);
    expect([four.smallN, five.smallN]).toEqual([true, false]);
  });

  it("uses the published figure when the day has no answers of its own (no counts, or only zero counts)", () => {
    const published: EventGrade = {
      source: "reported",
      n: 47,
      mean: 8.5,
      sd: null,
      ci95: null,
      ciWithheld: null,
      median: null,
      distribution: null,
      smallN: false,
    };
    expect(eventGrade(undefined, GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 })).toEqual(published);
    expect(eventGrade(new Map(), GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 })).toEqual(published);
    expect(eventGrade(new Map([[8, 0]]), GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 })).toEqual(published);
  });

  it.each([
    { n: 3, smallN: true },
    { n: 4, smallN: true },
    { n: 5, smallN: false },
    { n: 59, smallN: false },
    // A report that gave no respondent count: nothing to warn about is known, so no flag (and no n).
    { n: null, smallN: false },
  ])("flags a published day with n $n as small: $smallN", ({ n, smallN }) => {
    const grade = eventGrade(undefined, GRADE_SCALE, { reportedGradeMean: 8, reportedGradeN: n });
    expect(grade).toMatchObject({ source: "reported", n, mean: 8, smallN });
  });

  it("gives a day without data the shape of nothing: no figures, every scale value counted 0, flagged small", () => {
    const none: EventGrade = {
      source: "none",
      n: 0,
      mean: null,
      sd: null,
      ci95: null,
      ciWithheld: null,
      median: null,
      distribution: ALL_ZERO,
      smallN: true,
    };
    expect(eventGrade(undefined, GRADE_SCALE, NO_REPORT)).toEqual(none);
    expect(eventGrade(new Map([[9, 0]]), GRADE_SCALE, NO_REPORT)).toEqual(none);
  });
});

type GradedEvent = EventInput & { grade: EventGrade; surveyRan: boolean };
// Functions, not values: the code under test runs inside the tests, never while the file is collected.
const GRADE_OF = {
  responses: () => eventGrade(new Map([[8, 3]]), GRADE_SCALE, NO_REPORT),
  reported: () => eventGrade(undefined, GRADE_SCALE, { reportedGradeMean: 8.5, reportedGradeN: 47 }),
  none: () => eventGrade(undefined, GRADE_SCALE, NO_REPORT),
};
function event(source: keyof typeof GRADE_OF, attendance: number | null, responses: number, surveyRan = true): GradedEvent {
  return {
    id: 1,
    regionCode: "16",
    date: "2019-09-04",
    themeId: null,
    attendance,
    responses,
    ...NO_REPORT,
    grade: GRADE_OF[source](),
    surveyRan,
  };
}

describe("eventResponseRate", () => {
  it.each([
    { what: "a surveyed day", d: () => event("responses", 20, 10), rate: 0.5, status: "counted" },
    { what: "a surveyed day nobody answered", d: () => event("none", 30, 0), rate: 0, status: "counted" },
    { what: "a day where everyone answered", d: () => event("responses", 12, 12), rate: 1, status: "counted" },
    // Shown (not clamped), and flagged: groupFigures leaves it out of the pooled rate.
    { what: "a day above 100 %", d: () => event("responses", 10, 12), rate: 1.2, status: "over_100" },
    // Its respondents were never counted here: null, not 0 %.
    { what: "a day known only from a published report", d: () => event("reported", 47, 0), rate: null, status: "reported" },
    { what: "a day without a head count", d: () => event("responses", null, 4), rate: null, status: "no_head_count" },
    { what: "a day with a head count of 0", d: () => event("responses", 0, 3), rate: null, status: "no_head_count" },
    // Nobody has had the chance to answer yet: not 0 %.
    { what: "a day whose survey has not run", d: () => event("none", 30, 0, false), rate: null, status: "not_run" },
  ])("$what: rate $rate, $status", ({ d, rate, status }) => {
    expect(eventResponseRate(d())).toEqual({ rate, status });
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
    const a: EventSums = {
      days: 1,
      attendance: 2,
      responses: 3,
      surveyedAttendance: 4,
      surveyedResponses: 5,
      over100Events: 6,
      gradedEvents: 7,
      n: 8,
      sum: 9,
      sumSq: 10,
      eventNSq: 11,
      eventNMeanSq: 12,
      demoEvents: 13,
    };
    const b: EventSums = {
      days: 100,
      attendance: 200,
      responses: 300,
      surveyedAttendance: 400,
      surveyedResponses: 500,
      over100Events: 600,
      gradedEvents: 700,
      n: 800,
      sum: 900,
      sumSq: 1000,
      eventNSq: 1100,
      eventNMeanSq: 1200,
      demoEvents: 1300,
    };
    expect(addSums(a, b)).toEqual({
      days: 101,
      attendance: 202,
      responses: 303,
      surveyedAttendance: 404,
      surveyedResponses: 505,
      over100Events: 606,
      gradedEvents: 707,
      n: 808,
      sum: 909,
      sumSq: 1010,
      eventNSq: 1111,
      eventNMeanSq: 1212,
      demoEvents: 1313,
    });
    expect(addSums(NO_EVENTS, a)).toEqual(a);
  });
});

describe("pooledFromSums", () => {
  // Two days with answers 8 8 | 9 10: the same answers as the one day above.
  const twoEvents = sums(
    [
      [8, 8],
      [9, 10],
    ],
    { days: 2 },
  );
  // Three days of two answers: 8 9 | 6 7 | 9 10, day means 8.5 6.5 9.5. Equal day sizes and MSB (4.6667)
  // > MSW (0.5), so the day-clustered interval is exactly the t interval of the 3 day means (see
  // src/domain/stats/clustered-pool.ts). scipy: m = [8.5, 6.5, 9.5]; m.mean() 8.166666667,
  // se m.std(ddof=1)/√3 = 0.881917104, t.ppf(.975, 2) 4.302652730 → [4.372083633, 11.961249700].
  // All six answers: sd 1.471960144 (x.std(ddof=1)).
  const threeEvents = sums(
    [
      [8, 9],
      [6, 7],
      [9, 10],
    ],
    { days: 3 },
  );

  it("gives mean and SD of all the answers together, counting the days; 2 days give no CI", () => {
    expectGrade(pooledFromSums(twoEvents, []), {
      n: 4,
      mean: 8.75,
      sd: 0.957427108,
      ...NO_CI,
      ciWithheld: "too_few_days",
      days: 2,
      source: "responses",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: true,
    });
  });

  it("gives 3 days the day-clustered interval on k − 1 = 2 df", () => {
    expectGrade(pooledFromSums(threeEvents, []), {
      n: 6,
      mean: 8.166666667,
      sd: 1.471960144,
      se: 0.881917104,
      ciDf: 2,
      ci95: [4.372083633, 11.9612497],
      ciWithheld: null,
      days: 3,
      source: "responses",
      eventsPooled: 3,
      excludedUnknownN: 0,
      smallN: false,
    });
  });

  it("gives one day with 10 answers its respondent-level interval on n − 1 df", () => {
    // the day of eventGrade above: se 0.823272602/√10 = 0.260341656 (scipy x.std(ddof=1)/np.sqrt(10)), 9 df
    expectGrade(pooledFromSums(sums([[8, 8, 8, 8, 8, 9, 9, 9, 10, 10]], { days: 1 }), []), {
      n: 10,
      mean: 8.7,
      sd: 0.823272602,
      se: 0.260341656,
      ciDf: 9,
      ci95: [8.111066258, 9.288933742],
      ciWithheld: null,
      days: 1,
      source: "responses",
      eventsPooled: 1,
      excludedUnknownN: 0,
      smallN: false,
    });
  });

  it("gives SD 0 when every answer is the same, and no SD for a single answer; one day under 10 answers has no CI", () => {
    expectGrade(pooledFromSums(sums([[7, 7, 7]], { days: 1 }), []), {
      n: 3,
      mean: 7,
      sd: 0,
      ...NO_CI,
      ciWithheld: "too_few_respondents",
      days: 1,
      source: "responses",
      eventsPooled: 1,
      excludedUnknownN: 0,
      smallN: true,
    });
    expectGrade(pooledFromSums(sums([[7]], { days: 1 }), []), {
      n: 1,
      mean: 7,
      sd: null,
      ...NO_CI,
      ciWithheld: "too_few_respondents",
      days: 1,
      source: "responses",
      eventsPooled: 1,
      excludedUnknownN: 0,
      smallN: true,
    });
  });

  it("a mixed pool keeps the answers' mean, SD and CI and lists the published days apart", () => {
    // answered figure of twoEvents unchanged (8.75, sd 0.957427108, 2 days → no CI); published listed
    // apart, sorted by date: mean of means (9 + 8.5)/2 = 8.75; the day without n is listed too
    expectGrade(
      pooledFromSums(twoEvents, [
        { date: "2019-09-11", mean: 8.5, n: 47 },
        { date: "2019-09-04", mean: 9, n: null },
      ]),
      {
        n: 4,
        mean: 8.75,
        sd: 0.957427108,
        ...NO_CI,
        ciWithheld: "too_few_days",
        days: 2,
        source: "mixed",
        eventsPooled: 2,
        excludedUnknownN: 0,
        smallN: true,
        published: {
          days: 2,
          meanOfMeans: 8.75,
          points: [
            { date: "2019-09-04", region: null, mean: 9, n: null },
            { date: "2019-09-11", region: null, mean: 8.5, n: 47 },
          ],
        },
      },
    );
    // beside 3 answered days their day-clustered interval stays (the values of the test above)
    expectGrade(pooledFromSums(threeEvents, [{ date: "2019-09-18", regionCode: "16", mean: 8, n: 10 }]), {
      n: 6,
      mean: 8.166666667,
      sd: 1.471960144,
      se: 0.881917104,
      ciDf: 2,
      ci95: [4.372083633, 11.9612497],
      ciWithheld: null,
      days: 3,
      source: "mixed",
      eventsPooled: 3,
      excludedUnknownN: 0,
      smallN: false,
      published: { days: 1, meanOfMeans: 8, points: [{ date: "2019-09-18", region: "16", mean: 8, n: 10 }] },
    });
  });

  it("lists a published day with n = 0 like any other: the answers' figure is unchanged; alone it is the figure, flagged small", () => {
    const zero = { date: "2019-09-25", mean: 9.5, n: 0 };
    const part = { days: 1, meanOfMeans: 9.5, points: [{ date: "2019-09-25", region: null, mean: 9.5, n: 0 }] };
    expectGrade(pooledFromSums(twoEvents, [zero]), {
      n: 4,
      mean: 8.75,
      sd: 0.957427108,
      ...NO_CI,
      ciWithheld: "too_few_days",
      days: 2,
      source: "mixed",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: true,
      published: part,
    });
    // published-only: mean of means 9.5/1, n = known respondents 0 → small; no SD, no CI, k = 0 answered days
    expectGrade(pooledFromSums({ ...NO_EVENTS, days: 1 }, [zero]), {
      n: 0,
      mean: 9.5,
      sd: null,
      ...NO_CI,
      ciWithheld: null,
      days: 0,
      source: "reported",
      eventsPooled: 1,
      excludedUnknownN: 0,
      smallN: true,
      published: part,
    });
  });
});

describe("groupFigures: a region's, a theme's and the national figures", () => {
  // Region 01: two surveyed days, 40 heads, 12 responses, grade answers 8 8 | 9 10.
  const region01 = sums(
    [
      [8, 8],
      [9, 10],
    ],
    { days: 2, attendance: 40, responses: 12, surveyedAttendance: 40, surveyedResponses: 12 },
  );
  // Region 02: one surveyed day, 10 heads, 2 responses, answers 10 7; plus a demo day of 5 heads
  // with 7 responses: above 100 %, so outside the surveyed sums and counted in over100Events.
  const region02 = sums([[10, 7]], {
    days: 2,
    attendance: 15,
    responses: 9,
    surveyedAttendance: 10,
    surveyedResponses: 2,
    over100Events: 1,
    demoEvents: 1,
  });
  // Region 16 (Keski-Pohjanmaa 2019): two days known only from published reports, 47 + 59 heads.
  const region16 = { ...NO_EVENTS, days: 2, attendance: 106 };
  const published16 = [
    { date: "2019-11-06", regionCode: "16", mean: 8.0, n: 59 },
    { date: "2019-10-02", regionCode: "16", mean: 8.5, n: 47 },
  ];
  const part16 = {
    days: 2,
    meanOfMeans: 8.25,
    points: [
      { date: "2019-10-02", region: "16", mean: 8.5, n: 47 },
      { date: "2019-11-06", region: "16", mean: 8.0, n: 59 },
    ],
  };

  it("gives a region its counts, response rate and pooled grade", () => {
    const figures = groupFigures(region01, []);
    expect({ ...figures, grade: undefined }).toEqual({
      events: 2,
      isDemo: false,
      attendance: 40,
      responses: 12,
      responseRate: 12 / 40,
      rateExcludedOver100: 0,
      grade: undefined,
    });
    expectGrade(figures.grade, {
      n: 4,
      mean: 8.75,
      sd: 0.957427108,
      ...NO_CI,
      ciWithheld: "too_few_days",
      days: 2,
      source: "responses",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: true,
    });
  });

  it("takes the rate over the counted days only, says how many days above 100 % it left out, and flags demo data", () => {
    // 2/10, not (2 + 7)/(10 + 5)
    expect(groupFigures(region02, [])).toMatchObject({
      events: 2,
      isDemo: true,
      attendance: 15,
      responses: 9,
      responseRate: 0.2,
      rateExcludedOver100: 1,
    });
  });

  it("gives a region known only from published reports no response rate (not 0 %), and the plain mean of their published means over k days, no CI", () => {
    // (8.5 + 8.0)/2 = 8.25 (not weighted by n: that would be 871.5/106 = 8.2217); n 47 + 59 = 106; no SD, no CI
    const figures = groupFigures(region16, published16);
    expect({ ...figures, grade: undefined }).toEqual({
      events: 2,
      isDemo: false,
      attendance: 106,
      responses: 0,
      responseRate: null,
      rateExcludedOver100: 0,
      grade: undefined,
    });
    expectGrade(figures.grade, {
      n: 106,
      mean: 8.25,
      sd: null,
      ...NO_CI,
      ciWithheld: null,
      days: 0,
      source: "reported",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: false,
      published: part16,
    });
  });

  it("adds the regions' sums into national figures: counts, rate over counted days, pooled SD of every answer", () => {
    const national = [region01, region02, region16].reduce(addSums, NO_EVENTS);
    // events 2+2+2, heads 40+15+106, responses 12+9+0; rate (12+2)/(40+10) = 0.28, the published heads
    // and the day above 100 % left out
    const withoutPublished = groupFigures(national, []);
    expect({ ...withoutPublished, grade: undefined }).toEqual({
      events: 6,
      isDemo: true,
      attendance: 161,
      responses: 21,
      responseRate: 14 / 50,
      rateExcludedOver100: 1,
      grade: undefined,
    });
    // answers 8 8 9 10 10 7 (scipy): mean 8.666666667, sd 1.211060142. Three answered days (8 8 | 9 10 | 10 7):
    // day means 8 9.5 8.5, sizes equal, MSB = 2·Σ(ȳᵢ − ȳ)²/2 = 1.166666667 < MSW = (0 + .5 + 4.5)/3 = 1.666666667,
    // so σ²_b is truncated at 0 and Var(ȳ) = MSW/N = 1.666666667/6: se 0.527046277, t(2) 4.302652730
    // → 8.666666667 ± 2.267697101 = [6.398969565, 10.934363768] (scipy: np.sqrt((5/3)/6) * t.ppf(.975, 2))
    expectGrade(withoutPublished.grade, {
      n: 6,
      mean: 8.666666667,
      sd: 1.211060142,
      se: 0.527046277,
      ciDf: 2,
      ci95: [6.398969565, 10.934363768],
      ciWithheld: null,
      days: 3,
      source: "responses",
      eventsPooled: 3,
      excludedUnknownN: 0,
      smallN: false,
    });
    // with the published days: the answers' figure and interval unchanged, the 2 published days apart (mean of means 8.25)
    expectGrade(groupFigures(national, published16).grade, {
      n: 6,
      mean: 8.666666667,
      sd: 1.211060142,
      se: 0.527046277,
      ciDf: 2,
      ci95: [6.398969565, 10.934363768],
      ciWithheld: null,
      days: 3,
      source: "mixed",
      eventsPooled: 3,
      excludedUnknownN: 0,
      smallN: false,
      published: part16,
    });
  });

  it("gives no response rate to a group without days", () => {
    expect(groupFigures(NO_EVENTS, [])).toMatchObject({
      events: 0,
      isDemo: false,
      attendance: 0,
      responses: 0,
      responseRate: null,
      rateExcludedOver100: 0,
      grade: { n: 0, mean: null, source: null, smallN: true },
    });
  });
});

describe("regroupPairs", () => {
  it("regroups 'first|second' sums by the first part, the second part, the pair and in total", () => {
    const row = (key: string | null, events: number) => ({ ...NO_EVENTS, days: events, key });
    const { byFirst, bySecond, byPair, total } = regroupPairs([
      row("01|3", 1),
      row("01|", 2),
      row("16|3", 4),
      row("|5", 8),
      row(null, 16),
      row("01|3", 32),
      row("02", 64),
    ]);
    const eventsOf = (m: Map<unknown, EventSums>) => [...m.entries()].map(([k, v]) => [k, v.days]);
    // a row without a region goes under null; a row without a theme (or without the "|") under no theme;
    // a pair needs both
    expect(eventsOf(byFirst)).toEqual([
      ["01", 35],
      ["16", 4],
      [null, 24],
      ["02", 64],
    ]);
    expect(eventsOf(bySecond)).toEqual([
      [3, 37],
      [5, 8],
    ]);
    expect(eventsOf(byPair)).toEqual([
      ["01|3", 33],
      ["16|3", 4],
    ]);
    expect(total.days).toBe(127);
  });
});

describe("trendFromMonths", () => {
  const autumnToSpring = { from: "2019-08-01", to: "2020-03-01" };

  it("has no keys and empty series without a range", () => {
    expect(
      trendFromMonths("term", null, [
        { region: null, months: new Map(), reported: [] },
        { region: "01", months: new Map(), reported: [] },
      ]),
    ).toEqual({
      keys: [],
      series: [
        { region: null, points: [] },
        { region: "01", points: [] },
      ],
    });
  });

  it("pools each bucket's months and lists the published days dated in it apart; a bucket without days is a gap", () => {
    const trend = trendFromMonths("term", autumnToSpring, [
      {
        region: null,
        months: new Map([
          ["2019-09", sums([[8, 9, 10]], { days: 1 })],
          ["2019-10", sums([[6, 8]], { days: 1 })],
          ["2019-11", { ...NO_EVENTS, days: 1 }],
        ]),
        reported: [{ date: "2019-11-06", mean: 8, n: 59 }],
      },
      { region: "01", months: new Map([["2019-09", sums([[8, 9, 10]], { days: 1 })]]), reported: [] },
    ]);
    expect(trend.keys).toEqual(["2019-autumn", "2020-spring"]);
    expect(trend.series.map((s) => s.region)).toEqual([null, "01"]);
    // national autumn: answers 8 9 10 | 6 8: mean 41/5 = 8.2; deviations −.2 .8 1.8 −2.2 −.2, SS .04 + .64 + 3.24
    // + 4.84 + .04 = 8.8, sd √(8.8/4) = √2.2 = 1.483239697; 2 days → no CI. The published 2019-11-06 day apart.
    expectGrade(trend.series[0]!.points[0]!, {
      n: 5,
      mean: 8.2,
      sd: 1.483239697,
      ...NO_CI,
      ciWithheld: "too_few_days",
      days: 2,
      source: "mixed",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: false,
      published: { days: 1, meanOfMeans: 8, points: [{ date: "2019-11-06", region: null, mean: 8, n: 59 }] },
    });
    // region 01 autumn: 8 9 10 → mean 9, sd 1 (one day of 3 answers: no CI)
    expectGrade(trend.series[1]!.points[0]!, {
      n: 3,
      mean: 9,
      sd: 1,
      ...NO_CI,
      ciWithheld: "too_few_respondents",
      days: 1,
      source: "responses",
      eventsPooled: 1,
      excludedUnknownN: 0,
      smallN: true,
    });
    expect(trend.series[0]!.points[1]).toBeNull();
    expect(trend.series[1]!.points[1]).toBeNull();
  });

  it("adds the months of a bucket into one pool of days", () => {
    // the three days of pooledFromSums above, in three months of one term: the same interval
    const trend = trendFromMonths("term", autumnToSpring, [
      {
        region: "01",
        months: new Map([
          ["2019-09", sums([[8, 9]], { days: 1 })],
          ["2019-10", sums([[6, 7]], { days: 1 })],
          ["2019-12", sums([[9, 10]], { days: 1 })],
        ]),
        reported: [],
      },
    ]);
    expectGrade(trend.series[0]!.points[0]!, {
      n: 6,
      mean: 8.166666667,
      sd: 1.471960144,
      se: 0.881917104,
      ciDf: 2,
      ci95: [4.372083633, 11.9612497],
      ciWithheld: null,
      days: 3,
      source: "responses",
      eventsPooled: 3,
      excludedUnknownN: 0,
      smallN: false,
    });
  });

  it("keeps published grades in the points of months known only from reports", () => {
    const trend = trendFromMonths("month", { from: "2020-01-01", to: "2020-02-01" }, [
      { region: null, months: new Map([["2020-02", { ...NO_EVENTS, days: 1 }]]), reported: [{ date: "2020-02-05", mean: 8.5, n: 47 }] },
    ]);
    expect(trend.keys).toEqual(["2020-01", "2020-02"]);
    expect(trend.series[0]!.points[0]).toBeNull();
    expectGrade(trend.series[0]!.points[1]!, {
      n: 47,
      mean: 8.5,
      sd: null,
      ...NO_CI,
      ciWithheld: null,
      days: 0,
      source: "reported",
      eventsPooled: 1,
      excludedUnknownN: 0,
      smallN: false,
      published: { days: 1, meanOfMeans: 8.5, points: [{ date: "2020-02-05", region: null, mean: 8.5, n: 47 }] },
    });
  });

  it("shows a bucket whose only grade is a published mean without n (its mean, n 0, not flagged small), and none for days without any grade", () => {
    const trend = trendFromMonths("year", { from: "2019-01-01", to: "2020-12-31" }, [
      {
        region: null,
        months: new Map([
          ["2019-05", { ...NO_EVENTS, days: 1 }],
          ["2020-05", { ...NO_EVENTS, days: 2 }],
        ]),
        reported: [{ date: "2019-05-14", mean: 9, n: null }],
      },
    ]);
    expect(trend.keys).toEqual(["2019", "2020"]);
    expect(trend.series[0]!.points).toEqual([
      // mean of means 9/1; n: no respondents known → 0; smallN only when every published n is known → false
      {
        n: 0,
        mean: 9,
        sd: null,
        ci95: null,
        source: "reported",
        eventsPooled: 1,
        excludedUnknownN: 0,
        smallN: false,
        days: 0,
        se: null,
        ciDf: null,
        ciWithheld: null,
        published: { days: 1, meanOfMeans: 9, points: [{ date: "2019-05-14", region: null, mean: 9, n: null }] },
      },
      null,
    ]);
  });
});

describe("publishedEventGrade: a report that published its distribution", () => {
  it("takes SD, median and the t interval from a published distribution of 10 answers, around the published mean", () => {
    // published 8×5 9×3 10×2 (n 10, mean 8.7): the same answers as "gives a day with 10 answers its t
    // interval" above; scipy: sd 0.823272602, t.ppf(.975, 9)·sd/√10 → [8.111066258, 9.288933742]; median 8.5
    const grade = publishedEventGrade(
      { reportedGradeMean: 8.7, reportedGradeN: 10, reportedGradeDistributionJson: '{"8":5,"9":3,"10":2}' },
      GRADE_SCALE,
    );
    expect(grade).toMatchObject({
      source: "reported",
      n: 10,
      mean: 8.7,
      ciWithheld: null,
      median: 8.5,
      distribution: { ...ALL_ZERO, "8": 5, "9": 3, "10": 2 },
      smallN: false,
    });
    expect(grade?.sd).toBeCloseTo(0.823272602, 8);
    expect(grade?.ci95?.[0]).toBeCloseTo(8.111066258, 8);
    expect(grade?.ci95?.[1]).toBeCloseTo(9.288933742, 8);
  });

  it("withholds the interval of a published distribution under 10 answers, as for collected ones", () => {
    // published 8×2 9×1 10×1 (n 4, mean 8.75): sd √(2·.5625 + .0625 + 1.5625)/3 = 0.957427108, no CI
    const grade = publishedEventGrade(
      { reportedGradeMean: 8.75, reportedGradeN: 4, reportedGradeDistributionJson: '{"8":2,"9":1,"10":1}' },
      GRADE_SCALE,
    );
    expect(grade).toMatchObject({ source: "reported", n: 4, mean: 8.75, ci95: null, ciWithheld: "too_few_respondents", smallN: true });
    expect(grade?.sd).toBeCloseTo(0.957427108, 8);
  });
});

describe("pooledFromSums: sums it refuses", () => {
  it("refuses a count that is not a whole number and a sum that gives no finite mean, saying which", () => {
    expect(() => pooledFromSums({ ...NO_EVENTS, gradedEvents: 1, n: 1.5, sum: 12, sumSq: 96 }, [])).toThrow(
      /^event n must be a whole number ≥ 0, got 1\.5$/,
    );
    expect(() => pooledFromSums({ ...NO_EVENTS, gradedEvents: 1, n: 1, sum: Number.POSITIVE_INFINITY, sumSq: 0 }, [])).toThrow(
      /^event mean must be finite, got Infinity$/,
    );
  });
});

describe("withPublishedEvents", () => {
  const answered = pooledFromSums(sums([[7, 8, 9]], { days: 1 }), []);
  const noAnswers = pooledFromSums(NO_EVENTS, []);

  it("leaves an answered figure as it is, without a published part, when no day was published", () => {
    expect(withPublishedEvents(answered, [])).toEqual({ ...answered, published: null });
    expect(withPublishedEvents(answered, []).source).toBe("responses");
  });

  it("lists published days by date, then region, a day without a region first", () => {
    const grade = withPublishedEvents(noAnswers, [
      { date: "2019-09-18", regionCode: "02", mean: 8, n: 10 },
      { date: "2019-09-18", regionCode: "01", mean: 7, n: 10 },
      { date: "2019-09-18", regionCode: null, mean: 9, n: 10 },
      { date: "2019-09-17", regionCode: "03", mean: 6, n: 10 },
      { date: "2019-09-19", regionCode: null, mean: 7, n: 10 },
      { date: "2019-09-19", regionCode: "04", mean: 8, n: 10 },
    ]);
    expect(grade.published?.points.map((p) => [p.date, p.region])).toEqual([
      ["2019-09-17", "03"],
      ["2019-09-18", null],
      ["2019-09-18", "01"],
      ["2019-09-18", "02"],
      ["2019-09-19", null],
      ["2019-09-19", "04"],
    ]);
    // mean of the published means (6 + 9 + 7 + 8 + 7 + 8) / 6 = 7.5, n 60
    expect(grade).toMatchObject({ source: "reported", n: 60, mean: 7.5, smallN: false });
  });

  it("warns of a small n only when every published day gave its n", () => {
    // one day with n 3 and one without: the known n (3) is not the group's, so no small-n warning;
    // both with n (3 + 1 = 4 < 5): the warning
    const someUnknown = withPublishedEvents(noAnswers, [
      { date: "2019-09-17", regionCode: "01", mean: 8, n: 3 },
      { date: "2019-09-18", regionCode: "01", mean: 9, n: null },
    ]);
    expect([someUnknown.n, someUnknown.smallN]).toEqual([3, false]);
    const allKnown = withPublishedEvents(noAnswers, [
      { date: "2019-09-17", regionCode: "01", mean: 8, n: 3 },
      { date: "2019-09-18", regionCode: "01", mean: 9, n: 1 },
    ]);
    expect([allKnown.n, allKnown.smallN]).toEqual([4, true]);
  });
});
