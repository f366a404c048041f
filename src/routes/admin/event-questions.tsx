import type { AppContext } from "../../app-env";
import { writableEvent } from "../../http/access";
import { idParam, readForm, requestLang } from "../../http/validate";
import { QUESTION_FIELDS, QUESTIONS_LOCKED as LOCKED, questionValues } from "../../views/admin/event-questions-section";
import { EditQuestionPage } from "../../views/admin/edit-question-page";
import { addQuestion, changeQuestion, ownQuestion, removeQuestion } from "../../services/event-actions";
import { EventQuestionInput } from "../../http/schemas";
import { adminApp, redirectDone, renderPage } from "../../http/admin-http";
import { renderEventPage } from "./render-event-page";
import { attempt, isChecked, one, validateForm, type FieldMapping, type Form } from "../../http/form-input";

/**
 * Choice options, one per line as "Finnish | Swedish | English". Values are made from the line
 * number: a day's own options only need to stay apart within the question. A line without three
 * parts keeps its text in Finnish and leaves the others empty: they show the day's main language.
 */
export function optionLines(text: string) {
  return text
    .split(/\r?\n/)
    .filter((line) => line.replaceAll("|", "").trim() !== "")
    .map((line, index) => {
      const [fi = "", sv = "", en = "", ...extra] = line.split("|");
      return { value: `option_${index + 1}`, fi, sv: extra.length > 0 ? "" : sv, en: extra.length > 0 ? "" : en };
    });
}

function questionFormData(form: Form) {
  const kind = one(form, "kind");
  const options = one(form, "options");
  return {
    kind,
    required: isChecked(form, "required"),
    text: { fi: one(form, "fi"), sv: one(form, "sv"), en: one(form, "en") },
    // Options typed for another kind are sent too, so the person is told rather than losing them.
    ...((kind === "choice" || options.trim() !== "") && { options: optionLines(options) }),
  };
}

const QUESTION_MAPPING: FieldMapping = {
  fields: {
    kind: QUESTION_FIELDS.kind,
    text: QUESTION_FIELDS.fi,
    "text.fi": QUESTION_FIELDS.fi,
    "text.sv": QUESTION_FIELDS.sv,
    "text.en": QUESTION_FIELDS.en,
    options: QUESTION_FIELDS.options,
    "": QUESTION_FIELDS.options,
    questions: LOCKED,
  },
  messages: {
    [QUESTION_FIELDS.kind]: "admin.error.choose",
    [QUESTION_FIELDS.fi]: "admin.error.questionText",
    [`${QUESTION_FIELDS.fi}:check`]: "admin.error.questionTextSome",
    [QUESTION_FIELDS.sv]: "admin.error.questionText",
    [QUESTION_FIELDS.en]: "admin.error.questionText",
    [QUESTION_FIELDS.options]: "admin.error.options",
    [`${QUESTION_FIELDS.options}:check`]: "admin.error.optionsOnlyChoice",
    [LOCKED]: "admin.questions.locked",
  },
};

/** The day's own questions, after the national core set; fixed once the survey has answers. */
export function adminEventQuestionRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.post("/events/:id/questions", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const input = validateForm(lang, EventQuestionInput, questionFormData(form), QUESTION_MAPPING);
    const added = input.ok ? await attempt(lang, QUESTION_MAPPING, () => addQuestion(deps, principal, event, input.value)) : input;
    if (!added.ok) {
      const status = added.errors.some((e) => e.field === LOCKED) ? 409 : 422;
      return renderEventPage(deps, c, principal, event, { name: "question", values: form, errors: added.errors }, status);
    }
    return redirectDone(c, `/admin/events/${event.id}`, "questionAdded");
  });

  app.post("/events/:id/questions/:questionId/remove", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const removed = await attempt(lang, QUESTION_MAPPING, () => removeQuestion(deps, principal, event, idParam(c, "questionId")));
    if (!removed.ok) return renderEventPage(deps, c, principal, event, { name: "question", values: {}, errors: removed.errors }, 409);
    return redirectDone(c, `/admin/events/${event.id}`, "questionRemoved");
  });

  app.get("/events/:id/questions/:questionId/edit", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const { question, locked } = await ownQuestion(deps, event, idParam(c, "questionId"));
    const page = (
      <EditQuestionPage
        lang={requestLang(c)}
        principal={principal}
        event={event}
        question={question}
        locked={locked}
        values={questionValues(question)}
      />
    );
    return renderPage(c, page);
  });

  app.post("/events/:id/questions/:questionId/edit", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const { question, locked } = await ownQuestion(deps, event, idParam(c, "questionId"));
    const lang = requestLang(c);
    const form = await readForm(c);
    // The form has no control for a text question's length limit: keep the one it has.
    const data = {
      ...questionFormData(form),
      ...(question.maxLength !== null && one(form, "kind") === "text" && { maxLength: question.maxLength }),
    };
    const input = validateForm(lang, EventQuestionInput, data, QUESTION_MAPPING);
    const changed = input.ok
      ? await attempt(lang, QUESTION_MAPPING, () => changeQuestion(deps, principal, event, question.id, input.value))
      : input;
    if (!changed.ok) {
      const status = changed.errors.some((e) => e.field === LOCKED) ? 409 : 422;
      const page = (
        <EditQuestionPage
          lang={lang}
          principal={principal}
          event={event}
          question={question}
          locked={locked}
          values={form}
          errors={changed.errors}
        />
      );
      return renderPage(c, page, status);
    }
    return redirectDone(c, `/admin/events/${event.id}`, "questionChanged");
  });

  return app;
}
