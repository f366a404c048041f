import type { AppContext } from "../../app-env";
import type { Lang } from "../../domain/lang";
import { readableEvent, writableEvent } from "../../http/access";
import { adminApp, redirectDone, renderPage } from "../../http/admin-http";
import { one } from "../../http/form-input";
import { publicOrigin } from "../../http/presenters/event-json";
import { idParam, readForm, requestLang } from "../../http/validate";
import { t, type MessageKey } from "../../domain/i18n";
import { READABLE_SLUG_MAX, READABLE_SLUG_MIN } from "../../domain/readable-slug";
import { liveFiguresReader } from "../../services/live-figures";
import { createDisplayLink, revokeDisplayLink } from "../../services/presenter-display";
import { chooseReadableSlug } from "../../services/readable-slugs";
import { DisplayLinkPage } from "../../views/admin/display-link-page";
import { SLUG_FIELD } from "../../views/admin/event-presenter-section";
import { PresenterPage } from "../../views/presenter-page";
import { renderEventPage } from "./render-event-page";

/** A day's live presenter view for staff, its display link, and the survey's readable address. */
export function adminEventPresenterRoutes(deps: AppContext) {
  const app = adminApp(deps);
  const figures = liveFiguresReader(deps);

  // Reading: anyone who may read the day may put its aggregates on a screen.
  app.get("/events/:id/live", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const base = `/admin/events/${event.id}`;
    const page = PresenterPage({
      lang,
      day: event,
      figures: await figures(event, lang),
      source: `/api/events/${event.id}/live`,
      langHref: (code: Lang) => `${base}/live?lang=${code}`,
      back: `${base}?lang=${lang}`,
    });
    return renderPage(c, page);
  });

  // Shown once, in the answer to this POST (not a redirect): the token must not sit in a URL the
  // browser keeps in its history, and the database holds only its hash.
  app.post("/events/:id/display", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const token = await createDisplayLink(deps, principal, event);
    const lang = requestLang(c);
    const url = `${publicOrigin(deps, c)}/live/${token}?lang=${lang}`;
    return renderPage(c, DisplayLinkPage({ lang, principal, day: event, url }));
  });

  app.post("/events/:id/display/revoke", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    await revokeDisplayLink(deps, principal, event);
    return redirectDone(c, `/admin/events/${event.id}`, "displayRevoked");
  });

  app.post("/events/:id/slug", async (c) => {
    const { principal, event } = await writableEvent(deps, c, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const result = await chooseReadableSlug(deps, principal, event, one(form, "slug"));
    if (!result.ok) {
      const message = t(lang, `admin.error.slug.${result.problem}` as MessageKey, { min: READABLE_SLUG_MIN, max: READABLE_SLUG_MAX });
      return renderEventPage(deps, c, principal, event, { name: "slug", values: form, errors: [{ field: SLUG_FIELD, message }] }, 422);
    }
    return redirectDone(c, `/admin/events/${event.id}`, "slugSaved");
  });

  return app;
}
