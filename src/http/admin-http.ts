import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext, AppEnv } from "../app-env";
import { t, type MessageKey } from "../domain/i18n";
import { errorHandler, toAppError } from "./error-handler";
import { requestLang } from "./validate";
import { renderDocument, type Layout } from "../views/layout";
import { AdminErrorPage } from "../views/admin/error-page";

// What every admin page sub-app shares: pages answer in HTML whatever the Accept header says,
// a person who is not signed in is sent to sign in (303, for GET and POST alike) and brought back
// to the page afterwards, and every change ends in a redirect (Post/Redirect/Get).

export type Ctx = Context<AppEnv>;

/** A sub-app for admin pages. Its error handler wraps only its own routes. */
export function adminApp(deps: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const fallback = errorHandler(deps);
  app.onError(async (err, c) => {
    const error = toAppError(err);
    if (error.code === "unauthorized") return c.redirect(signInAddress(c), 303);
    // Our own faults go through the app's one handler, which logs them.
    if (error.status >= 500) return fallback(err, c);
    const lang = requestLang(c);
    const page = AdminErrorPage({
      lang,
      principal: c.get("principal"),
      message: t(lang, error.messageKey, error.params),
      status: error.status,
      requestId: c.get("requestId") ?? "",
    });
    return renderPage(c, page, error.status);
  });
  return app;
}

/** A staff page: never cached (it shows one person's data, and must be gone after sign-out). */
export async function renderPage(c: Ctx, page: ReturnType<typeof Layout>, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  return c.html(await renderDocument(page), status);
}

/** "Saved" and the like, shown once on the page the change redirects to. */
export function redirectDone(c: Ctx, path: string, done: DoneKey) {
  return c.redirect(`${path}?lang=${requestLang(c)}&done=${done}`, 303);
}

const DONE = [
  "eventCreated",
  "eventSaved",
  "attendanceSaved",
  "surveyOpened",
  "surveyClosed",
  "surveyScheduled",
  "questionAdded",
  "questionRemoved",
  "publishedSaved",
  "programmeCreated",
  "themeCreated",
  "themeRenamed",
  "userCreated",
  "userSaved",
  "sessionsRevoked",
  "passwordChanged",
  "testAnswerSaved",
  "testAnswersWiped",
  "eventDuplicated",
  "eventCancelled",
  "eventUncancelled",
  "eventDeleted",
  "questionChanged",
  "displayRevoked",
  "slugSaved",
  "commentTagged",
  "categoryCreated",
  "areaCreated",
  "areaSaved",
  "areaDeleted",
] as const;
export type DoneKey = (typeof DONE)[number];

/** The success message a ?done= names, or null for anything else (the parameter is user-editable). */
export function doneMessage(c: Ctx): string | null {
  const done = c.req.query("done");
  return (DONE as readonly string[]).includes(done ?? "") ? t(requestLang(c), `admin.done.${done}` as MessageKey) : null;
}

/** The page a request belongs to: itself for a GET, the page whose form it came from for a POST. */
export function pageOf(c: Ctx): string {
  const url = new URL(c.req.url);
  if (c.req.method === "GET") return `${url.pathname}${url.search}`;
  const page =
    /^\/admin\/(?:events\/(?:new|\d+(?:\/test|\/duplicate|\/delete)?)|programmes|areas(?:\/\d+)?|users(?:\/\d+)?|audit|password|comments)/.exec(
      url.pathname,
    )?.[0] ?? "/admin";
  return `${page}?lang=${requestLang(c)}`;
}

function signInAddress(c: Ctx): string {
  return `/login?lang=${requestLang(c)}&next=${encodeURIComponent(pageOf(c))}`;
}
