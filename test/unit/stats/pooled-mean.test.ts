import { describe, expect, it } from "vitest";
import { poolMeans, summarizeValues, type PoolableEvent, type PooledMean } from "../../../src/domain/stats";

const GRADE = { min: 4, max: 10, step: 1 };

// Raw-response events, from their answers: the shape summarizeValues returns fits as is.
const raw = (values: number[]): PoolableEvent => ({ source: "responses", ...summarizeValues(values, GRADE) });
const reported = (n: number | null, mean: number | null): PoolableEvent => ({ source: "reported", n, mean });

const KP_SEPT = reported(47, 8.5); // Keski-Pohjanmaa 4.9.2019
const KP_NOV = reported(59, 8.0); // Keski-Pohjanmaa 6.11.2019

interface Row {
  name: string;
  /** Built inside the test: summarizeValues outside a test would crash the whole file on a bug. */
  events: () => PoolableEvent[];
  expected: Omit<PooledMean, "ci95"> & { ci95: [number, number] | null };
}

const rows: Row[] = [
  {
    // (47·8.5 + 59·8.0)/106 = (399.5 + 472)/106 = 871.5/106 = 8.221698; spread unknown → no sd, no CI
    name: "two reported days with n",
    events: () => [KP_SEPT, KP_NOV],
    expected: { n: 106, mean: 8.221698, sd: null, ci95: null, source: "reported", eventsPooled: 2, excludedUnknownN: 0 },
  },
  {
    // the day with a mean but no n is left out and counted, not weighted by a guess: still 8.221698
    name: "reported days, one without n",
    events: () => [KP_SEPT, reported(null, 9.4), KP_NOV],
    expected: { n: 106, mean: 8.221698, sd: null, ci95: null, source: "reported", eventsPooled: 2, excludedUnknownN: 1 },
  },
  {
    // all answers 8 9 10 6 8: n 5, mean 41/5 = 8.2
    // SS within: [8,9,10] 2·1² = 2, [6,8] 1·(√2)² = 2; between: 3·(9−8.2)² = 1.92, 2·(7−8.2)² = 2.88 → 8.8
    // (directly: deviations −.2 .8 1.8 −2.2 −.2 → .04+.64+3.24+4.84+.04 = 8.8)
    // var 8.8/4 = 2.2, sd 1.483240; se 1.483240/√5 = 0.663325; t(4) = 2.776445; half-width 1.841685
    name: "raw responses only: same as pooling the answers",
    events: () => [raw([8, 9, 10]), raw([6, 8])],
    expected: { n: 5, mean: 8.2, sd: 1.48324, ci95: [6.358315, 10.041685], source: "responses", eventsPooled: 2, excludedUnknownN: 0 },
  },
  {
    // a one-answer event has no sd but pools fine: 7 and 8 9 10 → n 4, mean 34/4 = 8.5
    // SS: within 2 + 0, between 3·0.5² + 1·1.5² = 0.75 + 2.25 → 5; var 5/3, sd 1.290994
    // se 0.645497; t(3) = 3.182446; half-width 2.054260
    name: "raw responses including a one-answer event",
    events: () => [raw([8, 9, 10]), raw([7])],
    expected: { n: 4, mean: 8.5, sd: 1.290994, ci95: [6.44574, 10.55426], source: "responses", eventsPooled: 2, excludedUnknownN: 0 },
  },
  {
    // (3·9 + 47·8.5)/50 = (27 + 399.5)/50 = 426.5/50 = 8.53; the reported part has no spread → no sd, no CI
    name: "mixed raw and reported",
    events: () => [raw([8, 9, 10]), KP_SEPT],
    expected: { n: 50, mean: 8.53, sd: null, ci95: null, source: "mixed", eventsPooled: 2, excludedUnknownN: 0 },
  },
  {
    // (3·9 + 47·8.5 + 59·8)/(3+47+59) = (27 + 399.5 + 472)/109 = 898.5/109 = 8.243119
    name: "mixed raw and reported, one reported without n",
    events: () => [raw([8, 9, 10]), KP_SEPT, reported(null, 7), KP_NOV],
    expected: { n: 109, mean: 8.243119, sd: null, ci95: null, source: "mixed", eventsPooled: 3, excludedUnknownN: 1 },
  },
  {
    // only the raw day is pooled, so its own sd and CI stand: [8,9,10] → 9 ± 2.484138
    name: "raw plus a reported day without n",
    events: () => [raw([8, 9, 10]), reported(null, 7)],
    expected: { n: 3, mean: 9, sd: 1, ci95: [6.515862, 11.484138], source: "responses", eventsPooled: 1, excludedUnknownN: 1 },
  },
  {
    name: "only reported days without n: no mean rather than a guess",
    events: () => [reported(null, 8.5), reported(null, 8)],
    expected: { n: 0, mean: null, sd: null, ci95: null, source: null, eventsPooled: 0, excludedUnknownN: 2 },
  },
  {
    name: "no events",
    events: () => [],
    expected: { n: 0, mean: null, sd: null, ci95: null, source: null, eventsPooled: 0, excludedUnknownN: 0 },
  },
  {
    // a survey nobody answered and a report without a mean carry no data; they are neither pooled nor "excluded"
    name: "events without data are skipped",
    events: () => [raw([]), reported(30, null), reported(null, null), raw([10, 10])],
    expected: { n: 2, mean: 10, sd: 0, ci95: [10, 10], source: "responses", eventsPooled: 1, excludedUnknownN: 0 },
  },
  {
    // one answer in all: a mean, but no spread to speak of (n − 1 = 0), so no SD and no interval
    name: "a single answer pools to its value without an SD",
    events: () => [raw([]), raw([7])],
    expected: { n: 1, mean: 7, sd: null, ci95: null, source: "responses", eventsPooled: 1, excludedUnknownN: 0 },
  },
];

describe("poolMeans", () => {
  it.each(rows)("$name", ({ events, expected }) => {
    const pooled = poolMeans(events());
    const message = JSON.stringify(pooled);
    expect(pooled.n, message).toBe(expected.n);
    expect(pooled.source, message).toBe(expected.source);
    expect(pooled.eventsPooled, message).toBe(expected.eventsPooled);
    expect(pooled.excludedUnknownN, message).toBe(expected.excludedUnknownN);
    for (const key of ["mean", "sd"] as const) {
      const want = expected[key];
      if (want === null) expect(pooled[key], `${key}: ${message}`).toBeNull();
      else expect(pooled[key], `${key}: ${message}`).toBeCloseTo(want, 5);
    }
    if (expected.ci95 === null) expect(pooled.ci95, message).toBeNull();
    else {
      expect(pooled.ci95?.[0], message).toBeCloseTo(expected.ci95[0], 5);
      expect(pooled.ci95?.[1], message).toBeCloseTo(expected.ci95[1], 5);
    }
  });

  it("pooling raw events equals summarizing all their answers together", () => {
    const a = [4, 7, 7, 8, 9, 10];
    const b = [6, 6, 8];
    const c = [9];
    const pooled = poolMeans([raw(a), raw(b), raw(c)]);
    const together = summarizeValues([...a, ...b, ...c], GRADE);
    expect(pooled.mean).toBeCloseTo(together.mean ?? Number.NaN, 12);
    expect(pooled.sd).toBeCloseTo(together.sd ?? Number.NaN, 12);
    expect(pooled.ci95?.[0]).toBeCloseTo(together.ci95?.[0] ?? Number.NaN, 12);
  });

  it("equal means pool to exactly that mean", () => {
    expect(poolMeans([reported(10, 8.3), reported(20, 8.3), reported(7, 8.3)]).mean).toBe(8.3);
  });

  it.each([
    { what: "raw event with n ≥ 2 but no sd", event: { source: "responses", n: 3, mean: 8, sd: null } as PoolableEvent },
    { what: "raw event with answers but no mean", event: { source: "responses", n: 3, mean: null, sd: 1 } as PoolableEvent },
    { what: "fractional n", event: reported(10.5, 8) },
    { what: "negative n", event: reported(-3, 8) },
    { what: "non-finite mean", event: reported(10, Number.NaN) },
  ])("throws RangeError for $what", ({ event }) => {
    expect(() => poolMeans([event])).toThrow(RangeError);
  });
});
