import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { chooseLang } from "../domain/lang";
import { readableEvent } from "../http/access";
import { sendJson } from "../http/contract";
import { AppError } from "../http/errors";
import { idParam, requestLang } from "../http/validate";
import { liveFiguresReader } from "../services/live-figures";
import { eventForDisplayToken } from "../services/presenter-display";
import { renderDocument } from "../views/layout";
import { DisplayGonePage, PresenterPage } from "../views/presenter-page";

/**
 * The live presenter view's data and its display link. The staff JSON needs a session that may
 * read the day; the display link (/live/<token>) needs only its token, and answers aggregates only.
 * Both are polled every few seconds by web/src/presenter/live.ts and never cached by browsers.
 */
export function liveRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  const figures = liveFiguresReader(deps);

  app.get("/api/events/:id/live", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    c.header("Cache-Control", "no-store");
    return sendJson(c, "GET /api/events/:id/live", await figures(event, requestLang(c)));
  });

  app.get("/api/live/:token", async (c) => {
    const event = await eventForDisplayToken(deps, c.req.param("token"));
    if (!event) throw new AppError("not_found");
    c.header("Cache-Control", "no-store");
    // No session here: a request without a language preference gets the day's main language.
    const lang = chooseLang(c.req.query("lang"), c.req.header("accept-language"), event.mainLang);
    return sendJson(c, "GET /api/live/:token", await figures(event, lang));
  });

  app.get("/live/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    const token = c.req.param("token");
    const event = await eventForDisplayToken(deps, token);
    // Without a language preference: the day's main language (Finnish when the link does not work).
    const lang = chooseLang(c.req.query("lang"), c.req.header("accept-language"), event?.mainLang);
    c.set("lang", lang);
    if (!event) return c.html(await renderDocument(DisplayGonePage({ lang })), 404);
    const page = PresenterPage({
      lang,
      day: event,
      figures: await figures(event, lang),
      source: `/api/live/${encodeURIComponent(token)}`,
      langHref: (code) => `/live/${encodeURIComponent(token)}?lang=${code}`,
    });
    return c.html(await renderDocument(page));
  });

  return app;
}
