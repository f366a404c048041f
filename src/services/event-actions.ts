import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { randomAlphanumeric } from "../auth/tokens";
import { scaleForKind } from "../domain/questions";
import { defaultClosesAt } from "../domain/survey-closing";
import { getProgramme } from "../queries/programmes";
import { requireWriteRegion } from "../http/access";
import { AppError } from "../http/errors";
import type { AuditAction } from "../queries/audit";
import { addEventQuestion, removeEventQuestion, updateEventQuestion, type NewEventQuestion } from "../queries/event-questions";
import {
  getEvent,
  insertEventWithSurvey,
  referencesExist,
  regionMainLang,
  setSurveyWindow,
  updateEvent,
  type EventRow,
} from "../queries/events";
import { dayPlaces, dayTitle, dayTitles, hasTitle, placeColumns, titleColumns } from "../domain/day-texts";
import { listQuestions } from "../queries/survey-by-slug";
import type { EventQuestionInput, EventChanges, NewEventInput, SurveyWindow } from "../http/schemas";

// What staff can do to an academy day, shared by the JSON API and the admin pages: authorize,
// check references, write, and leave an audit line.

const SLUG_LENGTH = 16;

/** The day as stored now (after a change, for the answer); not_found when there is none.
 *  Whether the person may read it is decided before (src/http/access.ts readableEvent). */
export async function eventById(deps: Pick<ServiceContext, "db">, id: number): Promise<EventRow> {
  const event = await getEvent(deps.db, id);
  if (!event) throw new AppError("not_found");
  return event;
}

async function checkReferences(deps: ServiceContext, refs: { programmeId: number; regionCode: string | null; themeId: number | null }) {
  const found = await referencesExist(deps.db, refs);
  const fields = [
    !found.programme && { key: "programmeId", code: "unknown", message: "programme not found" },
    !found.region && { key: "regionCode", code: "unknown", message: "region not found" },
    !found.theme && { key: "themeId", code: "unknown", message: "theme not found in this programme" },
  ].filter((f) => f !== false);
  if (fields.length > 0) throw new AppError("validation_failed", undefined, fields);
}

export async function createEvent(
  deps: ServiceContext,
  principal: SessionPrincipal,
  input: v.InferOutput<typeof NewEventInput>,
): Promise<number> {
  requireWriteRegion(principal, input.regionCode);
  await checkReferences(deps, { programmeId: input.programmeId, regionCode: input.regionCode, themeId: input.themeId });
  const programme = await getProgramme(deps.db, input.programmeId);
  const mainLang = input.mainLang ?? (await regionMainLang(deps.db, input.regionCode));
  const texts = {
    ...titleColumns({ fi: input.title, sv: input.titleSv, en: input.titleEn }),
    ...placeColumns({ fi: input.location, sv: input.locationSv, en: input.locationEn }),
    mainLang,
  };
  requireTitle(texts);
  const id = await insertEventWithSurvey(
    deps.db,
    {
      programmeId: input.programmeId,
      regionCode: input.regionCode,
      date: input.date,
      themeId: input.themeId,
      attendance: input.attendance,
      ...texts,
    },
    randomAlphanumeric(SLUG_LENGTH),
    defaultClosesAt(input.date, programme?.surveyCloseDays ?? null),
  );
  await audit(deps, principal, "event_created", input.regionCode, id, { title: dayTitle(texts, mainLang).text, date: input.date });
  return id;
}

/** A change's titles and places merged over the day's: a day keeps a title in at least one language. */
function changedTexts(event: EventRow, changes: v.InferOutput<typeof EventChanges>) {
  const pick = (change: string | null | undefined, now: string | null) => (change === undefined ? now : change);
  const titles = dayTitles(event);
  const places = dayPlaces(event);
  const merged = {
    ...titleColumns({ fi: pick(changes.title, titles.fi), sv: pick(changes.titleSv, titles.sv), en: pick(changes.titleEn, titles.en) }),
    ...placeColumns({
      fi: pick(changes.location, places.fi),
      sv: pick(changes.locationSv, places.sv),
      en: pick(changes.locationEn, places.en),
    }),
  };
  requireTitle(merged);
  return merged;
}

/** A day needs a title in at least one language; the others fall back to it (src/domain/day-texts.ts). */
function requireTitle(columns: ReturnType<typeof titleColumns>) {
  if (!hasTitle({ fi: columns.title, sv: columns.titleSv, en: columns.titleEn }))
    throw new AppError("validation_failed", undefined, [
      { key: "title", code: "required", message: "a title is needed in at least one language" },
    ]);
}

export async function changeEvent(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  changes: v.InferOutput<typeof EventChanges>,
) {
  if (changes.regionCode !== undefined) requireWriteRegion(principal, changes.regionCode);
  const programmeId = changes.programmeId ?? event.programmeId;
  const themeId = changes.themeId !== undefined ? changes.themeId : event.themeId;
  const regionCode = changes.regionCode !== undefined ? changes.regionCode : event.regionCode;
  await checkReferences(deps, { programmeId, regionCode, themeId });
  const { title, titleSv, titleEn, location, locationSv, locationEn, ...rest } = changes;
  const textsChanged = [title, titleSv, titleEn, location, locationSv, locationEn].some((text) => text !== undefined);
  await updateEvent(deps.db, event.id, { ...rest, ...(textsChanged && changedTexts(event, changes)) });
  await audit(deps, principal, "event_updated", regionCode, event.id, changes);
}

/** A published result is final: its day's survey stays closed (src/services/published-results.ts). */
function requireNotPublished(event: EventRow) {
  if (event.reportedGradeMean !== null)
    throw new AppError("conflict", undefined, [
      { key: "survey", code: "published", message: "the day has a published result; its survey stays closed" },
    ]);
}

export async function openSurvey(deps: ServiceContext, principal: SessionPrincipal, event: EventRow) {
  requireNotPublished(event);
  const now = deps.now();
  await setSurveyWindow(deps.db, event.surveyId, {
    opensAt: event.opensAt !== null && event.opensAt > now ? now : event.opensAt,
    closesAt: null,
  });
  await audit(deps, principal, "survey_opened", event.regionCode, event.id);
}

export async function closeSurvey(deps: ServiceContext, principal: SessionPrincipal, event: EventRow) {
  await setSurveyWindow(deps.db, event.surveyId, { closesAt: deps.now() });
  await audit(deps, principal, "survey_closed", event.regionCode, event.id);
}

export async function scheduleSurvey(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  window: v.InferOutput<typeof SurveyWindow>,
) {
  requireNotPublished(event);
  const toMs = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : Date.parse(value));
  const opensAt = toMs(window.opensAt);
  const closesAt = toMs(window.closesAt);
  const finalOpens = opensAt === undefined ? event.opensAt : opensAt;
  const finalCloses = closesAt === undefined ? event.closesAt : closesAt;
  if (finalOpens !== null && finalCloses !== null && finalCloses <= finalOpens) {
    throw new AppError("validation_failed", undefined, [{ key: "closesAt", code: "order", message: "closesAt must be after opensAt" }]);
  }
  await setSurveyWindow(deps.db, event.surveyId, {
    ...(opensAt !== undefined && { opensAt }),
    ...(closesAt !== undefined && { closesAt }),
  });
  await audit(deps, principal, "survey_scheduled", event.regionCode, event.id, { opensAt: window.opensAt, closesAt: window.closesAt });
}

/** The day's questions: the national core set, then the day's own; `locked` once the survey has answers. */
export async function eventQuestions(deps: Pick<ServiceContext, "db">, event: EventRow) {
  const [core, eventRow] = await Promise.all([
    listQuestions(deps.db, event.questionSetId),
    event.extraQuestionSetId === null ? [] : listQuestions(deps.db, event.extraQuestionSetId, event.mainLang),
  ]);
  return { locked: event.responseCount > 0, core, day: eventRow };
}

/** One of the day's own questions, for its edit page; not_found for a core question or another day's. */
export async function ownQuestion(deps: Pick<ServiceContext, "db">, event: EventRow, questionId: number) {
  const own = event.extraQuestionSetId === null ? [] : await listQuestions(deps.db, event.extraQuestionSetId, event.mainLang);
  const question = own.find((q) => q.id === questionId);
  if (!question) throw new AppError("not_found");
  return { locked: event.responseCount > 0, question };
}

/** A day's own questions can change only until the first answer: afterwards the results would mix. */
function requireNoAnswers(event: EventRow) {
  if (event.responseCount > 0)
    throw new AppError("conflict", undefined, [{ key: "questions", code: "has_answers", message: "the survey already has answers" }]);
}

export async function addQuestion(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  input: v.InferOutput<typeof EventQuestionInput>,
) {
  requireNoAnswers(event);
  const id = await addEventQuestion(
    deps.db,
    { surveyId: event.surveyId, eventId: event.id, extraSetId: event.extraQuestionSetId },
    storedQuestion(input),
  );
  await audit(deps, principal, "question_added", event.regionCode, event.id, { questionId: id, kind: input.kind });
  return id;
}

/** A question as the form or JSON gave it, as stored. */
function storedQuestion(input: v.InferOutput<typeof EventQuestionInput>): NewEventQuestion {
  return {
    kind: input.kind,
    required: input.required,
    textFi: input.text.fi,
    textSv: input.text.sv,
    textEn: input.text.en,
    scale: scaleForKind(input.kind),
    optionsJson: input.options ? JSON.stringify(input.options) : null,
    maxLength: input.kind === "text" ? (input.maxLength ?? 2000) : null,
  };
}

/** Rewrites one of the day's own questions; like adding and removing, only until the first real
 *  answer (test answers are kept apart and do not count, src/services/test-answers.ts). */
export async function changeQuestion(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  questionId: number,
  input: v.InferOutput<typeof EventQuestionInput>,
) {
  requireNoAnswers(event);
  if (
    event.extraQuestionSetId === null ||
    !(await updateEventQuestion(deps.db, event.extraQuestionSetId, questionId, storedQuestion(input)))
  ) {
    throw new AppError("not_found");
  }
  await audit(deps, principal, "question_changed", event.regionCode, event.id, { questionId, kind: input.kind });
}

export async function removeQuestion(deps: ServiceContext, principal: SessionPrincipal, event: EventRow, questionId: number) {
  requireNoAnswers(event);
  if (event.extraQuestionSetId === null || !(await removeEventQuestion(deps.db, event.extraQuestionSetId, questionId))) {
    // Core questions are not the day's to remove; they change only through a new core version.
    throw new AppError("not_found");
  }
  await audit(deps, principal, "question_removed", event.regionCode, event.id, { questionId });
}

async function audit(
  deps: ServiceContext,
  principal: SessionPrincipal,
  action: AuditAction,
  regionCode: string | null,
  eventId: number,
  details?: Record<string, unknown>,
) {
  await deps.audit({ userId: principal.userId, action, regionCode, target: `event:${eventId}`, ...(details && { details }) });
}
