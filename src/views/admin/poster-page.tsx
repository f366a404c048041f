import type { Principal } from "../../auth/authorize";
import { dayPlace, dayTitle } from "../../domain/day-texts";
import { langAttr } from "../lang-attr";
import { formatDate, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { EventRow } from "../../queries/events";
import { AdminPage } from "./admin-page";

export interface PosterPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly event: EventRow;
  /** Region name in each poster language. */
  readonly place: (lang: Lang) => string;
  readonly surveyUrl: string;
  /** The site's address (for /s/<code> and the code page). */
  readonly origin: string;
  /** The QR code as SVG markup (from uqr, our own output, never user text). */
  readonly qrSvg: string;
}

/**
 * The two languages a poster speaks, first one larger. Finnish and Swedish always appear together
 * (the regions with Swedish-speaking municipalities need both); an English poster adds Finnish.
 */
export function posterLanguages(lang: Lang): readonly [Lang, Lang] {
  return lang === "sv" ? ["sv", "fi"] : lang === "en" ? ["en", "fi"] : ["fi", "sv"];
}

/** "https://" is noise on paper and people type the address without it; plain http must stay visible. */
export function shortLink(url: string): string {
  return url.replace(/^https:\/\//, "");
}

/** A printable A4 page for the last slide or the tables: big QR code, short link, the day, the call to answer. */
export function PosterPage({ lang, principal, event, place, surveyUrl, origin, qrSvg }: PosterPageProps) {
  const [first, second] = posterLanguages(lang);
  const where = (l: Lang) => [place(l), dayPlace(event, l)?.text].filter(Boolean).join(", ");
  const title = dayTitle(event, first);
  // The title in the poster's second language too, when one was written for it.
  const secondTitle = dayTitle(event, second);
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={`${t(lang, "admin.poster.title")}: ${title.text}`}
      langHref={(code) => `/admin/events/${event.id}/poster?lang=${code}`}
    >
      <div class="no-print">
        <a class="back" href={`/admin/events/${event.id}?lang=${lang}`}>
          {t(lang, "admin.poster.back")}
        </a>
        <p class="print-note">{t(lang, "admin.poster.printHint")}</p>
      </div>
      <article class="poster">
        {event.isDemo && (
          <p>
            <span class="badge">{t(lang, "demo.badge")}</span>
          </p>
        )}
        <h1 lang={langAttr(title.lang, lang)}>{title.text}</h1>
        {secondTitle.lang === second && secondTitle.text !== title.text && (
          <p class="title-2" lang={second}>
            {secondTitle.text}
          </p>
        )}
        <p class="when">
          <time datetime={event.date}>{formatDate(first, event.date)}</time>, {where(first)}
        </p>
        <p class="call" lang={first}>
          {t(first, "admin.poster.call")}
        </p>
        <p class="call-2" lang={second}>
          {t(second, "admin.poster.call")}
        </p>
        {/* role=img with a name: the SVG's many squares mean nothing read out one by one. */}
        <div
          class="poster-qr"
          role="img"
          aria-label={t(lang, "admin.survey.qrAlt", { url: surveyUrl })}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        {/* The short address people can type: no mixed case, no look-alike characters. */}
        <p class="short">{shortLink(event.shortCode === null ? surveyUrl : `${origin}/s/${event.shortCode}`)}</p>
        {event.shortCode !== null && (
          <>
            <p class="small" lang={first}>
              {t(first, "poster.codeIntro", { url: shortLink(`${origin}/code`) })}
            </p>
            <p class="code">{event.shortCode}</p>
          </>
        )}
        <p class="small" lang={first}>
          {t(first, "survey.intro")}
        </p>
        <p class="small" lang={second}>
          {t(second, "survey.intro")}
        </p>
      </article>
    </AdminPage>
  );
}
