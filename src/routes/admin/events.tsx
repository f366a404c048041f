import type { AppContext } from "../../app-env";
import { readableEvent, writableEvent } from "../../http/access";
import { requirePrincipal } from "../../http/session";
import { filledQuery, idParam, lenientQuery, readForm, requestLang } from "../../http/validate";
import { eventList } from "../../services/event-list";
import { EDIT_PREFIX, ATTENDANCE_FIELD } from "../../views/admin/event-page";
import { NATIONAL_EVENT } from "../../views/admin/event-fields";
import { EventListPage } from "../../views/admin/event-list-page";
import { NewEventPage } from "../../views/admin/new-event-page";
import { changeEvent, createEvent } from "../../services/event-actions";
import { EventChanges, EventListQuery, NewEventInput, PublishedResultBody } from "../../http/schemas";
import { recordPublishedResult } from "../../services/published-results";
import { PUBLISHED_FIELDS, PUBLISHED_GRADES } from "../../views/admin/published-result-section";
import { adminApp, doneMessage, redirectDone, renderPage } from "../../http/admin-http";
import { renderEventPage, requireEventChoices } from "./render-event-page";
import {
  attempt,
  blankToNull,
  decimalOrText,
  idValue,
  one,
  validateForm,
  wholeNumberOrNull,
  type FieldMapping,
  type Form,
} from "../../http/form-input";

/** "" from a select left at its default: the field is left out (a new day's main language then comes from its region). */
function blankToUndefined(text: string): string | undefined {
  return text === "" ? undefined : text;
}

/** The day form's strings as the shared schemas want them. */
export function eventFormData(form: Form) {
  const region = one(form, "region");
  const theme = one(form, "theme");
  return {
    programmeId: idValue(one(form, "programme")),
    regionCode: region === NATIONAL_EVENT ? null : region,
    date: one(form, "date").trim(),
    themeId: theme === "" ? null : idValue(theme),
    mainLang: blankToUndefined(one(form, "mainLang")),
    title: blankToNull(one(form, "title")),
    titleSv: blankToNull(one(form, "titleSv")),
    titleEn: blankToNull(one(form, "titleEn")),
    location: blankToNull(one(form, "location")),
    locationSv: blankToNull(one(form, "locationSv")),
    locationEn: blankToNull(one(form, "locationEn")),
    attendance: wholeNumberOrNull(one(form, "attendance")),
  };
}

export function eventMapping(prefix: string): FieldMapping {
  const id = (field: string) => `${prefix}${field}`;
  return {
    fields: {
      regionCode: id("region"),
      date: id("date"),
      programmeId: id("programme"),
      themeId: id("theme"),
      mainLang: id("mainLang"),
      title: id("title"),
      titleSv: id("titleSv"),
      titleEn: id("titleEn"),
      location: id("location"),
      locationSv: id("locationSv"),
      locationEn: id("locationEn"),
      attendance: id("attendance"),
    },
    messages: {
      [id("region")]: "admin.error.choose",
      [id("date")]: "admin.error.date",
      [id("programme")]: "admin.error.choose",
      [id("theme")]: "admin.error.choose",
      [id("theme:unknown")]: "admin.error.themeProgramme",
      [id("mainLang")]: "admin.error.choose",
      [id("title")]: "admin.error.title",
      [id("titleSv")]: "admin.error.title",
      [id("titleEn")]: "admin.error.title",
      [id("location")]: "admin.error.location",
      [id("locationSv")]: "admin.error.location",
      [id("locationEn")]: "admin.error.location",
      [id("attendance")]: "admin.error.attendance",
    },
  };
}

const ATTENDANCE_MAPPING: FieldMapping = {
  fields: { attendance: ATTENDANCE_FIELD },
  messages: { [ATTENDANCE_FIELD]: "admin.error.attendance" },
};

/** The published-result form as PublishedResultBody wants it: "8,5" is 8.5; blank counts mean "not published". */
function publishedFormData(form: Form) {
  const counts = PUBLISHED_GRADES.map((grade) => [String(grade), wholeNumberOrNull(one(form, `dist-${grade}`))] as const);
  const given = counts.filter(([, count]) => count !== null);
  return {
    mean: decimalOrText(one(form, "mean")),
    n: wholeNumberOrNull(one(form, "n")),
    distribution: given.length === 0 ? null : Object.fromEntries(counts.map(([grade, count]) => [grade, count ?? 0])),
    attendance: wholeNumberOrNull(one(form, "attendance")),
    source: one(form, "source"),
  };
}

const PUBLISHED_MAPPING: FieldMapping = {
  fields: {
    mean: PUBLISHED_FIELDS.mean,
    n: PUBLISHED_FIELDS.n,
    distribution: PUBLISHED_FIELDS.distribution,
    attendance: PUBLISHED_FIELDS.attendance,
    source: PUBLISHED_FIELDS.source,
  },
  messages: {
    [PUBLISHED_FIELDS.mean]: "admin.error.publishedMean",
    [PUBLISHED_FIELDS.n]: "admin.error.publishedN",
    [PUBLISHED_FIELDS.distribution]: "admin.error.publishedDistribution",
    [`${PUBLISHED_FIELDS.distribution}:distribution_n`]: "admin.error.publishedDistributionN",
    [`${PUBLISHED_FIELDS.distribution}:distribution_mean`]: "admin.error.publishedDistributionMean",
    [PUBLISHED_FIELDS.attendance]: "admin.error.attendance",
    [PUBLISHED_FIELDS.source]: "admin.error.publishedSource",
  },
};

/** Academy days as pages: the list, a new day, one day and its edit forms. */
export function adminEventRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/", async (c) => {
    const principal = requirePrincipal(c);
    // A hand-edited or old link with a wrong value (the form itself cannot send one) still shows the
    // list without that value, with a note naming it, and answers 422 so the mistake is not silent.
    const { value: options, problems } = lenientQuery(c, EventListQuery, filledQuery(c));
    const list = await eventList(deps, principal, options);
    return renderPage(
      c,
      <EventListPage
        lang={requestLang(c)}
        principal={principal}
        options={options}
        ignored={problems}
        list={list}
        now={deps.now()}
        done={doneMessage(c)}
      />,
      problems.length > 0 ? 422 : 200,
    );
  });

  // Before /events/:id, so "new" is never read as an id.
  app.get("/events/new", async (c) => {
    const principal = requirePrincipal(c);
    const lang = requestLang(c);
    const choices = await requireEventChoices(deps, principal, lang);
    const only = !choices.allowNational && choices.regions.length === 1 ? choices.regions[0]!.value : "";
    const newest = choices.programmes.at(-1);
    return renderPage(
      c,
      <NewEventPage
        lang={lang}
        principal={principal}
        choices={choices}
        values={{ region: only, programme: newest ? String(newest.id) : "" }}
      />,
    );
  });

  app.post("/events/new", async (c) => {
    const principal = requirePrincipal(c);
    const lang = requestLang(c);
    const choices = await requireEventChoices(deps, principal, lang);
    const form = await readForm(c);
    const mapping = eventMapping("");
    const input = validateForm(lang, NewEventInput, eventFormData(form), mapping);
    // createEvent refuses a region this person may not write (403) and unknown references (422).
    const created = input.ok ? await attempt(lang, mapping, () => createEvent(deps, principal, input.value)) : input;
    if (!created.ok)
      return renderPage(c, <NewEventPage lang={lang} principal={principal} choices={choices} values={form} errors={created.errors} />, 422);
    return redirectDone(c, `/admin/events/${created.value}`, "eventCreated");
  });

  app.get("/events/:id", async (c) => {
    const { principal, event } = await readableEvent(deps, c, idParam(c));
    return renderEventPage(deps, c, principal, event);
  });

  app.post("/events/:id", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const mapping = eventMapping(EDIT_PREFIX);
    const changes = validateForm(lang, EventChanges, eventFormData(form), mapping);
    const saved = changes.ok ? await attempt(lang, mapping, () => changeEvent(deps, principal, event, changes.value)) : changes;
    if (!saved.ok) return renderEventPage(deps, c, principal, event, { name: "edit", values: form, errors: saved.errors }, 422);
    return redirectDone(c, `/admin/events/${event.id}`, "eventSaved");
  });

  // The head count on its own: the one thing an agent records at the end of the day, on a phone.
  app.post("/events/:id/attendance", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const changes = validateForm(lang, EventChanges, { attendance: wholeNumberOrNull(one(form, "attendance")) }, ATTENDANCE_MAPPING);
    if (!changes.ok) return renderEventPage(deps, c, principal, event, { name: "attendance", values: form, errors: changes.errors }, 422);
    await changeEvent(deps, principal, event, changes.value);
    return redirectDone(c, `/admin/events/${event.id}`, "attendanceSaved");
  });

  // A report's figures for the day (national team); saving closes the day's survey for good.
  app.post("/events/:id/published-result", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const input = validateForm(lang, PublishedResultBody, publishedFormData(form), PUBLISHED_MAPPING);
    const saved = input.ok
      ? await attempt(lang, PUBLISHED_MAPPING, () => recordPublishedResult(deps, principal, event, input.value))
      : input;
    if (!saved.ok) return renderEventPage(deps, c, principal, event, { name: "published", values: form, errors: saved.errors }, 422);
    return redirectDone(c, `/admin/events/${event.id}`, "publishedSaved");
  });

  return app;
}
