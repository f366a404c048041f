import { lnGamma, regularizedIncompleteBeta } from "./incomplete-beta";

/** Φ⁻¹(0.975): the limit of the t quantile as df → ∞, and a starting point below every t quantile. */
export const NORMAL_QUANTILE_975 = 1.959963984540054;

/**
 * From here on the Cornish–Fisher series is exact to double precision (its error at df = 1000 is
 * below 1e-15), while the incomplete beta slowly loses digits to ln Γ cancellation at large df.
 */
const SERIES_DF = 1000;

/** P(T > t) for t ≥ 0: ½·I_{df/(df+t²)}(df/2, ½). */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

function density(t: number, df: number): number {
  const lnNorm = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Abramowitz & Stegun 26.7.5: t quantile as a series in 1/df around the normal quantile x. */
function cornishFisher(x: number, df: number): number {
  const x2 = x * x;
  const g1 = (x * (x2 + 1)) / 4;
  const g2 = (x * ((5 * x2 + 16) * x2 + 3)) / 96;
  const g3 = (x * (((3 * x2 + 19) * x2 + 17) * x2 - 15)) / 384;
  const g4 = (x * ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945)) / 92160;
  return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * Student's t quantile t(0.975, df): the multiplier of the standard error in a two-sided 95%
 * confidence interval. Any real df > 0 (fractional df are allowed; df = ∞ gives the normal quantile).
 *
 * Newton's method on the upper tail from Φ⁻¹(0.975): the tail is convex and decreasing for t > 0
 * and the normal quantile lies below every t quantile, so the iterates rise monotonically to the root.
 */
export function tQuantile975(df: number): number {
  // Dashboards ask for the same few whole-number df over and over (one per day's n − 1): the root
  // finding is done once per df.
  const known = Number.isInteger(df) && df < SERIES_DF ? BY_WHOLE_DF.get(df) : undefined;
  if (known !== undefined) return known;
  const value = solveTQuantile975(df);
  if (Number.isInteger(df) && df < SERIES_DF) BY_WHOLE_DF.set(df, value);
  return value;
}

const BY_WHOLE_DF = new Map<number, number>();

function solveTQuantile975(df: number): number {
  if (Number.isNaN(df) || df <= 0) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (df === Number.POSITIVE_INFINITY) return NORMAL_QUANTILE_975;
  if (df >= SERIES_DF) return cornishFisher(NORMAL_QUANTILE_975, df);
  let t = NORMAL_QUANTILE_975;
  for (let i = 0; i < 200; i++) {
    const step = (upperTail(t, df) - 0.025) / density(t, df);
    t += step;
    if (Math.abs(step) <= 1e-14 * t) return t;
  }
  return t;
}
