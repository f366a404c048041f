import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import type { EventSums } from "../domain/analytics";
import { exactSumOfParts, splitMonths, type MonthSplit } from "../domain/stats";
import { event, gradeMonthRollup as rollup, survey } from "../db/schema";
import { eventFilterCondition, type EventFilter } from "./events";
import { jsonRead, readTogether, type JsonRead } from "./json-rows";

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
 * rollup's columns.
 */
function contributions(filter: EventFilter, columns: readonly string[]): SQL {
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
  return sql.join(parts, sql` UNION ALL `);
}

/** Σ (Σx)ᵢ²/nᵢ of a group, summed exactly (exactSumOfParts): the fraction split into 26-bit halves. */
const MEAN_SQ_PARTS = sql`sum(u.event_n_mean_sq_int) AS msqWhole, sum(u.event_n_mean_sq_frac >> 26) AS msqHigh, sum(u.event_n_mean_sq_frac & 67108863) AS msqLow`;
const POOL_SUMS_WITHOUT_MEAN_SQ = sql`sum(u.days) AS days, sum(u.graded_events) AS gradedEvents, sum(u.n) AS n, sum(u.sum) AS sum, sum(u.sum_sq) AS sumSq, sum(u.event_n_sq) AS eventNSq`;
const POOL_SUMS = sql`${POOL_SUMS_WITHOUT_MEAN_SQ}, ${MEAN_SQ_PARTS}`;
const RATE_SUMS = sql`sum(u.attendance) AS attendance, sum(u.responses) AS responses,
  sum(u.surveyed_attendance) AS surveyedAttendance, sum(u.surveyed_responses) AS surveyedResponses,
  sum(u.over100_events) AS over100Events, sum(u.demo_events) AS demoEvents`;

/** Groupings by columns that follow the rollup's primary key (programme, region, theme, month). */
const KEY_PREFIX: Partial<Record<Grouping, string>> = {
  region: "region_code",
  regionTheme: "region_code, theme_id",
  regionAndTheme: "region_code, theme_id",
};

/**
 * For a grouping by region (and theme), the rows first added up per programme and those columns:
 * SQLite does that while reading the rollup in its key order, so the grouping by key then sorts a
 * few hundred rows instead of every rollup row (at 1M responses 1,728 rows, ≈ 2.5 → 0.8 ms). The
 * same sums come out: all but the grade sums are integers, and those are sums of grades, whole
 * numbers (the grade scale's step is 1), exact in any order. Σ(Σx)ᵢ²/nᵢ's fraction is split into
 * its 26-bit halves before it is added up, as MEAN_SQ_PARTS does.
 */
function keyOrdered(grouping: Grouping, rows: SQL): { readonly from: SQL; readonly meanSqParts: SQL } {
  const prefix = KEY_PREFIX[grouping];
  if (prefix === undefined) return { from: rows, meanSqParts: MEAN_SQ_PARTS };
  const summed = ALL_COLUMNS.filter((c) => !(KEY_COLUMNS as readonly string[]).includes(c) && c !== "event_n_mean_sq_frac");
  return {
    from: sql`SELECT programme_id, ${sql.raw(prefix)}, ${sql.raw(summed.map((c) => `sum(${c}) AS ${c}`).join(", "))},
      sum(event_n_mean_sq_frac >> 26) AS msq_high, sum(event_n_mean_sq_frac & 67108863) AS msq_low
    FROM (${rows}) GROUP BY programme_id, ${sql.raw(prefix)}`,
    meanSqParts: sql`sum(u.event_n_mean_sq_int) AS msqWhole, sum(u.msq_high) AS msqHigh, sum(u.msq_low) AS msqLow`,
  };
}

/** The result columns of a grouped read, in order (rows arrive as arrays: src/queries/json-rows.ts). */
const POOL_RESULT = { days: "integer", gradedEvents: "integer", n: "integer", sum: "real", sumSq: "real", eventNSq: "integer" } as const;
const MEAN_SQ_RESULT = { msqWhole: "integer", msqHigh: "integer", msqLow: "integer" } as const;
const RATE_RESULT = {
  attendance: "integer",
  responses: "integer",
  surveyedAttendance: "integer",
  surveyedResponses: "integer",
  over100Events: "integer",
  demoEvents: "integer",
} as const;
const KEY_RESULT = (grouping: Grouping) => ({ key: grouping === "monthTheme" ? ("integer" as const) : ("text" as const) });

type Value = number | string | null;
const num = (v: Value) => v as number;

/** Everything eventFilterCondition and the month split read, as a text (JsonRead's key). */
function filterKey(filter: EventFilter): string {
  const { regions, region, from, to, themeId, programmeId, excludeEventId, includeCancelled } = filter;
  return JSON.stringify([regions, region, from, to, themeId, programmeId, excludeEventId, includeCancelled === true]);
}

/** A grouped row's key as the groupings give it ("yyyy-mm|theme" for monthTheme). */
function keyOf(value: Value, grouping: Grouping): string | null {
  return grouping === "monthTheme" ? monthThemeKey(num(value)) : (value as string | null);
}

/**
 * A day with no answers yet and not archived has run once its survey closed: the one part of the
 * response rate that depends on the clock, so it is read live (few days: survey_unanswered_idx).
 * Such a day adds its head count to the surveyed attendance (0 responses ≤ any head count): its
 * group's added head count, by the grouping's key. (A day such as this is also among the group's
 * days, so it never makes a group of its own.)
 */
function closedUnanswered(filter: EventFilter, grouping: Grouping): SQL {
  const keyColumns = KEY_COLUMNS.map((c) => sql`${DAY[c]!} AS ${sql.raw(c)}`);
  return sql`SELECT ${KEY[grouping]} AS key, sum(u.surveyed_attendance) AS surveyedAttendance
    FROM (SELECT ${list(keyColumns)}, ${event.attendance} AS surveyed_attendance
      FROM ${survey} INNER JOIN ${event} ON ${event.id} = ${survey.eventId}
      WHERE ${survey.responseCount} = 0 AND ${survey.archivedAt} IS NULL AND ${survey.closesAt} <= ${sql.placeholder("now")}
        AND ${ANSWERED} AND ${event.attendance} > 0 AND ${eventFilterCondition(filter) ?? sql`1`}) u
    GROUP BY 1`;
}

/**
 * The grouped read of every EventSums field, in the rows' key order, as one JSON read (one
 * statement with others: readTogether in src/queries/json-rows.ts). The live head counts join the
 * grouped sums by key rather than as more rows under them: SQLite then groups the rollup's rows
 * straight from the table instead of through a compound subquery (half the time).
 */
export function gradeSumsRead(filter: EventFilter, grouping: Grouping, now: number): JsonRead<GroupSums> {
  return jsonRead(
    `gradeSums ${grouping} ${filterKey(filter)}`,
    () => {
      const source = keyOrdered(grouping, contributions(filter, ALL_COLUMNS));
      return sql`SELECT g.key, g.days, g.gradedEvents, g.n, g.sum, g.sumSq, g.eventNSq, g.msqWhole, g.msqHigh, g.msqLow,
      g.attendance, g.responses, g.surveyedAttendance + ifnull(c.surveyedAttendance, 0) AS surveyedAttendance,
      g.surveyedResponses, g.over100Events, g.demoEvents
    FROM (SELECT ${KEY[grouping]} AS key, ${POOL_SUMS_WITHOUT_MEAN_SQ}, ${source.meanSqParts}, ${RATE_SUMS} FROM (${source.from}) u
      GROUP BY 1 HAVING sum(u.days) > 0) g
    LEFT JOIN (${closedUnanswered(filter, grouping)}) c ON c.key IS g.key
    ORDER BY g.key`;
    },
    { ...KEY_RESULT(grouping), ...POOL_RESULT, ...MEAN_SQ_RESULT, ...RATE_RESULT },
    (v) => ({
      key: keyOf(v[0]!, grouping),
      days: num(v[1]!),
      gradedEvents: num(v[2]!),
      n: num(v[3]!),
      sum: num(v[4]!),
      sumSq: num(v[5]!),
      eventNSq: num(v[6]!),
      eventNMeanSq: exactSumOfParts(num(v[7]!), num(v[8]!), num(v[9]!)),
      attendance: num(v[10]!),
      responses: num(v[11]!),
      surveyedAttendance: num(v[12]!),
      surveyedResponses: num(v[13]!),
      over100Events: num(v[14]!),
      demoEvents: num(v[15]!),
    }),
    { now },
  );
}

/**
 * gradeSumsRead for figures that show pooled grades only (the trend): the days and grade sums, with
 * the attendance, response-rate and demo fields left at 0 rather than read.
 */
export function gradePoolSumsRead(filter: EventFilter, grouping: Grouping): JsonRead<GroupSums> {
  return jsonRead(
    `gradePoolSums ${grouping} ${filterKey(filter)}`,
    () => sql`SELECT ${KEY[grouping]} AS key, ${POOL_SUMS} FROM (${contributions(filter, POOL_COLUMNS)}) u
    GROUP BY 1 HAVING sum(u.days) > 0 ORDER BY 1`,
    { ...KEY_RESULT(grouping), ...POOL_RESULT, ...MEAN_SQ_RESULT },
    (v) => ({
      key: keyOf(v[0]!, grouping),
      days: num(v[1]!),
      attendance: 0,
      responses: 0,
      surveyedAttendance: 0,
      surveyedResponses: 0,
      over100Events: 0,
      gradedEvents: num(v[2]!),
      n: num(v[3]!),
      sum: num(v[4]!),
      sumSq: num(v[5]!),
      eventNSq: num(v[6]!),
      eventNMeanSq: exactSumOfParts(num(v[7]!), num(v[8]!), num(v[9]!)),
      demoEvents: 0,
    }),
  );
}

export async function gradeSumsBy(db: Db, filter: EventFilter, grouping: Grouping, now: number): Promise<GroupSums[]> {
  return (await readTogether(db, { sums: gradeSumsRead(filter, grouping, now) })).sums;
}

export async function gradePoolSumsBy(db: Db, filter: EventFilter, grouping: Grouping): Promise<GroupSums[]> {
  return (await readTogether(db, { sums: gradePoolSumsRead(filter, grouping) })).sums;
}

export interface ReportedEvent {
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly mean: number;
  readonly n: number | null;
}

/** Every published result in the filter (few: days from before Palaute, or reported later; event_published_idx). */
export function publishedEventsRead(filter: EventFilter): JsonRead<ReportedEvent> {
  return jsonRead(
    `publishedEvents ${filterKey(filter)}`,
    () => sql`SELECT ${event.regionCode} AS regionCode, ${event.date} AS date, ${event.themeId} AS themeId,
      ${event.reportedGradeMean} AS mean, ${event.reportedGradeN} AS n
    FROM ${event} INNER JOIN ${survey} ON ${survey.eventId} = ${event.id}
    WHERE ${and(eventFilterCondition(filter), isNotNull(event.reportedGradeMean))}
    ORDER BY ${event.id}`,
    // The order a scan of the days gave before the index: the callers list them in this order.
    { regionCode: "text", date: "text", themeId: "integer", mean: "real", n: "integer" },
    (v) => ({
      regionCode: v[0] as string | null,
      date: v[1] as string,
      themeId: v[2] as number | null,
      mean: num(v[3]!),
      n: v[4] as number | null,
    }),
  );
}

export async function publishedEvents(db: Db, filter: EventFilter): Promise<ReportedEvent[]> {
  return (await readTogether(db, { published: publishedEventsRead(filter) })).published;
}
