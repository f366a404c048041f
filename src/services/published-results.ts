import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { isNational } from "../auth/authorize";
import { checkPublishedResult, normalizedDistribution, type PublishedResultInput } from "../domain/published-result";
import { GRADE_SCALE } from "../domain/questions";
import { AppError } from "../http/errors";
import type { EventRow } from "../queries/events";
import { savePublishedResult } from "../queries/published-results";

// Published results (source "reported"): one function per use case, called alike by the JSON API
// (PUT /api/events/:id/published-result), the day's staff page and scripts.

const PROBLEM_MESSAGES = {
  mean_off_scale: "the mean must be within the grade scale 4–10",
  n_below_one: "the number of respondents must be at least 1",
  n_above_attendance: "the number of respondents cannot exceed the attendance",
  distribution_off_scale: "the distribution must give whole counts for grades 4–10 only",
  distribution_n: "the distribution's counts must add up to the number of respondents",
  distribution_mean: "the distribution's mean does not match the published mean",
} as const;

/**
 * Records what a report published about a day. Only the national team records published results
 * (they are the figures others are compared against). The day's survey closes at once; answers
 * that already exist stay and are shown beside the published figure, never instead of it.
 */
export async function recordPublishedResult(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  input: PublishedResultInput,
): Promise<void> {
  if (!isNational(principal)) throw new AppError("forbidden");
  const attendance = input.attendance ?? event.attendance;
  const { problems, n } = checkPublishedResult({ ...input, attendance }, GRADE_SCALE);
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      undefined,
      problems.map((p) => ({ key: p.key, code: p.code, message: PROBLEM_MESSAGES[p.code] })),
    );
  }
  const now = deps.now();
  const distribution = input.distribution === null ? null : normalizedDistribution(input.distribution, GRADE_SCALE);
  await savePublishedResult(
    deps.db,
    { eventId: event.id, surveyId: event.surveyId },
    { mean: input.mean, n, distribution, source: input.source, attendance },
    now,
  );
  await deps.audit({
    at: now,
    userId: principal.userId,
    action: "published_result_recorded",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: {
      mean: input.mean,
      n,
      distribution,
      attendance,
      source: input.source,
      previous: event.reportedGradeMean === null ? null : { mean: event.reportedGradeMean, n: event.reportedGradeN },
    },
  });
}
