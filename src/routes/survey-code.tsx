import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { chooseLang } from "../domain/lang";
import { surveyForCode } from "../services/short-codes";
import { CodePage } from "../views/code-page";
import { renderDocument } from "../views/layout";

/**
 * The "type your code" page (/code): a GET form, so it works with JavaScript off, can be
 * bookmarked, and changes nothing. A known code leads to the survey (303), in the language the
 * page was in; anything else comes back with the typed text and what is wrong.
 */
export function surveyCodeRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  app.get("/code", async (c) => {
    const lang = chooseLang(c.req.query("lang"), c.req.header("accept-language"));
    c.set("lang", lang);
    const typed = c.req.query("code");
    if (typed === undefined) return c.html(await renderDocument(CodePage({ lang })));
    const found = await surveyForCode(deps, typed);
    if (found.status === "found") return c.redirect(`/s/${encodeURIComponent(found.slug)}?lang=${lang}`, 303);
    const status = found.status === "unknown" ? 404 : 422;
    return c.html(await renderDocument(CodePage({ lang, typed: typed.slice(0, 40), error: found.status })), status);
  });
  return app;
}
