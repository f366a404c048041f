import { dayPlace, dayTitle, type DayTextColumns } from "../domain/day-texts";
import { formatDate, t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import type { PublicSurvey } from "../queries/survey-by-slug";
import { InLanguage } from "./lang-attr";

/** Which day this is: the participant must see at once that the link is the right one. */
export function EventHeading({
  survey,
  lang,
  heading,
  langHref,
}: {
  survey: PublicSurvey;
  lang: Lang;
  heading: string;
  langHref?: ((lang: Lang) => string) | undefined;
}) {
  const e = survey.event;
  const place = dayPlace(e, lang);
  return (
    <>
      {langHref && <OtherNationalLanguage survey={survey} lang={lang} langHref={langHref} />}
      {e.isDemo && (
        <p>
          <span class="badge">{t(lang, "demo.badge")}</span>
        </p>
      )}
      <h1>
        {heading}: <DayTitle day={e} lang={lang} />
      </h1>
      <p class="meta">
        <time datetime={e.date}>{formatDate(lang, e.date)}</time>, {e.region ? e.region[lang] : t(lang, "survey.nationalDay")}
        {place && (
          <>
            , <InLanguage text={place.text} textLang={place.lang} pageLang={lang} />
          </>
        )}
        {e.theme && (
          <>
            <br />
            {e.theme[lang]}
          </>
        )}
      </p>
    </>
  );
}

/** The day's title in the reader's language, or in the day's main language marked with its lang. */
export function DayTitle({ day, lang }: { day: DayTextColumns; lang: Lang }) {
  const title = dayTitle(day, lang);
  return <InLanguage text={title.text} textLang={title.lang} pageLang={lang} />;
}

/** The day's place for a reader, marked like the title; "–" when none was given. */
export function DayPlace({ day, lang }: { day: DayTextColumns; lang: Lang }) {
  const place = dayPlace(day, lang);
  return place ? <InLanguage text={place.text} textLang={place.lang} pageLang={lang} /> : <>–</>;
}

/**
 * On a day in a bilingual region, the other national language offered at the top of the page in
 * that language ("På svenska" on a Finnish or English page, "Suomeksi" on a Swedish one): Swedish
 * speakers whose browser asks for Finnish or nothing should not have to find the small switch.
 */
function OtherNationalLanguage({ survey, lang, langHref }: { survey: PublicSurvey; lang: Lang; langHref: (lang: Lang) => string }) {
  if (!survey.event.bilingual) return null;
  const other: Lang = lang === "sv" ? "fi" : "sv";
  return (
    <p class="lang-offer">
      <a href={langHref(other)} lang={other} hreflang={other}>
        {t(other, "lang.offer")}
      </a>
    </p>
  );
}
