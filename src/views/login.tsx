import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { Layout } from "./layout";

export function LoginPage({ lang, next, email, error }: { lang: Lang; next: string; email?: string; error?: string }) {
  const title = `${error ? `${t(lang, "page.errorPrefix")}: ` : ""}${t(lang, "login.title")}`;
  return (
    <Layout lang={lang} title={title} langHref={(code) => `/login?lang=${code}&next=${encodeURIComponent(next)}`}>
      <h1>{t(lang, "login.title")}</h1>
      {error && (
        <div class="summary" role="alert" tabindex={-1} id="error-summary" autofocus>
          <h2>{t(lang, "login.errorTitle")}</h2>
          <p>
            <a href="#email">{error}</a>
          </p>
        </div>
      )}
      <p>{t(lang, "login.intro")}</p>
      <form method="post" action={`/login?lang=${lang}`}>
        <input type="hidden" name="next" value={next} />
        <div class="field">
          <label class="label" for="email">
            {t(lang, "login.email")}
          </label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ""} spellcheck={false} />
        </div>
        <div class="field">
          <label class="label" for="password">
            {t(lang, "login.password")}
          </label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">{t(lang, "login.submit")}</button>
      </form>
    </Layout>
  );
}
