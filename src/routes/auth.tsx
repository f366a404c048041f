import { Hono, type Context } from "hono";
import * as v from "valibot";
import type { AppContext, AppEnv } from "../app-env";
import { sendJson } from "../http/contract";
import { accessSummary } from "../auth/authorize";
import { t } from "../domain/i18n";
import { AppError } from "../http/errors";
import { clearSessionCookie, requirePrincipal, setSessionCookie } from "../http/session";
import { check, readForm, readJson, requestLang } from "../http/validate";
import { renderDocument } from "../views/layout";
import { LoginPage } from "../views/login";
import { signIn, signOut } from "../services/sign-in";
import { changeOwnPassword } from "../services/passwords";
import { LoginBody, OwnPasswordChange } from "../http/schemas";

const LogoutBody = v.strictObject({ everywhere: v.optional(v.boolean()) });

/**
 * Where to go after signing in: a path on this site only, in printable ASCII without spaces or
 * backslashes (browsers read `\\` as `/`), never `//elsewhere`, `/\\elsewhere` or `https://…`.
 * Anything else, control characters and non-ASCII included, is refused with 400: it would otherwise
 * leave the site or break the Location header (a 500). Left out, the staff pages.
 */
const SAME_SITE_PATH = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/;

export function safeNext(next: unknown): string {
  if (next === undefined || next === "") return "/admin";
  if (typeof next !== "string" || next.length > 2000 || !SAME_SITE_PATH.test(next)) throw new AppError("bad_request");
  return next;
}

export function authRoutes(deps: AppContext & { readonly identifierSecret: string }) {
  const app = new Hono<AppEnv>();
  const address = (c: Context<AppEnv>) => deps.clientAddress?.(c.req.raw, c.env) ?? null;

  app.post("/api/auth/login", async (c) => {
    const body = await readJson(c, LoginBody);
    const { token } = await signIn(deps, { ...body, clientAddress: address(c) });
    setSessionCookie(c, token);
    return sendJson(c, "POST /api/auth/login", { ok: true });
  });

  app.post("/api/auth/logout", async (c) => {
    const principal = requirePrincipal(c);
    // A plain POST signs out this browser; JSON {"everywhere": true} every session of the person.
    const body = c.req.header("content-type") ? await readJson(c, LogoutBody) : {};
    await signOut(deps, principal, { everywhere: body.everywhere ?? false });
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.get("/api/me", (c) => {
    const p = requirePrincipal(c);
    return sendJson(c, "GET /api/me", {
      user: {
        id: p.userId,
        email: p.email,
        name: p.name,
        role: p.role,
        regions: [...p.regions],
        allRegions: p.allRegions,
        areaId: p.area?.id ?? null,
        ...accessSummary(p),
      },
    });
  });

  app.post("/api/me/password", async (c) => {
    const principal = requirePrincipal(c);
    await changeOwnPassword(deps, requestLang(c), principal, await readJson(c, OwnPasswordChange));
    return c.body(null, 204);
  });

  app.get("/login", async (c) => {
    const lang = requestLang(c);
    return c.html(await renderDocument(LoginPage({ lang, next: safeNext(c.req.query("next")) })));
  });

  app.post("/login", async (c) => {
    const lang = requestLang(c);
    const form = await readForm(c);
    const next = safeNext(form.next);
    const fields = check(c, LoginBody, { email: form.email ?? "", password: form.password ?? "" });
    try {
      const { token } = await signIn(deps, { ...fields, clientAddress: address(c) });
      setSessionCookie(c, token);
      return c.redirect(next.includes("lang=") ? next : `${next}${next.includes("?") ? "&" : "?"}lang=${lang}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "invalid_credentials" && error.code !== "rate_limited")) throw error;
      const page = LoginPage({ lang, next, email: fields.email, error: t(lang, error.messageKey) });
      return c.html(await renderDocument(page), error.status);
    }
  });

  app.post("/logout", async (c) => {
    const principal = c.get("principal");
    if (principal) await signOut(deps, principal, { everywhere: false });
    clearSessionCookie(c);
    return c.redirect(`/login?lang=${requestLang(c)}`, 303);
  });

  return app;
}
