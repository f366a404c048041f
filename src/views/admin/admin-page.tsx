import type { Child } from "hono/jsx";
import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { StaffPage } from "../../domain/staff-menu";
import { Layout } from "../layout";
import { StatusBox } from "./fields";

export interface AdminPageProps {
  readonly lang: Lang;
  readonly principal: Principal | null;
  /** The page's own name; the window title adds "Error:" when the page shows form errors. */
  readonly title: string;
  readonly hasErrors?: boolean;
  /** The same page in another language (a GET address: typed values are not carried over). */
  readonly langHref?: (lang: Lang) => string;
  /** Which entry of the staff menu this page is (marked as the current page there). */
  readonly menuPage?: StaffPage;
  /** The "done" line after a successful change. */
  readonly done?: string | null;
  readonly children: Child;
}

/** Every staff page: the layout with the staff menu, the window title, and the success line. */
export function AdminPage({ lang, principal, title, hasErrors, langHref, menuPage, done, children }: AdminPageProps) {
  const windowTitle = `${hasErrors ? `${t(lang, "page.errorPrefix")}: ` : ""}${title} – ${t(lang, "app.name")}`;
  return (
    <Layout lang={lang} title={windowTitle} langHref={langHref} principal={principal} menuPage={menuPage}>
      <StatusBox message={done ?? null} />
      {children}
    </Layout>
  );
}
