import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import type { EventSums } from "../domain/analytics";
import { exactSumOfParts, splitMonths, type MonthSplit } from "../domain/stats";
import { event, gradeMonthRollup as rollup, survey } from "../db/schema";
import { eventFilterCondition, type EventFilter } from "./events";

// Figures over many days (regions, themes, terms) add up each day's grade count, sum and sum of
// squares and the per-day terms of the day-clustered variance. Whole months come from
// grade_month_rollup (one row per programme × region × theme × month, kept by the triggers of
// migrations/0013), so a request reads a few thousand rows however many days there are; the days
// of the partial months at the ends of a date filter, and every day when the filter leaves one day
// out or asks for cancelled days, are read one by one (survey.grade_n/_sum/_sum_sq, kept by
// triggers) with the same expressions the triggers use. All of it is one grouped read.

export type Grouping = "region" | "month" | "theme" | "regionTheme" | "regionAndTheme" | "monthTheme";

/** 2³²: theme ids (rowids of a small table) stay far below it, and yyyymm·2³² below 2⁵³. */
const MONTH_THEME_SHIFT = 2 ** 32;

// The grouping keys over the rollup's key columns (u.region_code '' and u.theme_id 0 for none),
// giving the same texts the per-day columns gave before the rollup (NULL region, NULL theme).
const REGION = sql`nullif(u.region_code, '')`;
const THEME = sql`nullif(u.theme_id, 0)`;
const KEY: Record<Grouping, SQL> = {
  region: REGION,
  month: sql`u.month`,
  theme: sql`CAST(${THEME} AS TEXT)`,
  regionTheme: sql`${REGION} || '|' || ${THEME}`,
  // Every (region, theme) and (month, theme) pair, days without a region or theme included (as ""):
  // one grouped read from which regions, themes, cells and the whole country all add up.
  regionAndTheme: sql`u.region_code || '|' || ifnull(${THEME}, '')`,
  // (month, theme) as one integer, yyyymm·2³² + theme id (0 for none), turned back into the
  // "yyyy-mm|theme" text below (cheaper to group by than a text built per row).
  monthTheme: sql`(substr(u.month, 1, 4) * 100 + substr(u.month, 6, 2)) * ${sql.raw(String(MONTH_THEME_SHIFT))} + u.theme_id`,
};

/** The integer monthTheme key back to the "yyyy-mm|theme" text every other pair grouping gives. */
function monthThemeKey(key: number): string {
  const theme = key % MONTH_THEME_SHIFT;
  const yyyymm = (key - theme) / MONTH_THEME_SHIFT;
  const month = `${String(Math.floor(yyyymm / 100)).padStart(4, "0")}-${String(yyyymm % 100).padStart(2, "0")}`;
  return `${month}|${theme === 0 ? "" : theme}`;
}

/** One group's sums (see EventSums in src/domain/analytics.ts for what each field means). */
export interface GroupSums extends EventSums {
  readonly key: string | null;
}

// ---- One day's contribution: the expressions of migrations/0013's triggers, per day ----------

/** Days with a published result: final, so any answers they also have never enter a pool. */
const ANSWERED = sql`(${event.reportedGradeMean} IS NULL)`;
/** The day's survey has run whatever the clock says (rateStatus in src/domain/stats/response-rate.ts). */
const RATED_FOR_SURE = sql`(${ANSWERED} AND ifnull(${event.attendance}, 0) > 0 AND (${survey.responseCount} > 0 OR ${survey.archivedAt} IS NOT NULL))`;
const MEAN_SQ = sql`(CASE WHEN ${ANSWERED} AND ${survey.gradeN} > 0 THEN ${survey.gradeSum} * ${survey.gradeSum} / ${survey.gradeN} END)`;
const TWO_52 = sql.raw("4503599627370496.0");

/** Column name → one day's value, in the rollup's column order. */
const DAY: Record<string, SQL> = {
  programme_id: sql`${event.programmeId}`,
  region_code: sql`ifnull(${event.regionCode}, '')`,
  theme_id: sql`ifnull(${event.themeId}, 0)`,
  month: sql`substr(${event.date}, 1, 7)`,
  days: sql`1`,
  attendance: sql`ifnull(${event.attendance}, 0)`,
  responses: sql`${survey.responseCount}`,
  surveyed_attendance: sql`CASE WHEN ${RATED_FOR_SURE} AND ${survey.responseCount} <= ${event.attendance} THEN ${event.attendance} ELSE 0 END`,
  surveyed_responses: sql`CASE WHEN ${RATED_FOR_SURE} AND ${survey.responseCount} <= ${event.attendance} THEN ${survey.responseCount} ELSE 0 END`,
  over100_events: sql`CASE WHEN ${RATED_FOR_SURE} AND ${survey.responseCount} > ${event.attendance} THEN 1 ELSE 0 END`,
  graded_events: sql`CASE WHEN ${ANSWERED} AND ${survey.gradeN} > 0 THEN 1 ELSE 0 END`,
  n: sql`CASE WHEN ${ANSWERED} THEN ${survey.gradeN} ELSE 0 END`,
  sum: sql`CASE WHEN ${ANSWERED} THEN ${survey.gradeSum} ELSE 0 END`,
  sum_sq: sql`CASE WHEN ${ANSWERED} THEN ${survey.gradeSumSq} ELSE 0 END`,
  event_n_sq: sql`CASE WHEN ${ANSWERED} THEN ${survey.gradeN} * ${survey.gradeN} ELSE 0 END`,
  event_n_mean_sq_int: sql`ifnull(CAST(${MEAN_SQ} AS INTEGER), 0)`,
  event_n_mean_sq_frac: sql`ifnull(CAST((${MEAN_SQ} - CAST(${MEAN_SQ} AS INTEGER)) * ${TWO_52} AS INTEGER), 0)`,
  demo_events: sql`${event.isDemo}`,
};
const KEY_COLUMNS = ["programme_id", "region_code", "theme_id", "month"] as const;
const ALL_COLUMNS = Object.keys(DAY);
/** What a pooled grade reads (pooledFromSums in src/domain/analytics.ts). */
const POOL_COLUMNS = [
  ...KEY_COLUMNS,
  "days",
  "graded_events",
  "n",
  "sum",
  "sum_sq",
  "event_n_sq",
  "event_n_mean_sq_int",
  "event_n_mean_sq_frac",
];

const list = (items: readonly SQL[]) => sql.join([...items], sql`, `);

/** The filter on the rollup's columns: eventFilterCondition (src/queries/events.ts) for whole months. */
function rollupCondition(filter: EventFilter, split: MonthSplit): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.regions !== "all") {
    conditions.push(
      filter.regions.length > 0
        ? or(eq(rollup.regionCode, ""), inArray(rollup.regionCode, [...filter.regions]))
        : eq(rollup.regionCode, ""),
    );
  }
  if (filter.region !== undefined) conditions.push(eq(rollup.regionCode, filter.region));
  if (split.firstMonth !== null) conditions.push(sql`${rollup.month} >= ${split.firstMonth}`);
  if (split.lastMonth !== null) conditions.push(sql`${rollup.month} <= ${split.lastMonth}`);
  if (filter.themeId !== undefined) conditions.push(eq(rollup.themeId, filter.themeId));
  if (filter.programmeId !== undefined) conditions.push(eq(rollup.programmeId, filter.programmeId));
  return and(...conditions);
}

/** The days read one by one: outside the whole months (all of them when the rollup cannot answer). */
function perDayCondition(filter: EventFilter, split: MonthSplit | null): SQL | undefined {
  if (split === null) return eventFilterCondition(filter);
  const outside = [
    split.firstMonth === null ? undefined : sql`${event.date} < ${`${split.firstMonth}-01`}`,
    split.lastMonth === null ? undefined : sql`${event.date} > ${`${split.lastMonth}-31`}`,
  ].filter((c): c is SQL => c !== undefined);
  return and(eventFilterCondition(filter), outside.length === 0 ? sql`0` : or(...outside));
}

/** True when a date bound falls inside a month rather than on its edge. */
function hasPartialMonth(filter: EventFilter, split: MonthSplit): boolean {
  return (
    (filter.from !== undefined && filter.from.slice(0, 7) !== split.firstMonth) ||
    (filter.to !== undefined && filter.to.slice(0, 7) !== split.lastMonth)
  );
}

/** The rollup answers filters on its key columns; leaving one day out or asking for cancelled days does not. */
function monthSplitFor(filter: EventFilter): MonthSplit | null {
  if (filter.excludeEventId !== undefined || filter.includeCancelled) return null;
  const split = splitMonths(filter.from, filter.to);
  return split.anyWholeMonth ? split : null;
}

/**
 * The union of the rollup rows of the whole months and the per-day rows of the rest, in the
 * rollup's columns; `extra` adds more rows of the same shape (the clock-dependent response rate).
 */
function contributions(filter: EventFilter, columns: readonly string[], extra?: SQL): SQL {
  const split = monthSplitFor(filter);
  const parts: SQL[] = [];
  if (split !== null)
    parts.push(sql`SELECT ${sql.raw(columns.join(", "))} FROM ${rollup} WHERE ${rollupCondition(filter, split) ?? sql`1`}`);
  // No partial month at either end: no day is read one by one (and the statement stays short).
  if (split === null || hasPartialMonth(filter, split)) {
    parts.push(
      sql`SELECT ${list(columns.map((c) => sql`${DAY[c]!} AS ${sql.raw(c)}`))} FROM ${event} INNER JOIN ${survey} ON ${survey.eventId} = ${event.id} WHERE ${perDayCondition(filter, split) ?? sql`1`}`,
    );
  }
  if (extra !== undefined) parts.push(extra);
  return sql.join(parts, sql` UNION ALL `);
}

/** Σ (Σx)ᵢ²/nᵢ of a group, summed exactly (exactSumOfParts): the fraction split into 26-bit halves. */
const MEAN_SQ_PARTS = sql`sum(u.event_n_mean_sq_int) AS msqWhole, sum(u.event_n_mean_sq_frac >> 26) AS msqHigh, sum(u.event_n_mean_sq_frac & 67108863) AS msqLow`;
const POOL_SUMS = sql`sum(u.days) AS days, sum(u.graded_events) AS gradedEvents, sum(u.n) AS n, sum(u.sum) AS sum, sum(u.sum_sq) AS sumSq, sum(u.event_n_sq) AS eventNSq, ${MEAN_SQ_PARTS}`;

interface SumsRow {
  readonly key: string | number | null;
  readonly days: number;
  readonly gradedEvents: number;
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
  readonly eventNSq: number;
  readonly msqWhole: number;
  readonly msqHigh: number;
  readonly msqLow: number;
  readonly attendance?: number;
  readonly responses?: number;
  readonly surveyedAttendance?: number;
  readonly surveyedResponses?: number;
  readonly over100Events?: number;
  readonly demoEvents?: number;
}

/** One grouped row as EventSums (the fields a pool-only read leaves out are 0). Built field by
 *  field: the driver's rows are slow to spread. */
function groupSums(row: SumsRow, grouping: Grouping): GroupSums {
  return {
    key: grouping === "monthTheme" ? monthThemeKey(Number(row.key)) : (row.key as string | null),
    days: row.days,
    attendance: row.attendance ?? 0,
    responses: row.responses ?? 0,
    surveyedAttendance: row.surveyedAttendance ?? 0,
    surveyedResponses: row.surveyedResponses ?? 0,
    over100Events: row.over100Events ?? 0,
    gradedEvents: row.gradedEvents,
    n: row.n,
    sum: row.sum,
    sumSq: row.sumSq,
    eventNSq: row.eventNSq,
    eventNMeanSq: exactSumOfParts(row.msqWhole, row.msqHigh, row.msqLow),
    demoEvents: row.demoEvents ?? 0,
  };
}

/**
 * A day with no answers yet and not archived has run once its survey closed: the one part of the
 * response rate that depends on the clock, so it is read live (few days: survey_unanswered_idx).
 * Such a day adds its head count to the surveyed attendance (0 responses ≤ any head count).
 */
function closedUnanswered(filter: EventFilter, now: number): SQL {
  const zero = (name: string) => sql`0 AS ${sql.raw(name)}`;
  const columns = ALL_COLUMNS.map((c) =>
    (KEY_COLUMNS as readonly string[]).includes(c)
      ? sql`${DAY[c]!} AS ${sql.raw(c)}`
      : c === "surveyed_attendance"
        ? sql`${event.attendance} AS surveyed_attendance`
        : zero(c),
  );
  return sql`SELECT ${list(columns)} FROM ${survey} INNER JOIN ${event} ON ${event.id} = ${survey.eventId}
    WHERE ${survey.responseCount} = 0 AND ${survey.archivedAt} IS NULL AND ${survey.closesAt} <= ${now}
      AND ${ANSWERED} AND ${event.attendance} > 0 AND ${eventFilterCondition(filter) ?? sql`1`}`;
}

export async function gradeSumsBy(db: Db, filter: EventFilter, grouping: Grouping, now: number): Promise<GroupSums[]> {
  return gradeSumsFrom(await gradeSumsQuery(db, filter, grouping, now), grouping);
}

/** gradeSumsBy's statement, for a batch with others (one round trip); gradeSumsFrom reads its rows. */
export function gradeSumsQuery(db: Db, filter: EventFilter, grouping: Grouping, now: number) {
  return db.all<SumsRow>(sql`
    SELECT ${KEY[grouping]} AS key, ${POOL_SUMS}, sum(u.attendance) AS attendance, sum(u.responses) AS responses,
      sum(u.surveyed_attendance) AS surveyedAttendance, sum(u.surveyed_responses) AS surveyedResponses,
      sum(u.over100_events) AS over100Events, sum(u.demo_events) AS demoEvents
    FROM (${contributions(filter, ALL_COLUMNS, closedUnanswered(filter, now))}) u
    GROUP BY 1 HAVING sum(u.days) > 0`);
}

export function gradeSumsFrom(rows: readonly SumsRow[], grouping: Grouping): GroupSums[] {
  return rows.map((row) => groupSums(row, grouping));
}

/**
 * gradeSumsBy for figures that show pooled grades only (the trend): the days and grade sums, with
 * the attendance, response-rate and demo fields left at 0 rather than read.
 */
export async function gradePoolSumsBy(db: Db, filter: EventFilter, grouping: Grouping): Promise<GroupSums[]> {
  const rows = await db.all<SumsRow>(sql`
    SELECT ${KEY[grouping]} AS key, ${POOL_SUMS} FROM (${contributions(filter, POOL_COLUMNS)}) u
    GROUP BY 1 HAVING sum(u.days) > 0`);
  return rows.map((row) => groupSums(row, grouping));
}

export interface ReportedEvent {
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly mean: number;
  readonly n: number | null;
}

/** Every published result in the filter (few: days from before Palaute, or reported later; event_published_idx). */
export async function publishedEvents(db: Db, filter: EventFilter): Promise<ReportedEvent[]> {
  return publishedEventsFrom(await publishedEventsQuery(db, filter));
}

/** publishedEvents' statement, for a batch with others (one round trip); publishedEventsFrom reads its rows. */
export function publishedEventsQuery(db: Db, filter: EventFilter) {
  return (
    db
      .select({
        regionCode: event.regionCode,
        date: event.date,
        themeId: event.themeId,
        mean: event.reportedGradeMean,
        n: event.reportedGradeN,
      })
      .from(event)
      .innerJoin(survey, eq(survey.eventId, event.id))
      .where(and(eventFilterCondition(filter), isNotNull(event.reportedGradeMean)))
      // The order a scan of the days gave before the index: the callers list them in this order.
      .orderBy(event.id)
  );
}

export function publishedEventsFrom(rows: Awaited<ReturnType<typeof publishedEventsQuery>>): ReportedEvent[] {
  return rows.map((r) => ({ ...r, mean: r.mean! }));
}
