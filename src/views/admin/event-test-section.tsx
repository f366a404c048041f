import { formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";

export interface EventTestSectionProps {
  readonly lang: Lang;
  readonly eventId: number;
  readonly testAnswers: number;
}

/** Test mode for those who may change the day: try the survey, see how many test answers are kept, wipe them. */
export function EventTestSection({ lang, eventId, testAnswers }: EventTestSectionProps) {
  const base = `/admin/events/${eventId}`;
  return (
    <section aria-labelledby="test-heading">
      <h2 id="test-heading">{t(lang, "admin.test.title")}</h2>
      <p class="hint">{t(lang, "admin.test.hint")}</p>
      <p>
        <a href={`${base}/test?lang=${lang}`}>{t(lang, "admin.test.open")}</a>
      </p>
      <p id="test-count">{t(lang, "admin.test.count", { count: formatNumber(lang, testAnswers) })}</p>
      {testAnswers > 0 && (
        <form method="post" action={`${base}/test/wipe?lang=${lang}`} class="actions">
          <button type="submit" class="secondary" aria-describedby="test-count">
            {t(lang, "admin.test.wipe")}
          </button>
        </form>
      )}
    </section>
  );
}
