import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext, AppEnv, SessionPrincipal } from "../app-env";
import { sha256Hex } from "../auth/tokens";
import { findPrincipalBySession } from "../queries/sessions";
import { AppError } from "./errors";

export const SESSION_COOKIE = "palaute_session";
/** A working day and then some: an agent signs in in the morning and is not thrown out mid-event. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Looks up the session cookie once per request on staff routes (never on the public survey).
 * GET requests to `readWithData` are left to their route, which reads the principal in the same
 * batch as its data (requirePrincipalWith): one round trip on the Worker instead of two.
 */
export function loadSession(deps: AppContext, readWithData: readonly string[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const sessionId = token ? await sha256Hex(token) : null;
    c.set("sessionId", sessionId);
    const leftToRoute = (c.req.method === "GET" || c.req.method === "HEAD") && readWithData.includes(c.req.path);
    c.set("principal", sessionId && !leftToRoute ? await findPrincipalBySession(deps.db, sessionId, deps.now()) : null);
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): SessionPrincipal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthorized");
  return principal;
}

/**
 * requirePrincipal for a route loadSession left the lookup to: `read` gets the principal and the
 * route's data in one batch, or null when the session is unknown, expired or disabled. Not signed
 * in is the same 401 as requirePrincipal's, and without a cookie the database is not asked.
 */
export async function requirePrincipalWith<T extends { readonly principal: SessionPrincipal }>(
  c: Context<AppEnv>,
  read: (sessionId: string) => Promise<T | null>,
): Promise<T> {
  const sessionId = c.get("sessionId");
  const found = sessionId ? await read(sessionId) : null;
  if (!found) throw new AppError("unauthorized");
  c.set("principal", found.principal);
  return found;
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
