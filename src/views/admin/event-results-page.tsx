import type { Principal } from "../../auth/authorize";
import { dayTitle } from "../../domain/day-texts";
import { DayPlace } from "../event-heading";
import type { EventGrade, PooledGrade } from "../../api-types";
import { formatDate, formatNumber, formatShortDate, t } from "../../domain/i18n";
import { helsinkiLocal } from "../../domain/helsinki-time";
import { CaveatsSection, DistributionChart } from "../reports/report-parts";
import { ci, mean, percent } from "../figure-text";
import type { Lang } from "../../domain/lang";
import type { EventRow } from "../../queries/events";
import type { EventResults } from "../../services/event-results";
import { MIN_CELL, MIN_OTHER_REGIONS } from "../../domain/stats";
import { AdminPage } from "./admin-page";
import { themeOf } from "./event-list-page";
import { regionName, type RegionNames } from "./names";

export interface EventResultsPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly event: EventRow;
  readonly regions: readonly RegionNames[];
  readonly results: EventResults;
  /** When the figures were read (the report's "data retrieved" date). */
  readonly generatedAt: number;
}

/** One day's results for staff, and the day's printable report: the date and source of the data,
 *  n on every figure, the caveats, page numbers in print (report-styles.ts). */
export function EventResultsPage({ lang, principal, event, regions, results, generatedAt }: EventResultsPageProps) {
  const base = `/admin/events/${event.id}`;
  const theme = themeOf(lang, event);
  const title = t(lang, "results.title", { title: dayTitle(event, lang).text });
  return (
    <AdminPage lang={lang} principal={principal} title={title} langHref={(code) => `${base}/results?lang=${code}`}>
      <a class="back no-print" href={`${base}?lang=${lang}`}>
        {t(lang, "results.back")}
      </a>
      <article class="report">
        <h1>{title}</h1>
        <p class="report-meta">{t(lang, "report.source", { date: formatShortDate(lang, helsinkiLocal(generatedAt).slice(0, 10)) })}</p>
        <p class="hint no-print">{t(lang, "report.print")}</p>
        {event.isDemo && (
          <p>
            <span class="badge">{t(lang, "demo.badge")}</span>
          </p>
        )}
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t(lang, "results.facts")}</h2>
          <dl class="facts">
            <dt>{t(lang, "admin.event.date")}</dt>
            <dd>
              <time datetime={event.date}>{formatDate(lang, event.date)}</time>
            </dd>
            <dt>{t(lang, "admin.event.region")}</dt>
            <dd>{regionName(lang, regions, event.regionCode)}</dd>
            <dt>{t(lang, "admin.event.theme")}</dt>
            <dd>{theme ?? t(lang, "admin.event.noTheme")}</dd>
            <dt>{t(lang, "admin.event.location")}</dt>
            <dd>
              <DayPlace day={event} lang={lang} />
            </dd>
            <dt>{t(lang, "dash.col.attendance")}</dt>
            <dd>{event.attendance === null ? t(lang, "admin.event.notRecorded") : formatNumber(lang, event.attendance)}</dd>
            <dt>{t(lang, "dash.col.responses")}</dt>
            <dd>{formatNumber(lang, event.responseCount)}</dd>
            <dt>{t(lang, "dash.col.responseRate")}</dt>
            <dd>
              {percent(lang, results.responseRate)}
              {results.rateStatus === "over_100" && ` ⚠ ${t(lang, "rate.over100")}`}
            </dd>
          </dl>
        </section>

        <section aria-labelledby="grade-heading">
          <h2 id="grade-heading">{t(lang, "results.grade.title")}</h2>
          <GradeFigures
            lang={lang}
            grade={results.grade}
            source={results.grade.source === "reported" ? event.reportedSource : null}
            id="grade"
          />
          {results.collected && (
            <>
              <p class="warning" role="note">
                {t(lang, "admin.published.conflict")}
              </p>
              <h3>{t(lang, "admin.published.collected")}</h3>
              <GradeFigures lang={lang} grade={results.collected} source={null} id="collected" />
            </>
          )}
        </section>

        <ThemeComparisonSection lang={lang} results={results} theme={theme} />
        <QuestionsSection lang={lang} results={results} />
        <CommentsSection lang={lang} results={results} eventId={event.id} />
        <CaveatsSection lang={lang} />
      </article>
    </AdminPage>
  );
}

function GradeFigures({ lang, grade, source, id }: { lang: Lang; grade: EventGrade; source: string | null; id: string }) {
  if (grade.mean === null) return <p>{t(lang, "results.grade.none")}</p>;
  const n = grade.n;
  return (
    <>
      <dl class="facts">
        <dt>{t(lang, "dash.col.mean")}</dt>
        <dd>
          {mean(lang, grade.mean)}
          {grade.source === "reported" && "*"}
        </dd>
        <dt>{t(lang, "dash.col.ci")}</dt>
        <dd>{ci(lang, grade)}</dd>
        <dt>{t(lang, "dash.col.n")}</dt>
        <dd>{n === null ? t(lang, "dash.nUnknown") : formatNumber(lang, n)}</dd>
        <dt>{t(lang, "results.grade.source")}</dt>
        <dd>
          {grade.source === "reported"
            ? `${t(lang, "dash.note.reported")}${source ? ` – ${source}` : ""}`
            : t(lang, "admin.published.collected")}
        </dd>
      </dl>
      {grade.smallN && <p class="hint">{t(lang, "dash.note.smallNLong")}</p>}
      {grade.distribution && n !== null && n > 0 && (
        <DistributionChart lang={lang} id={`${id}-chart`} distribution={grade.distribution} n={n} />
      )}
      {grade.distribution && n !== null && n > 0 && (
        <div class="table-scroll" role="region" aria-labelledby={`${id}-distribution-caption`} tabindex={0}>
          <table>
            <caption id={`${id}-distribution-caption`}>{t(lang, "results.distribution.caption", { n })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, "dash.col.grade")}</th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.count")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(grade.distribution)
                .sort((a, b) => Number(a) - Number(b))
                .map((value) => (
                  <tr>
                    <th scope="row">{value}</th>
                    <td class="num">{formatNumber(lang, grade.distribution![value]!)}</td>
                    <td class="num">{percent(lang, grade.distribution![value]! / n)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ThemeComparisonSection({ lang, results, theme }: { lang: Lang; results: EventResults; theme: string | null }) {
  const comparison = results.themeComparison;
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t(lang, "results.compare.title")}</h2>
      {comparison.status === "no_theme" && <p>{t(lang, "results.compare.noTheme")}</p>}
      {comparison.status === "withheld" && (
        <p>
          {t(lang, comparison.reason === "whole_months" ? "yardstick.wholeMonths" : "yardstick.tooFewRegions")}{" "}
          {t(lang, "yardstick.rule", { regions: MIN_OTHER_REGIONS, k: MIN_CELL })}
        </p>
      )}
      {comparison.status === "shown" && (
        <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex={0}>
          <table>
            <caption id="compare-caption">{theme}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, "dash.col.group")}</th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.mean")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.ci")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.n")}
                </th>
                <th scope="col">{t(lang, "dash.col.notes")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t(lang, "results.compare.thisDay")}</th>
                <td class="num">
                  {mean(lang, results.grade.mean)}
                  {results.grade.source === "reported" && "*"}
                </td>
                <td class="num">{ci(lang, results.grade)}</td>
                <td class="num">{results.grade.n === null ? t(lang, "dash.nUnknown") : formatNumber(lang, results.grade.n)}</td>
                <td>{results.grade.source === "reported" ? t(lang, "dash.note.reported") : ""}</td>
              </tr>
              <tr>
                <th scope="row">{t(lang, "results.compare.rest")}</th>
                <td class="num">
                  {mean(lang, comparison.grade.mean)}
                  {comparison.grade.source === "reported" && "*"}
                </td>
                <td class="num">{ci(lang, comparison.grade)}</td>
                <td class="num">{formatNumber(lang, comparison.grade.n)}</td>
                <td>{restNotes(lang, comparison.grade, comparison.days, comparison.regions)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function restNotes(lang: Lang, grade: PooledGrade, events: number, regions: number): string {
  const notes = [t(lang, "results.compare.scope", { days: events, regions })];
  if (grade.published)
    notes.push(
      t(lang, "dash.note.publishedBeside", {
        days: grade.published.days,
        means: grade.published.points.map((p) => `${mean(lang, p.mean)}*`).join(", "),
      }),
    );
  return notes.join(" ");
}

function QuestionsSection({ lang, results }: { lang: Lang; results: EventResults }) {
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t(lang, "results.questions.title")}</h2>
      {results.questions.length === 0 && <p>{t(lang, "results.questions.none")}</p>}
      {results.questions.map((q, i) => (
        <>
          <h3 id={`question-${i}`}>{q.text[lang]}</h3>
          {q.kind === "choice" ? (
            <>
              <p>{t(lang, "dash.questions.choiceLine", { n: q.n })}</p>
              <div class="table-scroll" role="region" aria-labelledby={`question-${i}`} tabindex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t(lang, "results.option")}</th>
                      <th scope="col" class="num">
                        {t(lang, "dash.col.count")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.options.map((o) => (
                      <tr>
                        <th scope="row">{o.label[lang]}</th>
                        <td class="num">{o.suppressed ? t(lang, "dash.suppressed.short") : formatNumber(lang, o.n ?? 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {q.options.some((o) => o.suppressed) && <p class="hint">{t(lang, "dash.suppressed.breakdown")}</p>}
            </>
          ) : (
            <p>{t(lang, "dash.questions.meanLine", { mean: mean(lang, q.mean), ci: ci(lang, { ci95: q.ci95, mean: q.mean }), n: q.n })}</p>
          )}
        </>
      ))}
    </section>
  );
}

function CommentsSection({ lang, results, eventId }: { lang: Lang; results: EventResults; eventId: number }) {
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t(lang, "dash.comments.title")}</h2>
      <p>
        <a href={`/admin/comments?event=${eventId}&lang=${lang}`}>{t(lang, "explorer.openForDay")}</a>
      </p>
      {results.comments.length === 0 && (
        <p>{results.grade.source === "reported" ? t(lang, "dash.comments.reported") : t(lang, "dash.comments.none")}</p>
      )}
      {results.comments.map((q) => (
        <>
          <h3>{q.text[lang]}</h3>
          {q.suppressed ? (
            <p>{t(lang, "dash.suppressed.comments")}</p>
          ) : (
            <ul class="comments">
              {q.comments.map((c) => (
                <li lang={c.lang ?? undefined}>{c.text}</li>
              ))}
            </ul>
          )}
        </>
      ))}
    </section>
  );
}
