// Shapes the dashboards' figures from per-day inputs. Pure: the queries bring counts per day and
// value (from the rollup); everything statistical happens here, once, with the stats module.
import type { EventGrade, PooledGrade } from "../api-types";
import type { Scale } from "./questions";
import {
  bucketKey,
  bucketRange,
  confidenceInterval95,
  rateStatus,
  smallNWarning,
  summarizeDistribution,
  type BucketInterval,
  type RateStatus,
} from "./stats";
import { clusteredMean, MIN_EVENT_RESPONDENTS_FOR_CI, type ClusterSums } from "./stats/clustered-pool";

export interface EventInput {
  readonly id: number;
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly attendance: number | null;
  readonly responses: number;
  readonly reportedGradeMean: number | null;
  readonly reportedGradeN: number | null;
  /** Retention deleted the answers on this instant and kept the tallies (source "archived"). */
  readonly archivedAt?: number | null;
}

/** A day's grade: its published figure when it has one (published is final), else its own
 *  responses (or, once deleted, their kept tallies), else nothing. A published day's answers are
 *  shown beside it (collectedGrade), never instead. */
export function eventGrade(
  counts: ReadonlyMap<number, number> | undefined,
  scale: Scale,
  event: PublishedEventFields & Pick<EventInput, "archivedAt">,
): EventGrade {
  const published = publishedEventGrade(event, scale);
  if (published) return published;
  const collected = collectedGrade(counts, scale, event);
  if (collected) return collected;
  const empty = summarizeDistribution([], scale);
  return {
    source: "none",
    n: 0,
    mean: null,
    sd: null,
    ci95: null,
    ciWithheld: null,
    median: null,
    distribution: empty.distribution,
    smallN: true,
  };
}

export type PublishedEventFields = Pick<EventInput, "reportedGradeMean" | "reportedGradeN"> & {
  readonly reportedGradeDistributionJson?: string | null;
};

/** The grade of the answers collected here (source "archived" once retention deleted them and kept
 *  their tallies), or null when the day has none. */
export function collectedGrade(
  counts: ReadonlyMap<number, number> | undefined,
  scale: Scale,
  event: Pick<EventInput, "archivedAt"> = {},
): EventGrade | null {
  if (!counts || counts.size === 0) return null;
  const s = summarizeDistribution(counts, scale);
  if (s.n === 0) return null;
  const source = event.archivedAt !== null && event.archivedAt !== undefined ? "archived" : "responses";
  // Under 10 answers a day's interval says more about chance than about the day: none is given.
  const withheld = s.n < MIN_EVENT_RESPONDENTS_FOR_CI;
  return {
    source,
    n: s.n,
    mean: s.mean,
    sd: s.sd,
    ci95: withheld ? null : s.ci95,
    ciWithheld: withheld ? "too_few_respondents" : null,
    median: s.median,
    distribution: s.distribution,
    smallN: smallNWarning(s.n),
  };
}

/** A published result as a day's grade: the published mean and n; SD, CI and median only when the
 *  report published the distribution (from it), never guessed. */
export function publishedEventGrade(event: PublishedEventFields, scale: Scale): EventGrade | null {
  if (event.reportedGradeMean === null) return null;
  const distribution = event.reportedGradeDistributionJson
    ? (JSON.parse(event.reportedGradeDistributionJson) as Record<string, number>)
    : null;
  const s = distribution
    ? summarizeDistribution(
        Object.entries(distribution).map(([value, count]) => [Number(value), count] as const),
        scale,
      )
    : null;
  // The same under-10 rule as for collected answers applies to an interval from a published distribution.
  const withheld = s !== null && s.n < MIN_EVENT_RESPONDENTS_FOR_CI;
  return {
    source: "reported",
    n: event.reportedGradeN,
    mean: event.reportedGradeMean,
    sd: s?.sd ?? null,
    ci95: s && !withheld && s.sd !== null && s.mean !== null ? confidenceInterval95(s.n, event.reportedGradeMean, s.sd) : null,
    ciWithheld: withheld ? "too_few_respondents" : null,
    median: s?.median ?? null,
    distribution: s?.distribution ?? null,
    smallN: event.reportedGradeN !== null && smallNWarning(event.reportedGradeN),
  };
}

/**
 * One day's response rate and whether it counts (rateStatus): null for a day whose survey has not
 * run, without a head count, or known only from a published report; above 1 is shown, flagged.
 */
export function eventResponseRate(event: EventInput & { grade: EventGrade; surveyRan: boolean }): {
  rate: number | null;
  status: RateStatus;
} {
  const status = rateStatus({
    attendance: event.attendance,
    responses: event.responses,
    reportedOnly: event.grade.source === "reported",
    surveyRan: event.surveyRan,
  });
  return { rate: status === "counted" || status === "over_100" ? event.responses / event.attendance! : null, status };
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

/** What a group of days adds up to (src/queries/grade-sums.ts): every field is a plain sum. */
export interface EventSums {
  readonly days: number;
  readonly attendance: number;
  readonly responses: number;
  /** Head count and responses of the days whose rate counts (rateStatus "counted"): the pooled response rate. */
  readonly surveyedAttendance: number;
  readonly surveyedResponses: number;
  /** Days left out of the pooled rate because their own rate is above 100 %. */
  readonly over100Events: number;
  /** Days with grade answers of their own, and those answers' count, sum and sum of squares. */
  readonly gradedEvents: number;
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
  /** Over the days with grade answers: Σnᵢ² and Σ nᵢȳᵢ² (the day-clustered variance needs them). */
  readonly eventNSq: number;
  readonly eventNMeanSq: number;
  /** Days of demo data (exports flag figures that rest on them). */
  readonly demoEvents: number;
}

export const NO_EVENTS: EventSums = {
  days: 0,
  attendance: 0,
  responses: 0,
  surveyedAttendance: 0,
  surveyedResponses: 0,
  over100Events: 0,
  gradedEvents: 0,
  n: 0,
  sum: 0,
  sumSq: 0,
  eventNSq: 0,
  eventNMeanSq: 0,
  demoEvents: 0,
};

/** The answered days' part of a group's sums, as the clustered estimator takes it. */
export function clusterSumsOf(sums: EventSums): ClusterSums {
  return { k: sums.gradedEvents, n: sums.n, sum: sums.sum, sumSq: sums.sumSq, eventNSq: sums.eventNSq, eventNMeanSq: sums.eventNMeanSq };
}

export function addSums(a: EventSums, b: EventSums): EventSums {
  return {
    days: a.days + b.days,
    attendance: a.attendance + b.attendance,
    responses: a.responses + b.responses,
    surveyedAttendance: a.surveyedAttendance + b.surveyedAttendance,
    surveyedResponses: a.surveyedResponses + b.surveyedResponses,
    over100Events: a.over100Events + b.over100Events,
    gradedEvents: a.gradedEvents + b.gradedEvents,
    n: a.n + b.n,
    sum: a.sum + b.sum,
    sumSq: a.sumSq + b.sumSq,
    eventNSq: a.eventNSq + b.eventNSq,
    eventNMeanSq: a.eventNMeanSq + b.eventNMeanSq,
    demoEvents: a.demoEvents + b.demoEvents,
  };
}

/**
 * The pooled grade of a group of days. The answered days pool all their answers together (mean and
 * SD of the combined answers, which is the respondent-weighted pool of the days). Published days
 * are never mixed into that figure: they are listed apart (publishedPart), and a group with only
 * published days shows the mean of their published means. Grades are whole or half numbers, so the
 * sums of squares are exact in floating point and the one-pass variance loses nothing.
 *
 * The interval treats the answered day as the sampling unit (src/domain/stats/clustered-pool.ts):
 * one day keeps its respondent-level interval, a pool of days gets the random-effects one on k − 1
 * df. Published days listed beside it never enter the interval (their spread is unknown).
 */
export function pooledFromSums(sums: EventSums, reported: readonly PublishedEvent[]): PooledGrade {
  const clustered = clusteredMean(clusterSumsOf(sums));
  const n = sums.n;
  // The answered days as one part pooled alone (poolMeans with a single "responses" part, written
  // out: a dashboard computes hundreds of these per request): its own mean, and an SD through that
  // part's sum of squares, (n − 1)·sd², exactly as poolMeans takes it.
  let mean: number | null = null;
  let sd: number | null = null;
  if (n > 0) {
    if (!Number.isSafeInteger(n)) throw new RangeError(`event n must be a whole number ≥ 0, got ${n}`);
    const partMean = sums.sum / n;
    if (!Number.isFinite(partMean)) throw new RangeError(`event mean must be finite, got ${partMean}`);
    mean = partMean + (n * (partMean - partMean)) / n;
    if (n > 1) {
      const partSd = Math.sqrt(Math.max(0, (sums.sumSq - sums.sum * partMean) / (n - 1)));
      sd = Math.sqrt((0 + (n - 1) * partSd ** 2 + n * (partMean - mean) ** 2) / (n - 1));
    }
  }
  // The fields in the order the API has always listed them, written out (spreading objects costs
  // far more than the arithmetic here, and this runs per bucket and series).
  const answeredGrade: PooledGrade = {
    n,
    mean,
    sd,
    ci95: clustered.ci95,
    source: n > 0 ? "responses" : null,
    eventsPooled: n > 0 ? sums.gradedEvents : 0,
    excludedUnknownN: 0,
    days: n > 0 ? sums.gradedEvents : 0,
    se: clustered.se,
    ciDf: clustered.df,
    ciWithheld: clustered.ciWithheld,
    smallN: smallNWarning(n),
    published: null,
  };
  return reported.length === 0 ? answeredGrade : withPublishedEvents(answeredGrade, reported);
}

/** A published day as pools see it (src/queries/grade-sums.ts reads them). */
export interface PublishedEvent {
  readonly date: string;
  readonly regionCode?: string | null;
  readonly mean: number;
  readonly n: number | null;
}

/**
 * Adds a group's published days to its answered figure, apart from it. With answers, the figure
 * stays the answers' (with their day-clustered CI over the answered days) and source "mixed" says
 * that published days are listed beside it. Without answers, the figure is the plain mean of the
 * published day means over k days: no CI and no SD (the spread behind a published mean is not
 * known), n the published respondents where reports gave them.
 */
export function withPublishedEvents(answered: PooledGrade, reported: readonly PublishedEvent[]): PooledGrade {
  if (reported.length === 0) return { ...answered, published: null };
  const points = [...reported]
    .sort((a, b) => a.date.localeCompare(b.date) || (a.regionCode ?? "").localeCompare(b.regionCode ?? ""))
    .map((r) => ({ date: r.date, region: r.regionCode ?? null, mean: r.mean, n: r.n }));
  const meanOfMeans = points.reduce((sum, p) => sum + p.mean, 0) / points.length;
  const published = { days: points.length, meanOfMeans, points };
  if (answered.n > 0) return { ...answered, source: "mixed", excludedUnknownN: 0, published };
  const knownN = points.reduce((sum, p) => sum + (p.n ?? 0), 0);
  return {
    n: knownN,
    mean: meanOfMeans,
    sd: null,
    ci95: null,
    source: "reported",
    eventsPooled: points.length,
    excludedUnknownN: 0,
    days: 0,
    se: null,
    ciDf: null,
    ciWithheld: null,
    smallN: points.every((p) => p.n !== null) && smallNWarning(knownN),
    published,
  };
}

export interface GroupFigures {
  readonly events: number;
  /** Some of the days are demo data. */
  readonly isDemo: boolean;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate: number | null;
  /** Days whose own rate is above 100 %: left out of responseRate, said beside it. */
  readonly rateExcludedOver100: number;
  readonly grade: PooledGrade;
}

/**
 * Response rate = responses ÷ head count over the days whose rate counts (rateStatus): days whose
 * survey has not run, days with a published result (final), and days above 100 % are left out.
 */
export function groupFigures(sums: EventSums, reported: readonly PublishedEvent[]): GroupFigures {
  return {
    events: sums.days,
    isDemo: sums.demoEvents > 0,
    attendance: sums.attendance,
    responses: sums.responses,
    responseRate: sums.surveyedAttendance > 0 ? sums.surveyedResponses / sums.surveyedAttendance : null,
    rateExcludedOver100: sums.over100Events,
    grade: pooledFromSums(sums, reported),
  };
}

/**
 * Pooled grade per time bucket for each series: `months` holds each series' sums per month
 * ("2019-09"); every bucket from `from` to `to` is present, and a bucket without days is null —
 * a gap in the chart, not a zero.
 */
export function trendFromMonths(
  interval: BucketInterval,
  range: { from: string; to: string } | null,
  series: readonly { region: string | null; months: ReadonlyMap<string, EventSums>; reported: readonly PublishedEvent[] }[],
): { keys: string[]; series: { region: string | null; points: (PooledGrade | null)[] }[] } {
  if (!range) return { keys: [], series: series.map((s) => ({ region: s.region, points: [] })) };
  const keys = bucketRange(range.from, range.to, interval);
  const bucketOf = monthBuckets(interval);
  return {
    keys,
    series: series.map((s) => {
      const sums = new Map<string, EventSums>();
      for (const [month, monthSums] of s.months) {
        const key = bucketOf(month);
        sums.set(key, addSums(sums.get(key) ?? NO_EVENTS, monthSums));
      }
      const reported = groupBy(s.reported, (r) => bucketKey(r.date, interval));
      return {
        region: s.region,
        points: keys.map((key) => {
          const bucket = sums.get(key);
          if (!bucket || bucket.days === 0) return null;
          const grade = pooledFromSums(bucket, reported.get(key) ?? []);
          return grade.mean === null ? null : grade;
        }),
      };
    }),
  };
}

/** bucketKey of a month ("2019-09"), each month worked out once per use (a trend asks for the same
 *  months once per series). */
export function monthBuckets(interval: BucketInterval): (month: string) => string {
  const known = new Map<string, string>();
  return (month) => {
    let key = known.get(month);
    if (key === undefined) {
      key = bucketKey(`${month}-01`, interval);
      known.set(month, key);
    }
    return key;
  };
}

/**
 * Sums keyed "a|b" (a region or month, and a theme id; "" for none) regrouped by either part:
 * one grouped query serves regions, themes, their cells and the whole country.
 */
export function regroupPairs(rows: readonly (EventSums & { readonly key: string | null })[]): {
  byFirst: Map<string | null, EventSums>;
  bySecond: Map<number, EventSums>;
  byPair: Map<string, EventSums>;
  total: EventSums;
} {
  const byFirst = new Map<string | null, EventSums>();
  const bySecond = new Map<number, EventSums>();
  const byPair = new Map<string, EventSums>();
  let total = NO_EVENTS;
  for (const row of rows) {
    const [first = "", second = ""] = (row.key ?? "|").split("|");
    const firstKey = first === "" ? null : first;
    byFirst.set(firstKey, addSums(byFirst.get(firstKey) ?? NO_EVENTS, row));
    if (second !== "") {
      bySecond.set(Number(second), addSums(bySecond.get(Number(second)) ?? NO_EVENTS, row));
      if (firstKey !== null) byPair.set(`${first}|${second}`, addSums(byPair.get(`${first}|${second}`) ?? NO_EVENTS, row));
    }
    total = addSums(total, row);
  }
  return { byFirst, bySecond, byPair, total };
}
