import type { AppContext } from "../../app-env";
import { t } from "../../domain/i18n";
import { requirePrincipal } from "../../http/session";
import { readForm, requestLang } from "../../http/validate";
import { changeOwnPassword } from "../../services/passwords";
import { PASSWORD_PROBLEM_CODES } from "../../services/password-rule";
import { PASSWORD_FIELDS, PasswordPage } from "../../views/admin/password-page";
import { adminApp, doneMessage, redirectDone, renderPage } from "../../http/admin-http";
import { attempt, one, type FieldMapping } from "../../http/form-input";

const mapping: FieldMapping = {
  fields: {
    currentPassword: PASSWORD_FIELDS.currentPassword,
    newPassword: PASSWORD_FIELDS.newPassword,
    repeatPassword: PASSWORD_FIELDS.repeatPassword,
  },
  messages: {
    [`${PASSWORD_FIELDS.currentPassword}:wrong`]: "password.change.wrongCurrent",
    ...Object.fromEntries(
      PASSWORD_PROBLEM_CODES.map((problem) => [
        `${PASSWORD_FIELDS.newPassword}:password_${problem}`,
        `password.problem.${problem}` as const,
      ]),
    ),
  },
};

/** Change your own password: every signed-in person, whatever the role. */
export function adminPasswordRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/password", (c) => {
    const principal = requirePrincipal(c);
    return renderPage(c, <PasswordPage lang={requestLang(c)} principal={principal} done={doneMessage(c)} />);
  });

  app.post("/password", async (c) => {
    const principal = requirePrincipal(c);
    const lang = requestLang(c);
    const form = await readForm(c);
    const input = { currentPassword: one(form, "currentPassword"), newPassword: one(form, "newPassword") };
    if (input.newPassword !== one(form, "repeatPassword")) {
      const errors = [{ field: PASSWORD_FIELDS.repeatPassword, message: t(lang, "password.change.mismatch") }];
      return renderPage(c, <PasswordPage lang={lang} principal={principal} errors={errors} />, 422);
    }
    const changed = await attempt(lang, mapping, () => changeOwnPassword(deps, lang, principal, input));
    if (!changed.ok) return renderPage(c, <PasswordPage lang={lang} principal={principal} errors={changed.errors} />, 422);
    return redirectDone(c, "/admin/password", "passwordChanged");
  });

  return app;
}
