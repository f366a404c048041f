import { t } from "../../domain/i18n";
import { LANGS, type Lang } from "../../domain/lang";
import { QUESTION_KINDS, shownLang, writtenTexts, type Question } from "../../domain/questions";
import { InLanguage, langAttr } from "../lang-attr";
import { CheckboxField, errorFor, SelectField, TextAreaField, TextField, valueOf, type FieldError, type FormValues } from "./fields";

/** Control ids of the add-a-question form, in page order. */
/** The label of the question text field in each language (one field per language in LANGS). */
const QUESTION_TEXT_LABELS = { fi: "admin.question.textFi", sv: "admin.question.textSv", en: "admin.question.textEn" } as const;

export const QUESTION_FIELDS = {
  kind: "question-kind",
  fi: "question-fi",
  sv: "question-sv",
  en: "question-en",
  options: "question-options",
} as const;
/** The paragraph saying the questions are fixed; errors about that link to it. */
export const QUESTIONS_LOCKED = "questions-locked";

export function questionFieldLabels(lang: Lang): Record<string, string> {
  return {
    [QUESTION_FIELDS.kind]: t(lang, "admin.question.kind"),
    ...Object.fromEntries(LANGS.map((code) => [QUESTION_FIELDS[code], t(lang, QUESTION_TEXT_LABELS[code])])),
    [QUESTION_FIELDS.options]: t(lang, "admin.question.options"),
    [QUESTIONS_LOCKED]: t(lang, "admin.questions.own"),
  };
}

export interface EventQuestionsSectionProps {
  readonly lang: Lang;
  readonly eventId: number;
  readonly core: readonly Question[];
  readonly own: readonly Question[];
  /** Answers exist: the day's questions are fixed from now on. */
  readonly locked: boolean;
  readonly canWrite: boolean;
  /** What unwritten languages of an own question show (the day's main language). */
  readonly mainLang: Lang;
  readonly form?: { readonly values: FormValues; readonly errors: readonly FieldError[] } | undefined;
}

/** The national core set (read-only), then the day's own questions, which writers may add and remove until the first answer. */
export function EventQuestionsSection({ lang, eventId, core, own, locked, canWrite, mainLang, form }: EventQuestionsSectionProps) {
  const base = `/admin/events/${eventId}/questions`;
  const values = form?.values ?? { kind: "grade" };
  const errors = form?.errors;
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t(lang, "admin.questions.title")}</h2>
      <h3>{t(lang, "admin.questions.core")}</h3>
      <p class="hint">{t(lang, "admin.questions.coreHint")}</p>
      <ol class="questions">
        {core.map((q) => (
          <li>
            <QuestionSummary lang={lang} question={q} />
          </li>
        ))}
      </ol>

      <h3>{t(lang, "admin.questions.own")}</h3>
      {locked && <p id={QUESTIONS_LOCKED}>{t(lang, "admin.questions.locked")}</p>}
      {own.length === 0 ? (
        <p>{t(lang, "admin.questions.noneOwn")}</p>
      ) : (
        <ol class="questions">
          {own.map((q) => (
            <li>
              <QuestionSummary lang={lang} question={q} />
              {canWrite && !locked && (
                <a class="edit" href={`${base}/${q.id}/edit?lang=${lang}`}>
                  {t(lang, "admin.questions.edit")}
                  <span class="vh">: {q.text[lang]}</span>
                </a>
              )}
              {canWrite && (
                <form method="post" action={`${base}/${q.id}/remove?lang=${lang}`}>
                  <button type="submit" class="secondary" disabled={locked} aria-describedby={locked ? QUESTIONS_LOCKED : undefined}>
                    {t(lang, "admin.questions.remove")}
                    <span class="vh">: {q.text[lang]}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}

      {canWrite && (
        <>
          <h3>{t(lang, "admin.questions.add")}</h3>
          <form method="post" action={`${base}?lang=${lang}`} novalidate>
            {/* A disabled fieldset disables every control in it, and says why just above. */}
            <fieldset disabled={locked} aria-describedby={locked ? QUESTIONS_LOCKED : undefined}>
              <legend class="vh">{t(lang, "admin.questions.add")}</legend>
              <QuestionFields lang={lang} values={values} errors={errors} mainLang={mainLang} />
              <button type="submit">{t(lang, "admin.questions.addSubmit")}</button>
            </fieldset>
          </form>
        </>
      )}
    </section>
  );
}

/** The controls of a day's own question, shared by the add form above and the edit page
 *  (src/views/admin/edit-question-page.tsx); ids are QUESTION_FIELDS so errors link to them. */
export function QuestionFields({
  lang,
  values,
  errors,
  mainLang,
}: {
  lang: Lang;
  values: FormValues;
  errors?: readonly FieldError[] | undefined;
  mainLang: Lang;
}) {
  return (
    <>
      <SelectField
        lang={lang}
        id={QUESTION_FIELDS.kind}
        name="kind"
        label={t(lang, "admin.question.kind")}
        value={valueOf(values, "kind")}
        error={errorFor(errors, QUESTION_FIELDS.kind)}
        choices={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(lang, `admin.question.kind.${kind}`) }))}
      />
      <CheckboxField
        id="question-required"
        name="required"
        label={t(lang, "admin.question.required")}
        checked={valueOf(values, "required") !== ""}
      />
      <p class="hint">{t(lang, "admin.question.oneLanguageHint", { language: t(lang, `langName.${mainLang}`) })}</p>
      {LANGS.map((code) => (
        <TextField
          lang={lang}
          id={QUESTION_FIELDS[code]}
          name={code}
          label={t(lang, QUESTION_TEXT_LABELS[code])}
          value={valueOf(values, code)}
          error={errorFor(errors, QUESTION_FIELDS[code])}
          maxlength={300}
        />
      ))}
      <TextAreaField
        lang={lang}
        id={QUESTION_FIELDS.options}
        name="options"
        label={t(lang, "admin.question.options")}
        optional
        hint={t(lang, "admin.question.optionsHint")}
        value={valueOf(values, "options")}
        error={errorFor(errors, QUESTION_FIELDS.options)}
        rows={5}
      />
    </>
  );
}

/** A question as the form shows it, as written (blank where a language falls back): choice options
 *  one per line as "Finnish | Swedish | English". */
export function questionValues(question: Question): FormValues {
  const text = writtenTexts(question.text, question.shownIn);
  const option = (o: Question["options"][number]) => {
    const label = writtenTexts(o.label, o.shownIn);
    return `${label.fi} | ${label.sv} | ${label.en}`;
  };
  return {
    kind: question.kind,
    ...(question.required && { required: "on" }),
    fi: text.fi,
    sv: text.sv,
    en: text.en,
    options: question.options.map(option).join("\n"),
  };
}

function QuestionSummary({ lang, question }: { lang: Lang; question: Question }) {
  return (
    <>
      <InLanguage text={question.text[lang]} textLang={shownLang(question.shownIn, lang)} pageLang={lang} />{" "}
      <span class="hint">
        ({t(lang, `admin.question.kind.${question.kind}`)}
        {question.required ? `, ${t(lang, "admin.question.requiredShort")}` : ""})
      </span>
      {question.kind === "choice" && question.options.length > 0 && (
        <ul>
          {question.options.map((o) => (
            <li lang={langAttr(shownLang(o.shownIn, lang), lang)}>{o.label[lang]}</li>
          ))}
        </ul>
      )}
      <FallbackNote lang={lang} question={question} />
    </>
  );
}

/** Staff see which participants get the question in another language than their own. */
function FallbackNote({ lang, question }: { lang: Lang; question: Question }) {
  const shownIn = question.shownIn;
  if (!shownIn) return null;
  const readers = LANGS.filter((code) => shownIn[code] !== code);
  const language = shownIn[readers[0]!];
  return (
    <p class="hint fallback-note">
      {t(lang, "admin.question.fallbackNote", {
        readers: readers.map((code) => t(lang, `langName.${code}`)).join(", "),
        language: t(lang, `langName.${language}`),
      })}
    </p>
  );
}
