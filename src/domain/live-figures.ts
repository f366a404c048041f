import type { LiveFiguresResponse, LiveScaleFigure } from "../api-types";
import { GRADE_SCALE, LIKERT_SCALE, scaleValues, type Scale } from "./questions";
import { MIN_CELL, responseRate, scaleKey, suppress, summarizeDistribution } from "./stats";

// The live presenter view's figures. Its audience watches the screen while people press "send",
// so a figure that moved with every answer would show each person's grade by differencing one
// frame from the next. The k rule (MIN_CELL, the one used for small cells and comments) therefore
// decides twice: no grade or usefulness figure before k answers, and afterwards the figures are
// those of the first ⌊n/k⌋·k answers, so they move only in steps of k answers at once. The
// response counter itself moves with every answer (a count tells nothing about anyone's grade).
// No comment text is ever part of it.

/** How many responses (in arrival order) the figures may be computed from. */
export function releasedResponses(responses: number, k: number = MIN_CELL): number {
  return Math.floor(responses / k) * k;
}

export interface LiveInput {
  readonly event: { readonly id: number; readonly title: string; readonly date: string };
  readonly cancelled: boolean;
  readonly responses: number;
  readonly attendance: number | null;
  /** Value counts of the released responses, per question key. */
  readonly gradeCounts: ReadonlyMap<number, number>;
  readonly usefulnessCounts: ReadonlyMap<number, number>;
}

export function liveFigures(input: LiveInput, k: number = MIN_CELL): LiveFiguresResponse {
  const released = input.cancelled ? 0 : releasedResponses(input.responses, k);
  return {
    event: input.event,
    cancelled: input.cancelled,
    responses: input.responses,
    attendance: input.attendance,
    rate: responseRate(input.responses, input.attendance),
    minAnswers: k,
    released,
    grade: input.cancelled ? null : scaleFigure(input.gradeCounts, GRADE_SCALE, k),
    usefulness: input.cancelled ? null : scaleFigure(input.usefulnessCounts, LIKERT_SCALE, k),
  };
}

function scaleFigure(counts: ReadonlyMap<number, number>, scale: Scale, k: number): LiveScaleFigure | null {
  const summary = summarizeDistribution(counts, scale);
  const cell = suppress(summary.n, summary, k);
  if (cell.suppressed) return null;
  return {
    n: cell.n,
    mean: cell.value.mean,
    distribution: scaleValues(scale).map((value) => ({ value, count: cell.value.distribution[scaleKey(value)] ?? 0 })),
  };
}

/** Bars of the presenter view are drawn in steps of 5 % (CSS classes w-0 … w-100: no inline styles). */
export const BAR_STEPS: readonly number[] = Array.from({ length: 21 }, (_, i) => i * 5);

/** The class of a bar for `count` beside the largest count shown. */
export function barClass(count: number, largest: number): string {
  const percent = largest <= 0 ? 0 : Math.round((count / largest) * 20) * 5;
  return `bar w-${percent}`;
}

/** A mean as the presenter view shows it: one decimal, a decimal comma in Finnish and Swedish
 *  (written here rather than through Intl so that the server and the page's script agree). */
export function formatLiveMean(lang: "fi" | "sv" | "en", mean: number): string {
  const text = mean.toFixed(1);
  return lang === "en" ? text : text.replace(".", ",");
}

/** The response rate as a whole percentage, or null without a head count. */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}
