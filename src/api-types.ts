// The JSON the data API returns, as types only. web/src/dashboard/api.ts imports these with
// `import type`, so the dashboard and the server cannot drift apart silently.
import type { Interval, RateStatus, YardstickReason, YardstickState } from "./domain/stats";

export type { RateStatus, YardstickReason, YardstickState };

export type Localized = { fi: string; sv: string; en: string };

/** One day's grade: from its own responses, or the published figure when only that exists.
 *  "archived": the answers were deleted by retention and their tallies kept (SD, CI, distribution stay). */
export interface DayGrade {
  readonly source: "responses" | "reported" | "archived" | "none";
  /** Respondents; for a reported day the published count, or null when the report did not give one. */
  readonly n: number | null;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95: Interval | null;
  readonly median: number | null;
  /** Every scale value 4…10 with its count (zeros included); null for reported days. */
  readonly distribution: Record<string, number> | null;
  /** n below MIN_CELL (5): show the figure with a small-n warning. */
  readonly smallN: boolean;
}

/** A grade pooled over many days, each weighted by its respondents. */
export interface PooledGrade {
  readonly n: number;
  readonly mean: number | null;
  /** Null when a reported day is in the pool (its spread is unknown) or n < 2. */
  readonly sd: number | null;
  readonly ci95: Interval | null;
  readonly source: "responses" | "reported" | "mixed" | null;
  readonly eventsPooled: number;
  /** Days with a published mean but no published respondent count: not pooled, never guessed. */
  readonly excludedUnknownN: number;
  readonly smallN: boolean;
}

export interface EventSummary {
  readonly id: number;
  readonly programmeId: number;
  readonly date: string;
  readonly region: string | null;
  readonly theme: { id: number; name: string; names: Localized } | null;
  readonly title: string;
  readonly location: string | null;
  readonly attendance: number | null;
  readonly responses: number;
  /** responses ÷ attendance; null without attendance, for a published-only day, or before the survey has run. */
  readonly responseRate: number | null;
  /** Why the rate counts or not; "over_100" is shown flagged and left out of pooled rates. */
  readonly rateStatus: RateStatus;
  readonly reported: { mean: number; n: number | null } | null;
  /** Helsinki date on which retention deleted the answers (figures kept), else null. */
  readonly archivedOn: string | null;
  readonly grade: DayGrade;
  readonly isDemo: boolean;
  readonly survey: { slug: string; url: string; opensAt: string | null; closesAt: string | null; state: "open" | "not_open" | "closed" };
}

/** GET /api/events */
export interface EventsResponse {
  readonly events: EventSummary[];
}

export interface RegionStats {
  readonly code: string;
  readonly name: Localized;
  readonly events: number;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate: number | null;
  /** Days left out of responseRate because their own rate is above 100 %. */
  readonly rateExcludedOver100: number;
  readonly grade: PooledGrade;
}

/** GET /api/stats/regions — every region the caller may read (all 18 for the national team). */
export interface RegionsStatsResponse {
  /** All regions and national days pooled: the yardstick shown beside a region. Null when the
   *  caller cannot read every region and the pool fails the yardstick rule (src/domain/stats/yardstick.ts). */
  readonly national: (PooledGrade & { events: number; attendance: number; responses: number }) | null;
  readonly yardstick: YardstickState;
  readonly regions: RegionStats[];
}

/** GET /api/stats/trend?interval=term|year|month&regions=16,15 */
export interface TrendResponse {
  readonly interval: "month" | "term" | "year";
  /** Every bucket from the first to the last day in the filter, in order (zero-filled). */
  readonly keys: string[];
  /** region null is the national pooled series; a bucket with no days is null (a gap, not a zero). */
  readonly series: { region: string | null; points: (PooledGrade | null)[] }[];
  /** Per key: why the national point is withheld from this caller (yardstick rule), or null. */
  readonly nationalWithheld: (YardstickReason | null)[];
}

/** GET /api/stats/themes */
export interface ThemesStatsResponse {
  readonly themes: { id: number; names: Localized; events: number; attendance: number; responses: number; grade: PooledGrade }[];
  /** Region × theme: one cell per pair that has days. */
  readonly cells: { region: string; themeId: number; events: number; grade: PooledGrade }[];
}

/** GET /api/stats/questions?region=16 (or ?event=ID): results per question key over the days. */
export interface QuestionStatsResponse {
  readonly questions: (
    | { key: string; kind: "grade" | "likert"; text: Localized; n: number; mean: number | null; sd: number | null; ci95: Interval | null; distribution: Record<string, number>; smallN: boolean }
    /** A background breakdown, released as the sum of each day's own suppressed table: an option's n
     *  leaves out the days that hid it (hiddenInDays), and hiddenN counts those answers. */
    | { key: string; kind: "choice"; text: Localized; n: number; hiddenN: number; options: { value: string; label: Localized; n: number | null; suppressed: boolean; hiddenInDays: number }[] }
  )[];
}

/** GET /api/events/:id/comments — a list with fewer than 5 comments is suppressed; comments are
 *  unlinkable (src/domain/stats/comment-release.ts): sorted by text, the day's date, language only where 5+ share it. */
export interface CommentsResponse {
  readonly questions: { key: string; text: Localized; n: number | null; suppressed: boolean; comments: { text: string; date: string; lang: "fi" | "sv" | "en" | null }[] }[];
}

export interface MeResponse {
  readonly user: { id: number; email: string; name: string; role: "national" | "agent" | "viewer"; regions: string[]; allRegions: boolean };
}

export interface RegionsResponse {
  readonly regions: { code: string; name: Localized; bilingual: boolean; access: "write" | "read" | "none" }[];
}
