import { tQuantile975 } from "./student-t";

export type Interval = readonly [lo: number, hi: number];

/** 95% CI of a mean: mean ± t(0.975, n−1)·sd/√n. Null when n < 2 (no spread to speak of). */
export function confidenceInterval95(n: number, mean: number | null, sd: number | null): Interval | null {
  if (n < 2 || mean === null || sd === null) return null;
  const halfWidth = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return [mean - halfWidth, mean + halfWidth];
}
