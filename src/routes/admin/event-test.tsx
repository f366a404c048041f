import type { AppContext } from "../../app-env";
import type { Lang } from "../../domain/lang";
import { writableEvent } from "../../http/access";
import { idParam, requestLang } from "../../http/validate";
import { answerInTestMode, testSurvey, wipeTestAnswers } from "../../services/test-answers";
import { SurveyFormPage } from "../../views/survey-form";
import { firstValues, readSubmission } from "../../http/survey-submission";
import { adminApp, redirectDone, renderPage } from "../../http/admin-http";

/**
 * Test mode: the day's survey as a participant sees it, for the staff who may change the day, open
 * or not; answers are stored apart (src/services/test-answers.ts). Behind the staff session, so the
 * link itself is no secret and a participant can never land in test mode.
 */
export function adminEventTestRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/events/:id/test", async (c) => {
    const { event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const survey = await testSurvey(deps, event);
    return renderPage(c, SurveyFormPage({ survey, lang, submissionId: crypto.randomUUID(), testMode: testModeLinks(event.id, lang) }));
  });

  app.post("/events/:id/test", async (c) => {
    const { event } = await writableEvent(deps, c, idParam(c));
    const submission = await readSubmission(c.req.raw, requestLang(c));
    const lang = submission.lang ?? requestLang(c);
    c.set("lang", lang);
    const submissionId = submission.submissionId ?? crypto.randomUUID();
    const result = await answerInTestMode(deps, event, { submissionId, lang, answers: submission.answers });
    if (!result.ok) {
      const page = SurveyFormPage({
        survey: result.survey,
        lang,
        submissionId,
        values: firstValues(submission),
        errors: result.errors,
        testMode: testModeLinks(event.id, lang),
      });
      return renderPage(c, page, 422);
    }
    return redirectDone(c, `/admin/events/${event.id}`, "testAnswerSaved");
  });

  app.post("/events/:id/test/wipe", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await wipeTestAnswers(deps, principal, event);
    return redirectDone(c, `/admin/events/${event.id}`, "testAnswersWiped");
  });

  return app;
}

function testModeLinks(eventId: number, lang: Lang) {
  const base = `/admin/events/${eventId}`;
  return { action: `${base}/test?lang=${lang}`, langHref: (code: Lang) => `${base}/test?lang=${code}`, back: `${base}?lang=${lang}` };
}
