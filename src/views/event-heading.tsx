import { formatDate, t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import type { PublicSurvey } from "../queries/survey-by-slug";

/** Which day this is: the participant must see at once that the link is the right one. */
export function EventHeading({ survey, lang, heading }: { survey: PublicSurvey; lang: Lang; heading: string }) {
  const e = survey.event;
  const where = [e.region ? e.region[lang] : t(lang, "survey.nationalDay"), e.location].filter(Boolean).join(", ");
  return (
    <>
      {e.isDemo && (
        <p>
          <span class="badge">{t(lang, "demo.badge")}</span>
        </p>
      )}
      <h1>
        {heading}: {e.title}
      </h1>
      <p class="meta">
        <time datetime={e.date}>{formatDate(lang, e.date)}</time>, {where}
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
