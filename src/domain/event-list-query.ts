// The staff day list's filters, sorts and paging: the lists the schema, the SQL and the page share.

/** Survey states a day can be filtered by. "cancelled" (the day will not take place) comes first, then
 *  "archived" (retention deleted the answers, kept the figures), then the window: an archived survey
 *  is also closed, but the list names it archived. */
export const LIST_STATES = ["not_open", "open", "closed", "archived", "cancelled"] as const;
export type ListState = (typeof LIST_STATES)[number];

export const LIST_SORTS = ["date_desc", "date_asc", "region", "title", "responses"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_SORT: ListSort = "date_desc";

/** The region filter's value for national days (no region). */
export const NATIONAL_REGION = "national";

/** Rows per page: the national team's 55+ days become three pages that fit a screen. */
export const LIST_PAGE_SIZE = 25;

/** The list state of one day, the same rule as the SQL in src/queries/events.ts. */
export function listState(
  s: { opensAt: number | null; closesAt: number | null; archivedAt: number | null; cancelledAt?: number | null },
  now: number,
): ListState {
  if (s.cancelledAt != null) return "cancelled";
  if (s.archivedAt !== null) return "archived";
  if (s.opensAt !== null && now < s.opensAt) return "not_open";
  if (s.closesAt !== null && now >= s.closesAt) return "closed";
  return "open";
}

/** SQLite's lower() folds ASCII only: these capitals are folded in SQL too, so "ää" finds "Äänekoski". */
export const FOLDED_CAPITALS: readonly (readonly [string, string])[] = [
  ["Ä", "ä"],
  ["Ö", "ö"],
  ["Å", "å"],
  ["Ü", "ü"],
  ["É", "é"],
];

/** A search term as a LIKE pattern: lower case, composed (NFC), with LIKE's own wildcards escaped by "\". */
export function searchPattern(term: string): string {
  const folded = term.normalize("NFC").toLowerCase();
  return `%${folded.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface PageWindow {
  /** The page shown, 1-based, after clamping into 1..pages. */
  readonly page: number;
  readonly pages: number;
  readonly offset: number;
  /** 1-based numbers of the first and last row shown ("26–50"); 0 and 0 for an empty list. */
  readonly first: number;
  readonly last: number;
  readonly total: number;
}

/** Which rows a page shows; a page past the end shows the last page (a bookmark outlives deleted days). */
export function pageWindow(total: number, requested: number, size = LIST_PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pages);
  const offset = (page - 1) * size;
  return { page, pages, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + size), total };
}
