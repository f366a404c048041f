// The only web file that knows the API. Paths, queries and response shapes all come from
// src/api-contract.ts (with `import type`, so no server code reaches the bundle): a call to a path
// the server does not have, with a query key the endpoint does not take, or reading a field the
// response lacks, fails `npm run check`.
import type { ExportContract, ExportName, ParamsOf, QueryOf, ReadEndpoint, ResponseOf, StatsQueryInput } from "../../../src/api-contract";
import type { ExportFormat } from "../../../src/domain/export-formats";
import type { Lang } from "../../../src/domain/lang";

export type {
  AreaJson,
  AreasResponse,
  AreasStatsResponse,
  AreaStats,
  CommentsResponse,
  EventsResponse,
  EventSummary,
  EventGrade,
  Localized,
  MeResponse,
  PooledGrade,
  ProgrammeComparisonResponse,
  ProgrammeSide,
  ProgrammesResponse,
  QuestionStatsResponse,
  RegionComparison,
  RegionsResponse,
  RegionsStatsResponse,
  RegionStats,
  ThemesResponse,
  ThemesStatsResponse,
  TrendChange,
  TrendResponse,
  YardstickReason,
} from "../../../src/api-types";

/** What the screen is filtered by; each endpoint gets only the parameters it applies. */
export interface DataFilter {
  readonly region?: string | null;
  readonly regions?: readonly string[];
  readonly from?: string | null;
  readonly to?: string | null;
  readonly theme?: number | null;
  readonly programme?: number | null;
  readonly interval?: NonNullable<StatsQueryInput["interval"]>;
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

type FilterKey = keyof DataFilter;

/** Each filter as the server's StatsQuery reads it from the query string (the schema's input type). */
const AS_QUERY: { readonly [K in FilterKey]-?: (value: NonNullable<DataFilter[K]>) => StatsQueryInput[K] } = {
  region: (code) => code,
  regions: (codes) => (codes.length > 0 ? codes.join(",") : undefined),
  from: (date) => date,
  to: (date) => date,
  theme: String,
  programme: String,
  interval: (interval) => interval,
  event: String,
};

/** The filters named, in that order, as the endpoint's query; empty and null ones left out. */
function filterQuery<K extends FilterKey>(filter: DataFilter, keys: readonly K[]): Pick<StatsQueryInput, K> {
  const out: Partial<Record<FilterKey, string>> = {};
  for (const key of keys) {
    const value = filter[key];
    if (value === null || value === undefined) continue;
    const text = (AS_QUERY[key] as (value: unknown) => string | undefined)(value);
    if (text !== undefined) out[key] = text;
  }
  return out as Pick<StatsQueryInput, K>;
}

function searchOf(query: object): string {
  const q = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const text = q.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

/** "GET /api/events/:id/comments" with { id: 5 } → "/api/events/5/comments". */
function pathOf<E extends ReadEndpoint>(endpoint: E, params: ParamsOf<E>): string {
  const path = endpoint.slice("GET ".length);
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String((params as Record<string, string | number>)[name])));
}

async function get<E extends ReadEndpoint>(
  endpoint: E,
  params: ParamsOf<E>,
  query: QueryOf<E>,
  signal?: AbortSignal,
): Promise<ResponseOf<E>> {
  const response = await fetch(pathOf(endpoint, params) + searchOf(query), {
    headers: { accept: "application/json" },
    credentials: "same-origin",
    signal: signal ?? null,
  });
  if (response.status === 401) {
    // A session that ran out (or never was): sign in and come straight back to this very view.
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new SignedOut("signed out");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? response.statusText);
  }
  return (await response.json()) as ResponseOf<E>;
}

// The server accepts every StatsQuery key on every statistics endpoint (a key outside it is a 422)
// and ignores those an endpoint does not apply; each endpoint is sent exactly the filters it applies.
const FILTERS = ["from", "to", "theme", "programme"] as const;
const EVENT_FILTERS = ["region", ...FILTERS] as const;
const TREND_FILTERS = ["interval", "regions", ...FILTERS] as const;

export const api = {
  me: (signal?: AbortSignal) => get("GET /api/me", {}, {}, signal),
  regions: (signal?: AbortSignal) => get("GET /api/regions", {}, {}, signal),
  programmes: (signal?: AbortSignal) => get("GET /api/programmes", {}, {}, signal),
  themes: (signal?: AbortSignal) => get("GET /api/themes", {}, {}, signal),
  events: (filter: DataFilter, lang: Lang, signal?: AbortSignal) =>
    get("GET /api/events", {}, { ...filterQuery(filter, EVENT_FILTERS), lang }, signal),
  /** Every readable region (whatever the region filter) and the national yardstick. */
  regionStats: (filter: DataFilter, signal?: AbortSignal) => get("GET /api/stats/regions", {}, filterQuery(filter, FILTERS), signal),
  /** The national series (region null) and one per region asked for. */
  trend: (filter: DataFilter, signal?: AbortSignal) => get("GET /api/stats/trend", {}, filterQuery(filter, TREND_FILTERS), signal),
  themeStats: (filter: DataFilter, signal?: AbortSignal) => get("GET /api/stats/themes", {}, filterQuery(filter, FILTERS), signal),
  questionStats: (filter: DataFilter, signal?: AbortSignal) =>
    get("GET /api/stats/questions", {}, filterQuery(filter, EVENT_FILTERS), signal),
  comments: (eventId: number, signal?: AbortSignal) => get("GET /api/events/:id/comments", { id: eventId }, {}, signal),
  areas: (signal?: AbortSignal) => get("GET /api/areas", {}, {}, signal),
  /** Every area the caller reads whole, pooled. */
  areaStats: (filter: DataFilter, signal?: AbortSignal) => get("GET /api/stats/areas", {}, filterQuery(filter, FILTERS), signal),
  /** Two programmes side by side (the national team). */
  programmeComparison: (programme: number, compare: number, signal?: AbortSignal) =>
    get("GET /api/stats/programmes", {}, { programme: String(programme), compare: String(compare) }, signal),
};

/** The server's download of what a section shows, with the same filters as the screen. */
export type Export = ExportName;

/** The filters each download applies; `lang` names the columns and is added to every one. */
const EXPORT_FILTERS: { readonly [E in Export]: readonly (keyof ExportContract[E] & FilterKey)[] } = {
  events: EVENT_FILTERS,
  regions: FILTERS,
  trend: TREND_FILTERS,
  themes: FILTERS,
  questions: EVENT_FILTERS,
  /** One day's comments: the export needs the day (event=ID). */
  comments: ["event"],
  /** The comment explorer's downloads (its staff page links them with its own selection). */
  "comment-selection": EVENT_FILTERS,
  "comment-categories": EVENT_FILTERS,
};

/** The download of one export in one format (src/domain/export-formats.ts lists the formats). */
export function exportHref(kind: Export, format: ExportFormat, filter: DataFilter, lang: Lang): string {
  return `/api/export/${kind}.${format}${searchOf({ ...filterQuery(filter, EXPORT_FILTERS[kind]), lang })}`;
}
