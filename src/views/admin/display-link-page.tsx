import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";

export interface DisplayLinkPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly eventId: number;
  readonly title: string;
  /** The full display link: shown this once, never stored in clear. */
  readonly url: string;
}

/** The new display link, shown once to the person who made it (only its hash is kept). */
export function DisplayLinkPage({ lang, principal, eventId, title, url }: DisplayLinkPageProps) {
  return (
    <AdminPage lang={lang} principal={principal} title={t(lang, "admin.display.title", { title })}>
      <a class="back" href={`/admin/events/${eventId}?lang=${lang}`}>
        {t(lang, "admin.display.back")}
      </a>
      <h1>{t(lang, "admin.display.title", { title })}</h1>
      <p>{t(lang, "admin.display.intro")}</p>
      {/* Readonly text, so the link can be selected and copied on any device without a script. */}
      <div class="field">
        <label class="label" for="display-link">
          {t(lang, "admin.display.link")}
        </label>
        <input id="display-link" type="text" readonly value={url} spellcheck={false} autocomplete="off" />
      </div>
      <p>
        <a href={url} id="display-open">
          {t(lang, "admin.display.open")}
        </a>
      </p>
    </AdminPage>
  );
}
