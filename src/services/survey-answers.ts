import { validateAnswers, type AnswerError, type RawAnswers } from "../domain/answers";
import type { Lang } from "../domain/lang";
import { surveyState, type SurveyState } from "../domain/survey-state";
import { AppError } from "../http/errors";
import { createResponseWriter } from "../queries/response-writer";
import type { PublicSurvey } from "../queries/survey-by-slug";
import type { ServiceContext } from "./context";

// A participant answers a day's survey (POST /s/:slug, form or JSON). The route reads the body and
// shows what comes back; the rules (open or not, valid answers, stored once) are here.

/** Where a participant stands: a cancelled day, or one with a published result, is closed for
 *  good, whatever its survey's window says. */
export function participantState(survey: PublicSurvey, now: number): SurveyState | "published" | "cancelled" {
  return survey.cancelled ? "cancelled" : survey.published ? "published" : surveyState(survey, now);
}

export type SubmitOutcome =
  /** Not taking answers; the participant's typed text is shown back by the route. */
  | { readonly status: "unavailable"; readonly state: Exclude<SurveyState, "open"> | "published" | "cancelled" }
  | { readonly status: "invalid"; readonly errors: readonly AnswerError[] }
  /** "repeat": a retry of a submission already stored, answered and not stored again. */
  | { readonly status: "created" | "repeat"; readonly id: string };

export type SubmitAnswers = (
  survey: PublicSurvey,
  input: { readonly submissionId: string; readonly lang: Lang; readonly answers: RawAnswers },
) => Promise<SubmitOutcome>;

/**
 * The submit use case for one app: made once, because its writer groups simultaneous submissions
 * into one commit on the embedded file (src/queries/response-writer.ts). A submission id reused for
 * different answers or another survey is a 409 (submission_conflict).
 */
export function answerSubmitter(deps: ServiceContext): SubmitAnswers {
  const store = createResponseWriter(deps.db);
  return async (survey, input) => {
    const submittedAt = deps.now();
    const state = participantState(survey, submittedAt);
    if (state !== "open") return { status: "unavailable", state };
    const validation = validateAnswers(survey.questions, input.answers);
    if (!validation.ok) return { status: "invalid", errors: validation.errors };
    const result = await store({
      id: input.submissionId,
      surveyId: survey.surveyId,
      submittedAt,
      lang: input.lang,
      answers: validation.answers,
    });
    if (result.status === "conflict") throw new AppError("submission_conflict");
    return { status: result.status, id: result.id };
  };
}
