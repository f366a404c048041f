import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppContext, AppEnv } from "../app-env";
import { t } from "../domain/i18n";
import { chooseLang, type Lang } from "../domain/lang";
import { renderDocument } from "../views/layout";
import { MessagePage } from "../views/message-page";
import { AppError, ERROR_STATUS, type ErrorCode } from "./errors";

/** The one place an error becomes a response: {error:{code,message,requestId,fields?}} for API
 *  clients, a plain page for browsers. Never a stack trace; 5xx only for our own faults. */
export function errorHandler(deps: AppContext) {
  return async (err: Error, c: Context<AppEnv>) => {
    const appError = toAppError(err);
    const requestId = c.get("requestId") ?? "";
    if (appError.status >= 500) {
      deps.log({
        level: "error",
        requestId,
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        error: String(err),
        stack: err.stack,
      });
    }
    const lang: Lang = c.get("lang") ?? chooseLang(c.req.query("lang"), c.req.header("accept-language"));
    const message = t(lang, appError.messageKey, appError.params);
    if (wantsHtml(c)) {
      const page = MessagePage({ lang, title: message, body: `${t(lang, "page.errorPrefix")} ${appError.status} (${requestId})` });
      return c.html(await renderDocument(page), appError.status);
    }
    return c.json(
      { error: { code: appError.code, message, requestId, ...(appError.fields ? { fields: appError.fields } : {}) } },
      appError.status,
    );
  };
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((k) => ERROR_STATUS[k] === err.status);
    return new AppError(code ?? (err.status < 500 ? "bad_request" : "internal"));
  }
  return new AppError("internal");
}

function wantsHtml(c: Context): boolean {
  if (new URL(c.req.url).pathname.startsWith("/api/")) return false;
  const accept = c.req.header("accept") ?? "";
  const type = c.req.header("content-type") ?? "";
  return accept.includes("text/html") && !type.includes("application/json");
}
