import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import type { Lang } from "../../domain/lang";
import { joinedNames } from "../../domain/localised-name";
import { dayPlace, dayPlaces, dayTitle, dayTitles, type DayTextColumns } from "../../domain/day-texts";
import { formatCalendarDate, helsinkiDate } from "../../domain/stats";
import { surveyState } from "../../domain/survey-state";
import type { EventRow } from "../../queries/events";

/** The address people open: PUBLIC_URL when configured, else the address this request came to. */
export function publicOrigin(deps: Pick<AppDeps, "publicUrl">, c: Context<AppEnv>): string {
  return deps.publicUrl?.replace(/\/$/, "") ?? new URL(c.req.url).origin;
}

export function surveyUrl(origin: string, slug: string): string {
  return `${origin}/s/${encodeURIComponent(slug)}`;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A day's title and place in the reader's language (the language rule of src/domain/day-texts.ts),
 *  and as written per language for editing (null where not written). */
export function dayTextsJson(row: DayTextColumns, lang: Lang) {
  return {
    title: dayTitle(row, lang).text,
    location: dayPlace(row, lang)?.text ?? null,
    titles: dayTitles(row),
    locations: dayPlaces(row),
    mainLang: row.mainLang,
  };
}

/** One academy day as the API shows it. */
export function eventJson(row: EventRow, lang: Lang, origin: string, now: number) {
  const names = row.themeId === null ? null : joinedNames(row, "theme");
  return {
    id: row.id,
    programmeId: row.programmeId,
    date: row.date,
    region: row.regionCode,
    theme: row.themeId === null || !names ? null : { id: row.themeId, name: names[lang], names },
    ...dayTextsJson(row, lang),
    attendance: row.attendance,
    responses: row.responseCount,
    reported:
      row.reportedGradeMean === null
        ? null
        : {
            mean: row.reportedGradeMean,
            n: row.reportedGradeN,
            distribution: row.reportedGradeDistributionJson
              ? (JSON.parse(row.reportedGradeDistributionJson) as Record<string, number>)
              : null,
            source: row.reportedSource,
          },
    archivedOn: row.archivedAt === null ? null : formatCalendarDate(helsinkiDate(row.archivedAt)),
    isDemo: row.isDemo,
    cancelledOn: row.cancelledAt === null ? null : formatCalendarDate(helsinkiDate(row.cancelledAt)),
    survey: {
      slug: row.slug,
      url: surveyUrl(origin, row.slug),
      shortCode: row.shortCode,
      shortUrl: row.shortCode === null ? null : surveyUrl(origin, row.shortCode),
      opensAt: iso(row.opensAt),
      closesAt: iso(row.closesAt),
      state: surveyState(row, now),
    },
  };
}
