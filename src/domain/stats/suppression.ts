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
  return rows.map((row, i) =>
    hidden.has(i) ? { key: row.key, ...HIDDEN } : { key: row.key, suppressed: false, n: row.n, value: row.value },
  );
}

/** A comment list: all of it or none of it (fewer than minCell comments are hidden, count included). */
export function suppressComments<C>(comments: readonly C[], minCell: number = MIN_CELL): Cell<readonly C[]> {
  return suppress(comments.length, comments, minCell);
}

/** One option of a breakdown pooled over days (see poolReleasedBreakdowns). */
export interface PooledBreakdownRow<K> {
  readonly key: K;
  /** The sum of this option's cells in the days whose own table shows it; null when no day shows it. */
  readonly n: number | null;
  readonly suppressed: boolean;
  /** Days whose own table hides this option: their answers are not in n. */
  readonly hiddenInDays: number;
}

/**
 * A breakdown over many days, released only as the sum of the days' own released tables. Each day's
 * table is suppressed on its own (suppressBreakdown: primary and complementary), and the pool adds
 * up only what those tables show, saying per option in how many days it was hidden. Any pooled
 * figure is then a function of day tables that are released anyway, so no combination of filters
 * (dates, regions, themes, programmes) can be subtracted to reveal a hidden cell: the difference of
 * two pools is a sum of shown day cells. The price: a pooled option undercounts where small days
 * hid it, which the reader is told (hiddenInDays, hiddenN).
 */
export function poolReleasedBreakdowns<K>(
  keys: readonly K[],
  events: readonly (readonly number[])[],
  minCell: number = MIN_CELL,
): { rows: PooledBreakdownRow<K>[]; n: number; hiddenN: number } {
  const shown = keys.map(() => 0);
  const hiddenIn = keys.map(() => 0);
  const shownIn = keys.map(() => 0);
  let n = 0;
  let hiddenN = 0;
  for (const counts of events) {
    const table = suppressBreakdown(
      keys.map((_key, i) => ({ key: i, n: counts[i] ?? 0, value: null })),
      minCell,
    );
    for (const cell of table) {
      const count = counts[cell.key] ?? 0;
      n += count;
      if (cell.suppressed) {
        hiddenN += count;
        hiddenIn[cell.key]! += 1;
      } else {
        shown[cell.key]! += count;
        shownIn[cell.key]! += 1;
      }
    }
  }
  return {
    n,
    hiddenN,
    rows: keys.map((key, i) =>
      shownIn[i] === 0 && hiddenIn[i]! > 0
        ? { key, n: null, suppressed: true, hiddenInDays: hiddenIn[i]! }
        : { key, n: shown[i]!, suppressed: false, hiddenInDays: hiddenIn[i]! },
    ),
  };
}
