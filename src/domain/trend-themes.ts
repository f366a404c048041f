// The trend with theme and time kept apart: the whole country's series per theme, each bucket's
// theme mix (so a view can say when periods differ in it), and the change between the last two
// periods with its day-level interval. Pure: sums per month and theme come from the rollups.
import type { PooledGrade, TrendChange } from "../api-types";
import { addSums, monthBuckets, NO_EVENTS, trendFromMonths, type EventSums } from "./analytics";
import type { BucketInterval } from "./stats";
import { MIN_POOL_EVENTS_FOR_CI } from "./stats/clustered-pool";
import { differenceOfMeans } from "./stats/difference";

/** Two periods "differ in theme mix" when their shares of answers per theme differ by this much (total variation). */
export const MIX_DIFFERENCE = 0.1;

export function themeSeries(
  interval: BucketInterval,
  range: { from: string; to: string } | null,
  monthTheme: ReadonlyMap<string, EventSums>,
  reported: readonly { date: string; themeId: number | null; mean: number; n: number | null }[],
  themeIds: readonly number[],
): { themeId: number; points: (PooledGrade | null)[] }[] {
  const byTheme = new Map<number, Map<string, EventSums>>(themeIds.map((id) => [id, new Map()]));
  for (const [key, sums] of monthTheme) {
    const [month, theme] = key.split("|");
    byTheme.get(Number(theme))?.set(month!, sums);
  }
  const { series } = trendFromMonths(
    interval,
    range,
    themeIds.map((id) => ({ region: String(id), months: byTheme.get(id)!, reported: reported.filter((r) => r.themeId === id) })),
  );
  return series.map((s, i) => ({ themeId: themeIds[i]!, points: s.points }));
}

/** Per bucket: each theme's share of the answers (null for a bucket without answers). */
export function themeShares(
  interval: BucketInterval,
  keys: readonly string[],
  monthTheme: ReadonlyMap<string, EventSums>,
): (Record<string, number> | null)[] {
  const byBucket = new Map<string, Map<string, EventSums>>();
  const bucketOf = monthBuckets(interval);
  for (const [key, sums] of monthTheme) {
    const [month, theme] = key.split("|");
    const bucket = bucketOf(month!);
    const themes = byBucket.get(bucket) ?? new Map<string, EventSums>();
    themes.set(theme!, addSums(themes.get(theme!) ?? NO_EVENTS, sums));
    byBucket.set(bucket, themes);
  }
  return keys.map((key) => {
    const themes = byBucket.get(key);
    const total = themes ? [...themes.values()].reduce((sum, s) => sum + s.n, 0) : 0;
    if (!themes || total === 0) return null;
    return Object.fromEntries([...themes].map(([theme, s]) => [theme, s.n / total]));
  });
}

/**
 * Shares are ratios of counts, so a difference of exactly 10 points can come out a hair either side
 * of 0.1 in floating point (50/50 against 40/60 gives 0.09999999999999998, 40/60 against 30/70 gives
 * 0.1): compared with this much slack, so that both count as "at least".
 */
const FLOAT_SLACK = 1e-9;

/** True when two buckets with answers differ in theme mix by at least MIX_DIFFERENCE. */
export function mixDiffers(shares: readonly (Record<string, number> | null)[]): boolean {
  const present = shares.filter((s): s is Record<string, number> => s !== null);
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i]!;
      const b = present[j]!;
      const themes = new Set([...Object.keys(a), ...Object.keys(b)]);
      const distance = [...themes].reduce((sum, th) => sum + Math.abs((a[th] ?? 0) - (b[th] ?? 0)), 0) / 2;
      if (distance >= MIX_DIFFERENCE - FLOAT_SLACK) return true;
    }
  }
  return false;
}

/**
 * The change between the last two buckets with a mean. Its interval takes the day as the unit, so
 * both periods need at least 3 days of answers (and no published days); otherwise the change is
 * given without one.
 */
export function lastChange(keys: readonly string[], points: readonly (PooledGrade | null)[]): TrendChange | null {
  const withMean = points
    .map((p, i) => ({ p, key: keys[i]! }))
    .filter((x): x is { p: PooledGrade; key: string } => x.p !== null && x.p.mean !== null);
  if (withMean.length < 2) return null;
  const a = withMean[withMean.length - 2]!;
  const b = withMean[withMean.length - 1]!;
  // A "mixed" pool's figure is its answered days' alone (published days are listed apart), so its
  // day-clustered standard error is as good as an all-answered one's.
  const pooledEnough = (g: PooledGrade) => g.days >= MIN_POOL_EVENTS_FOR_CI && (g.source === "responses" || g.source === "mixed");
  const asMean = (g: PooledGrade) => (pooledEnough(g) ? { mean: g.mean, se: g.se, df: g.ciDf } : { mean: g.mean, se: null, df: null });
  const d = differenceOfMeans(asMean(a.p), asMean(b.p));
  if (!d) return null;
  return { from: a.key, to: b.key, difference: d.difference, ci95: d.ci95, df: d.df };
}
