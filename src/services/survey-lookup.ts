import type { Db } from "../db/client";
import { versionCheckedInWrite } from "../queries/store-response";
import type { Lang } from "../domain/lang";
import { findSurveyVersion, loadPublicSurvey, type PublicSurvey, type SurveyVersion } from "../queries/survey-by-slug";

/**
 * How long the text of a survey's day (title, place, region, theme) and its rendered form are
 * reused. Everyone at a day opens the same link within minutes and posts the same survey back;
 * without this every page view and every submission would load the survey with its joins and
 * questions (on the Worker, a round trip to Turso) and render it again.
 *
 * What must be right at once is checked on every page view with one small query
 * (findSurveyVersion): the open/closed window, whether a published result has made the day final
 * — an agent closing or reopening a survey takes effect immediately — and which questions it
 * asks. A submission on the Worker checks the same version inside its write instead
 * (storeResponseIfUnchanged), so it may use a cached survey of any age. What may be up to 5 s
 * old: a corrected title or place on the page. Unknown slugs are not remembered, so a survey
 * created a moment ago works at once. A survey not cached, or cached too long, is loaded with its
 * version in one batch: every lookup is one round trip.
 */
export const SURVEY_CACHE_TTL_MS = 5_000;

/** Far more surveys than are open at once; the oldest entry goes first when it is full. */
const MAX_CACHED_SURVEYS = 500;

export interface CachedSurvey {
  /** Its window (opens, closes, published, cancelled) is the version's. */
  readonly survey: PublicSurvey;
  readonly version: SurveyVersion;
  /** The version was read for this lookup; false for a cached copy served by `cached`. */
  readonly checked: boolean;
  /** The rendered form per language (src/views/survey-form.tsx); it goes with the entry. */
  readonly formPages: Map<Lang, Promise<(submissionId: string) => Uint8Array<ArrayBuffer>>>;
}

export interface SurveyLookup {
  /** The survey as it is now (window and questions checked), or null for an unknown slug. */
  (slug: string): Promise<CachedSurvey | null>;
  /** For a submission: where the write checks the version itself (a remote database,
   *  src/queries/store-response.ts), the cached survey at any age with the newest version seen,
   *  loaded only when not cached; elsewhere the same as a lookup. */
  cached(slug: string): Promise<CachedSurvey | null>;
  /** A newer version a write has seen: a new window is kept, a new question set drops the entry. */
  remember(slug: string, version: SurveyVersion | null): void;
}

interface Loaded {
  readonly survey: PublicSurvey;
  version: SurveyVersion;
  readonly formPages: CachedSurvey["formPages"];
}

interface Entry {
  readonly expiresAt: number;
  /** A promise, so a burst of requests for a cold slug makes one full load. */
  readonly loaded: Promise<Loaded | null>;
  /** Set once loaded. */
  value?: Loaded;
}

/** `readVersion`: how the version is read on every call (AppDeps.surveyVersions); by default a query through `db`. */
export function cachedSurveyLookup(
  db: Db,
  now: () => number,
  ttlMs = SURVEY_CACHE_TTL_MS,
  readVersion: (slug: string) => SurveyVersion | null | Promise<SurveyVersion | null> = (slug) => findSurveyVersion(db, slug),
): SurveyLookup {
  const entries = new Map<string, Entry>();
  const forget = (slug: string, entry: Entry | undefined) => {
    if (entry && entries.get(slug) === entry) entries.delete(slug);
  };
  const load = (slug: string): Entry => {
    entries.delete(slug);
    if (entries.size >= MAX_CACHED_SURVEYS) entries.delete(entries.keys().next().value!);
    const loaded = loadPublicSurvey(db, slug).then((found) => (found ? { ...found, formPages: new Map() } : null));
    const entry: Entry = { expiresAt: now() + ttlMs, loaded };
    entries.set(slug, entry);
    loaded.then(
      (found) => (found ? (entry.value = found) : forget(slug, entry)),
      () => forget(slug, entry),
    );
    return entry;
  };
  const shown = (loaded: Loaded | null, checked: boolean, version = loaded?.version): CachedSurvey | null =>
    loaded && version
      ? {
          // The window as the version says, whatever the cached copy says.
          survey: {
            ...loaded.survey,
            opensAt: version.opensAt,
            closesAt: version.closesAt,
            published: version.published,
            cancelled: version.cancelled,
          },
          version,
          checked,
          formPages: loaded.formPages,
        }
      : null;

  const lookup = async (slug: string) => {
    const entry = entries.get(slug);
    // Still loading: that load read the version as this request arrived, as a query of its own would.
    if (entry && !entry.value) return shown(await entry.loaded, true);
    if (entry?.value && entry.expiresAt > now()) {
      const version = await readVersion(slug);
      if (!version) {
        forget(slug, entry);
        return null;
      }
      if (version.questionsKey === entry.value.version.questionsKey) {
        entry.value.version = version;
        return shown(entry.value, true, version);
      }
    }
    return shown(await load(slug).loaded, true);
  };
  return Object.assign(lookup, {
    cached: async (slug: string) => {
      if (!versionCheckedInWrite(db)) return lookup(slug);
      const entry = entries.get(slug);
      return entry ? shown(await entry.loaded, false) : shown(await load(slug).loaded, true);
    },
    remember: (slug: string, version: SurveyVersion | null) => {
      const entry = entries.get(slug);
      if (!entry?.value) return;
      if (version && version.questionsKey === entry.value.version.questionsKey) entry.value.version = version;
      else forget(slug, entry);
    },
  });
}
