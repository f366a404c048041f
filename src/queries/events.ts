import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { event, programme, questionSet, region, survey, theme } from "../db/schema";
import type { Lang } from "../domain/lang";
import { FOLDED_CAPITALS, type ListSort, type ListState } from "../domain/event-list-query";

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
  readonly titleSv: string | null;
  readonly titleEn: string | null;
  readonly location: string | null;
  readonly locationSv: string | null;
  readonly locationEn: string | null;
  readonly mainLang: Lang;
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
  titleSv: event.titleSv,
  titleEn: event.titleEn,
  location: event.location,
  locationSv: event.locationSv,
  locationEn: event.locationEn,
  mainLang: event.mainLang,
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

/** The staff day list's filters on top of EventFilter (src/domain/event-list-query.ts names them). */
export interface EventListFilter extends EventFilter {
  /** Only national days (the region filter's "national"). */
  readonly nationalOnly?: boolean;
  /** A LIKE pattern (searchPattern) matched against the folded title and place. */
  readonly search?: string | undefined;
  readonly state?: ListState | undefined;
  /** The instant the state is judged at (epoch ms). */
  readonly now: number;
}

/** lower() plus the capitals SQLite does not fold itself (Ä, Ö, Å…), so search and title sort ignore case. */
function folded(column: SQLiteColumn | SQL): SQL {
  return FOLDED_CAPITALS.reduce<SQL>((inner, [capital, small]) => sql`replace(${inner}, ${capital}, ${small})`, sql`lower(${column})`);
}

/** The SQL of listState (src/domain/event-list-query.ts): archived first, then the survey window. */
function stateCondition(state: ListState, now: number): SQL | undefined {
  if (state === "cancelled") return isNotNull(event.cancelledAt);
  return and(isNull(event.cancelledAt), windowCondition(state, now));
}

function windowCondition(state: Exclude<ListState, "cancelled">, now: number): SQL | undefined {
  const notArchived = isNull(survey.archivedAt);
  const notYetOpen = and(isNotNull(survey.opensAt), gt(survey.opensAt, now));
  const opened = or(isNull(survey.opensAt), lte(survey.opensAt, now));
  switch (state) {
    case "archived":
      return isNotNull(survey.archivedAt);
    case "not_open":
      return and(notArchived, notYetOpen);
    case "closed":
      return and(notArchived, opened, isNotNull(survey.closesAt), lte(survey.closesAt, now));
    case "open":
      return and(notArchived, opened, or(isNull(survey.closesAt), gt(survey.closesAt, now)));
  }
}

function eventListCondition(filter: EventListFilter): SQL | undefined {
  return and(
    eventFilterCondition(filter),
    filter.nationalOnly ? isNull(event.regionCode) : undefined,
    filter.search === undefined
      ? undefined
      : or(
          ...[event.title, event.titleSv, event.titleEn, event.location, event.locationSv, event.locationEn].map(
            (column) => sql`${folded(column)} LIKE ${filter.search} ESCAPE '\\'`,
          ),
        ),
    filter.state === undefined ? undefined : stateCondition(filter.state, filter.now),
  );
}

const LIST_ORDER: Record<ListSort, () => SQL[]> = {
  date_desc: () => [desc(event.date), asc(event.id)],
  date_asc: () => [asc(event.date), asc(event.id)],
  // Regions in their official code order (01 Uusimaa …), national days first; newest first within.
  region: () => [sql`${event.regionCode} IS NOT NULL`, asc(event.regionCode), desc(event.date), asc(event.id)],
  title: () => [asc(folded(event.title)), desc(event.date), asc(event.id)],
  responses: () => [desc(survey.responseCount), desc(event.date), asc(event.id)],
};

/** How many days the staff list's filters find (for "26–50 of 55" and the last page). */
export async function countEventList(db: Db, filter: EventListFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .where(eventListCondition(filter));
  return row?.n ?? 0;
}

/** One page of the staff list, sorted and cut in SQL. */
export async function pageOfEventList(
  db: Db,
  filter: EventListFilter,
  page: { sort: ListSort; limit: number; offset: number },
): Promise<EventRow[]> {
  return db
    .select(eventColumns)
    .from(event)
    .innerJoin(survey, eq(survey.eventId, event.id))
    .leftJoin(theme, eq(theme.id, event.themeId))
    .where(eventListCondition(filter))
    .orderBy(...LIST_ORDER[page.sort]())
    .limit(page.limit)
    .offset(page.offset);
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
  /** Finnish; '' when the day has none (src/domain/day-texts.ts titleColumns). */
  readonly title: string;
  readonly location: string | null;
  readonly attendance: number | null;
  /** Left out: no Swedish or English text, and the database's main language (Finnish). */
  readonly titleSv?: string | null;
  readonly titleEn?: string | null;
  readonly locationSv?: string | null;
  readonly locationEn?: string | null;
  readonly mainLang?: Lang;
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
  // A PATCH that names neither end changes nothing (drizzle refuses an empty SET).
  if (Object.keys(window).length === 0) return;
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

/** The main language a new day in this region gets (national days: Finnish). */
export async function regionMainLang(db: Db, regionCode: string | null): Promise<Lang> {
  if (regionCode === null) return "fi";
  const [row] = await db.select({ mainLang: region.mainLang }).from(region).where(eq(region.code, regionCode)).limit(1);
  return row?.mainLang ?? "fi";
}

/** What the audit log names a day by: its title, date and region (a deleted day is simply absent). */
export async function eventNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: event.id,
      title: event.title,
      titleSv: event.titleSv,
      titleEn: event.titleEn,
      location: event.location,
      locationSv: event.locationSv,
      locationEn: event.locationEn,
      mainLang: event.mainLang,
      date: event.date,
      regionCode: event.regionCode,
    })
    .from(event)
    .where(inArray(event.id, [...ids]));
}
