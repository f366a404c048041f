import { confidenceInterval95, type Interval } from "./confidence-interval";
import { tQuantile975 } from "./student-t";

/**
 * The uncertainty of a pooled grade with the academy day as the sampling unit.
 *
 * Answers of one day share the speaker, the room and the theme, so they are not independent: on
 * the demo data the intraclass correlation is about 0.2, and treating a region's 100 answers from
 * 3 days as 100 independent draws makes its interval 2.5–3.7 times too narrow. The model is the
 * one-way random-effects model  x_ij = μ + b_i + e_ij,  b_i ~ (0, σ²_b) between days,
 * e_ij ~ (0, σ²_w) within a day, all independent. The pooled mean stays the respondent-weighted
 * one (every answer counts once), ȳ = Σ nᵢȳᵢ / N, whose variance under the model is
 *
 *     Var(ȳ) = σ²_b · Σnᵢ² / N² + σ²_w / N.
 *
 * σ²_w and σ²_b are estimated by the method of moments of the unbalanced one-way ANOVA (Searle,
 * Casella & McCulloch, Variance Components, 1992, §3.5) over the pool's own days:
 *
 *     MSW = (Σx² − Σ nᵢȳᵢ²) / (N − k)          MSB = (Σ nᵢȳᵢ² − N ȳ²) / (k − 1)
 *     n₀  = (N − Σnᵢ²/N) / (k − 1)             σ²_b = max(0, (MSB − MSW) / n₀),  σ²_w = MSW
 *
 * and the 95 % interval is ȳ ± t(0.975, k − 1)·√Var(ȳ). With equal day sizes Var(ȳ) = MSB/N
 * (when σ²_b is not truncated at 0) and the interval is exactly the t interval of the k day means;
 * with unequal sizes it is the usual approximation. Truncating σ²_b at 0 only widens it.
 *
 * Everything comes from per-day sums (n, Σx, Σx² per day, kept by triggers), summed per group,
 * so a group's figures add up from its days and "the rest of the country" is a sum of regions.
 */

/** Plain sums over the answered days of a group; adding two groups' sums gives their union's. */
export interface ClusterSums {
  /** Days with at least one answer. */
  readonly k: number;
  /** Answers (N = Σnᵢ). */
  readonly n: number;
  /** Σx over all answers. */
  readonly sum: number;
  /** Σx² over all answers. */
  readonly sumSq: number;
  /** Σnᵢ² over the days. */
  readonly eventNSq: number;
  /** Σ nᵢȳᵢ² = Σ (Σⱼx_ij)² / nᵢ over the days. */
  readonly eventNMeanSq: number;
}

export const NO_CLUSTER_SUMS: ClusterSums = { k: 0, n: 0, sum: 0, sumSq: 0, eventNSq: 0, eventNMeanSq: 0 };

export function addClusterSums(a: ClusterSums, b: ClusterSums): ClusterSums {
  return {
    k: a.k + b.k,
    n: a.n + b.n,
    sum: a.sum + b.sum,
    sumSq: a.sumSq + b.sumSq,
    eventNSq: a.eventNSq + b.eventNSq,
    eventNMeanSq: a.eventNMeanSq + b.eventNMeanSq,
  };
}

/** One day's sums from its answers' count, total and total of squares. */
export function eventSums(n: number, sum: number, sumSq: number): ClusterSums {
  if (n === 0) return NO_CLUSTER_SUMS;
  return { k: 1, n, sum, sumSq, eventNSq: n * n, eventNMeanSq: (sum * sum) / n };
}

/** Below these no interval is given: the cell says "too few to estimate". */
export const MIN_EVENT_RESPONDENTS_FOR_CI = 10;
export const MIN_POOL_EVENTS_FOR_CI = 3;

export type CiWithheld = "too_few_respondents" | "too_few_days";

export interface VarianceComponents {
  /** σ²_b, between days (≥ 0). */
  readonly betweenEvent: number;
  /** σ²_w, within a day. */
  readonly withinEvent: number;
}

/**
 * Method-of-moments variance components of the days in `s`. Null when they cannot be estimated:
 * fewer than 2 days, or no day with 2 answers (no within-day spread).
 */
export function varianceComponents(s: ClusterSums): VarianceComponents | null {
  if (s.k < 2 || s.n - s.k < 1) return null;
  const ssWithin = Math.max(0, s.sumSq - s.eventNMeanSq);
  const ssBetween = Math.max(0, s.eventNMeanSq - (s.sum * s.sum) / s.n);
  const msWithin = ssWithin / (s.n - s.k);
  const msBetween = ssBetween / (s.k - 1);
  const n0 = (s.n - s.eventNSq / s.n) / (s.k - 1);
  return { betweenEvent: Math.max(0, (msBetween - msWithin) / n0), withinEvent: msWithin };
}

/** Var(ȳ) of a respondent-weighted mean of these days under the given components. */
export function varianceOfMean(s: Pick<ClusterSums, "n" | "eventNSq">, c: VarianceComponents): number {
  return (c.betweenEvent * s.eventNSq) / (s.n * s.n) + c.withinEvent / s.n;
}

export interface ClusteredEstimate {
  /** Answers. */
  readonly n: number;
  /** Days with answers. */
  readonly days: number;
  readonly mean: number | null;
  /** Standard error of the mean: day-clustered for 2+ days, respondent-level for one day. */
  readonly se: number | null;
  /** Degrees of freedom of the t multiplier: k − 1 for a pool, n − 1 for one day. */
  readonly df: number | null;
  readonly ci95: Interval | null;
  /** Why there is no interval although there is a mean. */
  readonly ciWithheld: CiWithheld | null;
  readonly components: VarianceComponents | null;
}

/**
 * Mean and day-clustered 95 % CI of a group of answered days.
 * One day keeps its own respondent-level interval (t on n − 1), given from 10 answers; a pool of
 * 2+ days gets the random-effects interval above (t on k − 1), given from 3 days.
 */
export function clusteredMean(s: ClusterSums): ClusteredEstimate {
  if (s.n === 0) return { n: 0, days: 0, mean: null, se: null, df: null, ci95: null, ciWithheld: null, components: null };
  const mean = s.sum / s.n;
  // Each result written out whole rather than spread from a common part: dashboards compute
  // hundreds of these per request, and spreading made this function 20 times slower.
  if (s.k === 1) {
    if (s.n < MIN_EVENT_RESPONDENTS_FOR_CI)
      return { n: s.n, days: s.k, mean, se: null, df: null, ci95: null, ciWithheld: "too_few_respondents", components: null };
    const sd = Math.sqrt(Math.max(0, (s.sumSq - s.sum * mean) / (s.n - 1)));
    return {
      n: s.n,
      days: s.k,
      mean,
      se: sd / Math.sqrt(s.n),
      df: s.n - 1,
      ci95: confidenceInterval95(s.n, mean, sd),
      ciWithheld: null,
      components: null,
    };
  }
  const components = varianceComponents(s);
  if (s.k < MIN_POOL_EVENTS_FOR_CI)
    return { n: s.n, days: s.k, mean, se: null, df: null, ci95: null, ciWithheld: "too_few_days", components };
  // Every day with a single answer: no within-day spread to separate from the between-day one.
  if (components === null)
    return { n: s.n, days: s.k, mean, se: null, df: null, ci95: null, ciWithheld: "too_few_respondents", components };
  const se = Math.sqrt(varianceOfMean(s, components));
  const half = tQuantile975(s.k - 1) * se;
  return { n: s.n, days: s.k, mean, se, df: s.k - 1, ci95: [mean - half, mean + half], ciWithheld: null, components };
}
