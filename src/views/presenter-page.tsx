import type { LiveFiguresResponse, LiveScaleFigure } from "../api-types";
import { dayTitle, type DayTextColumns } from "../domain/day-texts";
import { formatDate, t, type MessageKey } from "../domain/i18n";
import { LANG_NAMES, LANGS, type Lang } from "../domain/lang";
import { barClass, formatLiveMean, ratePercent } from "../domain/live-figures";
import { GRADE_SCALE, LIKERT_SCALE, scaleValues } from "../domain/questions";
import { DayTitle } from "./event-heading";
import { PRESENTER_CSS } from "./presenter-styles";
import { PAGE_CSS } from "./styles";

/** How often the page asks for new figures (web/src/presenter/live.ts). */
export const LIVE_POLL_MS = 3_000;

export interface PresenterPageProps {
  readonly lang: Lang;
  /** The day, for its title in the reader's language (marked with its own lang when it falls back). */
  readonly day: DayTextColumns;
  readonly figures: LiveFiguresResponse;
  /** The JSON the page's script polls. */
  readonly source: string;
  readonly langHref: (lang: Lang) => string;
  /** The day's staff page, for the staff view; the display link has none. */
  readonly back?: string | undefined;
}

/**
 * The live presenter view (staff page and display link alike): a large response counter, the grade
 * and usefulness once k answers exist, never a comment. Rendered complete by the server (it reads
 * without JavaScript); /assets/presenter.js then polls `source` and updates it in place, speaking
 * through these data- texts, and a polite live region announces the count at most every 30 s.
 */
export function PresenterPage({ lang, day, figures, source, langHref, back }: PresenterPageProps) {
  const title = t(lang, "live.title", { title: dayTitle(day, lang).text });
  const hasAttendance = figures.attendance !== null && figures.attendance > 0;
  const percent = ratePercent(figures.rate);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
        <style dangerouslySetInnerHTML={{ __html: PRESENTER_CSS }} />
      </head>
      <body class="presenter">
        <a class="skip" href="#main">
          {t(lang, "page.skip")}
        </a>
        <main
          id="main"
          tabindex={-1}
          data-source={source}
          data-lang={lang}
          data-interval={String(LIVE_POLL_MS)}
          data-announce={t(lang, "live.announce")}
          data-announce-of={t(lang, "live.announceOf")}
          data-rate={t(lang, "live.rate")}
          data-basis={t(lang, "live.basis")}
          data-stale={t(lang, "live.stale")}
          data-gone={t(lang, "live.gone")}
        >
          <nav class="presenter-links" aria-label={t(lang, "lang.label")}>
            {back && <a href={back}>{t(lang, "live.back")}</a>}
            {LANGS.map((code) => (
              <a href={langHref(code)} lang={code} hreflang={code} aria-current={code === lang ? "true" : undefined}>
                {LANG_NAMES[code]}
              </a>
            ))}
          </nav>
          <h1>
            <DayTitle day={day} lang={lang} />
          </h1>
          <p class="when">
            <time datetime={figures.event.date}>{formatDate(lang, figures.event.date)}</time>
          </p>
          <p id="live-cancelled" class="live-status" hidden={!figures.cancelled}>
            {t(lang, "live.cancelled")}
          </p>
          <p id="live-status" class="live-status" role="status"></p>
          <p id="live-announcement" class="vh" aria-live="polite" aria-atomic="true"></p>
          <div class="live-grid">
            <section class="live-panel" aria-labelledby="live-count-heading">
              <h2 id="live-count-heading">
                <span id="live-heading-of" hidden={!hasAttendance}>
                  {t(lang, "live.responsesOfAttendance")}
                </span>
                <span id="live-heading" hidden={hasAttendance}>
                  {t(lang, "live.responses")}
                </span>
              </h2>
              <p class="counter">
                <span id="live-responses">{figures.responses}</span>
                <span class="of" id="live-of" hidden={!hasAttendance}>
                  {" / "}
                  <span id="live-attendance">{figures.attendance ?? ""}</span>
                </span>
              </p>
              <p class="rate" id="live-rate" hidden={percent === null}>
                {percent === null ? "" : t(lang, "live.rate", { percent })}
              </p>
            </section>
            <ScalePanel lang={lang} name="grade" figure={figures.grade} k={figures.minAnswers} cancelled={figures.cancelled} />
            <ScalePanel lang={lang} name="usefulness" figure={figures.usefulness} k={figures.minAnswers} cancelled={figures.cancelled} />
          </div>
          <p class="live-rule">{t(lang, "live.rule", { k: figures.minAnswers })}</p>
        </main>
        <footer>
          <p>
            <a href={`/accessibility?lang=${lang}`}>{t(lang, "a11y.link")}</a>
          </p>
        </footer>
        <script type="module" src="/assets/presenter.js"></script>
      </body>
    </html>
  );
}

const SCALES = { grade: scaleValues(GRADE_SCALE), usefulness: scaleValues(LIKERT_SCALE) };

function ScalePanel(props: { lang: Lang; name: "grade" | "usefulness"; figure: LiveScaleFigure | null; k: number; cancelled: boolean }) {
  const { lang, name, figure, k, cancelled } = props;
  const counts = new Map(figure?.distribution.map((d) => [d.value, d.count]) ?? []);
  const largest = Math.max(0, ...counts.values());
  const heading = `live-${name}-heading`;
  return (
    <section class="live-panel" aria-labelledby={heading} data-figure={name}>
      <h2 id={heading}>{t(lang, `live.${name}.title` as MessageKey)}</h2>
      <p class="waiting" hidden={figure !== null || cancelled}>
        {t(lang, "live.waiting", { k })}
      </p>
      <div class="figures" hidden={figure === null}>
        <p class="mean">{figure?.mean == null ? "" : formatLiveMean(lang, figure.mean)}</p>
        <p class="mean-label">{t(lang, "live.mean")}</p>
        <p class="basis">{figure ? t(lang, "live.basis", { n: figure.n }) : ""}</p>
        <table class="dist">
          <caption class="vh">{t(lang, `live.${name}.title` as MessageKey)}</caption>
          <thead class="vh">
            <tr>
              <th scope="col">{t(lang, "live.dist.value")}</th>
              <th scope="col">{t(lang, "live.dist.count")}</th>
            </tr>
          </thead>
          <tbody>
            {[...SCALES[name]].reverse().map((value) => (
              <tr data-value={String(value)}>
                <th scope="row">{value}</th>
                <td>
                  <span class={barClass(counts.get(value) ?? 0, largest)} aria-hidden="true"></span>
                  <span class="n">{counts.get(value) ?? 0}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The page a revoked, replaced or mistyped display link answers with. */
export function DisplayGonePage({ lang }: { lang: Lang }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{t(lang, "live.notFound.title")}</title>
        <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
      </head>
      <body>
        <main id="main">
          <h1>{t(lang, "live.notFound.title")}</h1>
          <p>{t(lang, "live.notFound.body")}</p>
        </main>
      </body>
    </html>
  );
}
