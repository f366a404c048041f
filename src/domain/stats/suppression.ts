/**
 * Small cells. A breakdown by respondent background (sector, role) or a comment list with fewer
 * than MIN_CELL answers could point at a person, so it is hidden — its size included, since
 * "2 parish workers" is itself a disclosure. Totals for a day or a region are never hidden; they
 * carry a small-n warning instead.
 */
export const MIN_CELL = 5;

export type Cell<T> =
  | { readonly suppressed: false; readonly n: number; readonly value: T }
  | { readonly suppressed: true; readonly n: null; readonly value: null };

const HIDDEN = { suppressed: true, n: null, value: null } as const;

/** One cell: shown when it has at least minCell answers, hidden otherwise. */
export function suppress<T>(n: number, value: T, minCell: number = MIN_CELL): Cell<T> {
  return n >= minCell ? { suppressed: false, n, value } : HIDDEN;
}

/** For totals, which are shown whatever their size: true when n is below minCell (0 included). */
export function smallNWarning(n: number, minCell: number = MIN_CELL): boolean {
  return n < minCell;
}

export type BreakdownRow<K, T> = { readonly key: K } & Cell<T>;

/**
 * A breakdown (one row per sector, role…): every row under minCell is hidden, and then more rows as
 * needed so a hidden one cannot be worked out from the shown total (complementary suppression):
 * with the total shown, one hidden row's n and mean would follow by subtraction, and so would the
 * pooled figures of hidden rows that together have fewer than minCell answers. The smallest shown
 * rows are hidden until neither is the case. Empty rows (n = 0) are hidden but protect nothing.
 * Include a "not answered" row when it exists, so the rows add up to the total as readers see it.
 */
export function suppressBreakdown<K, T>(
  rows: readonly { readonly key: K; readonly n: number; readonly value: T }[],
  minCell: number = MIN_CELL,
): BreakdownRow<K, T>[] {
  const hidden = new Set<number>();
  rows.forEach((row, i) => {
    if (row.n < minCell) hidden.add(i);
  });
  const needsMore = (): boolean => {
    const informative = [...hidden].map((i) => rows[i]?.n ?? 0).filter((n) => n > 0);
    const hiddenN = informative.reduce((sum, n) => sum + n, 0);
    return informative.length === 1 || (hiddenN > 0 && hiddenN < minCell);
  };
  const shownBySize = rows
    .map((row, i) => ({ n: row.n, i }))
    .filter(({ i }) => !hidden.has(i))
    .sort((a, b) => a.n - b.n);
  for (const { i } of shownBySize) {
    if (!needsMore()) break;
    hidden.add(i);
  }
  return rows.map((row, i) => (hidden.has(i) ? { key: row.key, ...HIDDEN } : { key: row.key, suppressed: false, n: row.n, value: row.value }));
}

/** A comment list: all of it or none of it (fewer than minCell comments are hidden, count included). */
export function suppressComments<C>(comments: readonly C[], minCell: number = MIN_CELL): Cell<readonly C[]> {
  return suppress(comments.length, comments, minCell);
}
