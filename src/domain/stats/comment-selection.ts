import type { GradeBand } from "../grade-band";
import type { Lang } from "../lang";
import { shownLanguages } from "./comment-release";
import { MIN_CELL, suppressBreakdown } from "./suppression";

// The comment explorer's release rule: which comments of a selection (many days, filters on the
// days and on the respondents) may be shown. Built only from the rules of a day's own comment list
// (src/domain/stats/comment-release.ts, suppression.ts), so that no selection shows more than the
// days' own released lists, and no two selections can be subtracted to single out a comment:
// 1. A day's list of one question is the unit: under minCell comments it is withheld whole, as on
//    the day's page (suppressComments), and no selection ever shows any of it.
// 2. With no respondent filter, a selection is the union of the released day lists.
// 3. A respondent filter (language, grade band) reads each day's list through one fixed table: the
//    list split by every respondent attribute at once (language × band), suppressed as a background
//    breakdown is (primary and complementary, suppressBreakdown). Only shown cells are released, so
//    every filtered list is a union of shown cells, and the difference of any two selections is a
//    union of shown cells or the day's hidden remainder, which holds minCell comments or none.
// 4. Languages are named only as the day's list would name them (shownLanguages); no time, no
//    response id, and the list is ordered by text (see releaseComments).

/** A respondent attribute the explorer can filter on. Adding one is one entry here. */
export const RESPONDENT_ATTRIBUTES = {
  lang: (c: SelectableComment) => c.lang,
  band: (c: SelectableComment) => c.band ?? "none",
} as const;
export type RespondentFilter = { readonly lang?: Lang | undefined; readonly band?: GradeBand | undefined };

export interface SelectableComment {
  readonly eventId: number;
  readonly questionId: number;
  readonly text: string;
  readonly lang: Lang;
  /** The grade band of the same respondent, used only to select; never released with the comment. */
  readonly band: GradeBand | null;
}

export type Released<C extends SelectableComment> = Omit<C, "lang" | "band"> & { readonly lang: Lang | null };

export interface SelectionRelease<C extends SelectableComment> {
  /** Ordered by text, then by day: nothing of the order of arrival is left. */
  readonly comments: Released<C>[];
  /** Day lists (one day, one question) withheld whole because they hold fewer than minCell comments. */
  readonly withheldLists: number;
}

const attributeNames = Object.keys(RESPONDENT_ATTRIBUTES) as (keyof typeof RESPONDENT_ATTRIBUTES)[];
const cellKey = (c: SelectableComment) => attributeNames.map((name) => RESPONDENT_ATTRIBUTES[name](c)).join("|");

function matches(c: SelectableComment, filter: RespondentFilter): boolean {
  return attributeNames.every((name) => filter[name] === undefined || RESPONDENT_ATTRIBUTES[name](c) === filter[name]);
}

/** The comments of a selection that may be shown, by the rules above. */
export function releaseSelection<C extends SelectableComment>(
  comments: readonly C[],
  filter: RespondentFilter,
  minCell: number = MIN_CELL,
): SelectionRelease<C> {
  const lists = new Map<string, C[]>();
  for (const c of comments) {
    const key = `${c.eventId}:${c.questionId}`;
    lists.set(key, [...(lists.get(key) ?? []), c]);
  }
  const filtered = attributeNames.some((name) => filter[name] !== undefined);
  const released: Released<C>[] = [];
  let withheldLists = 0;
  for (const list of lists.values()) {
    if (list.length < minCell) {
      withheldLists += 1;
      continue;
    }
    const languages = shownLanguages(list, minCell);
    const shownCells = filtered ? releasedCells(list, minCell) : null;
    for (const c of list) {
      if (shownCells && !(shownCells.has(cellKey(c)) && matches(c, filter))) continue;
      const { band: _band, lang, ...rest } = c;
      released.push({ ...rest, lang: languages.has(lang) ? lang : null });
    }
  }
  released.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.eventId - b.eventId));
  return { comments: released, withheldLists };
}

/** The cells of one day list's language × band table that the breakdown rule shows. */
function releasedCells(list: readonly SelectableComment[], minCell: number): Set<string> {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(cellKey(c), (counts.get(cellKey(c)) ?? 0) + 1);
  const table = suppressBreakdown(
    [...counts.entries()].map(([key, n]) => ({ key, n, value: null })),
    minCell,
  );
  return new Set(table.filter((row) => !row.suppressed).map((row) => row.key));
}
