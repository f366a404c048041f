import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";
import { NEW_PASSWORD_IDS, NewPasswordFields, newPasswordLabels } from "../new-password-fields";
import { ErrorSummary, errorFor, TextField, type FieldError } from "./fields";

export const PASSWORD_FIELDS = {
  currentPassword: "current-password",
  newPassword: NEW_PASSWORD_IDS.newPassword,
  repeatPassword: NEW_PASSWORD_IDS.repeatPassword,
} as const;

export interface PasswordPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly done?: string | null;
  readonly errors?: readonly FieldError[];
}

/** A signed-in person changes their own password. Typed passwords are never shown again, not even after an error. */
export function PasswordPage({ lang, principal, done, errors = [] }: PasswordPageProps) {
  const title = t(lang, "password.change.title");
  const labels: Record<string, string> = {
    [PASSWORD_FIELDS.currentPassword]: t(lang, "password.change.current"),
    ...newPasswordLabels(lang),
  };
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="password"
      hasErrors={errors.length > 0}
      langHref={(code) => `/admin/password?lang=${code}`}
      done={done}
    >
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <p>{t(lang, "password.change.intro")}</p>
      <form method="post" action={`/admin/password?lang=${lang}`} novalidate>
        {/* A hidden username lets password managers store the new password for the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={principal.email} />
        <TextField
          lang={lang}
          type="password"
          id={PASSWORD_FIELDS.currentPassword}
          name="currentPassword"
          label={labels[PASSWORD_FIELDS.currentPassword]!}
          value=""
          error={errorFor(errors, PASSWORD_FIELDS.currentPassword)}
          autocomplete="current-password"
        />
        <NewPasswordFields lang={lang} name="newPassword" errors={errors} />
        <button type="submit">{t(lang, "password.change.submit")}</button>
      </form>
    </AdminPage>
  );
}
