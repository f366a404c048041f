import { t } from "../domain/i18n";
import type { AccountLinkKind } from "../domain/account-links";
import type { Lang } from "../domain/lang";
import { ErrorSummary, type FieldError } from "./admin/fields";
import { Layout } from "./layout";
import { NEW_PASSWORD_IDS, NewPasswordFields, newPasswordLabels } from "./new-password-fields";

export const SET_PASSWORD_FIELDS = { password: NEW_PASSWORD_IDS.newPassword, repeatPassword: NEW_PASSWORD_IDS.repeatPassword } as const;

export interface SetPasswordPageProps {
  readonly lang: Lang;
  /** The page's own address without ?lang (the token is part of it). */
  readonly action: string;
  readonly email: string;
  readonly kind: AccountLinkKind;
  readonly errors?: readonly FieldError[];
}

/** The page a one-time link opens: the person chooses their password. Typed passwords are never shown again. */
export function SetPasswordPage({ lang, action, email, kind, errors = [] }: SetPasswordPageProps) {
  const heading = t(lang, `setPassword.title.${kind}`);
  const labels = newPasswordLabels(lang);
  const title = `${errors.length > 0 ? `${t(lang, "page.errorPrefix")}: ` : ""}${heading} – ${t(lang, "app.name")}`;
  return (
    <Layout lang={lang} title={title} langHref={(code) => `${action}?lang=${code}`}>
      <h1>{heading}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <p>{t(lang, "setPassword.intro", { email })}</p>
      <form method="post" action={`${action}?lang=${lang}`} novalidate>
        {/* The account's address for password managers, so they store the new password under it. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <NewPasswordFields lang={lang} name="password" errors={errors} />
        <button type="submit">{t(lang, "setPassword.submit")}</button>
      </form>
    </Layout>
  );
}

/** Every link that does not work gets this one page: used, expired, unknown and mistyped are not told apart. */
export function DeadLinkPage({ lang, action, rateLimited = false }: { lang: Lang; action: string; rateLimited?: boolean }) {
  const heading = t(lang, rateLimited ? "setPassword.rateLimitedTitle" : "setPassword.invalidTitle");
  return (
    <Layout lang={lang} title={`${heading} – ${t(lang, "app.name")}`} langHref={(code) => `${action}?lang=${code}`}>
      <h1>{heading}</h1>
      <p>{t(lang, rateLimited ? "http.rate_limited" : "setPassword.invalidBody")}</p>
      <p>
        <a href={`/login?lang=${lang}`}>{t(lang, "setPassword.signIn")}</a>
      </p>
    </Layout>
  );
}
