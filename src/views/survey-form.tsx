import type { AnswerError } from "../domain/answers";
import type { Lang } from "../domain/lang";
import { scaleValues, shownLang, type Question } from "../domain/questions";
import type { PublicSurvey } from "../queries/survey-by-slug";
import { formatNumber, t, tCount } from "../domain/i18n";
import { Layout, renderDocument } from "./layout";
import { EventHeading } from "./event-heading";
import { dayTitle } from "../domain/day-texts";
import { InLanguage, langAttr } from "./lang-attr";

export interface SurveyFormProps {
  readonly survey: PublicSurvey;
  readonly lang: Lang;
  readonly submissionId: string;
  /** What the participant sent last time, so a page with errors keeps every answer. */
  readonly values?: ReadonlyMap<string, string>;
  readonly errors?: readonly AnswerError[];
  /** Staff trying the survey (test mode): the form posts to the staff route, says so at the top,
   *  and leaves out the background-sending script, whose retries and thanks page are the public ones. */
  readonly testMode?: TestModeForm;
}

export interface TestModeForm {
  readonly action: string;
  readonly langHref: (lang: Lang) => string;
  readonly back: string;
}

export function SurveyFormPage({ survey, lang, submissionId, values, errors = [], testMode }: SurveyFormProps) {
  const errorByKey = new Map(errors.map((e) => [e.key, e]));
  const known = new Set(survey.questions.map((q) => q.key));
  const strayErrors = errors.filter((e) => !known.has(e.key));
  const heading = t(lang, "survey.heading");
  const title = `${errors.length > 0 ? `${t(lang, "page.errorPrefix")}: ` : ""}${testMode ? `${t(lang, "testMode.label")}: ` : ""}${heading} – ${dayTitle(survey.event, lang).text}`;
  const action = testMode?.action ?? `/s/${encodeURIComponent(survey.slug)}`;
  const langHref = testMode?.langHref ?? ((code: Lang) => `/s/${encodeURIComponent(survey.slug)}?lang=${code}`);
  return (
    <Layout lang={lang} title={title} langHref={langHref}>
      {testMode && (
        <div class="test-mode">
          <p>
            <strong>{t(lang, "testMode.banner")}</strong>
          </p>
          <p>
            <a href={testMode.back}>{t(lang, "testMode.back")}</a>
          </p>
        </div>
      )}
      <EventHeading survey={survey} lang={lang} heading={heading} langHref={langHref} />
      {errors.length > 0 && (
        <div class="summary" role="alert" tabindex={-1} id="error-summary" autofocus>
          <h2>{t(lang, "errors.summaryTitle")}</h2>
          <p>{tCount(lang, "errors.summaryIntro", errors.length)}</p>
          <ul>
            {survey.questions
              .filter((q) => errorByKey.has(q.key))
              .map((q) => (
                <li>
                  <a href={`#${firstControlId(q)}`}>
                    <InLanguage text={q.text[lang]} textLang={shownLang(q.shownIn, lang)} pageLang={lang} />:{" "}
                    {errorMessage(lang, errorByKey.get(q.key)!)}
                  </a>
                </li>
              ))}
            {strayErrors.map((e) => (
              <li>{errorMessage(lang, e)}</li>
            ))}
          </ul>
        </div>
      )}
      <p>{t(lang, "survey.intro")}</p>
      <p class="hint">{t(lang, "survey.requiredNote")}</p>
      {/* Works as a plain form; /assets/survey.js (web/src/survey/enhance.ts) adds background sending
          with retries and keeps answers over reloads, speaking through these data- texts. */}
      <form
        method="post"
        action={action}
        novalidate
        id="survey-form"
        data-test-mode={testMode ? "true" : undefined}
        data-thanks={`/s/${encodeURIComponent(survey.slug)}/thanks?lang=${lang}`}
        data-status-sending={t(lang, "survey.status.sending")}
        data-status-offline={t(lang, "survey.status.offline")}
        data-status-server-error={t(lang, "survey.status.serverError")}
        data-status-sent={t(lang, "survey.status.sent")}
        data-status-restored={t(lang, "survey.status.restored")}
        data-status-gave-up={t(lang, "survey.status.gaveUp")}
      >
        <input type="hidden" name="submission_id" value={submissionId} />
        <input type="hidden" name="lang" value={lang} />
        {survey.questions.map((q) => (
          <QuestionField question={q} lang={lang} value={values?.get(q.key)} error={errorByKey.get(q.key)} />
        ))}
        <button type="submit">{t(lang, testMode ? "testMode.submit" : "survey.submit")}</button>
        <p id="survey-status" role="status" aria-live="polite"></p>
      </form>
      {!testMode && <script type="module" src="/assets/survey.js"></script>}
    </Layout>
  );
}

/**
 * The blank form for one survey and language, rendered once and kept as UTF-8 bytes: participants'
 * pages differ only in the submission id, which is put into the finished page. Rendering (the Intl
 * formatters for dates and scale labels above all) and encoding ten kilobytes of text cost far
 * more than copying bytes, and every participant of a day opens the same page.
 */
export async function renderBlankSurveyForm(survey: PublicSurvey, lang: Lang): Promise<(submissionId: string) => Uint8Array<ArrayBuffer>> {
  const marker = crypto.randomUUID();
  const html = await renderDocument(SurveyFormPage({ survey, lang, submissionId: marker }));
  const [before, after, ...more] = html.split(marker).map((part) => utf8.encode(part));
  if (before === undefined || after === undefined || more.length > 0) throw new Error("the form must carry its submission id exactly once");
  return (submissionId) => {
    // Submission ids are UUIDs made by the server: ASCII, nothing to escape.
    const id = utf8.encode(submissionId);
    const page = new Uint8Array(before.length + id.length + after.length);
    page.set(before);
    page.set(id, before.length);
    page.set(after, before.length + id.length);
    return page;
  };
}

const utf8 = new TextEncoder();

export function errorMessage(lang: Lang, error: AnswerError): string {
  return t(lang, `errors.${error.code}`, error.params);
}

function firstControlId(q: Question): string {
  if (q.kind === "text") return `q-${q.key}`;
  if (q.kind === "choice") return `q-${q.key}-${q.options[0]?.value ?? ""}`;
  return `q-${q.key}-${scaleValues(q.scale!)[0]}`;
}

interface FieldProps {
  readonly question: Question;
  readonly lang: Lang;
  readonly value: string | undefined;
  readonly error: AnswerError | undefined;
}

function QuestionField({ question: q, lang, value, error }: FieldProps) {
  const errorId = `q-${q.key}-error`;
  const hintId = `q-${q.key}-hint`;
  const label = (
    <>
      <InLanguage text={q.text[lang]} textLang={shownLang(q.shownIn, lang)} pageLang={lang} />
      {q.required && (
        <>
          {" "}
          <span class="req" aria-hidden="true">
            *
          </span>
          <span class="vh">({t(lang, "survey.required")})</span>
        </>
      )}
    </>
  );
  const errorLine = error && (
    <p class="error" id={errorId}>
      <span class="vh">{t(lang, "page.errorPrefix")}: </span>
      {errorMessage(lang, error)}
    </p>
  );
  const describedBy = [hint(q) ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  if (q.kind === "text") {
    return (
      <div class={`field${error ? " invalid" : ""}`}>
        <label class="label" for={`q-${q.key}`}>
          {label}
        </label>
        <p class="hint" id={hintId}>
          {t(lang, "survey.textHint", { max: q.maxLength ?? 0 })}
        </p>
        {errorLine}
        <textarea
          id={`q-${q.key}`}
          name={q.key}
          rows={4}
          aria-describedby={describedBy}
          aria-invalid={error ? "true" : undefined}
          required={q.required}
        >
          {value ?? ""}
        </textarea>
      </div>
    );
  }

  // An optional choice can be taken back: a radio once chosen cannot be unchosen, so "prefer not to
  // say" sends a blank, which counts as no answer.
  const choices =
    q.kind === "choice"
      ? [
          ...q.options.map((o) => ({ value: o.value, label: o.label[lang], lang: langAttr(shownLang(o.shownIn, lang), lang) })),
          ...(q.required ? [] : [{ value: "", label: t(lang, "survey.noAnswer"), lang: undefined }]),
        ]
      : scaleValues(q.scale!).map((v) => ({ value: String(v), label: formatNumber(lang, v), lang: undefined }));
  const idOf = (value: string) => `q-${q.key}-${value === "" ? "none" : value}`;
  return (
    <fieldset
      class={error ? "invalid" : undefined}
      aria-describedby={describedBy}
      aria-invalid={error ? "true" : undefined}
      role="radiogroup"
      aria-required={q.required ? "true" : undefined}
    >
      <legend>{label}</legend>
      {hint(q) && (
        <p class="hint" id={hintId}>
          {t(lang, hint(q)!)}
        </p>
      )}
      {errorLine}
      <div class={q.kind === "choice" ? "choices" : "scale"}>
        {choices.map((c) => (
          <label for={idOf(c.value)}>
            <input
              type="radio"
              id={idOf(c.value)}
              name={q.key}
              value={c.value}
              checked={value !== undefined && (c.value === "" ? value.trim() === "" : sameValue(value, c.value))}
            />
            <span lang={c.lang}>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function hint(q: Question) {
  if (q.kind === "grade") return "survey.gradeHint" as const;
  if (q.kind === "likert") return "survey.likertHint" as const;
  return null;
}

/** "8", "8.0" and "8,0" are the same grade when a page with errors is shown again. */
function sameValue(sent: string, option: string): boolean {
  if (sent === option) return true;
  const a = Number(sent.replace(",", "."));
  return Number.isFinite(a) && a === Number(option);
}
