import type { Interval } from "./confidence-interval";
import { varianceOfMean, type ClusterSums, type VarianceComponents } from "./clustered-pool";
import { Z_95 } from "./funnel";

/**
 * Direct standardisation over themes. Themes differ (on the demo data the theme effect is real
 * and regions' respondents are not spread evenly over themes), so a region's plain mean partly
 * measures which themes drew more of its answers. The adjusted mean weights the region's own
 * theme means by the national theme mix:
 *
 *     ȳ_adj = Σ_t w_t · ȳ_{region,t},   w_t = N_t / Σ N   (national respondents per theme)
 *     Var(ȳ_adj) = Σ_t w_t² · (σ²_b · Σnᵢ²/N_t² + σ²_w / N_t)   over the region's days of theme t
 *
 * with the variance components of all days in scope (theme differences included in σ²_b, which
 * makes the interval a little conservative) and a normal 95 % multiplier, since the components
 * rest on every day in scope. A region without days of some theme in the mix gets no adjusted
 * figure: any stand-in for that theme's mean would be a guess.
 */

export interface ThemeWeight {
  readonly themeId: number;
  /** Share of the national answers on days of this theme (the weights sum to 1). */
  readonly weight: number;
}

/** National theme mix: each theme's share of all answers on days with a theme. */
export function themeMix(national: ReadonlyMap<number, Pick<ClusterSums, "n">>): ThemeWeight[] {
  const total = [...national.values()].reduce((sum, s) => sum + s.n, 0);
  if (total === 0) return [];
  return [...national.entries()]
    .filter(([, s]) => s.n > 0)
    .map(([themeId, s]) => ({ themeId, weight: s.n / total }))
    .sort((a, b) => a.themeId - b.themeId);
}

export type Standardised =
  | { readonly mean: number; readonly se: number | null; readonly ci95: Interval | null; readonly missingThemes: readonly [] }
  | { readonly mean: null; readonly se: null; readonly ci95: null; readonly missingThemes: readonly number[] };

export function standardisedMean(
  cells: ReadonlyMap<number, ClusterSums>,
  mix: readonly ThemeWeight[],
  components: VarianceComponents | null,
): Standardised {
  const missingThemes = mix.filter((m) => (cells.get(m.themeId)?.n ?? 0) === 0).map((m) => m.themeId);
  if (mix.length === 0 || missingThemes.length > 0) return { mean: null, se: null, ci95: null, missingThemes };
  let mean = 0;
  let variance = 0;
  for (const { themeId, weight } of mix) {
    const cell = cells.get(themeId)!;
    mean += (weight * cell.sum) / cell.n;
    if (components) variance += weight * weight * varianceOfMean(cell, components);
  }
  if (!components) return { mean, se: null, ci95: null, missingThemes: [] };
  const se = Math.sqrt(variance);
  return { mean, se, ci95: [mean - Z_95 * se, mean + Z_95 * se], missingThemes: [] };
}
