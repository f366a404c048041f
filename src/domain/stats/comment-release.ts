import { LANGS, type Lang } from "../lang";
import { MIN_CELL, suppressBreakdown } from "./suppression";

/** One comment as released: its text, the academy day's date, and its language where enough share it. */
export interface ReleasedComment {
  readonly text: string;
  /** The day's Helsinki calendar date: nothing finer, nothing that tells respondents apart. */
  readonly date: string;
  /** Null where fewer than MIN_CELL comments of the list share the language (see below). */
  readonly lang: Lang | null;
}

/**
 * A comment list made unlinkable: one respondent's "good" and "improve" must not be matched up,
 * and the only Swedish speaker of a day must not stand out. So no time (a shared timestamp pairs a
 * person's answers), no response id, an order by text (not by arrival, which would pair the nth
 * comment of each list), and the language only for languages at least minCell comments share, with
 * the same complementary rule as background breakdowns (a single hidden language would follow
 * from the rest).
 */
export function releaseComments(
  comments: readonly { readonly text: string; readonly lang: Lang }[],
  eventDate: string,
  minCell: number = MIN_CELL,
): ReleasedComment[] {
  const shownLangs = shownLanguages(comments, minCell);
  return comments
    .map((c) => ({ text: c.text, date: eventDate, lang: shownLangs.has(c.lang) ? c.lang : null }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** The languages a comment list may name: those at least minCell of its comments share, with the
 *  complementary rule of background breakdowns (used by releaseComments and the comment explorer). */
export function shownLanguages(comments: readonly { readonly lang: Lang }[], minCell: number = MIN_CELL): ReadonlySet<Lang> {
  const table = suppressBreakdown(
    LANGS.map((lang) => ({ key: lang, n: comments.filter((c) => c.lang === lang).length, value: null })),
    minCell,
  );
  return new Set(table.filter((row) => !row.suppressed).map((row) => row.key));
}
