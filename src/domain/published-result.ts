// A published result (source "reported"): what a report says about a day, checked before it is
// stored. Pure; the service (src/services/published-results.ts) stores what passes.
import { isOnScale, type Scale } from "./questions";
import { summarizeDistribution } from "./stats";

export interface PublishedResultInput {
  readonly mean: number;
  /** Respondents behind the mean, when the report gave them. */
  readonly n: number | null;
  /** Counts per scale value ("4"…"10"), when the report gave them. */
  readonly distribution: Readonly<Record<string, number>> | null;
  /** Head count of the day, when known (the day's own attendance when not given here). */
  readonly attendance: number | null;
  readonly source: string;
}

export type PublishedProblemCode =
  | "mean_off_scale"
  | "n_below_one"
  | "n_above_attendance"
  | "distribution_off_scale"
  | "distribution_n"
  | "distribution_mean";

export interface PublishedProblem {
  readonly key: "mean" | "n" | "distribution";
  readonly code: PublishedProblemCode;
}

/** Reports round means to one decimal: a distribution whose mean rounds differently contradicts the mean. */
const MEAN_ROUNDING = 0.05 + 1e-9;

/** What is wrong with a published result; empty when it may be stored. n is the one given or, with
 *  only a distribution, the distribution's total. */
export function checkPublishedResult(input: PublishedResultInput, scale: Scale): { problems: PublishedProblem[]; n: number | null } {
  const problems: PublishedProblem[] = [];
  if (!Number.isFinite(input.mean) || input.mean < scale.min || input.mean > scale.max)
    problems.push({ key: "mean", code: "mean_off_scale" });
  let n = input.n;
  if (input.distribution !== null) {
    const entries = Object.entries(input.distribution).map(([value, count]) => [Number(value), count] as const);
    const offScale = entries.some(([value, count]) => !isOnScale(value, scale) || !Number.isSafeInteger(count) || count < 0);
    if (offScale) problems.push({ key: "distribution", code: "distribution_off_scale" });
    else {
      const summary = summarizeDistribution(entries, scale);
      if (n === null) n = summary.n;
      if (summary.n !== n) problems.push({ key: "distribution", code: "distribution_n" });
      else if (summary.mean !== null && Math.abs(summary.mean - input.mean) > MEAN_ROUNDING)
        problems.push({ key: "distribution", code: "distribution_mean" });
    }
  }
  if (n !== null && n < 1) problems.push({ key: "n", code: "n_below_one" });
  else if (n !== null && input.attendance !== null && n > input.attendance) problems.push({ key: "n", code: "n_above_attendance" });
  return { problems, n };
}

/** The stored form of a distribution: every scale value, zeros included. */
export function normalizedDistribution(distribution: Readonly<Record<string, number>>, scale: Scale): Record<string, number> {
  return summarizeDistribution(
    Object.entries(distribution).map(([value, count]) => [Number(value), count] as const),
    scale,
  ).distribution;
}
