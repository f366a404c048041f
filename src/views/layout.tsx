import type { Child } from "hono/jsx";
import { t } from "../domain/i18n";
import { LANG_NAMES, LANGS, type Lang } from "../domain/lang";
import { isNational, type Principal } from "../auth/authorize";
import { ADMIN_CSS } from "./admin/admin-styles";
import { PAGE_CSS } from "./styles";


export interface LayoutProps {
  readonly lang: Lang;
  readonly title: string;
  /** The same page in another language; omitted where switching makes no sense. */
  readonly langHref?: (lang: Lang) => string;
  /** Signed-in staff get the main menu; participants never see one. */
  readonly principal?: Principal | null;
  readonly children: Child;
}

export function Layout({ lang, title, langHref, principal, children }: LayoutProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <link rel="icon" href="data:," />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
        {principal && <style dangerouslySetInnerHTML={{ __html: ADMIN_CSS }} />}
      </head>
      <body class={principal ? "wide" : undefined}>
        <a class="skip" href="#main">
          {t(lang, "page.skip")}
        </a>
        <header>
          <span class="brand">{t(lang, "app.name")}</span>
          {langHref && (
            <nav aria-label={t(lang, "lang.label")}>
              <ul class="langs">
                {LANGS.map((code) => (
                  <li>
                    <a
                      href={langHref(code)}
                      lang={code}
                      hreflang={code}
                      aria-current={code === lang ? "true" : undefined}
                    >
                      {LANG_NAMES[code]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {principal && <StaffNav lang={lang} principal={principal} />}
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer>
          <p>{t(lang, "page.footer")}</p>
          <p>
            <a href={`/accessibility?lang=${lang}`}>{t(lang, "a11y.link")}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function StaffNav({ lang, principal }: { lang: Lang; principal: Principal }) {
  const national = isNational(principal);
  const q = `?lang=${lang}`;
  return (
    <nav class="staff" aria-label={t(lang, "nav.label")}>
      <ul>
        <li>
          <a href={`/${q}`}>{t(lang, "nav.dashboard")}</a>
        </li>
        <li>
          <a href={`/admin${q}`}>{t(lang, "nav.days")}</a>
        </li>
        {national && (
          <>
            <li>
              <a href={`/admin/programmes${q}`}>{t(lang, "nav.programmes")}</a>
            </li>
            <li>
              <a href={`/admin/users${q}`}>{t(lang, "nav.users")}</a>
            </li>
            <li>
              <a href={`/admin/audit${q}`}>{t(lang, "nav.audit")}</a>
            </li>
          </>
        )}
        <li>
          <a href={`/admin/password${q}`}>{t(lang, "nav.password")}</a>
        </li>
      </ul>
      <form method="post" action={`/logout${q}`}>
        <span>{t(lang, "nav.signedInAs", { name: principal.name })}</span>{" "}
        <button type="submit" class="link">
          {t(lang, "nav.signOut")}
        </button>
      </form>
    </nav>
  );
}

/** Serialises a page with its doctype. */
export async function renderDocument(page: ReturnType<typeof Layout>): Promise<string> {
  return `<!DOCTYPE html>${String(await page)}`;
}
