import { asc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { event, question, region, survey, theme } from "../db/schema";
import type { Lang, Localized } from "../domain/lang";
import { joinedNames } from "../domain/localised-name";
import { questionInLanguages, type ChoiceOption, type Question } from "../domain/questions";
import type { DayTextColumns } from "../domain/day-texts";

export interface PublicSurvey {
  readonly surveyId: number;
  readonly slug: string;
  readonly opensAt: number | null;
  readonly closesAt: number | null;
  /** The day has a published result: final, so the survey takes no answers whatever its window. */
  readonly published: boolean;
  /** Staff cancelled the day: its survey takes no answers. */
  readonly cancelled: boolean;
  readonly event: DayTextColumns & {
    readonly id: number;
    readonly date: string;
    readonly isDemo: boolean;
    readonly region: Localized | null;
    /** The region has Swedish-speaking municipalities: the page offers Swedish (or Finnish) at the top. */
    readonly bilingual: boolean;
    readonly theme: Localized | null;
  };
  readonly questions: readonly Question[];
}

/** What may change under a cached survey and must be seen at once: when it is open, and which
 *  questions it asks (the sets, and the day set's size and newest question, so an added or
 *  removed day question shows). */
export interface SurveyVersion {
  readonly opensAt: number | null;
  readonly closesAt: number | null;
  readonly published: boolean;
  readonly cancelled: boolean;
  readonly questionsKey: string;
}

// One lookup through the slug's unique index (or the survey id) plus an index-only count on the
// day's set: cheap enough for every request, unlike the joins and question rows of the full load.
const SURVEY_VERSION_COLUMNS = `SELECT s.opens_at, s.closes_at,
  (SELECT e.reported_grade_mean IS NOT NULL FROM event e WHERE e.id = s.event_id) AS published,
  (SELECT e.cancelled_at IS NOT NULL FROM event e WHERE e.id = s.event_id) AS cancelled,
  s.question_set_id || '/' || coalesce(s.extra_question_set_id, '-') || '/' ||
  (SELECT count(*) || '/' || coalesce(max(q.id), 0) FROM question q WHERE q.set_id = s.extra_question_set_id) AS questions_key
  FROM survey s`;
/** Also prepared once by the Node entry (src/queries/survey-version-statement.ts). */
export const SURVEY_VERSION_SQL = `${SURVEY_VERSION_COLUMNS} WHERE s.slug = ?`;
/** The version of the survey with this id (src/queries/store-response.ts checks it in the write). */
export const SURVEY_VERSION_BY_ID_SQL = `${SURVEY_VERSION_COLUMNS} WHERE s.id = ?`;

export async function findSurveyVersion(db: Db, slug: string): Promise<SurveyVersion | null> {
  const { rows } = await db.$client.execute({ sql: SURVEY_VERSION_SQL, args: [slug] });
  return rows[0] ? readSurveyVersion(rows[0]) : null;
}

/** A row of SURVEY_VERSION_COLUMNS as a SurveyVersion. */
export function readSurveyVersion(row: Record<string, unknown>): SurveyVersion {
  return {
    opensAt: row.opens_at === null ? null : Number(row.opens_at),
    closesAt: row.closes_at === null ? null : Number(row.closes_at),
    published: Number(row.published) === 1,
    cancelled: Number(row.cancelled) === 1,
    questionsKey: String(row.questions_key),
  };
}

/** Everything the public form needs about one survey, or null for an unknown slug. */
export async function findPublicSurvey(db: Db, slug: string): Promise<PublicSurvey | null> {
  return (await loadPublicSurvey(db, slug))?.survey ?? null;
}

/**
 * The survey with its version, in one batch (one round trip to a remote database, one consistent
 * snapshot): the version, the survey with its day, and the questions of both its sets.
 */
export async function loadPublicSurvey(db: Db, slug: string): Promise<{ survey: PublicSurvey; version: SurveyVersion } | null> {
  const [versionRows, [row], questionRows] = await db.batch([
    db.all<Record<string, unknown>>(sql`${sql.raw(SURVEY_VERSION_COLUMNS)} WHERE s.slug = ${slug}`),
    surveyRowQuery(db, slug),
    // The national core set first, then the day's own questions.
    db
      .select({ row: question, own: sql<number>`${question.setId} IS ${survey.extraQuestionSetId}` })
      .from(question)
      .innerJoin(survey, or(eq(question.setId, survey.questionSetId), eq(question.setId, survey.extraQuestionSetId)))
      .where(eq(survey.slug, slug))
      .orderBy(sql`2`, asc(question.position)),
  ]);
  if (!row || !versionRows[0]) return null;
  const version = readSurveyVersion(versionRows[0]);
  const found: PublicSurvey = {
    surveyId: row.surveyId,
    slug: row.slug,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    published: row.reportedGradeMean !== null,
    cancelled: row.cancelledAt !== null,
    event: {
      id: row.eventId,
      title: row.title,
      titleSv: row.titleSv,
      titleEn: row.titleEn,
      date: row.date,
      location: row.location,
      locationSv: row.locationSv,
      locationEn: row.locationEn,
      mainLang: row.mainLang,
      isDemo: row.isDemo,
      region: joinedNames(row, "region"),
      bilingual: row.bilingual === true,
      theme: joinedNames(row, "theme"),
    },
    // Texts a day's own question left unwritten show the day's main language.
    questions: questionRows.map((q) => toQuestion(q.row, Number(q.own) === 1 ? row.mainLang : "fi")),
  };
  return { survey: found, version };
}

function surveyRowQuery(db: Db, slug: string) {
  return db
    .select({
      surveyId: survey.id,
      slug: survey.slug,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      eventId: event.id,
      title: event.title,
      titleSv: event.titleSv,
      titleEn: event.titleEn,
      date: event.date,
      location: event.location,
      locationSv: event.locationSv,
      locationEn: event.locationEn,
      mainLang: event.mainLang,
      isDemo: event.isDemo,
      bilingual: region.bilingual,
      reportedGradeMean: event.reportedGradeMean,
      cancelledAt: event.cancelledAt,
      regionFi: region.nameFi,
      regionSv: region.nameSv,
      regionEn: region.nameEn,
      themeFi: theme.nameFi,
      themeSv: theme.nameSv,
      themeEn: theme.nameEn,
    })
    .from(survey)
    .innerJoin(event, eq(event.id, survey.eventId))
    .leftJoin(region, eq(region.code, event.regionCode))
    .leftJoin(theme, eq(theme.id, event.themeId))
    .where(eq(survey.slug, slug))
    .limit(1);
}

/** A set's questions in order; texts a day's own question left unwritten show `mainLang`'s. */
export async function listQuestions(db: Db, questionSetId: number, mainLang: Lang = "fi"): Promise<Question[]> {
  const rows = await db.select().from(question).where(eq(question.setId, questionSetId)).orderBy(asc(question.position));
  return rows.map((row) => toQuestion(row, mainLang));
}

function toQuestion(row: typeof question.$inferSelect, mainLang: Lang): Question {
  return questionInLanguages(
    {
      id: row.id,
      key: row.key,
      kind: row.kind,
      required: row.required,
      text: { fi: row.textFi, sv: row.textSv, en: row.textEn },
      scale:
        row.scaleMin !== null && row.scaleMax !== null && row.scaleStep !== null
          ? { min: row.scaleMin, max: row.scaleMax, step: row.scaleStep }
          : null,
      options: parseOptions(row.optionsJson),
      maxLength: row.maxLength,
    },
    mainLang,
  );
}

function parseOptions(json: string | null): ChoiceOption[] {
  if (!json) return [];
  const raw = JSON.parse(json) as Array<{ value: string; fi?: string; sv?: string; en?: string }>;
  return raw.map((o) => ({ value: o.value, label: { fi: o.fi ?? "", sv: o.sv ?? "", en: o.en ?? "" } }));
}

/** The slug of the survey with this short code (stored upper case), or null. */
export async function findSlugByShortCode(db: Db, shortCode: string): Promise<string | null> {
  const [row] = await db.select({ slug: survey.slug }).from(survey).where(eq(survey.shortCode, shortCode)).limit(1);
  return row?.slug ?? null;
}
