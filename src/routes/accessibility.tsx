import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { t } from "../domain/i18n";
import { requestLang } from "../http/validate";
import { Layout, renderDocument } from "../views/layout";

/** Used until an installation sets CONTACT_EMAIL; .example is reserved, so it cannot reach a stranger. */
export const DEFAULT_CONTACT_EMAIL = "saavutettavuus@palaute.example";

/** The accessibility statement required of public-sector services (laki 306/2019), in fi/sv/en. */
export function accessibilityRoutes(deps: AppContext) {
  return new Hono<AppEnv>().get("/accessibility", async (c) => {
    const lang = requestLang(c);
    const email = deps.contactEmail ?? DEFAULT_CONTACT_EMAIL;
    const page = (
      <Layout lang={lang} title={t(lang, "a11y.title")} langHref={(code) => `/accessibility?lang=${code}`}>
        <h1>{t(lang, "a11y.title")}</h1>
        <p>{t(lang, "a11y.intro")}</p>
        <h2>{t(lang, "a11y.statusTitle")}</h2>
        <p>{t(lang, "a11y.status")}</p>
        <h2>{t(lang, "a11y.gapsTitle")}</h2>
        <p>{t(lang, "a11y.gaps")}</p>
        <h2>{t(lang, "a11y.feedbackTitle")}</h2>
        <p>{t(lang, "a11y.feedback")}</p>
        <p>
          {t(lang, "a11y.contact")} <a href={`mailto:${email}`}>{email}</a>
        </p>
        <h2>{t(lang, "a11y.authorityTitle")}</h2>
        <p>{t(lang, "a11y.authority")}</p>
        <p class="hint">{t(lang, "a11y.updated")}</p>
      </Layout>
    );
    return c.html(await renderDocument(page));
  });
}
