// The JSON the data API returns, as types only. web/src/dashboard/api.ts imports these with
// `import type`, so the dashboard and the server cannot drift apart silently.
import type { Interval } from "./domain/stats";

export type Localized = { fi: string; sv: string; en: string };

/** One day's grade: from its own responses, or the published figure when only that exists. */
export interface DayGrade {
  readonly source: "responses" | "reported" | "none";
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
  /** Null for a pool of only published days (their spread is unknown) or n < 2. */
  readonly sd: number | null;
  readonly ci95: Interval | null;
  readonly source: "responses" | "reported" | "mixed" | null;
  readonly eventsPooled: number;
  /** Days with a published mean but no published respondent count: not pooled, never guessed. */
  readonly excludedUnknownN: number;
  readonly smallN: boolean;
  /**
   * The pool's published days, never mixed into the answered figure: each a marked point, and
   * their plain mean over k days. With source "reported" (only published days) the figure above is
   * that mean, without SD or CI; with "mixed" the figure above is the answered days' alone.
   */
  readonly published?: PublishedPart | null;
}

export interface PublishedPart {
  readonly days: number;
  readonly meanOfMeans: number;
  readonly points: { date: string; region: string | null; mean: number; n: number | null }[];
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
  /** responses ÷ attendance; null without attendance. */
  readonly responseRate: number | null;
  /** The day's published result (final) and where it was published. */
  readonly reported: { mean: number; n: number | null; distribution: Record<string, number> | null; source: string | null } | null;
  readonly grade: DayGrade;
  /** A published day that also has answers collected here: their figure, shown beside the published
   *  one (never instead of it), and `conflict` flags the pair to staff. Null otherwise. */
  readonly collected?: DayGrade | null;
  readonly conflict?: boolean;
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
  readonly grade: PooledGrade;
}

/** GET /api/stats/regions — every region the caller may read (all 18 for the national team). */
export interface RegionsStatsResponse {
  /** All regions and national days pooled: the yardstick shown beside a region. */
  readonly national: PooledGrade & { events: number; attendance: number; responses: number };
  readonly regions: RegionStats[];
}

/** GET /api/stats/trend?interval=term|year|month&regions=16,15 */
export interface TrendResponse {
  readonly interval: "month" | "term" | "year";
  /** Every bucket from the first to the last day in the filter, in order (zero-filled). */
  readonly keys: string[];
  /** region null is the national pooled series; a bucket with no days is null (a gap, not a zero). */
  readonly series: { region: string | null; points: (PooledGrade | null)[] }[];
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
    | { key: string; kind: "choice"; text: Localized; n: number; options: { value: string; label: Localized; n: number | null; suppressed: boolean }[] }
  )[];
}

/** GET /api/events/:id/comments — newest first; a list with fewer than 5 comments is suppressed. */
export interface CommentsResponse {
  readonly questions: { key: string; text: Localized; n: number | null; suppressed: boolean; comments: { text: string; submittedAt: string; lang: "fi" | "sv" | "en" }[] }[];
}

export interface MeResponse {
  readonly user: { id: number; email: string; name: string; role: "national" | "agent" | "viewer"; regions: string[]; allRegions: boolean };
}

export interface RegionsResponse {
  readonly regions: { code: string; name: Localized; bilingual: boolean; access: "write" | "read" | "none" }[];
}
