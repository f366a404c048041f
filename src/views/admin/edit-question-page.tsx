import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { Question } from "../../domain/questions";
import type { EventRow } from "../../queries/events";
import { AdminPage } from "./admin-page";
import { QuestionFields, questionFieldLabels, QUESTIONS_LOCKED } from "./event-questions-section";
import { ErrorSummary, type FieldError, type FormValues } from "./fields";

export interface EditQuestionPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly event: EventRow;
  readonly question: Question;
  /** The survey has real answers: the question is fixed, the form is shown disabled. */
  readonly locked: boolean;
  readonly values: FormValues;
  readonly errors?: readonly FieldError[];
}

/** One of the day's own questions in the add form's controls, prefilled; saving goes back to the day's page. */
export function EditQuestionPage({ lang, principal, event, question, locked, values, errors = [] }: EditQuestionPageProps) {
  const title = t(lang, "admin.questionEdit.title", { text: question.text[lang] });
  const base = `/admin/events/${event.id}`;
  const action = `${base}/questions/${question.id}/edit`;
  const labels = questionFieldLabels(lang);
  return (
    <AdminPage lang={lang} principal={principal} title={title} hasErrors={errors.length > 0} langHref={(code) => `${action}?lang=${code}`}>
      <a class="back" href={`${base}?lang=${lang}`}>
        {t(lang, "admin.delete.back")}
      </a>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      {locked ? <p id={QUESTIONS_LOCKED}>{t(lang, "admin.questions.locked")}</p> : <p>{t(lang, "admin.questionEdit.intro")}</p>}
      <form method="post" action={`${action}?lang=${lang}`} novalidate>
        {/* Kept visible when locked so text typed before the first answer arrived can still be copied out. */}
        <fieldset disabled={locked} aria-describedby={locked ? QUESTIONS_LOCKED : undefined}>
          <legend class="vh">{title}</legend>
          <QuestionFields lang={lang} values={values} errors={errors} mainLang={event.mainLang} />
          <button type="submit">{t(lang, "admin.questionEdit.submit")}</button>
        </fieldset>
      </form>
    </AdminPage>
  );
}
