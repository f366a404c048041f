import type { AppContext } from "../../app-env";
import { writableEvent } from "../../http/access";
import { AppError } from "../../http/errors";
import { adminApp, redirectDone, renderPage } from "../../http/admin-http";
import { attempt, one, validateForm, wholeNumberOrNull } from "../../http/form-input";
import { NewEventInput } from "../../http/schemas";
import { idParam, readForm, requestLang } from "../../http/validate";
import { cancelEvent, deleteEvent, deletionLosses, duplicateEvent, uncancelEvent } from "../../services/event-management";
import { DeleteEventPage } from "../../views/admin/delete-event-page";
import { DuplicateEventPage } from "../../views/admin/duplicate-event-page";
import { eventValues } from "../../views/admin/event-fields";
import { eventFormData, eventMapping } from "./events";
import { requireEventChoices } from "./render-event-page";

/** Day management as pages (issue 16 item 4): duplicate, cancel and take back, delete after a
 *  confirmation. The rules are in src/services/event-management.ts, shared with the JSON API. */
export function adminEventManageRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/events/:id/duplicate", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const choices = await requireEventChoices(deps, principal, lang);
    // The copy is a new day: its head count starts empty.
    const values = { ...eventValues(event), attendance: "" };
    return renderPage(c, <DuplicateEventPage lang={lang} principal={principal} source={event} choices={choices} values={values} />);
  });

  app.post("/events/:id/duplicate", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const choices = await requireEventChoices(deps, principal, lang);
    const form = await readForm(c);
    const mapping = eventMapping("");
    const input = validateForm(lang, NewEventInput, eventFormData(form), mapping);
    // duplicateEvent refuses a target region this person may not write (403) and unknown references (422).
    const created = input.ok ? await attempt(lang, mapping, () => duplicateEvent(deps, principal, event, input.value)) : input;
    if (!created.ok)
      return renderPage(
        c,
        <DuplicateEventPage lang={lang} principal={principal} source={event} choices={choices} values={form} errors={created.errors} />,
        422,
      );
    return redirectDone(c, `/admin/events/${created.value}`, "eventDuplicated");
  });

  app.post("/events/:id/cancel", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await cancelEvent(deps, principal, event);
    return redirectDone(c, `/admin/events/${event.id}`, "eventCancelled");
  });

  app.post("/events/:id/uncancel", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await uncancelEvent(deps, principal, event);
    return redirectDone(c, `/admin/events/${event.id}`, "eventUncancelled");
  });

  app.get("/events/:id/delete", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const losses = await deletionLosses(deps, event);
    return renderPage(c, <DeleteEventPage lang={requestLang(c)} principal={principal} event={event} losses={losses} />);
  });

  app.post("/events/:id/delete", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const form = await readForm(c);
    const confirm = wholeNumberOrNull(one(form, "confirmResponses"));
    // Only the hidden field of the confirmation page sets this: anything but a count is a bad request.
    if (typeof confirm === "string" || (typeof confirm === "number" && confirm < 0))
      throw new AppError("validation_failed", undefined, [
        { key: "confirmResponses", code: "number", message: "confirmResponses must be a whole number" },
      ]);
    // A refusal (an agent and a day with answers: 403; an answer arrived since the page: 409) goes through the error page.
    await deleteEvent(deps, principal, event, typeof confirm === "number" ? confirm : undefined);
    return redirectDone(c, "/admin", "eventDeleted");
  });

  return app;
}
