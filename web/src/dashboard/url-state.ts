// Everything the screen shows is decided by the query string, so a link opens the same view and
// back/forward walk through views and filters. Anything malformed is dropped, never trusted.
import { chooseLang, isLang, type Lang } from "../../../src/domain/lang";
import { DEFAULT_INTERVAL, isBucketInterval, type BucketInterval } from "../../../src/domain/stats/time-buckets";

export const VIEWS = ["region", "national", "trend", "areas", "programmes"] as const;
export type View = (typeof VIEWS)[number];
export const SORT_KEYS = ["region", "events", "attendance", "responses", "responseRate", "mean", "n"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

export interface DashState {
  /** null: the person's default (their region for agents, the comparison for the national team). */
  readonly view: View | null;
  /** The regional view's region. */
  readonly region: string | null;
  /** Regions chosen for the comparison and the trend; empty means all. */
  readonly regions: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  readonly theme: number | null;
  readonly programme: number | null;
  /** The cooperation area shown first in the areas view. */
  readonly area: number | null;
  /** The programme compared with `programme` in the programmes view. */
  readonly compare: number | null;
  readonly interval: BucketInterval;
  readonly sort: Sort | null;
  readonly lang: Lang;
}

const REGION = /^\d{2}$/;
const ID = /^[1-9]\d{0,9}$/;

export function parseState(search: string, browserLanguages: string): DashState {
  const q = new URLSearchParams(search);
  const view = q.get("view");
  const interval = q.get("interval");
  const region = q.get("region");
  return {
    view: (VIEWS as readonly string[]).includes(view ?? "") ? (view as View) : null,
    region: region && REGION.test(region) ? region : null,
    regions: [...new Set((q.get("regions") ?? "").split(",").filter((code) => REGION.test(code)))].sort(),
    from: calendarDate(q.get("from")),
    to: calendarDate(q.get("to")),
    theme: id(q.get("theme")),
    programme: id(q.get("programme")),
    area: id(q.get("area")),
    compare: id(q.get("compare")),
    interval: isBucketInterval(interval) ? interval : DEFAULT_INTERVAL,
    sort: parseSort(q.get("sort")),
    lang: isLang(q.get("lang")) ? (q.get("lang") as Lang) : chooseLang(null, browserLanguages),
  };
}

/** The canonical query string: fixed order, defaults left out, so equal views have equal links. */
export function toSearch(state: DashState): string {
  const q = new URLSearchParams();
  if (state.view) q.set("view", state.view);
  if (state.region) q.set("region", state.region);
  if (state.regions.length > 0) q.set("regions", state.regions.join(","));
  if (state.from) q.set("from", state.from);
  if (state.to) q.set("to", state.to);
  if (state.theme !== null) q.set("theme", String(state.theme));
  if (state.programme !== null) q.set("programme", String(state.programme));
  if (state.area !== null) q.set("area", String(state.area));
  if (state.compare !== null) q.set("compare", String(state.compare));
  if (state.interval !== DEFAULT_INTERVAL) q.set("interval", state.interval);
  if (state.sort) q.set("sort", `${state.sort.key}-${state.sort.descending ? "desc" : "asc"}`);
  q.set("lang", state.lang);
  return `?${q.toString().replace(/%2C/g, ",")}`;
}

export function withChanges(state: DashState, changes: Partial<DashState>): DashState {
  return { ...state, ...changes };
}

function calendarDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return new Date(`${value}T12:00:00Z`).toISOString().startsWith(value) ? value : null;
}

function id(value: string | null): number | null {
  return value && ID.test(value) ? Number(value) : null;
}

function parseSort(value: string | null): Sort | null {
  const match = /^(\w+)-(asc|desc)$/.exec(value ?? "");
  if (!match || !(SORT_KEYS as readonly string[]).includes(match[1]!)) return null;
  return { key: match[1] as SortKey, descending: match[2] === "desc" };
}
