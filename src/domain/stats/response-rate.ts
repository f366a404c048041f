/**
 * Responses per head counted at the day. Null when there is no head count (null or 0). Not clamped:
 * a rate above 1 means the head count was wrong or the link travelled, and the user should see that.
 * Negative or non-finite inputs are bugs upstream and throw.
 */
export function responseRate(responses: number, attendance: number | null): number | null {
  if (!Number.isFinite(responses) || responses < 0) throw new RangeError(`responses must be a finite number ≥ 0, got ${responses}`);
  if (attendance === null || attendance === 0) return null;
  if (!Number.isFinite(attendance) || attendance < 0) throw new RangeError(`attendance must be a finite number ≥ 0, got ${attendance}`);
  return responses / attendance;
}

/**
 * Whether a day's response rate counts, and why not. A rate means something only for a day whose
 * survey has run (it has answers, has closed, or its answers were archived) with a head count; a
 * day known only from a published report was never surveyed here; a rate above 100 % means the
 * head count or the link is wrong: it is shown with a flag, and left out of pooled rates.
 * src/queries/grade-sums.ts applies the same rule in SQL (test/api/response-rates.test.ts checks
 * that both agree).
 */
export type RateStatus = "counted" | "over_100" | "no_head_count" | "not_run" | "reported";

export interface RateInput {
  readonly attendance: number | null;
  readonly responses: number;
  /** The day's figure is a published report only (no answers collected here). */
  readonly reportedOnly: boolean;
  /** The survey has answers, has closed, or was archived. */
  readonly surveyRan: boolean;
}

export function rateStatus(event: RateInput): RateStatus {
  if (event.reportedOnly) return "reported";
  if (event.attendance === null || event.attendance <= 0) return "no_head_count";
  if (!event.surveyRan) return "not_run";
  return event.responses > event.attendance ? "over_100" : "counted";
}

/** A survey has run once it has answers, has closed, or its answers were archived by retention. */
export function surveyHasRun(survey: { responses: number; closesAt: number | null; archivedAt: number | null }, now: number): boolean {
  return survey.responses > 0 || survey.archivedAt !== null || (survey.closesAt !== null && survey.closesAt <= now);
}
