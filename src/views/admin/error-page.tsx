import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";

/** A refused or failed staff request: what happened, and the way back to the list of days. */
export function AdminErrorPage({
  lang,
  principal,
  message,
  status,
  requestId,
}: {
  lang: Lang;
  principal: Principal | null;
  message: string;
  status: number;
  requestId: string;
}) {
  return (
    <AdminPage lang={lang} principal={principal} title={message}>
      <h1>{message}</h1>
      <p>
        {t(lang, "page.errorPrefix")} {status} ({requestId})
      </p>
      <p>
        <a href={`/admin?lang=${lang}`}>{t(lang, "admin.backToDays")}</a>
      </p>
    </AdminPage>
  );
}
