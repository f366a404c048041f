import { dayTextColumns } from "../domain/day-texts";
import type { CommentExplorerResponse, ExplorerComment } from "../api-types";
import { canRead, readableRegions, type Principal } from "../auth/authorize";
import { keyedHasher } from "../auth/tokens";
import { queryWords, matchesQuery } from "../domain/comment-text/search";
import { countTerms, frequentTerms, type TextComment } from "../domain/comment-text/terms";
import { gradeBand, type GradeBand } from "../domain/grade-band";
import type { Lang } from "../domain/lang";
import { localisedNames } from "../domain/localised-name";
import { releaseSelection, type RespondentFilter } from "../domain/stats/comment-selection";
import { distinguishingTerms } from "../domain/stats/distinguishing-terms";
import { MIN_CELL, suppress, suppressComments } from "../domain/stats/suppression";
import { AppError } from "../http/errors";
import { listCommentCategories, selectionComments, type ExplorerCommentRow } from "../queries/comment-explorer";
import { getEvent, type EventFilter } from "../queries/events";
import { listProgrammes, listThemes } from "../queries/programmes";
import { listRegions } from "../queries/regions";
import type { ServiceContext } from "./context";

// The comment explorer: the released comments of any selection of days and respondents, searched
// with stemming, with their most used terms and phrases, the terms that tell two groups apart, and
// counts per category. Every list and count passes the k rule (src/domain/stats/comment-selection.ts,
// src/domain/comment-text/terms.ts frequentTerms, distinguishing-terms.ts contrastReleasable).

/** What the explorer is asked for. Day filters narrow the days (SQL); respondent filters narrow the
 *  comments within each day by the release rule (src/domain/stats/comment-selection.ts). */
export interface ExplorerSelection {
  readonly programme?: number | undefined;
  readonly region?: string | undefined;
  readonly theme?: number | undefined;
  readonly event?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly language?: Lang | undefined;
  readonly band?: GradeBand | undefined;
  /** A text question's key (good, improve); all text questions when left out. */
  readonly question?: string | undefined;
  readonly q?: string | undefined;
  readonly compare?: "grade" | "region" | undefined;
}

export type ExplorerDeps = ServiceContext & { readonly identifierSecret: string };

/** How many terms, phrases and contrasting terms are listed. */
const TERM_LIMIT = 30;
const CONTRAST_LIMIT = 20;
/** Low grades against high: bands 4–6 and 7–8 (a) against 9–10 (b). */
const LOW_BANDS: readonly GradeBand[] = ["4-6", "7-8"];

/** The day filters of a selection, within the regions the reader may read: the one place a new day
 *  filter (an area, say) joins the explorer. */
function dayFilter(principal: Principal, selection: ExplorerSelection) {
  return {
    regions: readableRegions(principal),
    region: selection.region,
    programmeId: selection.programme,
    themeId: selection.theme,
    from: selection.from,
    to: selection.to,
    eventId: selection.event,
    questionKey: selection.question,
  } satisfies EventFilter & Record<string, unknown>;
}

const respondentFilter = (selection: ExplorerSelection): RespondentFilter => ({ lang: selection.language, band: selection.band });

/** Rows ready for the release rule: the respondent's band, and the comment's language kept apart as
 *  `textLang` for stemming only (the released `lang` may be hidden; it is never sent). */
type Row = ExplorerCommentRow & { readonly band: GradeBand | null; readonly textLang: Lang };
const withBand = (rows: readonly ExplorerCommentRow[]): Row[] =>
  rows.map((row) => ({ ...row, band: gradeBand(row.grade), textLang: row.lang }));
const asText = (c: { readonly text: string; readonly textLang: Lang }): TextComment => ({ text: c.text, lang: c.textLang });

/** How long a comment's ref is: 32 hex characters (128 bits of the keyed hash). */
export const COMMENT_REF_LENGTH = 32;

/** Names released comments for tagging: a keyed hash of the answer, so a ref links nothing (no
 *  response id, no order) and cannot be made without the server's secret. */
export async function commentReferencer(secret: string): Promise<(row: { responseId: string; questionId: number }) => Promise<string>> {
  const hash = await keyedHasher(secret);
  return async (row) => (await hash(`comment:${row.responseId}:${row.questionId}`)).slice(0, COMMENT_REF_LENGTH);
}

export async function exploreComments(
  deps: ExplorerDeps,
  principal: Principal,
  selection: ExplorerSelection,
): Promise<CommentExplorerResponse> {
  const filter = dayFilter(principal, selection);
  if (filter.region !== undefined && filter.regions !== "all" && !filter.regions.includes(filter.region)) throw new AppError("forbidden");
  const [rows, categories] = await Promise.all([selectionComments(deps.db, filter), listCommentCategories(deps.db)]);
  const released = releaseSelection(withBand(rows), respondentFilter(selection));
  const words = queryWords(selection.q ?? "");
  const listed = suppressComments(
    released.comments.filter((c) => matchesQuery(asText(c), words)),
    MIN_CELL,
  );
  const shown = listed.suppressed ? [] : [...listed.value];
  const texts = shown.map(asText);
  const ref = await commentReferencer(deps.identifierSecret);
  const items: ExplorerComment[] = await Promise.all(
    shown.map(async (c) => ({
      ref: await ref(c),
      text: c.text,
      date: c.eventDate,
      eventId: c.eventId,
      region: c.regionCode,
      question: c.questionKey,
      lang: c.lang,
      categories: parseIds(c.categoryIds),
    })),
  );
  // Identical texts are ordered by their ref, a keyed hash: the same on every runtime and run, and
  // telling nothing of the order the answers came in.
  items.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.eventId - b.eventId || (a.ref < b.ref ? -1 : 1)));
  return {
    minCell: MIN_CELL,
    comments: { suppressed: listed.suppressed, n: listed.suppressed ? null : shown.length, withheldLists: released.withheldLists, items },
    terms: frequentTerms(countTerms(texts, "word"), MIN_CELL, TERM_LIMIT).map(({ label, count }) => ({ label, count })),
    phrases: frequentTerms(countTerms(texts, "phrase"), MIN_CELL, TERM_LIMIT).map(({ label, count }) => ({ label, count })),
    contrast: selection.compare ? await contrast(deps, principal, selection, rows) : null,
    categories: categories.map((category) => {
      const count = items.filter((item) => item.categories.includes(category.id)).length;
      const cell = suppress(count, null, MIN_CELL);
      return { id: category.id, name: localisedNames(category), n: cell.n };
    }),
  };
}

function parseIds(text: string | null): number[] {
  return text === null
    ? []
    : text
        .split(",")
        .map(Number)
        .sort((a, b) => a - b);
}

/** Terms that tell two groups apart, each group released by the same rule as the list. */
async function contrast(
  deps: ExplorerDeps,
  principal: Principal,
  selection: ExplorerSelection,
  rows: readonly ExplorerCommentRow[],
): Promise<NonNullable<CommentExplorerResponse["contrast"]>> {
  const filter = respondentFilter(selection);
  let a: TextComment[];
  let b: TextComment[];
  if (selection.compare === "grade") {
    const banded = withBand(rows);
    const low = LOW_BANDS.flatMap((band) => releaseSelection(banded, { ...filter, band }).comments);
    const high = releaseSelection(banded, { ...filter, band: "9-10" }).comments;
    a = low.map(asText);
    b = high.map(asText);
  } else {
    if (selection.region === undefined) throw new AppError("validation_failed");
    const readable = readableRegions(principal);
    const rest = await selectionComments(deps.db, {
      ...dayFilter(principal, { ...selection, region: undefined }),
      regions: readable === "all" ? "all" : readable.filter((code) => code !== selection.region),
    });
    const others = rest.filter((row) => row.regionCode !== null && row.regionCode !== selection.region);
    a = releaseSelection(withBand(rows), filter).comments.map(asText);
    b = releaseSelection(withBand(others), filter).comments.map(asText);
  }
  const terms = distinguishingTerms(countTerms(a, "word"), countTerms(b, "word"), { a: a.length, b: b.length }, MIN_CELL, CONTRAST_LIMIT);
  return {
    by: selection.compare ?? "grade",
    a: { n: suppress(a.length, null, MIN_CELL).n },
    b: { n: suppress(b.length, null, MIN_CELL).n },
    terms: terms.map(({ label, countA, countB, chiSquare, logOddsRatio, leans }) => ({
      label,
      countA,
      countB,
      chiSquare,
      logOddsRatio,
      leans,
    })),
  };
}

/** Everything the explorer's staff page shows: the figures, the categories, and the choices of its
 *  selection form (readable regions only; the day of an event filter, named). */
export async function explorerPage(deps: ExplorerDeps, principal: Principal, selection: ExplorerSelection) {
  const [figures, categories, regions, programmes, themes, day] = await Promise.all([
    exploreComments(deps, principal, selection),
    listCommentCategories(deps.db),
    listRegions(deps.db),
    listProgrammes(deps.db),
    listThemes(deps.db),
    selection.event === undefined ? null : getEvent(deps.db, selection.event),
  ]);
  return {
    figures,
    categories: categories.map((row) => ({ id: row.id, name: localisedNames(row) })),
    choices: {
      regions: regions.filter((region) => canRead(principal, region.code)),
      programmes,
      themes,
      // The day's texts in every language: the page names it in the reader's (src/domain/day-texts.ts).
      day: day && canRead(principal, day.regionCode) ? { id: day.id, date: day.date, ...dayTextColumns(day) } : null,
    },
  };
}
