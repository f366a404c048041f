import type { Child } from "hono/jsx";
import { t } from "../domain/i18n";
import { LANG_NAMES, LANGS, type Lang } from "../domain/lang";
import { signOutAction, staffMenuLinks, STAFF_SIGN_OUT, type StaffMenuLink, type StaffPage } from "../domain/staff-menu";
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
  /** The staff page shown, marked in the menu. */
  readonly menuPage?: StaffPage | null;
  readonly children: Child;
}

export function Layout({ lang, title, langHref, principal, menuPage, children }: LayoutProps) {
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
                    <a href={langHref(code)} lang={code} hreflang={code} aria-current={code === lang ? "true" : undefined}>
                      {LANG_NAMES[code]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {principal && <StaffNav lang={lang} principal={principal} current={menuPage ?? null} />}
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

/** The staff menu of src/domain/staff-menu.ts, the same list the dashboard renders (web/src/dashboard/shell.ts). */
function StaffNav({ lang, principal, current }: { lang: Lang; principal: Principal; current: StaffPage | null }) {
  const { pages, account } = staffMenuLinks(lang, { national: isNational(principal), current });
  const item = (link: StaffMenuLink) => (
    <a href={link.href} aria-current={link.current ? "page" : undefined}>
      {t(lang, link.label)}
    </a>
  );
  return (
    <nav class="staff" aria-label={t(lang, "nav.label")}>
      <ul>
        {pages.map((link) => (
          <li>{item(link)}</li>
        ))}
      </ul>
      <div class="account">
        <span>{t(lang, STAFF_SIGN_OUT.signedInAs, { name: principal.name })}</span>
        {account.map(item)}
        <form method="post" action={signOutAction(lang)}>
          <button type="submit" class="link">
            {t(lang, STAFF_SIGN_OUT.label)}
          </button>
        </form>
      </div>
    </nav>
  );
}

/** Serialises a page with its doctype. */
export async function renderDocument(page: ReturnType<typeof Layout>): Promise<string> {
  return `<!DOCTYPE html>${String(await page)}`;
}
