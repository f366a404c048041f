import type { AppContext } from "../../app-env";
import { helsinkiInstant } from "../../domain/helsinki-time";
import type { Lang } from "../../domain/lang";
import { readableEvent, writableEvent } from "../../http/access";
import { idParam, readForm, requestLang } from "../../http/validate";
import { allRegions } from "../../services/regions";
import { SCHEDULE_FIELDS } from "../../views/admin/event-survey-section";
import { regionName } from "../../views/admin/names";
import { PosterPage } from "../../views/admin/poster-page";
import { closeSurvey, openSurvey, scheduleSurvey } from "../../services/event-actions";
import { publicOrigin, surveyUrl } from "../../http/presenters/event-json";
import { qrSvg } from "../../http/qr-svg";
import { SurveyWindow } from "../../http/schemas";
import { adminApp, redirectDone, renderPage } from "../../http/admin-http";
import { renderEventPage } from "./render-event-page";
import { attempt, one, validateForm, type FieldMapping } from "../../http/form-input";

/**
 * A datetime-local value is a Helsinki wall-clock time; the schema wants an instant. Text that is
 * no such time is passed on unchanged so the schema refuses it; empty means "no limit".
 */
function instantOrText(text: string): string | null {
  if (text.trim() === "") return null;
  const instant = helsinkiInstant(text.trim());
  return instant === null ? text : new Date(instant).toISOString();
}

const SCHEDULE_MAPPING: FieldMapping = {
  // The order check is on the whole window; it is the closing time that needs changing.
  fields: { opensAt: SCHEDULE_FIELDS.opens, closesAt: SCHEDULE_FIELDS.closes, "": SCHEDULE_FIELDS.closes },
  messages: {
    [SCHEDULE_FIELDS.opens]: "admin.error.dateTime",
    [SCHEDULE_FIELDS.closes]: "admin.error.dateTime",
    [`${SCHEDULE_FIELDS.closes}:check`]: "admin.error.closesBeforeOpens",
    [`${SCHEDULE_FIELDS.closes}:order`]: "admin.error.closesBeforeOpens",
  },
};

/** A day's survey: open, close, schedule, and the printable poster. */
export function adminEventSurveyRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.post("/events/:id/survey/open", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await openSurvey(deps, principal, event);
    return redirectDone(c, `/admin/events/${event.id}`, "surveyOpened");
  });

  app.post("/events/:id/survey/close", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await closeSurvey(deps, principal, event);
    return redirectDone(c, `/admin/events/${event.id}`, "surveyClosed");
  });

  app.post("/events/:id/survey/schedule", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const window = validateForm(
      lang,
      SurveyWindow,
      { opensAt: instantOrText(one(form, "opens")), closesAt: instantOrText(one(form, "closes")) },
      SCHEDULE_MAPPING,
    );
    const saved = window.ok ? await attempt(lang, SCHEDULE_MAPPING, () => scheduleSurvey(deps, principal, event, window.value)) : window;
    if (!saved.ok) return renderEventPage(deps, c, principal, event, { name: "schedule", values: form, errors: saved.errors }, 422);
    return redirectDone(c, `/admin/events/${event.id}`, "surveyScheduled");
  });

  // Printing is reading: anyone who may read the day may print its poster.
  app.get("/events/:id/poster", async (c) => {
    const { principal, event } = await readableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const regions = await allRegions(deps);
    const origin = publicOrigin(deps, c);
    const url = surveyUrl(origin, event.slug);
    const place = (l: Lang) => regionName(l, regions, event.regionCode);
    return renderPage(
      c,
      <PosterPage lang={lang} principal={principal} event={event} place={place} surveyUrl={url} origin={origin} qrSvg={qrSvg(url)} />,
    );
  });

  return app;
}
