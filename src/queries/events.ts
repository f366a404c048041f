import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { event, programme, questionSet, region, survey, theme } from "../db/schema";

export interface EventFilter {
  /** "all", or only these regions (national days are always included for a signed-in reader). */
  readonly regions: "all" | readonly string[];
  readonly region?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly themeId?: number | undefined;
  readonly programmeId?: number | undefined;
  /** Leaves one day out (a day's own results page compares it with the rest). */
  readonly excludeEventId?: number | undefined;
  /** Cancelled days are left out of every figure; only staff lists of days ask for them too. */
  readonly includeCancelled?: boolean | undefined;
}

export interface EventRow {
  readonly id: number;
  readonly programmeId: number;
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly themeFi: string | null;
  readonly themeSv: string | null;
  readonly themeEn: string | null;
  readonly title: string;
  readonly location: string | null;
  readonly attendance: number | null;
  readonly reportedGradeMean: number | null;
  readonly reportedGradeN: number | null;
  /** JSON {"4":n,…} when the report gave a distribution. */
  readonly reportedGradeDistributionJson: string | null;
  readonly reportedSource: string | null;
  readonly isDemo: boolean;
  readonly surveyId: number;
  readonly slug: string;
  /** What people type (src/domain/short-code.ts); null only between an insert and its trigger. */
  readonly shortCode: string | null;
  readonly opensAt: number | null;
  readonly closesAt: number | null;
  /** When retention deleted the day's answers and kept its figures (epoch ms), else null. */
  readonly archivedAt: number | null;
  /** When staff cancelled the day (epoch ms), else null: kept and labelled, out of the figures. */
  readonly cancelledAt: number | null;
  readonly questionSetId: number;
  readonly extraQuestionSetId: number | null;
  readonly responseCount: number;
}

const eventColumns = {
  id: event.id,
  programmeId: event.programmeId,
  regionCode: event.regionCode,
  date: event.date,
  themeId: event.themeId,
  themeFi: theme.nameFi,
  themeSv: theme.nameSv,
  themeEn: theme.nameEn,
  title: event.title,
  location: event.location,
  attendance: event.attendance,
  reportedGradeMean: event.reportedGradeMean,
  reportedGradeN: event.reportedGradeN,
  reportedGradeDistributionJson: event.reportedGradeDistributionJson,
  reportedSource: event.reportedSource,
  isDemo: event.isDemo,
  surveyId: survey.id,
  slug: survey.slug,
  shortCode: survey.shortCode,
  opensAt: survey.opensAt,
  closesAt: survey.closesAt,
  archivedAt: survey.archivedAt,
  cancelledAt: event.cancelledAt,
  questionSetId: survey.questionSetId,
  extraQuestionSetId: survey.extraQuestionSetId,
  responseCount: survey.responseCount,
};

export function eventFilterCondition(filter: EventFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.regions !== "all") {
    conditions.push(
      filter.regions.length > 0 ? or(isNull(event.regionCode), inArray(event.regionCode, [...filter.regions])) : isNull(event.regionCode),
    );
  }
  if (filter.region !== undefined) conditions.push(eq(event.regionCode, filter.region));
  if (filter.from) conditions.push(gte(event.date, filter.from));
  if (filter.to) conditions.push(lte(event.date, filter.to));
  if (filter.themeId !== undefined) conditions.push(eq(event.themeId, filter.themeId));
  if (filter.programmeId !== undefined) conditions.push(eq(event.programmeId, filter.programmeId));
  if (filter.excludeEventId !== undefined) conditions.push(ne(event.id, filter.excludeEventId));
  if (!filter.includeCancelled) conditions.push(isNull(event.cancelledAt));
  return and(...conditions);
}

export async function listEvents(db: Db, filter: EventFilter): Promise<EventRow[]> {
  return db
    .select(eventColumns)
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .leftJoin(theme, eq(theme.id, event.themeId))
    .where(eventFilterCondition(filter))
    .orderBy(desc(event.date), asc(event.id));
}

export async function getEvent(db: Db, id: number): Promise<EventRow | null> {
  const [row] = await db
    .select(eventColumns)
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .leftJoin(theme, eq(theme.id, event.themeId))
    .where(eq(event.id, id))
    .limit(1);
  return row ?? null;
}

export interface NewEvent {
  readonly programmeId: number;
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly title: string;
  readonly location: string | null;
  readonly attendance: number | null;
}

/** The day and its survey (on the newest core question set) in one transaction. */
export async function insertEventWithSurvey(db: Db, input: NewEvent, slug: string, closesAt: number | null): Promise<number> {
  const coreSetId = await newestCoreSetId(db);
  const [inserted] = await db.batch([
    db.insert(event).values(input).returning({ id: event.id }),
    db.run(
      sql`INSERT INTO survey (event_id, slug, question_set_id, closes_at) VALUES (last_insert_rowid(), ${slug}, ${coreSetId}, ${closesAt})`,
    ),
  ]);
  return inserted[0]!.id;
}

export async function newestCoreSetId(db: Db): Promise<number> {
  const [row] = await db
    .select({ id: questionSet.id })
    .from(questionSet)
    .where(and(eq(questionSet.name, "core"), eq(questionSet.isCore, true)))
    .orderBy(desc(questionSet.version))
    .limit(1);
  if (!row) throw new Error("no core question set: run the migrations");
  return row.id;
}

export async function updateEvent(db: Db, id: number, changes: Partial<NewEvent>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.update(event).set(changes).where(eq(event.id, id));
}

export async function setSurveyWindow(
  db: Db,
  surveyId: number,
  window: { opensAt?: number | null; closesAt?: number | null },
): Promise<void> {
  await db.update(survey).set(window).where(eq(survey.id, surveyId));
}

/** What a new or changed day refers to must exist, and a theme must belong to the day's programme. */
export async function referencesExist(db: Db, refs: { programmeId: number; regionCode: string | null; themeId: number | null }) {
  const [prog] = await db.select({ id: programme.id }).from(programme).where(eq(programme.id, refs.programmeId)).limit(1);
  const [reg] = refs.regionCode
    ? await db.select({ code: region.code }).from(region).where(eq(region.code, refs.regionCode)).limit(1)
    : [{ code: null }];
  const [th] =
    refs.themeId !== null
      ? await db
          .select({ id: theme.id })
          .from(theme)
          .where(and(eq(theme.id, refs.themeId), eq(theme.programmeId, refs.programmeId)))
          .limit(1)
      : [{ id: null }];
  return { programme: Boolean(prog), region: Boolean(reg), theme: Boolean(th) };
}
