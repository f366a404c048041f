import { Hono, type Context } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { SET_PASSWORD_PATH } from "../domain/account-links";
import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { AppError } from "../http/errors";
import { attempt, one, type FieldMapping } from "../http/form-input";
import { setSessionCookie } from "../http/session";
import { readForm, requestLang } from "../http/validate";
import { openAccountLink, setPasswordWithLink } from "../services/account-links";
import { PASSWORD_PROBLEM_CODES } from "../services/password-rule";
import { renderDocument, type Layout } from "../views/layout";
import { DeadLinkPage, SET_PASSWORD_FIELDS, SetPasswordPage } from "../views/set-password-page";

const mapping: FieldMapping = {
  fields: { password: SET_PASSWORD_FIELDS.password, repeatPassword: SET_PASSWORD_FIELDS.repeatPassword },
  messages: Object.fromEntries(
    PASSWORD_PROBLEM_CODES.map((problem) => [
      `${SET_PASSWORD_FIELDS.password}:password_${problem}`,
      `password.problem.${problem}` as const,
    ]),
  ),
};

/**
 * The page a one-time link opens (public: the person has no password yet). GET asks for the new
 * password; POST sets it, signs the person in and sends them to the staff pages. A link that does
 * not work, or too many tries from one address, gets a page that says so (410 / 429), never which.
 */
export function accountLinkRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  const address = (c: Context<AppEnv>) => deps.clientAddress?.(c.req.raw, c.env) ?? null;
  const actionOf = (c: Context<AppEnv>) => `${SET_PASSWORD_PATH}/${encodeURIComponent(c.req.param("token") ?? "")}`;

  /** The dead-link page for the errors a link can meet; anything else goes on to the app's handler. */
  async function orDeadLink(c: Context<AppEnv>, lang: Lang, work: () => Promise<Response>): Promise<Response> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "gone" && error.code !== "rate_limited")) throw error;
      const rateLimited = error.code === "rate_limited";
      return html(c, DeadLinkPage({ lang, action: actionOf(c), rateLimited }), rateLimited ? 429 : 410);
    }
  }

  app.get(`${SET_PASSWORD_PATH}/:token`, async (c) => {
    const lang = requestLang(c);
    return orDeadLink(c, lang, async () => {
      const link = await openAccountLink(deps, c.req.param("token"), address(c));
      return html(c, SetPasswordPage({ lang, action: actionOf(c), email: link.email, kind: link.kind }), 200);
    });
  });

  app.post(`${SET_PASSWORD_PATH}/:token`, async (c) => {
    const lang = requestLang(c);
    const form = await readForm(c);
    const token = c.req.param("token");
    return orDeadLink(c, lang, async () => {
      const link = await openAccountLink(deps, token, address(c));
      const page = (errors: { field: string; message: string }[]) =>
        html(c, SetPasswordPage({ lang, action: actionOf(c), email: link.email, kind: link.kind, errors }), 422);
      const password = one(form, "password");
      if (password !== one(form, "repeatPassword"))
        return page([{ field: SET_PASSWORD_FIELDS.repeatPassword, message: t(lang, "password.change.mismatch") }]);
      const done = await attempt(lang, mapping, () => setPasswordWithLink(deps, lang, { token, password, clientAddress: address(c) }));
      if (!done.ok) return page(done.errors);
      setSessionCookie(c, done.value.sessionToken);
      return c.redirect(`/admin?lang=${lang}`, 303);
    });
  });

  return app;
}

/** Never cached: the page belongs to one person's link, and must not come back from history after use. */
async function html(c: Context<AppEnv>, page: ReturnType<typeof Layout>, status: 200 | 410 | 422 | 429) {
  c.header("Cache-Control", "no-store");
  return c.html(await renderDocument(page), status);
}
