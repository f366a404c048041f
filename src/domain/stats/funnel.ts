import { varianceComponents, varianceOfMean, type ClusterSums, type VarianceComponents } from "./clustered-pool";

/**
 * A region against the rest of the country, as on a funnel plot (Spiegelhalter, "Funnel plots for
 * comparing institutional performance", Statistics in Medicine 2005, with overdispersion as a
 * random effect). The yardstick is the pooled mean of every *other* region's days (never a pool
 * containing the region itself, nor the national kick-off). Under "no region effect" a region's
 * days are days like the rest's: its mean varies around the yardstick by
 *
 *     V_region = σ²_b · Σnᵢ²/N² + σ²_w / N          (its own day sizes, the rest's components)
 *
 * and the yardstick itself by V_rest (the same formula over the rest's days). The region is
 * outside the p-limits when |ȳ_region − ȳ_rest| > z_p · √(V_region + V_rest); z = 1.959964 for
 * 95 % and 3.090232 for 99.8 %. σ²_b and σ²_w come from the rest's days (about 50 on a full
 * programme), so the normal quantile is used. Precision on the funnel's x axis is 1 / V_region.
 */

export const Z_95 = 1.959963984540054;
export const Z_998 = 3.090232306167813;

/** Below these a region is listed apart: not ranked, not flagged. */
export const MIN_RANKED_EVENTS = 2;
export const MIN_RANKED_RESPONDENTS = 30;

export type FunnelFlag = "above_998" | "above_95" | "within" | "below_95" | "below_998";

export interface FunnelPoint {
  readonly mean: number;
  /** 1 / V_region: how precisely a region of this size and day pattern is measured. */
  readonly precision: number;
  readonly difference: number;
  /** (ȳ_region − ȳ_rest) / √(V_region + V_rest). */
  readonly z: number;
  readonly limits95: readonly [number, number];
  readonly limits998: readonly [number, number];
  readonly flag: FunnelFlag;
}

export interface Yardstick {
  readonly mean: number;
  readonly variance: number;
  readonly components: VarianceComponents;
}

/** The rest of the country as a yardstick; null when its days cannot give variance components. */
export function yardstick(rest: ClusterSums): Yardstick | null {
  const components = varianceComponents(rest);
  if (components === null || rest.n === 0) return null;
  return { mean: rest.sum / rest.n, variance: varianceOfMean(rest, components), components };
}

/** Whether a region has enough days and answers to be ranked and placed on the funnel. */
export function isRankable(region: Pick<ClusterSums, "k" | "n">): boolean {
  return region.k >= MIN_RANKED_EVENTS && region.n >= MIN_RANKED_RESPONDENTS;
}

export function funnelPoint(region: ClusterSums, y: Yardstick): FunnelPoint | null {
  if (region.n === 0) return null;
  const mean = region.sum / region.n;
  const variance = varianceOfMean(region, y.components);
  if (!(variance > 0)) return null;
  const spread = Math.sqrt(variance + y.variance);
  const z = (mean - y.mean) / spread;
  const limits = (q: number) => [y.mean - q * spread, y.mean + q * spread] as const;
  return { mean, precision: 1 / variance, difference: mean - y.mean, z, limits95: limits(Z_95), limits998: limits(Z_998), flag: flagOf(z) };
}

function flagOf(z: number): FunnelFlag {
  if (z > Z_998) return "above_998";
  if (z > Z_95) return "above_95";
  if (z < -Z_998) return "below_998";
  if (z < -Z_95) return "below_95";
  return "within";
}

/** The funnel's limit lines: at each precision p, yardstick ± z·√(1/p + V_rest). */
export function funnelCurve(
  y: Yardstick,
  precisions: readonly number[],
): { precision: number; lo95: number; hi95: number; lo998: number; hi998: number }[] {
  return precisions.map((precision) => {
    const spread = Math.sqrt(1 / precision + y.variance);
    return {
      precision,
      lo95: y.mean - Z_95 * spread,
      hi95: y.mean + Z_95 * spread,
      lo998: y.mean - Z_998 * spread,
      hi998: y.mean + Z_998 * spread,
    };
  });
}

/** Evenly spaced precisions from half the smallest (so the funnel's mouth shows) to a bit above the largest point. */
export function curvePrecisions(points: readonly { precision: number }[], steps = 40): number[] {
  if (points.length === 0) return [];
  const lo = Math.min(...points.map((p) => p.precision)) * 0.5;
  const hi = Math.max(...points.map((p) => p.precision)) * 1.1;
  return Array.from({ length: steps + 1 }, (_, i) => lo + ((hi - lo) * i) / steps);
}

/** "With 18 regions about 0.9 fall outside the 95 % limits by chance alone": the expected count. */
export function expectedByChance(regions: number): number {
  return regions * 0.05;
}
