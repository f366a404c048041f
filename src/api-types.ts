// The JSON the data API returns, as types only. src/api-contract.ts maps each endpoint to one of
// these; the routes and web/src/dashboard/api.ts are both typed from that map (`import type`).
import type { Interval, RateStatus, YardstickReason, YardstickState } from "./domain/stats";
import type { Lang } from "./domain/lang";
import type { Question, ScaleKind } from "./domain/questions";
import type { BucketInterval } from "./domain/stats/time-buckets";
import type { Role } from "./domain/roles";

export type { RateStatus, YardstickReason, YardstickState };

export type Localized = { fi: string; sv: string; en: string };
/** Texts staff write per language; null where not written. */
export type LangTexts = { fi: string | null; sv: string | null; en: string | null };

/** One day's grade: from its own responses, or the published figure when only that exists.
 *  "archived": the answers were deleted by retention and their tallies kept (SD, CI, distribution stay). */
export interface EventGrade {
  readonly source: "responses" | "reported" | "archived" | "none";
  /** Respondents; for a reported day the published count, or null when the report did not give one. */
  readonly n: number | null;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95: Interval | null;
  /** "too_few_respondents": under 10 answers, no interval is given. */
  readonly ciWithheld: "too_few_respondents" | null;
  readonly median: number | null;
  /** Every scale value 4…10 with its count (zeros included); null for reported days. */
  readonly distribution: Record<string, number> | null;
  /** n below MIN_CELL (5): show the figure with a small-n warning. */
  readonly smallN: boolean;
}

/** A grade pooled over many days, each weighted by its respondents; its CI takes the day as the unit. */
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
  /** k: days with answers behind the figure (the sampling unit of its interval). */
  readonly days: number;
  /** Standard error of the mean: day-clustered for 2+ days, respondent-level for one day. */
  readonly se: number | null;
  /** Degrees of freedom of the interval's t: k − 1 for a pool of days, n − 1 for one day. */
  readonly ciDf: number | null;
  /** Why a figure with a mean has no interval: under 10 answers (one day) or under 3 days (a pool). */
  readonly ciWithheld: "too_few_respondents" | "too_few_days" | null;
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
  /** In the reader's language, or the day's main language where none was written for it. */
  readonly title: string;
  readonly location: string | null;
  /** As written per language (null: not written, falls back); what a change sends back. */
  readonly titles: LangTexts;
  readonly locations: LangTexts;
  /** What participants without a language preference get and missing texts fall back to. */
  readonly mainLang: Lang;
  readonly attendance: number | null;
  readonly responses: number;
  /** responses ÷ attendance; null without attendance, for a published-only day, or before the survey has run. */
  readonly responseRate: number | null;
  /** Why the rate counts or not; "over_100" is shown flagged and left out of pooled rates. */
  readonly rateStatus: RateStatus;
  /** The day's published result (final) and where it was published. */
  readonly reported: { mean: number; n: number | null; distribution: Record<string, number> | null; source: string | null } | null;
  /** Helsinki date on which retention deleted the answers (figures kept), else null. */
  readonly archivedOn: string | null;
  readonly grade: EventGrade;
  /** A published day that also has answers collected here: their figure, shown beside the published
   *  one (never instead of it), and `conflict` flags the pair to staff. Null otherwise. */
  readonly collected?: EventGrade | null;
  readonly conflict?: boolean;
  readonly isDemo: boolean;
  readonly survey: { slug: string; url: string; opensAt: string | null; closesAt: string | null; state: "open" | "not_open" | "closed" };
}

/** GET /api/events */
export interface EventsResponse {
  readonly events: EventSummary[];
}

/** A region against the rest of the country (every other region's days, never its own). */
export interface RegionComparison {
  /** At least 2 days and 30 answers: ranked and placed on the funnel; otherwise listed apart. */
  readonly rankable: boolean;
  readonly rest: { mean: number | null; n: number; days: number; ci95: Interval | null };
  /** Null when there is nothing to compare (no answers here, or too few days in the rest). */
  readonly funnel: {
    /** Region mean − rest-of-country mean. */
    readonly difference: number;
    readonly z: number;
    /** Outside the 95 % or 99.8 % limits, above or below; "within" otherwise. */
    readonly flag: "above_998" | "above_95" | "within" | "below_95" | "below_998";
    /** Where the region's mean would have to be to fall outside, given its size and days. */
    readonly limits95: readonly [number, number];
    readonly limits998: readonly [number, number];
    /** Independent answers that would measure the mean as precisely as this region's clustered ones. */
    readonly effectiveN: number;
  } | null;
  /** Directly standardised to the national theme mix; mean null with the themes it lacks. */
  readonly adjusted: { mean: number | null; ci95: Interval | null; missingThemes: number[] };
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
  /** Some of its days are demo data. */
  readonly isDemo: boolean;
  readonly grade: PooledGrade;
  /** Against the rest of the country; null when the yardstick rule withholds it from this caller. */
  readonly comparison: RegionComparison | null;
}

/** GET /api/stats/regions — every region the caller may read (all 18 for the national team). */
export interface RegionsStatsResponse {
  /** All regions and national days pooled: the overall figure (each region's own yardstick is its
   *  rest of the country, in `comparison`). Null when the caller cannot read every region and the
   *  pool fails the yardstick rule (src/domain/stats/yardstick.ts); so are every region's
   *  comparison, the theme mix and the funnel lines, which pool other regions' days too. */
  readonly national: (PooledGrade & { events: number; attendance: number; responses: number; isDemo: boolean }) | null;
  readonly yardstick: YardstickState;
  readonly regions: RegionStats[];
  /** The national theme mix the adjusted means are standardised to (share of answers per theme). */
  readonly themeMix: { themeId: number; name: Localized; weight: number }[];
  /** Funnel limit lines as differences from the rest of the country, for a typical region. */
  readonly funnel: { curve: { effectiveN: number; lo95: number; hi95: number; lo998: number; hi998: number }[]; regionsOnFunnel: number };
}

/** The change between the last two periods with a mean, with its day-level 95 % interval. */
export interface TrendChange {
  readonly from: string;
  readonly to: string;
  /** Mean of `to` − mean of `from`. */
  readonly difference: number;
  /** Null when either period has fewer than 3 days of answers. */
  readonly ci95: Interval | null;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number | null;
}

/** GET /api/stats/trend (the query of every endpoint: src/api-contract.ts) */
export interface TrendResponse {
  readonly interval: BucketInterval;
  /** Every bucket from the first to the last day in the filter, in order (zero-filled). */
  readonly keys: string[];
  /** region null is the national pooled series; a bucket with no days is null (a gap, not a zero). */
  readonly series: { region: string | null; points: (PooledGrade | null)[]; change: TrendChange | null }[];
  /** Per key: why the national point (and every theme's point) is withheld from this caller (yardstick rule), or null. */
  readonly nationalWithheld: (YardstickReason | null)[];
  /** The whole country per theme: the same buckets, so theme and time can be told apart. */
  readonly themes: { themeId: number; names: Localized; points: (PooledGrade | null)[]; change: TrendChange | null }[];
  /** Per bucket, each theme's share of the whole country's answers (keyed by theme id); null without answers. */
  readonly themeShares: (Record<string, number> | null)[];
  /** True when buckets differ in theme mix (shares differ by 0.1 or more): a change may be a change of themes. */
  readonly themeMixDiffers: boolean;
}

/** GET /api/stats/themes */
export interface ThemesStatsResponse {
  readonly themes: {
    id: number;
    names: Localized;
    events: number;
    attendance: number;
    responses: number;
    isDemo: boolean;
    grade: PooledGrade;
  }[];
  /** Region × theme: one cell per pair that has days. */
  readonly cells: { region: string; themeId: number; events: number; isDemo: boolean; grade: PooledGrade }[];
}

/** GET /api/stats/questions: results per question key over the region's days, or over one day. */
export interface QuestionStatsResponse {
  readonly questions: (
    | {
        key: string;
        kind: ScaleKind;
        text: Localized;
        n: number;
        mean: number | null;
        sd: number | null;
        ci95: Interval | null;
        distribution: Record<string, number>;
        smallN: boolean;
      }
    /** A background breakdown, released as the sum of each day's own suppressed table: an option's n
     *  leaves out the days that hid it (hiddenInDays), and hiddenN counts those answers. */
    | {
        key: string;
        kind: "choice";
        text: Localized;
        n: number;
        hiddenN: number;
        options: { value: string; label: Localized; n: number | null; suppressed: boolean; hiddenInDays: number }[];
      }
  )[];
}

/** GET /api/events/:id/comments — a list with fewer than 5 comments is suppressed; comments are
 *  unlinkable (src/domain/stats/comment-release.ts): sorted by text, the day's date, language only where 5+ share it. */
export interface CommentsResponse {
  readonly questions: {
    key: string;
    text: Localized;
    n: number | null;
    suppressed: boolean;
    comments: { text: string; date: string; lang: Lang | null }[];
  }[];
}

export interface MeResponse {
  readonly user: {
    id: number;
    email: string;
    name: string;
    role: Role;
    regions: string[];
    allRegions: boolean;
    /** accessSummary in src/auth/authorize.ts: the dashboard decides no access rule on its own. */
    readsEveryRegion: boolean;
    readableRegions: "all" | readonly string[];
    writableRegions: "all" | readonly string[];
    isNational: boolean;
    /** The cooperation area whose regions the person reads (municipal agents), else null. */
    readsArea: number | null;
    /** The account's saved area (shown on its own page), whatever the role. */
    areaId: number | null;
  };
}

export interface RegionsResponse {
  readonly regions: { code: string; name: Localized; bilingual: boolean; access: "write" | "read" | "none" }[];
}

/** A programme as stored (GET /api/programmes; POST and PATCH answer { programme }). */
export interface Programme {
  readonly id: number;
  readonly name: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  /** New days' surveys close this many days after the day; null: no default closing. */
  readonly surveyCloseDays: number | null;
  readonly isDemo: boolean;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export interface ProgrammesResponse {
  readonly programmes: Programme[];
}

/** A theme as stored (GET /api/themes; POST and PATCH answer { theme }). */
export interface Theme {
  readonly id: number;
  readonly programmeId: number;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

export interface ThemesResponse {
  readonly themes: Theme[];
}

/** One academy day with its survey, as GET /api/events/:id and every change to the day answer it. */
export interface EventDetail {
  readonly id: number;
  readonly programmeId: number;
  readonly date: string;
  readonly region: string | null;
  readonly theme: { id: number; name: string; names: Localized } | null;
  /** In the reader's language, or the day's main language where none was written for it. */
  readonly title: string;
  readonly location: string | null;
  /** As written per language (null: not written, falls back); what a change sends back. */
  readonly titles: LangTexts;
  readonly locations: LangTexts;
  /** What participants without a language preference get and missing texts fall back to. */
  readonly mainLang: Lang;
  readonly attendance: number | null;
  readonly responses: number;
  readonly reported: { mean: number; n: number | null; distribution: Record<string, number> | null; source: string | null } | null;
  readonly archivedOn: string | null;
  readonly isDemo: boolean;
  /** Helsinki date on which staff cancelled the day (kept, labelled, out of every figure), else null. */
  readonly cancelledOn: string | null;
  readonly survey: {
    slug: string;
    url: string;
    shortCode: string | null;
    shortUrl: string | null;
    opensAt: string | null;
    closesAt: string | null;
    state: "open" | "not_open" | "closed";
  };
}

/** DELETE /api/events/:id: what went with the day. */
export interface EventDeletedResponse {
  readonly deleted: { readonly id: number; readonly responses: number; readonly comments: number; readonly testAnswers: number };
}

export interface EventResponse {
  readonly event: EventDetail;
}

/** GET /api/events/:id/questions: the core set and the day's own; `locked` once answers exist. */
export interface EventQuestionsResponse {
  readonly locked: boolean;
  readonly core: readonly Question[];
  readonly day: readonly Question[];
}

/** An account as the national team sees it (GET /api/users; POST and PATCH answer { user }). */
export interface UserJson {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly regions: readonly string[];
  readonly allRegions: boolean;
  readonly areaId: number | null;
  readonly disabled: boolean;
}

/** GET /api/audit: newest first. */
export interface AuditResponse {
  readonly entries: {
    id: number;
    at: number;
    userId: number | null;
    actor: string | null;
    action: string;
    regionCode: string | null;
    target: string | null;
    count: number;
    details: unknown;
  }[];
}

/** A released scale figure of the presenter view: its answers, mean and count per scale value. */
export interface LiveScaleFigure {
  readonly n: number;
  readonly mean: number | null;
  /** Every scale value with its count, zeros included, lowest first. */
  readonly distribution: readonly { readonly value: number; readonly count: number }[];
}

/** The live presenter view of a day (GET /api/events/:id/live and the display link's /api/live/:token). */
export interface LiveFiguresResponse {
  readonly event: { readonly id: number; readonly title: string; readonly date: string };
  /** A cancelled day shows no figures. */
  readonly cancelled: boolean;
  /** Real answers only (test answers are kept apart and never counted). */
  readonly responses: number;
  readonly attendance: number | null;
  /** responses / attendance, or null without a head count; above 1 is shown as it is. */
  readonly rate: number | null;
  /** k: figures appear once this many answers exist, and then move in steps of k (src/domain/live-figures.ts). */
  readonly minAnswers: number;
  /** How many of the responses the figures below are from (a multiple of minAnswers). */
  readonly released: number;
  /** Null while fewer than minAnswers of the released responses answered the question. */
  readonly grade: LiveScaleFigure | null;
  readonly usefulness: LiveScaleFigure | null;
}

// ---- The comment explorer and comment categories (issue 17) ------------------------------------

export interface CommentCategoryJson {
  id: number;
  name: Localized;
}

/** One released comment: no time, no response id; `ref` is a keyed hash that names it for tagging. */
export interface ExplorerComment {
  ref: string;
  text: string;
  /** The day's date. */
  date: string;
  eventId: number;
  /** The day's region (null: a national day): who may tag it follows from it. */
  region: string | null;
  question: string;
  lang: Lang | null;
  categories: number[];
}

/** A term or two-word phrase and how many comments use it (shown only from k comments up). */
export interface TermCountJson {
  label: string;
  count: number;
}

export interface DistinguishingTermJson {
  label: string;
  countA: number;
  countB: number;
  chiSquare: number;
  logOddsRatio: number;
  leans: "a" | "b";
}

/** GET /api/comments/explorer. */
export interface CommentExplorerResponse {
  /** The k of the k rule. */
  minCell: number;
  comments: {
    suppressed: boolean;
    n: number | null;
    /** Day lists (one day, one question) withheld whole for having fewer than k comments. */
    withheldLists: number;
    items: ExplorerComment[];
  };
  terms: TermCountJson[];
  phrases: TermCountJson[];
  /** Terms that tell two groups apart: grades 4–8 (a) against 9–10 (b), or a region (a) against the reader's other regions (b). */
  contrast: {
    by: "grade" | "region";
    a: { n: number | null };
    b: { n: number | null };
    terms: DistinguishingTermJson[];
  } | null;
  /** Comments per category among those listed; n is null under k. */
  categories: { id: number; name: Localized; n: number | null }[];
}

/** A cooperation area (GET /api/areas; POST and PATCH answer { area }). */
export interface AreaJson {
  readonly id: number;
  readonly name: Localized;
  /** Member region codes: a region is in at most one area. */
  readonly regions: readonly string[];
  /** An example grouping of the demo data: shown with the demo label wherever its name appears. */
  readonly isDemo: boolean;
  /** Where a real grouping comes from; null when not given (and for demo areas). */
  readonly source: string | null;
  /** Accounts assigned to the area. */
  readonly users: number;
}

export interface AreasResponse {
  readonly areas: AreaJson[];
}

/** One area's figures: its regions' days pooled exactly as a region's are (pooledFromSums). */
export interface AreaStats {
  readonly id: number;
  readonly name: Localized;
  readonly regions: readonly string[];
  readonly isDemo: boolean;
  readonly source: string | null;
  /** Some of the pooled days are demo data. */
  readonly hasDemoDays: boolean;
  readonly events: number;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate: number | null;
  readonly rateExcludedOver100: number;
  readonly grade: PooledGrade;
}

/** GET /api/stats/areas — every area whose regions the caller all reads, side by side. */
export interface AreasStatsResponse {
  readonly areas: AreaStats[];
  /** Areas left out because the caller does not read all their regions (their figures would reveal them). */
  readonly hiddenAreas: number;
}

/** One side's figures in a programme comparison: a pool exactly as a region's (pooledFromSums). */
export interface ProgrammeSide {
  readonly events: number;
  readonly isDemo: boolean;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate: number | null;
  readonly rateExcludedOver100: number;
  readonly grade: PooledGrade;
}

/** GET /api/stats/programmes — two programmes side by side, overall, by theme and by region. */
export interface ProgrammeComparisonResponse {
  readonly programmes: readonly [ProgrammeSummary, ProgrammeSummary];
  readonly overall: readonly [ProgrammeSide, ProgrammeSide];
  /** Themes matched by their Finnish name (themes belong to one programme); null where a programme has no such theme. */
  readonly themes: { name: Localized; themeIds: [number | null, number | null]; figures: [ProgrammeSide | null, ProgrammeSide | null] }[];
  /** Every region with days in either programme (national days as region null). */
  readonly regions: { code: string | null; name: Localized | null; figures: [ProgrammeSide | null, ProgrammeSide | null] }[];
}

export interface ProgrammeSummary {
  readonly id: number;
  readonly name: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly isDemo: boolean;
}
