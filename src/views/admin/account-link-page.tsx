import type { Principal } from "../../auth/authorize";
import type { AccountLinkKind } from "../../domain/account-links";
import { formatDateTime, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { UserSummary } from "../../queries/users";
import { AdminPage } from "./admin-page";

export interface AccountLinkPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly user: Pick<UserSummary, "id" | "name" | "email">;
  readonly kind: AccountLinkKind;
  /** The whole address to hand over; this page is the only place it ever appears. */
  readonly url: string;
  readonly expiresAt: number;
}

/**
 * The one-time link, shown once right after it was made (never stored, so never shown again).
 * The field can be selected and copied by hand; with JavaScript, a button copies it
 * (web/src/staff/copy-link.ts) and says so in a status line.
 */
export function AccountLinkPage({ lang, principal, user, kind, url, expiresAt }: AccountLinkPageProps) {
  const title = t(lang, `admin.link.title.${kind}`, { name: user.name });
  return (
    <AdminPage lang={lang} principal={principal} title={title} menuPage="users">
      <a class="back" href={`/admin/users/${user.id}?lang=${lang}`}>
        {t(lang, "admin.link.toUser")}
      </a>
      <h1>{title}</h1>
      <p>{t(lang, `admin.link.intro.${kind}`, { email: user.email })}</p>
      <p id="link-once">
        <strong>{t(lang, "admin.link.once", { expires: formatDateTime(lang, expiresAt) })}</strong>
      </p>
      <div class="field">
        <label class="label" for="account-link">
          {t(lang, "admin.link.label")}
        </label>
        <input id="account-link" type="text" readonly value={url} aria-describedby="link-once" spellcheck={false} autocomplete="off" />
      </div>
      <button
        type="button"
        class="secondary"
        id="copy-link"
        hidden
        data-copy-from="account-link"
        data-copied={t(lang, "admin.link.copied")}
        data-failed={t(lang, "admin.link.copyFailed")}
      >
        {t(lang, "admin.link.copy")}
      </button>
      <p role="status" id="copy-status"></p>
      <script type="module" src="/assets/copy-link.js"></script>
    </AdminPage>
  );
}
