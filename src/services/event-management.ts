import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import { isNational } from "../auth/authorize";
import { AppError } from "../http/errors";
import type { EventChanges } from "../http/schemas";
import { addEventQuestion } from "../queries/event-questions";
import { deleteEventWithSurvey, eventLosses, setEventCancelled } from "../queries/event-management";
import { getEvent, type EventRow } from "../queries/events";
import { listQuestions } from "../queries/survey-by-slug";
import { dayPlaces, dayTitle, dayTitles } from "../domain/day-texts";
import { writtenTexts } from "../domain/questions";
import { countTestResponses } from "../queries/test-responses";
import type { ServiceContext } from "./context";
import { createEvent } from "./event-actions";

// Managing whole days (issue 16 item 4): duplicate into another date, theme or region; cancel and
// take back; delete. The route has already checked that the person may write the source day
// (src/http/access.ts writableEvent); what else is needed is checked here.

/**
 * A new day like `source` with the given changes: a new survey, short code and default closing as
 * any new day gets (createEvent, which also refuses a target region the person may not write), and
 * copies of the source's own questions. Answers, test answers, head count and published result are
 * never copied. Returns the new day's id.
 */
export async function duplicateEvent(
  deps: ServiceContext,
  principal: SessionPrincipal,
  source: EventRow,
  changes: v.InferOutput<typeof EventChanges>,
): Promise<number> {
  const id = await createEvent(deps, principal, {
    programmeId: changes.programmeId ?? source.programmeId,
    regionCode: changes.regionCode !== undefined ? changes.regionCode : source.regionCode,
    date: changes.date ?? source.date,
    themeId: changes.themeId !== undefined ? changes.themeId : source.themeId,
    ...copiedTexts(source, changes),
    attendance: changes.attendance ?? null,
  });
  if (source.extraQuestionSetId !== null) {
    const own = await listQuestions(deps.db, source.extraQuestionSetId, source.mainLang);
    let copy = (await getEvent(deps.db, id))!;
    for (const q of own) {
      await addEventQuestion(
        deps.db,
        { surveyId: copy.surveyId, eventId: id, extraSetId: copy.extraQuestionSetId },
        {
          kind: q.kind,
          required: q.required,
          // As written: a text that fell back to the source's main language falls back in the copy too.
          ...questionTextColumns(writtenTexts(q.text, q.shownIn)),
          scale: q.scale,
          optionsJson:
            q.options.length === 0 ? null : JSON.stringify(q.options.map((o) => ({ value: o.value, ...writtenTexts(o.label, o.shownIn) }))),
          maxLength: q.maxLength,
        },
      );
      // The first question makes the copy's own set; the rest go into it.
      if (copy.extraQuestionSetId === null) copy = (await getEvent(deps.db, id))!;
    }
  }
  const regionCode = changes.regionCode !== undefined ? changes.regionCode : source.regionCode;
  await deps.audit({
    userId: principal.userId,
    action: "event_duplicated",
    regionCode,
    target: `event:${id}`,
    details: { from: source.id, fromTitle: dayTitle(source, source.mainLang).text, date: changes.date ?? source.date },
  });
  return id;
}

/** Cancelled days stay listed with a label, take no answers and drop out of every figure. */
export async function cancelEvent(deps: ServiceContext, principal: SessionPrincipal, event: EventRow) {
  if (event.cancelledAt !== null) return;
  await setEventCancelled(deps.db, event.id, deps.now());
  await deps.audit({
    userId: principal.userId,
    action: "event_cancelled",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { title: dayTitle(event, event.mainLang).text, date: event.date },
  });
}

export async function uncancelEvent(deps: ServiceContext, principal: SessionPrincipal, event: EventRow) {
  if (event.cancelledAt === null) return;
  await setEventCancelled(deps.db, event.id, null);
  await deps.audit({
    userId: principal.userId,
    action: "event_uncancelled",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { title: dayTitle(event, event.mainLang).text, date: event.date },
  });
}

export interface DeletionLosses {
  readonly responses: number;
  readonly comments: number;
  readonly testAnswers: number;
  /** The day has a published result (its figure goes too). */
  readonly published: boolean;
  /** Anything beyond test answers is lost: only the national team may delete, after confirming. */
  readonly needsConfirmation: boolean;
}

/** What deleting the day would lose, for the confirmation page and the refusal. */
export async function deletionLosses(deps: Pick<ServiceContext, "db">, event: EventRow): Promise<DeletionLosses> {
  const [{ responses, comments }, testAnswers] = await Promise.all([
    eventLosses(deps.db, event.surveyId),
    countTestResponses(deps.db, event.surveyId),
  ]);
  // An archived day has no response rows left but still its figures (response_count): those are lost too.
  const counted = Math.max(responses, event.responseCount);
  const published = event.reportedGradeMean !== null;
  return { responses: counted, comments, testAnswers, published, needsConfirmation: counted > 0 || published };
}

/**
 * Deletes a day for good. A day without answers: whoever may write its region. A day with answers
 * or a published result: only the national team, and only with `confirmResponses` equal to the
 * number of responses now (what the confirmation page showed), so an answer arriving in between
 * is not lost unseen.
 */
export async function deleteEvent(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  confirmResponses: number | undefined,
): Promise<DeletionLosses> {
  const losses = await deletionLosses(deps, event);
  if (losses.needsConfirmation) {
    if (!isNational(principal))
      throw new AppError("forbidden", undefined, [
        { key: "event", code: "has_answers", message: "only the national team may delete a day with answers" },
      ]);
    if (confirmResponses !== losses.responses)
      throw new AppError("conflict", undefined, [
        {
          key: "confirmResponses",
          code: "confirm",
          message: `the day has ${losses.responses} responses and ${losses.comments} comments: confirm with confirmResponses=${losses.responses}`,
        },
      ]);
  }
  await deleteEventWithSurvey(deps.db, { eventId: event.id, surveyId: event.surveyId, extraQuestionSetId: event.extraQuestionSetId });
  await deps.audit({
    userId: principal.userId,
    action: "event_deleted",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { title: dayTitle(event, event.mainLang).text, date: event.date, responses: losses.responses, comments: losses.comments },
  });
  return losses;
}

/** The copy's titles, places and main language: the duplicate form's where it gave them, else the source's. */
function copiedTexts(source: EventRow, changes: v.InferOutput<typeof EventChanges>) {
  const pick = <T>(change: T | undefined, now: T) => (change === undefined ? now : change);
  const titles = dayTitles(source);
  const places = dayPlaces(source);
  return {
    title: pick(changes.title, titles.fi),
    titleSv: pick(changes.titleSv, titles.sv),
    titleEn: pick(changes.titleEn, titles.en),
    location: pick(changes.location, places.fi),
    locationSv: pick(changes.locationSv, places.sv),
    locationEn: pick(changes.locationEn, places.en),
    mainLang: changes.mainLang ?? source.mainLang,
  };
}

function questionTextColumns(text: { fi: string; sv: string; en: string }) {
  return { textFi: text.fi, textSv: text.sv, textEn: text.en };
}
