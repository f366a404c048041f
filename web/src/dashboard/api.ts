// The only web file that knows the API: paths, query strings and response shapes (as types from
// src/api-types.ts, imported with `import type` so no server code reaches the bundle).
import type {
  CommentsResponse,
  EventsResponse,
  MeResponse,
  QuestionStatsResponse,
  RegionComparison,
  RegionsResponse,
  RegionsStatsResponse,
  ThemesStatsResponse,
  TrendResponse,
} from "../../../src/api-types";
import type { Lang } from "../../../src/domain/lang";

export type {
  CommentsResponse,
  EventsResponse,
  EventSummary,
  DayGrade,
  Localized,
  MeResponse,
  PooledGrade,
  QuestionStatsResponse,
  RegionComparison,
  RegionsResponse,
  RegionsStatsResponse,
  RegionStats,
  ThemesStatsResponse,
  TrendChange,
  TrendResponse,
  YardstickReason,
} from "../../../src/api-types";

/** GET /api/programmes and GET /api/themes answer with the database rows (not yet in api-types.ts). */
export interface ProgrammesResponse {
  readonly programmes: { id: number; name: string; startsOn: string | null; endsOn: string | null; isDemo: boolean }[];
}
export interface ThemesResponse {
  readonly themes: { id: number; programmeId: number; nameFi: string; nameSv: string; nameEn: string }[];
}

/** What the screen is filtered by; each endpoint gets only the parameters it understands. */
export interface DataFilter {
  readonly region?: string | null;
  readonly regions?: readonly string[];
  readonly from?: string | null;
  readonly to?: string | null;
  readonly theme?: number | null;
  readonly programme?: number | null;
  readonly interval?: "term" | "year" | "month";
  readonly event?: number | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Thrown after the browser has been sent to the sign-in page; nothing more to show. */
export class SignedOut extends Error {
  override name = "SignedOut";
}

type Param = "region" | "regions" | "from" | "to" | "theme" | "programme" | "interval" | "event";

function query(filter: DataFilter, params: readonly Param[], lang?: Lang): string {
  const q = new URLSearchParams();
  for (const name of params) {
    const value = filter[name];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) q.set(name, value.join(","));
    } else q.set(name, String(value));
  }
  if (lang) q.set("lang", lang);
  const text = q.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" }, credentials: "same-origin", signal: signal ?? null });
  if (response.status === 401) {
    // A session that ran out (or never was): sign in and come straight back to this very view.
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new SignedOut("signed out");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

// The server's StatsQuery is strict: a parameter it does not know is a 422, so each endpoint is
// sent exactly the filters it applies.
const FILTERS: readonly Param[] = ["from", "to", "theme", "programme"];
const EVENT_PARAMS: readonly Param[] = ["region", ...FILTERS];
const STATS_PARAMS: readonly Param[] = FILTERS;
const TREND_PARAMS: readonly Param[] = ["interval", "regions", ...FILTERS];
const COMMENT_PARAMS: readonly Param[] = ["event"];

export const api = {
  me: (signal?: AbortSignal) => getJson<MeResponse>("/api/me", signal),
  regions: (signal?: AbortSignal) => getJson<RegionsResponse>("/api/regions", signal),
  programmes: (signal?: AbortSignal) => getJson<ProgrammesResponse>("/api/programmes", signal),
  themes: (signal?: AbortSignal) => getJson<ThemesResponse>("/api/themes", signal),
  events: (filter: DataFilter, lang: Lang, signal?: AbortSignal) => getJson<EventsResponse>(`/api/events${query(filter, EVENT_PARAMS, lang)}`, signal),
  /** Every readable region (whatever the region filter) and the national yardstick. */
  regionStats: (filter: DataFilter, signal?: AbortSignal) => getJson<RegionsStatsResponse>(`/api/stats/regions${query(filter, STATS_PARAMS)}`, signal),
  /** The national series (region null) and one per region asked for. */
  trend: (filter: DataFilter, signal?: AbortSignal) => getJson<TrendResponse>(`/api/stats/trend${query(filter, TREND_PARAMS)}`, signal),
  themeStats: (filter: DataFilter, signal?: AbortSignal) => getJson<ThemesStatsResponse>(`/api/stats/themes${query(filter, STATS_PARAMS)}`, signal),
  questionStats: (filter: DataFilter, signal?: AbortSignal) => getJson<QuestionStatsResponse>(`/api/stats/questions${query(filter, EVENT_PARAMS)}`, signal),
  comments: (eventId: number, signal?: AbortSignal) => getJson<CommentsResponse>(`/api/events/${eventId}/comments`, signal),
};

/** The server's CSV of what a section shows: same filters as the screen (UTF-8 BOM, `;`, decimal comma). */
export type Export = "events" | "regions" | "trend" | "themes" | "questions" | "comments";

const EXPORT_PARAMS: Record<Export, readonly Param[]> = {
  events: EVENT_PARAMS,
  regions: STATS_PARAMS,
  trend: TREND_PARAMS,
  themes: STATS_PARAMS,
  questions: EVENT_PARAMS,
  /** One day's comments: the export needs the day (event=ID). */
  comments: COMMENT_PARAMS,
};

export function exportHref(kind: Export, filter: DataFilter, lang: Lang): string {
  return `/api/export/${kind}.csv${query(filter, EXPORT_PARAMS[kind], lang)}`;
}
