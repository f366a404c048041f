import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { validateAnswers, type AnswerError, type RawAnswers } from "../domain/answers";
import type { Lang } from "../domain/lang";
import { AppError } from "../http/errors";
import type { EventRow } from "../queries/events";
import { findPublicSurvey, type PublicSurvey } from "../queries/survey-by-slug";
import { countTestResponses, deleteTestResponses, insertTestResponse } from "../queries/test-responses";

// Test mode: staff answer a day's survey as a participant would, whether or not it is open, and the
// answers are kept apart (test_response) so they are never counted and never lock the questions.
// The caller has checked that the person may change the day.

/** The day's survey as a participant sees it, read fresh (not from the public cache) so an edit shows at once. */
export async function testSurvey(deps: ServiceContext, event: EventRow): Promise<PublicSurvey> {
  const survey = await findPublicSurvey(deps.db, event.slug);
  if (!survey) throw new AppError("not_found");
  return survey;
}

export type TestAnswerResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly survey: PublicSurvey; readonly errors: readonly AnswerError[] };

/** Checks a test answer like a real one and stores it apart; errors come back for the form to show. */
export async function answerInTestMode(
  deps: ServiceContext,
  event: EventRow,
  input: { submissionId: string; lang: Lang; answers: RawAnswers },
): Promise<TestAnswerResult> {
  const survey = await testSurvey(deps, event);
  const validation = validateAnswers(survey.questions, input.answers);
  if (!validation.ok) return { ok: false, survey, errors: validation.errors };
  await insertTestResponse(deps.db, {
    id: input.submissionId,
    surveyId: event.surveyId,
    submittedAt: deps.now(),
    lang: input.lang,
    answers: validation.answers,
  });
  return { ok: true };
}

export function countTestAnswers(deps: ServiceContext, event: EventRow): Promise<number> {
  return countTestResponses(deps.db, event.surveyId);
}

/** Wipes every test answer of the day with one click, and says so in the audit log. */
export async function wipeTestAnswers(deps: ServiceContext, principal: SessionPrincipal, event: EventRow): Promise<number> {
  const wiped = await deleteTestResponses(deps.db, event.surveyId);
  await deps.audit({
    userId: principal.userId,
    action: "test_answers_deleted",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { count: wiped },
  });
  return wiped;
}
