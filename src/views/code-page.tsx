import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { Layout } from "./layout";

export interface CodePageProps {
  readonly lang: Lang;
  /** What was typed, shown back when it led nowhere. */
  readonly typed?: string;
  readonly error?: "malformed" | "unknown";
}

/** "Type your code": one box, big enough for a thumb, that takes the poster's short code to the survey. */
export function CodePage({ lang, typed, error }: CodePageProps) {
  const title = `${error ? `${t(lang, "page.errorPrefix")}: ` : ""}${t(lang, "code.title")}`;
  return (
    <Layout lang={lang} title={title} langHref={(code) => `/code?lang=${code}`}>
      <h1>{t(lang, "code.title")}</h1>
      {error && (
        <div class="summary" role="alert" tabindex={-1} id="error-summary" autofocus>
          <h2>{t(lang, "code.errorTitle")}</h2>
          <ul>
            <li>
              <a href="#code">{t(lang, `code.error.${error}`)}</a>
            </li>
          </ul>
        </div>
      )}
      <form method="get" action="/code" novalidate>
        <input type="hidden" name="lang" value={lang} />
        <div class={`field${error ? " invalid" : ""}`}>
          <label class="label" for="code">
            {t(lang, "code.label")}
          </label>
          <p class="hint" id="code-hint">
            {t(lang, "code.hint")}
          </p>
          {error && (
            <p class="error" id="code-error">
              <span class="vh">{t(lang, "page.errorPrefix")}: </span>
              {t(lang, `code.error.${error}`)}
            </p>
          )}
          <input
            class="code"
            id="code"
            name="code"
            type="text"
            value={typed ?? ""}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxlength={20}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
            aria-invalid={error ? "true" : undefined}
          />
        </div>
        <button type="submit">{t(lang, "code.submit")}</button>
      </form>
    </Layout>
  );
}
