import type { Interval } from "./confidence-interval";
import { tQuantile975 } from "./student-t";

export interface MeanWithError {
  readonly mean: number | null;
  readonly se: number | null;
  readonly df: number | null;
}

export interface Difference {
  /** b − a. */
  readonly difference: number;
  readonly ci95: Interval | null;
  /** Welch–Satterthwaite degrees of freedom of the interval; null without an interval. */
  readonly df: number | null;
}

/**
 * The change from a to b (two independent pooled means, e.g. two periods' days) with its 95 %
 * interval: (b − a) ± t(0.975, ν)·√(se_a² + se_b²), where ν is the Welch–Satterthwaite
 * approximation (se_a² + se_b²)² / (se_a⁴/df_a + se_b⁴/df_b) and each df is that pool's k − 1.
 * No interval when either side has none (too few days); null when either mean is missing.
 */
export function differenceOfMeans(a: MeanWithError, b: MeanWithError): Difference | null {
  if (a.mean === null || b.mean === null) return null;
  const difference = b.mean - a.mean;
  if (a.se === null || b.se === null || a.df === null || b.df === null || a.df <= 0 || b.df <= 0)
    return { difference, ci95: null, df: null };
  const va = a.se * a.se;
  const vb = b.se * b.se;
  const variance = va + vb;
  if (variance === 0) return { difference, ci95: [difference, difference], df: null };
  const df = (variance * variance) / ((va * va) / a.df + (vb * vb) / b.df);
  const half = tQuantile975(df) * Math.sqrt(variance);
  return { difference, ci95: [difference - half, difference + half], df };
}
