import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext, AppEnv, SessionPrincipal } from "../app-env";
import { sha256Hex } from "../auth/tokens";
import { findPrincipalBySession } from "../queries/sessions";
import { AppError } from "./errors";

export const SESSION_COOKIE = "palaute_session";
/** A working day and then some: an agent signs in in the morning and is not thrown out mid-event. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Looks up the session cookie once per request on staff routes (never on the public survey). */
export function loadSession(deps: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set("principal", token ? await findPrincipalBySession(deps.db, await sha256Hex(token), deps.now()) : null);
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): SessionPrincipal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthorized");
  return principal;
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: !isPlainHttpLocalhost(c.req.url),
    sameSite: "Lax",
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: !isPlainHttpLocalhost(c.req.url), httpOnly: true, sameSite: "Lax" });
}

/** Browsers refuse Secure cookies over plain http, which a developer's localhost is. Nowhere else is it allowed. */
function isPlainHttpLocalhost(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && (hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]");
}
