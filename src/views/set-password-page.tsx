import { t } from "../domain/i18n";
import type { AccountLinkKind } from "../domain/account-links";
import type { Lang } from "../domain/lang";
import { ErrorSummary, errorFor, TextField, type FieldError } from "./admin/fields";
import { Layout } from "./layout";

export const SET_PASSWORD_FIELDS = { password: "new-password", repeatPassword: "repeat-password" } as const;

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
  const labels: Record<string, string> = {
    [SET_PASSWORD_FIELDS.password]: t(lang, "password.change.new"),
    [SET_PASSWORD_FIELDS.repeatPassword]: t(lang, "password.change.repeat"),
  };
  const title = `${errors.length > 0 ? `${t(lang, "page.errorPrefix")}: ` : ""}${heading} – ${t(lang, "app.name")}`;
  return (
    <Layout lang={lang} title={title} langHref={(code) => `${action}?lang=${code}`}>
      <h1>{heading}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <p>{t(lang, "setPassword.intro", { email })}</p>
      <form method="post" action={`${action}?lang=${lang}`} novalidate>
        {/* The account's address for password managers, so they store the new password under it. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <TextField
          lang={lang}
          type="password"
          id={SET_PASSWORD_FIELDS.password}
          name="password"
          label={labels[SET_PASSWORD_FIELDS.password]!}
          hint={t(lang, "password.change.hint")}
          value=""
          error={errorFor(errors, SET_PASSWORD_FIELDS.password)}
          autocomplete="new-password"
        />
        <TextField
          lang={lang}
          type="password"
          id={SET_PASSWORD_FIELDS.repeatPassword}
          name="repeatPassword"
          label={labels[SET_PASSWORD_FIELDS.repeatPassword]!}
          value=""
          error={errorFor(errors, SET_PASSWORD_FIELDS.repeatPassword)}
          autocomplete="new-password"
        />
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
