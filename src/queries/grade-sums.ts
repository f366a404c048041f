import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { NO_EVENTS, type EventSums } from "../domain/analytics";
import { event, survey } from "../db/schema";
import { eventFilterCondition, type EventFilter } from "./events";

// Figures over many days (regions, themes, terms) add up each day's grade count, sum and sum of
// squares (and the per-day terms of the day-clustered variance) (survey.grade_n/_sum/_sum_sq, kept by triggers) in one grouped query: one row per day
// read inside SQLite, a handful of rows out, instead of every day's distribution into JavaScript.

export type Grouping = "region" | "month" | "theme" | "regionTheme" | "regionAndTheme" | "monthTheme";

/** 2³²: theme ids (rowids of a small table) stay far below it, and yyyymm·2³² below 2⁵³. */
const MONTH_THEME_SHIFT = 2 ** 32;

const KEY: Record<Grouping, SQL<string | null>> = {
  region: sql`${event.regionCode}`,
  month: sql`substr(${event.date}, 1, 7)`,
  theme: sql`CAST(${event.themeId} AS TEXT)`,
  regionTheme: sql`${event.regionCode} || '|' || ${event.themeId}`,
  // Every (region, theme) and (month, theme) pair, days without a region or theme included (as ""):
  // one grouped read from which regions, themes, cells and the whole country all add up.
  // (ifnull of the integer rather than a CAST: the same text, and measurably cheaper over 20k days.)
  regionAndTheme: sql`ifnull(${event.regionCode}, '') || '|' || ifnull(${event.themeId}, '')`,
  // (month, theme) as one integer, yyyymm·2³² + theme id (0 for none), turned back into the
  // "yyyy-mm|theme" text below: the text built per row (two concatenations, an allocation each)
  // made this read ~1.45× the month-only one over 20k days; the integer ~1.2×.
  monthTheme: sql`(substr(${event.date}, 1, 4) * 100 + substr(${event.date}, 6, 2)) * ${sql.raw(String(MONTH_THEME_SHIFT))} + ifnull(${event.themeId}, 0)`,
};

/** The integer monthTheme key back to the "yyyy-mm|theme" text every other pair grouping gives. */
function monthThemeKey(key: number): string {
  const theme = key % MONTH_THEME_SHIFT;
  const yyyymm = (key - theme) / MONTH_THEME_SHIFT;
  const month = `${String(Math.floor(yyyymm / 100)).padStart(4, "0")}-${String(yyyymm % 100).padStart(2, "0")}`;
  return `${month}|${theme === 0 ? "" : theme}`;
}

/** Days with a published result: final, so any answers they also have never enter a pool. */
const PUBLISHED = sql`(${event.reportedGradeMean} IS NOT NULL)`;

/** One group's sums (see EventSums in src/domain/analytics.ts for what each field means). */
export interface GroupSums extends EventSums {
  readonly key: string | null;
}

/** Published days (final) have no response rate of their own and their answers never enter a pool. */
const answered = (column: SQL) => sql`CASE WHEN NOT ${PUBLISHED} THEN ${column} ELSE 0 END`;

/** What a pooled grade reads (pooledFromSums in src/domain/analytics.ts): the days and their grade sums. */
function poolColumns() {
  return {
    gradedEvents: sql<number>`sum(${answered(sql`${survey.gradeN} > 0`)})`,
    n: sql<number>`sum(${answered(sql`${survey.gradeN}`)})`,
    sum: sql<number>`sum(${answered(sql`${survey.gradeSum}`)})`,
    sumSq: sql<number>`sum(${answered(sql`${survey.gradeSumSq}`)})`,
    // Per-day terms of the between-day variance (src/domain/stats/clustered-pool.ts): Σnᵢ² and
    // Σ (Σx)ᵢ²/nᵢ, still one row per day read inside SQLite from the same rollup columns.
    eventNSq: sql<number>`coalesce(sum(${answered(sql`${survey.gradeN} * ${survey.gradeN}`)}), 0)`,
    eventNMeanSq: sql<number>`coalesce(sum(CASE WHEN NOT ${PUBLISHED} AND ${survey.gradeN} > 0 THEN ${survey.gradeSum} * ${survey.gradeSum} / ${survey.gradeN} END), 0)`,
  };
}

export async function gradeSumsBy(db: Db, filter: EventFilter, grouping: Grouping, now: number): Promise<GroupSums[]> {
  const key = KEY[grouping];
  // rateStatus (src/domain/stats/response-rate.ts) in SQL: "counted" and "over_100".
  const ran = sql`(${survey.responseCount} > 0 OR ${survey.archivedAt} IS NOT NULL OR ${survey.closesAt} <= ${now})`;
  const rated = sql`(NOT ${PUBLISHED} AND coalesce(${event.attendance}, 0) > 0 AND ${ran})`;
  const surveyed = sql`(${rated} AND ${survey.responseCount} <= ${event.attendance})`;
  const rows = await db
    .select({
      key: sql<string | null>`${key}`,
      days: sql<number>`count(*)`,
      attendance: sql<number>`coalesce(sum(${event.attendance}), 0)`,
      responses: sql<number>`sum(${survey.responseCount})`,
      surveyedAttendance: sql<number>`coalesce(sum(CASE WHEN ${surveyed} THEN ${event.attendance} END), 0)`,
      surveyedResponses: sql<number>`coalesce(sum(CASE WHEN ${surveyed} THEN ${survey.responseCount} END), 0)`,
      over100Events: sql<number>`coalesce(sum(CASE WHEN ${rated} AND ${survey.responseCount} > ${event.attendance} THEN 1 ELSE 0 END), 0)`,
      demoEvents: sql<number>`sum(${event.isDemo})`,
      ...poolColumns(),
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(eventFilterCondition(filter))
    .groupBy(key);
  return grouping === "monthTheme" ? rows.map((row) => ({ ...row, key: monthThemeKey(Number(row.key)) })) : rows;
}

/**
 * gradeSumsBy for figures that show pooled grades only (the trend): the days and grade sums, with
 * the attendance, response-rate and demo fields left at 0 rather than read. Each column a grouped
 * read carries goes through SQLite's sorter for every day; over 20k days the five left out cost
 * about a tenth of the read.
 */
export async function gradePoolSumsBy(db: Db, filter: EventFilter, grouping: Grouping): Promise<GroupSums[]> {
  const key = KEY[grouping];
  const rows = await db
    .select({ key: sql<string | null>`${key}`, days: sql<number>`count(*)`, ...poolColumns() })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(eventFilterCondition(filter))
    .groupBy(key);
  return rows.map((row) => ({ ...NO_EVENTS, ...row, key: grouping === "monthTheme" ? monthThemeKey(Number(row.key)) : row.key }));
}

export interface ReportedEvent {
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly mean: number;
  readonly n: number | null;
}

/** Every published result in the filter (few: days from before Palaute, or reported later). */
export async function publishedEvents(db: Db, filter: EventFilter): Promise<ReportedEvent[]> {
  const rows = await db
    .select({
      regionCode: event.regionCode,
      date: event.date,
      themeId: event.themeId,
      mean: event.reportedGradeMean,
      n: event.reportedGradeN,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(and(eventFilterCondition(filter), isNotNull(event.reportedGradeMean)));
  return rows.map((r) => ({ ...r, mean: r.mean! }));
}
