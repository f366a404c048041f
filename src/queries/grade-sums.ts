import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import type { DaySums } from "../domain/analytics";
import { event, survey } from "../db/schema";
import { eventFilterCondition, type EventFilter } from "./events";

// Figures over many days (regions, themes, terms) add up each day's grade count, sum and sum of
// squares (survey.grade_n/_sum/_sum_sq, kept by triggers) in one grouped query: one row per day
// read inside SQLite, a handful of rows out, instead of every day's distribution into JavaScript.

export type Grouping = "region" | "month" | "theme" | "regionTheme";

const KEY: Record<Grouping, SQL<string | null>> = {
  region: sql`${event.regionCode}`,
  month: sql`substr(${event.date}, 1, 7)`,
  theme: sql`CAST(${event.themeId} AS TEXT)`,
  regionTheme: sql`${event.regionCode} || '|' || ${event.themeId}`,
};

/** Days with a published result: final, so any answers they also have never enter a pool. */
const PUBLISHED = sql`(${event.reportedGradeMean} IS NOT NULL)`;

/** One group's sums (see DaySums in src/domain/analytics.ts for what each field means). */
export interface GroupSums extends DaySums {
  readonly key: string | null;
}

export async function gradeSumsBy(db: Db, filter: EventFilter, grouping: Grouping): Promise<GroupSums[]> {
  const key = KEY[grouping];
  const surveyed = sql`(NOT ${PUBLISHED} AND coalesce(${event.attendance}, 0) > 0)`;
  const answered = (column: SQL) => sql`CASE WHEN NOT ${PUBLISHED} THEN ${column} ELSE 0 END`;
  return db
    .select({
      key: sql<string | null>`${key}`,
      days: sql<number>`count(*)`,
      attendance: sql<number>`coalesce(sum(${event.attendance}), 0)`,
      responses: sql<number>`sum(${survey.responseCount})`,
      surveyedAttendance: sql<number>`coalesce(sum(CASE WHEN ${surveyed} THEN ${event.attendance} END), 0)`,
      surveyedResponses: sql<number>`coalesce(sum(CASE WHEN ${surveyed} THEN ${survey.responseCount} END), 0)`,
      gradedDays: sql<number>`sum(${answered(sql`${survey.gradeN} > 0`)})`,
      n: sql<number>`sum(${answered(sql`${survey.gradeN}`)})`,
      sum: sql<number>`sum(${answered(sql`${survey.gradeSum}`)})`,
      sumSq: sql<number>`sum(${answered(sql`${survey.gradeSumSq}`)})`,
    })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(eventFilterCondition(filter))
    .groupBy(key);
}

export interface ReportedDay {
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly mean: number;
  readonly n: number | null;
}

/** Every published result in the filter (few: days from before Palaute, or reported later). */
export async function publishedDays(db: Db, filter: EventFilter): Promise<ReportedDay[]> {
  const rows = await db
    .select({ regionCode: event.regionCode, date: event.date, themeId: event.themeId, mean: event.reportedGradeMean, n: event.reportedGradeN })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(and(eventFilterCondition(filter), isNotNull(event.reportedGradeMean)));
  return rows.map((r) => ({ ...r, mean: r.mean! }));
}

