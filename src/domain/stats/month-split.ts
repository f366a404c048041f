// A date filter read from monthly rollups: the whole months inside [from, to] come from the rollup
// rows, the days of the partial months at either end from their per-day sums (src/queries/grade-sums.ts).

/** The whole months (YYYY-MM, inclusive) inside a date range; null bounds mean open-ended. */
export interface MonthSplit {
  /** First whole month, or null when the range has no lower bound. */
  readonly firstMonth: string | null;
  /** Last whole month, or null when the range has no upper bound. */
  readonly lastMonth: string | null;
  /** False when no whole month lies inside the range: every day is read per day. */
  readonly anyWholeMonth: boolean;
}

function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function lastDayOfMonth(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

/** Splits [from, to] (YYYY-MM-DD, either may be absent) into whole months and partial ends. */
export function splitMonths(from: string | undefined, to: string | undefined): MonthSplit {
  const firstMonth = from === undefined ? null : from.endsWith("-01") ? from.slice(0, 7) : shiftMonth(from.slice(0, 7), 1);
  const lastMonth = to === undefined ? null : to >= lastDayOfMonth(to.slice(0, 7)) ? to.slice(0, 7) : shiftMonth(to.slice(0, 7), -1);
  const anyWholeMonth = firstMonth === null || lastMonth === null || firstMonth <= lastMonth;
  return { firstMonth, lastMonth, anyWholeMonth };
}

/**
 * Σ (Σx)ᵢ²/nᵢ from its exact parts (see grade_month_rollup in src/db/schema.ts): the whole parts,
 * and the fractions in units of 2⁻⁵² summed as their high and low 26 bits. Every step is an
 * integer below 2⁵³, so the result is the exact sum of the days' terms rounded once, whatever the
 * order the days were added in.
 */
export function exactSumOfParts(whole: number, fracHigh: number, fracLow: number): number {
  const unit = 2 ** 26;
  const lowCarry = Math.floor(fracLow / unit);
  const high = fracHigh + lowCarry;
  const highCarry = Math.floor(high / unit);
  const fraction = (high - highCarry * unit) * unit + (fracLow - lowCarry * unit);
  return whole + highCarry + fraction / 2 ** 52;
}
