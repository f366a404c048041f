import { Hono, type Context } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { formatDateTime, t } from "../domain/i18n";
import { chooseLang, type Lang } from "../domain/lang";
import { shownLang } from "../domain/questions";
import { langAttr } from "../views/lang-attr";
import { AppError } from "../http/errors";
import type { PublicSurvey, SurveyVersion } from "../queries/survey-by-slug";
import { surveyForCode } from "../services/short-codes";
import { surveyForAlias } from "../services/readable-slugs";
import { answerSubmitter, participantState } from "../services/survey-answers";
import { renderDocument } from "../views/layout";
import { MessagePage } from "../views/message-page";
import { errorMessage, renderBlankSurveyForm, SurveyFormPage } from "../views/survey-form";
import { firstValues, readSubmission, type Submission } from "../http/survey-submission";
import { cachedSurveyLookup, type CachedSurvey, type SurveyLookup } from "../services/survey-lookup";

/** Slugs are made by us (random, URL-safe); anything else cannot be a survey, so no query is made. */
const SLUG = /^[A-Za-z0-9_-]{4,64}$/;

type Ctx = Context<AppEnv>;

/** A blank form carries its own submission id: never stored by a cache, never shared. */
const FORM_PAGE_HEADERS = { "Content-Type": "text/html; charset=UTF-8", "Cache-Control": "no-store" } as const;

export function surveyRoutes(deps: AppContext) {
  const { now } = deps;
  const surveys = cachedSurveyLookup(deps.db, now, undefined, deps.surveyVersions);
  const submit = answerSubmitter(deps);
  const app = new Hono<AppEnv>();

  app.get("/:slug", async (c) => {
    const found = await lookup(surveys, c.req.param("slug"));
    const lang = langOf(c, found?.survey ?? null);
    if (!found) {
      // Not a slug: perhaps a short code typed into the address bar (/s/ab3k9x) or a readable
      // address staff chose (/s/kick-off-oulu, current or replaced), which lead to the survey.
      const byCode = await surveyForCode(deps, c.req.param("slug"));
      const target = byCode.status === "found" ? byCode.slug : await surveyForAlias(deps, c.req.param("slug"));
      if (target === null) return notFoundPage(c, lang);
      const query = new URL(c.req.url).search;
      return c.redirect(`/s/${encodeURIComponent(target)}${query}`, 302);
    }
    const { survey } = found;
    const state = participantState(survey, now());
    if (state !== "open") return unavailablePage(c, lang, survey, state);
    const page = (await blankForm(found, lang))(crypto.randomUUID());
    return c.body(page, 200, FORM_PAGE_HEADERS);
  });

  app.post("/:slug", async (c) => {
    const slug = c.req.param("slug");
    let found = SLUG.test(slug) ? await surveys.cached(slug) : null;
    const submission = await readSubmission(c.req.raw, langOf(c, found?.survey ?? null));
    const lang = submission.lang ?? langOf(c, found?.survey ?? null);
    c.set("lang", lang);
    const submissionId = submission.submissionId ?? crypto.randomUUID();
    const input = { submissionId, lang, answers: submission.answers, onVersion: (v: SurveyVersion | null) => surveys.remember(slug, v) };
    let result = found ? await submit(found, input) : null;
    if (result?.status === "stale") {
      // Its questions changed since it was cached: check the answers against the new ones.
      found = await surveys(slug);
      result = found ? await submit(found, input) : null;
      if (result?.status === "stale") throw new Error(`survey ${slug} kept changing while a submission was written`);
    }
    if (!found || !result) {
      if (submission.format === "json") throw new AppError("not_found");
      return notFoundPage(c, lang);
    }
    const { survey } = found;
    if (result.status === "unavailable") {
      const { state } = result;
      if (submission.format === "json")
        throw new AppError(
          state === "cancelled" ? "cancelled" : state === "published" ? "published" : state === "closed" ? "gone" : "not_open",
        );
      return unavailablePage(c, lang, result.survey, state, submission);
    }
    if (result.status === "invalid") {
      if (submission.format === "json") {
        throw new AppError(
          "validation_failed",
          undefined,
          result.errors.map((e) => ({ key: e.key, code: e.code, message: errorMessage(lang, e) })),
        );
      }
      return html(
        c,
        422,
        SurveyFormPage({
          survey,
          lang,
          submissionId,
          values: firstValues(submission),
          errors: result.errors,
        }),
      );
    }
    if (submission.format === "json") return c.json({ id: result.id }, result.status === "created" ? 201 : 200);
    return c.redirect(`/s/${encodeURIComponent(survey.slug)}/thanks?lang=${lang}`, 303);
  });

  app.get("/:slug/thanks", async (c) => {
    const survey = (await lookup(surveys, c.req.param("slug")))?.survey ?? null;
    const lang = langOf(c, survey);
    if (!survey) return notFoundPage(c, lang);
    return html(
      c,
      200,
      MessagePage({
        lang,
        title: t(lang, "thanks.title"),
        body: t(lang, "thanks.body"),
        survey,
        langHref: (code) => `/s/${encodeURIComponent(survey.slug)}/thanks?lang=${code}`,
      }),
    );
  });

  return app;
}

/** The participant's language; with no preference at all, the day's main language. */
function langOf(c: Ctx, survey: PublicSurvey | null): Lang {
  const lang = chooseLang(c.req.query("lang"), c.req.header("accept-language"), survey?.event.mainLang);
  c.set("lang", lang);
  return lang;
}

async function lookup(surveys: SurveyLookup, slug: string): Promise<CachedSurvey | null> {
  return SLUG.test(slug) ? surveys(slug) : null;
}

/** The blank form, rendered once per survey and language while the survey stays cached. */
function blankForm(found: CachedSurvey, lang: Lang): Promise<(submissionId: string) => Uint8Array<ArrayBuffer>> {
  let page = found.formPages.get(lang);
  if (!page) {
    page = renderBlankSurveyForm(found.survey, lang);
    found.formPages.set(lang, page);
    page.catch(() => found.formPages.delete(lang));
  }
  return page;
}

async function html(c: Ctx, status: 200 | 404 | 403 | 410 | 422, page: Parameters<typeof renderDocument>[0]) {
  return c.html(await renderDocument(page), status);
}

function notFoundPage(c: Ctx, lang: Lang) {
  return html(c, 404, MessagePage({ lang, title: t(lang, "notFound.title"), body: t(lang, "notFound.body") }));
}

/** Closed or not yet open. A participant who posted shows their own text back, so nothing typed is lost. */
function unavailablePage(
  c: Ctx,
  lang: Lang,
  survey: PublicSurvey,
  state: "closed" | "not_open" | "published" | "cancelled",
  submission?: Submission,
) {
  const typed = submission
    ? survey.questions
        .filter((q) => q.kind === "text")
        .map((q) => ({ question: q.text[lang], lang: shownLang(q.shownIn, lang), text: String(submission.answers.get(q.key)?.[0] ?? "") }))
        .filter((entry) => entry.text.trim() !== "")
    : [];
  const opensAt = survey.opensAt === null ? "" : formatDateTime(lang, survey.opensAt, "long");
  const langHref = (code: Lang) => `/s/${encodeURIComponent(survey.slug)}?lang=${code}`;
  const text = {
    cancelled: { title: t(lang, "cancelled.title"), body: t(lang, "cancelled.body") },
    published: { title: t(lang, "published.title"), body: t(lang, "published.body") },
    closed: { title: t(lang, "closed.title"), body: t(lang, "closed.body") },
    not_open: { title: t(lang, "notOpen.title"), body: t(lang, "notOpen.body", { opensAt }) },
  }[state];
  const page = MessagePage({ lang, ...text, survey, langHref, children: <TypedAnswers entries={typed} pageLang={lang} /> });
  return html(c, state === "not_open" ? 403 : 410, page);
}

function TypedAnswers({ entries, pageLang }: { entries: { question: string; lang: Lang; text: string }[]; pageLang: Lang }) {
  if (entries.length === 0) return null;
  return (
    <dl>
      {entries.map((e) => (
        <>
          <dt lang={langAttr(e.lang, pageLang)}>{e.question}</dt>
          <dd class="pre">{e.text}</dd>
        </>
      ))}
    </dl>
  );
}
