import type { Principal } from "../../auth/authorize";
import { dayTitle, type DayTextColumns } from "../../domain/day-texts";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { InLanguage } from "../lang-attr";
import { AdminPage } from "./admin-page";

export interface DisplayLinkPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  /** The day, whose title is shown in the reader's language (src/domain/day-texts.ts). */
  readonly day: DayTextColumns & { readonly id: number };
  /** The full display link: shown this once, never stored in clear. */
  readonly url: string;
}

/** The new display link, shown once to the person who made it (only its hash is kept). */
export function DisplayLinkPage({ lang, principal, day, url }: DisplayLinkPageProps) {
  const title = dayTitle(day, lang);
  return (
    <AdminPage lang={lang} principal={principal} title={t(lang, "admin.display.title", { title: title.text })}>
      <a class="back" href={`/admin/events/${day.id}?lang=${lang}`}>
        {t(lang, "admin.display.back")}
      </a>
      <h1>
        {/* Every language's text ends with {title}: the title follows, marked when it falls back. */}
        {t(lang, "admin.display.title", { title: "" })}
        <InLanguage text={title.text} textLang={title.lang} pageLang={lang} />
      </h1>
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
