import { validateAnswers, type AnswerError, type RawAnswers } from "../domain/answers";
import type { Lang } from "../domain/lang";
import { surveyState, type SurveyState } from "../domain/survey-state";
import { AppError } from "../http/errors";
import { createResponseWriter } from "../queries/response-writer";
import { storeResponseIfUnchanged, versionCheckedInWrite } from "../queries/store-response";
import type { PublicSurvey, SurveyVersion } from "../queries/survey-by-slug";
import type { ServiceContext } from "./context";

// A participant answers a day's survey (POST /s/:slug, form or JSON). The route reads the body and
// shows what comes back; the rules (open or not, valid answers, stored once) are here.

/** Where a participant stands: a cancelled day, or one with a published result, is closed for
 *  good, whatever its survey's window says. */
export function participantState(survey: PublicSurvey, now: number): SurveyState | "published" | "cancelled" {
  return survey.cancelled ? "cancelled" : survey.published ? "published" : surveyState(survey, now);
}

export type SubmitOutcome =
  /** Not taking answers; the participant's typed text is shown back by the route. `survey` has the
   *  window as the database has it now. */
  | {
      readonly status: "unavailable";
      readonly state: Exclude<SurveyState, "open"> | "published" | "cancelled";
      readonly survey: PublicSurvey;
    }
  | { readonly status: "invalid"; readonly errors: readonly AnswerError[] }
  /** "repeat": a retry of a submission already stored, answered and not stored again. */
  | { readonly status: "created" | "repeat"; readonly id: string }
  /** Nothing stored: the survey's questions changed (or it is gone) since it was cached, or its
   *  cached copy refuses the submission. Look it up again and submit again. */
  | { readonly status: "stale" };

export type SubmitAnswers = (
  /** `checked`: the version was read for this request (not an isolate's cached copy). */
  found: { readonly survey: PublicSurvey; readonly version: SurveyVersion; readonly checked: boolean },
  input: {
    readonly submissionId: string;
    readonly lang: Lang;
    readonly answers: RawAnswers;
    /** Told of a newer version the write found (null: the survey is gone), for the cache. */
    readonly onVersion?: (version: SurveyVersion | null) => void;
  },
) => Promise<SubmitOutcome>;

/** A changed window is judged again in place; the third change in a row gives up (stale). */
const MAX_WRITES = 3;

/**
 * The submit use case for one app: made once, because its writer groups simultaneous submissions
 * into one commit on the embedded file (src/queries/response-writer.ts). A submission id already
 * stored for the same survey is a repeat, whatever answers come with it this time: the first
 * answers stay and the same id is answered (a retry must never store twice). Only an id already
 * stored for another survey is a 409 (submission_conflict).
 *
 * On a remote database (the Worker) the survey may come from the isolate's cache at any age: the
 * write stores only while the survey is still at the version its window was judged and its answers
 * validated against, and otherwise returns the version it found — one round trip either way. On
 * the embedded file the lookup has just read the version (microseconds) and the group writer stores.
 */
export function answerSubmitter(deps: ServiceContext): SubmitAnswers {
  const store = createResponseWriter(deps.db);
  const checkedInWrite = versionCheckedInWrite(deps.db);
  return async (found, input) => {
    const submittedAt = deps.now();
    let { survey, version, checked } = found;
    for (let write = 1; ; write++) {
      // A refusal is never judged on a cached copy alone: the survey may have reopened, or have the
      // question answered, since it was cached.
      const state = participantState(survey, submittedAt);
      if (state !== "open") return checked ? { status: "unavailable", state, survey } : { status: "stale" };
      const validation = validateAnswers(survey.questions, input.answers);
      if (!validation.ok) return checked ? { status: "invalid", errors: validation.errors } : { status: "stale" };
      const response = { id: input.submissionId, surveyId: survey.surveyId, submittedAt, lang: input.lang, answers: validation.answers };
      const result = checkedInWrite ? await storeResponseIfUnchanged(deps.db, response, version) : await store(response);
      if (result.status === "changed") {
        input.onVersion?.(result.version);
        if (result.version === null || result.version.questionsKey !== version.questionsKey || write >= MAX_WRITES)
          return { status: "stale" };
        version = result.version;
        survey = { ...survey, ...windowOf(version) };
        checked = true;
        continue;
      }
      if (result.status === "conflict") throw new AppError("submission_conflict");
      return { status: result.status, id: result.id };
    }
  };
}

/** The fields of a survey that its version carries. */
export function windowOf(version: SurveyVersion): Pick<PublicSurvey, "opensAt" | "closesAt" | "published" | "cancelled"> {
  return { opensAt: version.opensAt, closesAt: version.closesAt, published: version.published, cancelled: version.cancelled };
}
