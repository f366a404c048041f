// Shapes the dashboards' figures from per-day inputs. Pure: the queries bring counts per day and
// value (from the rollup); everything statistical happens here, once, with the stats module.
import type { DayGrade, PooledGrade } from "../api-types";
import type { Scale } from "./questions";
import { bucketKey, bucketRange, poolMeans, smallNWarning, summarizeDistribution, type BucketInterval, type PoolableEvent } from "./stats";

export interface DayInput {
  readonly id: number;
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly attendance: number | null;
  readonly responses: number;
  readonly reportedGradeMean: number | null;
  readonly reportedGradeN: number | null;
}

/** A day's grade: its own responses when it has any, else its published figure, else nothing. */
export function dayGrade(counts: ReadonlyMap<number, number> | undefined, scale: Scale, day: Pick<DayInput, "reportedGradeMean" | "reportedGradeN">): DayGrade {
  if (counts && counts.size > 0) {
    const s = summarizeDistribution(counts, scale);
    if (s.n > 0) return { source: "responses", n: s.n, mean: s.mean, sd: s.sd, ci95: s.ci95, median: s.median, distribution: s.distribution, smallN: smallNWarning(s.n) };
  }
  if (day.reportedGradeMean !== null) {
    return {
      source: "reported",
      n: day.reportedGradeN,
      mean: day.reportedGradeMean,
      sd: null,
      ci95: null,
      median: null,
      distribution: null,
      smallN: day.reportedGradeN !== null && smallNWarning(day.reportedGradeN),
    };
  }
  const empty = summarizeDistribution([], scale);
  return { source: "none", n: 0, mean: null, sd: null, ci95: null, median: null, distribution: empty.distribution, smallN: true };
}

function poolable(grade: DayGrade): PoolableEvent | null {
  if (grade.source === "responses") return { source: "responses", n: grade.n ?? 0, mean: grade.mean, sd: grade.sd };
  if (grade.source === "reported") return { source: "reported", n: grade.n, mean: grade.mean };
  return null;
}

export function pooledGrade(grades: Iterable<DayGrade>): PooledGrade {
  const pooled = poolMeans([...grades].map(poolable).filter((p): p is PoolableEvent => p !== null));
  return { ...pooled, smallN: smallNWarning(pooled.n) };
}

/**
 * Responses ÷ attendance over the days whose responses were collected here. Days known only from a
 * published report are left out: their respondents were never counted here, so including their
 * attendance would make the rate look lower than it was.
 */
export function collectedResponseRate(days: readonly (DayInput & { grade: DayGrade })[]): number | null {
  const surveyed = days.filter((d) => d.grade.source !== "reported" && d.attendance !== null && d.attendance > 0);
  const attendance = surveyed.reduce((sum, d) => sum + (d.attendance ?? 0), 0);
  if (attendance === 0) return null;
  return surveyed.reduce((sum, d) => sum + d.responses, 0) / attendance;
}

export interface GroupTotals {
  readonly events: number;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate: number | null;
  readonly grade: PooledGrade;
}

export function totals(days: readonly (DayInput & { grade: DayGrade })[]): GroupTotals {
  return {
    events: days.length,
    attendance: days.reduce((sum, d) => sum + (d.attendance ?? 0), 0),
    responses: days.reduce((sum, d) => sum + d.responses, 0),
    responseRate: collectedResponseRate(days),
    grade: pooledGrade(days.map((d) => d.grade)),
  };
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Pooled grade per time bucket for each series (a region, or null for all days): every bucket from
 * `from` to `to` is present, and a bucket without days is null — a gap in the chart, not a zero.
 */
export function trend(
  days: readonly (DayInput & { grade: DayGrade })[],
  interval: BucketInterval,
  series: readonly (string | null)[],
  range: { from: string; to: string } | null,
): { keys: string[]; series: { region: string | null; points: (PooledGrade | null)[] }[] } {
  if (!range) return { keys: [], series: series.map((region) => ({ region, points: [] })) };
  const keys = bucketRange(range.from, range.to, interval);
  return {
    keys,
    series: series.map((region) => {
      const mine = region === null ? days : days.filter((d) => d.regionCode === region);
      const byBucket = groupBy(mine, (d) => bucketKey(d.date, interval));
      return {
        region,
        points: keys.map((key) => {
          const inBucket = byBucket.get(key);
          if (!inBucket) return null;
          const grade = pooledGrade(inBucket.map((d) => d.grade));
          return grade.mean === null && grade.excludedUnknownN === 0 ? null : grade;
        }),
      };
    }),
  };
}
