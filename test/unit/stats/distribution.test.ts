import { describe, expect, it } from "vitest";
import { summarizeDistribution, summarizeValues } from "../../../src/domain/stats";

const GRADE = { min: 4, max: 10, step: 1 };
const HALF_STEP = { min: 4, max: 10, step: 0.5 };

const zeros = (keys: string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));
const GRADE_KEYS = ["4", "5", "6", "7", "8", "9", "10"];
const HALF_KEYS = ["4", "4.5", "5", "5.5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10"];

interface Row {
  name: string;
  values: number[];
  scale: typeof GRADE;
  n: number;
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
  median: number | null;
  distribution: Record<string, number>;
}

const rows: Row[] = [
  {
    name: "n = 0: nothing to say, every scale value still listed",
    values: [],
    scale: GRADE,
    ...{ n: 0, mean: null, sd: null, ci95: null, median: null },
    distribution: zeros(GRADE_KEYS),
  },
  {
    // one answer: mean = median = 8; no sample SD with n − 1 = 0
    name: "n = 1",
    values: [8],
    scale: GRADE,
    ...{ n: 1, mean: 8, sd: null, ci95: null, median: 8 },
    distribution: { ...zeros(GRADE_KEYS), "8": 1 },
  },
  {
    // mean (7+9)/2 = 8; SS = 1+1 = 2, var 2/1, sd √2 = 1.414214; se √2/√2 = 1; t(1) = 12.706205
    // CI 8 ± 12.706205 = [−4.706205, 20.706205] (wider than the scale: honest for n = 2); median (7+9)/2 = 8
    name: "n = 2",
    values: [7, 9],
    scale: GRADE,
    ...{ n: 2, mean: 8, sd: Math.SQRT2, ci95: [-4.706205, 20.706205], median: 8 },
    distribution: { ...zeros(GRADE_KEYS), "7": 1, "9": 1 },
  },
  {
    // mean 9; SS 1+0+1 = 2, var 1, sd 1; se 1/√3 = 0.577350; t(2) = 4.302653; half-width 2.484138
    name: "n = 3",
    values: [10, 8, 9],
    scale: GRADE,
    ...{ n: 3, mean: 9, sd: 1, ci95: [6.515862, 11.484138], median: 9 },
    distribution: { ...zeros(GRADE_KEYS), "8": 1, "9": 1, "10": 1 },
  },
  {
    // all equal: sd 0, CI collapses to [8, 8]
    name: "all answers equal",
    values: [8, 8, 8, 8, 8],
    scale: GRADE,
    ...{ n: 5, mean: 8, sd: 0, ci95: [8, 8], median: 8 },
    distribution: { ...zeros(GRADE_KEYS), "8": 5 },
  },
  {
    // mean 29/4 = 7.25; deviations −3.25 −1.25 1.75 2.75 → SS 10.5625+1.5625+3.0625+7.5625 = 22.75
    // var 22.75/3 = 7.583333, sd 2.753785; se 2.753785/2 = 1.376893; t(3) = 3.182446; half-width 4.381887
    // even n: median = midpoint of 2nd and 3rd = (6+9)/2 = 7.5
    name: "even n median",
    values: [9, 4, 10, 6],
    scale: GRADE,
    ...{ n: 4, mean: 7.25, sd: 2.753785, ci95: [2.868113, 11.631887], median: 7.5 },
    distribution: { ...zeros(GRADE_KEYS), "4": 1, "6": 1, "9": 1, "10": 1 },
  },
  {
    // 7×5, 8×20, 9×18, 10×4: Σx = 35+160+162+40 = 397, mean 397/47 = 8.446809
    // Σx² = 245+1280+1458+400 = 3383; SS = 3383 − 397²/47 = 3383 − 3353.382979 = 29.617021
    // var 29.617021/46 = 0.643848, sd 0.802402; se 0.802402/√47 = 0.117042; t(46) = 2.012896
    // half-width 0.235594 → [8.211215, 8.682402]; median = 24th value, cumulative 5, 25 → 8
    name: "a day like Keski-Pohjanmaa 4.9.2019 (n 47)",
    values: [...Array<number>(5).fill(7), ...Array<number>(20).fill(8), ...Array<number>(18).fill(9), ...Array<number>(4).fill(10)],
    scale: GRADE,
    ...{ n: 47, mean: 8.446809, sd: 0.802402, ci95: [8.211215, 8.682402], median: 8 },
    distribution: { ...zeros(GRADE_KEYS), "7": 5, "8": 20, "9": 18, "10": 4 },
  },
  {
    // half steps: mean 33/4 = 8.25; deviations ±0.75 ±0.25 → SS 1.25, var 0.416667, sd 0.645497
    // se 0.322749; t(3) = 3.182446; half-width 1.027130; median (8+8.5)/2 = 8.25
    name: "half-step scale 4–10 step 0.5",
    values: [8.5, 7.5, 9, 8],
    scale: HALF_STEP,
    ...{ n: 4, mean: 8.25, sd: 0.645497, ci95: [7.22287, 9.27713], median: 8.25 },
    distribution: { ...zeros(HALF_KEYS), "7.5": 1, "8": 1, "8.5": 1, "9": 1 },
  },
];

describe("summarizeDistribution", () => {
  it.each(rows)("$name", (row) => {
    const counts = new Map<number, number>();
    for (const v of row.values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const summary = summarizeDistribution(counts, row.scale);
    const message = JSON.stringify(summary);
    expect(summary.n, message).toBe(row.n);
    expectCloseOrNull(summary.mean, row.mean, message);
    expectCloseOrNull(summary.sd, row.sd, message);
    expectCloseOrNull(summary.median, row.median, message);
    if (row.ci95 === null) expect(summary.ci95, message).toBeNull();
    else {
      expect(summary.ci95?.[0], message).toBeCloseTo(row.ci95[0], 5);
      expect(summary.ci95?.[1], message).toBeCloseTo(row.ci95[1], 5);
    }
    expect(summary.distribution, message).toEqual(row.distribution);
    // summarizeValues is the same computation from raw answers
    expect(summarizeValues(row.values, row.scale)).toEqual(summary);
  });

  it("takes [value, count] pairs as well as a Map, adding repeated values up", () => {
    const fromPairs = summarizeDistribution(
      [
        [8, 2],
        [10, 1],
        [8, 1],
        [4, 0],
      ],
      GRADE,
    );
    expect(fromPairs).toEqual(summarizeValues([8, 8, 8, 10], GRADE));
    expect(fromPairs.distribution["8"]).toBe(3);
  });

  it("keys every scale value exactly; a repeated 0.1-step value has that mean exactly and sd 0", () => {
    const tenths = { min: 4, max: 5, step: 0.1 };
    // 4 + 3·0.1 = 4.300000000000001 in binary floating point; it is the scale value 4.3
    const summary = summarizeDistribution(new Map([[4 + 3 * 0.1, 3]]), tenths);
    expect(Object.keys(summary.distribution).sort()).toEqual(["4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "5"]);
    expect(summary.distribution["4.3"]).toBe(3);
    expect(summary.mean).toBe(4.3); // counted under the scale value, so the noise is gone
    expect(summary.sd).toBe(0);
    expect(summary.ci95).toEqual([summary.mean, summary.mean]);
  });

  it("gives the median midpoint without float noise", () => {
    // (4.3 + 4.4)/2 = 4.35
    expect(summarizeValues([4.3, 4.4], { min: 4, max: 5, step: 0.1 }).median).toBe(4.35);
  });

  it.each([
    { what: "a value above the scale", counts: [[11, 1]] as [number, number][], scale: GRADE },
    { what: "a value below the scale", counts: [[3, 1]] as [number, number][], scale: GRADE },
    { what: "a value between steps", counts: [[8.5, 1]] as [number, number][], scale: GRADE },
    { what: "a value between half steps", counts: [[8.25, 1]] as [number, number][], scale: HALF_STEP },
    { what: "NaN", counts: [[Number.NaN, 1]] as [number, number][], scale: GRADE },
    { what: "a negative count", counts: [[8, -1]] as [number, number][], scale: GRADE },
    { what: "a fractional count", counts: [[8, 1.5]] as [number, number][], scale: GRADE },
  ])("throws RangeError for $what", ({ counts, scale }) => {
    expect(() => summarizeDistribution(counts, scale)).toThrow(RangeError);
  });
});

function expectCloseOrNull(actual: number | null, expected: number | null, message: string): void {
  if (expected === null) expect(actual, message).toBeNull();
  else expect(actual, message).toBeCloseTo(expected, 5);
}
