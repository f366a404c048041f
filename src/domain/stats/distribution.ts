import { isOnScale, roundToStep, scaleValues, type Scale } from "../questions";
import { confidenceInterval95, type Interval } from "./confidence-interval";

/** Per-value answer counts, as the database keeps them: value → how many gave it. */
export type ValueCounts = ReadonlyMap<number, number> | Iterable<readonly [value: number, count: number]>;

export interface DistributionSummary {
  readonly n: number;
  readonly mean: number | null;
  /** Sample SD (n − 1); null when n < 2. */
  readonly sd: number | null;
  readonly ci95: Interval | null;
  readonly median: number | null;
  /**
   * Every scale value with its count, zeros included, keyed "4", "4.5"… Do not rely on key order:
   * JavaScript lists integer-like keys before the others ("10" before "4.5"); iterate the scale instead.
   */
  readonly distribution: Record<string, number>;
}

/** "4", "4.5", "4.3" — never "4.300000000000001". */
export function scaleKey(value: number): string {
  return String(roundToStep(value));
}

/**
 * Descriptive statistics of one scale question from its value counts.
 * Throws RangeError for values off the scale or counts that are not whole numbers ≥ 0: the caller
 * validated answers on the way in, so either means a bug, not bad input.
 */
export function summarizeDistribution(counts: ValueCounts, scale: Scale): DistributionSummary {
  const values = scaleValues(scale);
  const byKey = new Map<string, number>(values.map((v) => [scaleKey(v), 0]));
  for (const [value, count] of counts) {
    if (!isOnScale(value, scale)) throw new RangeError(`value ${value} is not on the scale ${scale.min}–${scale.max} step ${scale.step}`);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count for ${value} must be a whole number ≥ 0, got ${count}`);
    const key = scaleKey(value);
    byKey.set(key, (byKey.get(key) ?? 0) + count);
  }

  const present = values.map((value) => ({ value, count: byKey.get(scaleKey(value)) ?? 0 })).filter((c) => c.count > 0);
  const n = present.reduce((sum, c) => sum + c.count, 0);
  const distribution = Object.fromEntries(byKey);
  if (n === 0) return { n, mean: null, sd: null, ci95: null, median: null, distribution };

  // Sums are taken around the lowest value given: when every answer is the same the mean is that
  // value exactly and the SD exactly 0, whatever the step's binary rounding (4.3, 7.1…).
  const shift = present[0]?.value ?? 0;
  const mean = shift + present.reduce((sum, c) => sum + c.count * (c.value - shift), 0) / n;
  const sd = n < 2 ? null : Math.sqrt(present.reduce((sum, c) => sum + c.count * (c.value - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, ci95: confidenceInterval95(n, mean, sd), median: median(present, n), distribution };
}

/** Convenience for raw answers: counts them, then summarizes. */
export function summarizeValues(values: readonly number[], scale: Scale): DistributionSummary {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return summarizeDistribution(counts, scale);
}

/** The middle value, or the midpoint of the two middle values when n is even. */
function median(ascending: readonly { value: number; count: number }[], n: number): number | null {
  const lowRank = Math.floor((n + 1) / 2); // 1-based ranks of the middle value(s)
  const highRank = Math.floor(n / 2) + 1;
  let low: number | null = null;
  let seen = 0;
  for (const { value, count } of ascending) {
    seen += count;
    if (low === null && seen >= lowRank) low = value;
    if (low !== null && seen >= highRank) return n % 2 === 1 ? low : roundToStep((low + value) / 2);
  }
  return low;
}
