import type { Db } from "../db/client";
import type { Lang } from "../domain/lang";
import { findPublicSurvey, findSurveyVersion, type PublicSurvey, type SurveyVersion } from "../queries/survey-by-slug";

/**
 * How long the text of a survey's day (title, place, region, theme) and its rendered form are
 * reused. Everyone at a day opens the same link within minutes and posts the same survey back;
 * without this every page view and every submission cost three queries with joins (on the
 * Worker, round trips to Turso) and a full render.
 *
 * What must be right at once is checked on every request with one small query
 * (findSurveyVersion): the open/closed window, whether a published result has made the day final — an agent closing or reopening a survey takes
 * effect immediately — and which questions it asks, so a form is never validated against a
 * question that was removed. What may be up to 5 s old: a corrected title or place on the page.
 * Unknown slugs are not remembered, so a survey created a moment ago works at once.
 */
export const SURVEY_CACHE_TTL_MS = 5_000;

/** Far more surveys than are open at once; the oldest entry goes first when it is full. */
const MAX_CACHED_SURVEYS = 500;

export interface CachedSurvey {
  readonly survey: PublicSurvey;
  /** The rendered form per language (src/views/survey-form.tsx); it goes with the entry. */
  readonly formPages: Map<Lang, Promise<(submissionId: string) => Uint8Array<ArrayBuffer>>>;
}

export type SurveyLookup = (slug: string) => Promise<CachedSurvey | null>;

interface Entry {
  readonly expiresAt: number;
  readonly questionsKey: string;
  /** A promise, so a burst of requests for a cold slug makes one full load. */
  readonly loaded: Promise<CachedSurvey | null>;
}

/** `readVersion`: how the version is read on every call (AppDeps.surveyVersions); by default a query through `db`. */
export function cachedSurveyLookup(
  db: Db,
  now: () => number,
  ttlMs = SURVEY_CACHE_TTL_MS,
  readVersion: (slug: string) => SurveyVersion | null | Promise<SurveyVersion | null> = (slug) => findSurveyVersion(db, slug),
): SurveyLookup {
  const entries = new Map<string, Entry>();
  return async (slug) => {
    const version = await readVersion(slug);
    if (!version) {
      entries.delete(slug);
      return null;
    }
    let entry = entries.get(slug);
    if (!entry || entry.expiresAt <= now() || entry.questionsKey !== version.questionsKey) {
      entries.delete(slug);
      if (entries.size >= MAX_CACHED_SURVEYS) entries.delete(entries.keys().next().value!);
      // Keyed by the version read before loading: a change that lands in between makes the next
      // request's version differ, and that request loads again.
      const loaded = findPublicSurvey(db, slug).then((survey) => (survey ? { survey, formPages: new Map() } : null));
      const created: Entry = { expiresAt: now() + ttlMs, questionsKey: version.questionsKey, loaded };
      entry = created;
      entries.set(slug, created);
      const forget = () => {
        if (entries.get(slug) === created) entries.delete(slug);
      };
      loaded.then((found) => found || forget(), forget);
    }
    const cached = await entry.loaded;
    if (!cached) return null;
    // The window as it is now, whatever the cached copy says.
    return {
      survey: {
        ...cached.survey,
        opensAt: version.opensAt,
        closesAt: version.closesAt,
        published: version.published,
        cancelled: version.cancelled,
      },
      formPages: cached.formPages,
    };
  };
}
