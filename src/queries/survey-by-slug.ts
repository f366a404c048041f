import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { event, question, region, survey, theme } from "../db/schema";
import type { Localized } from "../domain/lang";
import type { ChoiceOption, Question } from "../domain/questions";

export interface PublicSurvey {
  readonly surveyId: number;
  readonly slug: string;
  readonly opensAt: number | null;
  readonly closesAt: number | null;
  readonly event: {
    readonly id: number;
    readonly title: string;
    readonly date: string;
    readonly location: string | null;
    readonly isDemo: boolean;
    readonly region: Localized | null;
    readonly theme: Localized | null;
  };
  readonly questions: readonly Question[];
}

/** Everything the public form needs about one survey, or null for an unknown slug. */
export async function findPublicSurvey(db: Db, slug: string): Promise<PublicSurvey | null> {
  const [row] = await db
    .select({
      surveyId: survey.id,
      slug: survey.slug,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      questionSetId: survey.questionSetId,
      extraQuestionSetId: survey.extraQuestionSetId,
      eventId: event.id,
      title: event.title,
      date: event.date,
      location: event.location,
      isDemo: event.isDemo,
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
  if (!row) return null;
  return {
    surveyId: row.surveyId,
    slug: row.slug,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    event: {
      id: row.eventId,
      title: row.title,
      date: row.date,
      location: row.location,
      isDemo: row.isDemo,
      region: row.regionFi ? { fi: row.regionFi, sv: row.regionSv ?? row.regionFi, en: row.regionEn ?? row.regionFi } : null,
      theme: row.themeFi ? { fi: row.themeFi, sv: row.themeSv ?? row.themeFi, en: row.themeEn ?? row.themeFi } : null,
    },
    // The national core set first, then the day's own questions.
    questions: [
      ...(await listQuestions(db, row.questionSetId)),
      ...(row.extraQuestionSetId === null ? [] : await listQuestions(db, row.extraQuestionSetId)),
    ],
  };
}

export async function listQuestions(db: Db, questionSetId: number): Promise<Question[]> {
  const rows = await db.select().from(question).where(eq(question.setId, questionSetId)).orderBy(asc(question.position));
  return rows.map((row) => ({
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
  }));
}

function parseOptions(json: string | null): ChoiceOption[] {
  if (!json) return [];
  const raw = JSON.parse(json) as Array<{ value: string; fi: string; sv: string; en: string }>;
  return raw.map((o) => ({ value: o.value, label: { fi: o.fi, sv: o.sv, en: o.en } }));
}
