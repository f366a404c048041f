import type { Principal } from "../../auth/authorize";
import { shownDayTitle } from "../../domain/day-texts";
import { formatNumber, formatShortDate, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { RegionReport } from "../../services/reports";
import { AdminPage } from "../admin/admin-page";
import { ci, mean, percent } from "../figure-text";
import { InLanguage } from "../lang-attr";
import { PooledTable } from "./pooled-table";
import { CaveatsSection, MeanChart, nk, PooledKeyFacts, ReportHeading } from "./report-parts";

/** One region over a period on A4: its figure beside the rest of the country, each day (chart and
 *  table), its themes, the caveats. */
export function RegionReportPage({
  lang,
  principal,
  report,
  query,
}: {
  lang: Lang;
  principal: Principal;
  report: RegionReport;
  query: string;
}) {
  const { region, events, themes } = report;
  const title = t(lang, "report.region.title", { region: region.name[lang] });
  const comparison = region.comparison;
  const withheld = comparison
    ? null
    : t(lang, "report.comparisonWithheld", {
        reason: t(
          lang,
          !report.yardstick.shown && report.yardstick.reason === "whole_months" ? "yardstick.wholeMonths" : "yardstick.tooFewRegions",
        ),
      });
  const themeName = new Map(themes.themes.map((th) => [th.id, th.names[lang]]));
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="reports"
      langHref={(code) => `/admin/reports/region?${query}&lang=${code}`}
    >
      <article class="report">
        <ReportHeading lang={lang} title={title} period={report.period} generatedAt={report.generatedAt} />
        <section aria-labelledby="key-heading">
          <h2 id="key-heading">{t(lang, "report.key")}</h2>
          <dl class="facts">
            <PooledKeyFacts lang={lang} figure={region} />
            <dt>{t(lang, "dash.col.rest")}</dt>
            <dd>{comparison ? `${mean(lang, comparison.rest.mean)} (${nk(lang, comparison.rest.n, comparison.rest.days)})` : withheld}</dd>
            {comparison?.funnel && comparison.rankable && (
              <>
                <dt>{t(lang, "dash.col.difference")}</dt>
                <dd>
                  {formatNumber(lang, Number(comparison.funnel.difference.toFixed(2)))} (
                  {t(lang, `dash.funnel.flag.${comparison.funnel.flag}`)})
                </dd>
              </>
            )}
          </dl>
        </section>
        <section aria-labelledby="days-heading" class="report-block">
          <h2 id="days-heading">{t(lang, "report.days")}</h2>
          {events.length === 0 ? (
            <p>{t(lang, "report.noDays")}</p>
          ) : (
            <>
              <MeanChart
                lang={lang}
                id="days-chart"
                caption={t(lang, "report.chart.days")}
                rows={events.map((e) => ({
                  label: `${formatShortDate(lang, e.date)} ${e.theme?.names[lang] ?? e.title}`,
                  mean: e.grade.mean,
                  ci95: e.grade.ci95,
                  n: e.grade.n,
                  reported: e.grade.source === "reported",
                }))}
              />
              <div class="table-scroll" role="region" aria-labelledby="days-caption" tabindex={0}>
                <table>
                  <caption id="days-caption">{t(lang, "report.days")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t(lang, "dash.col.date")}</th>
                      <th scope="col">{t(lang, "dash.col.theme")}</th>
                      <th scope="col" class="num">
                        {t(lang, "dash.col.attendance")}
                      </th>
                      <th scope="col" class="num">
                        {t(lang, "dash.col.responses")}
                      </th>
                      <th scope="col" class="num">
                        {t(lang, "dash.col.responseRate")}
                      </th>
                      <th scope="col" class="num">
                        {t(lang, "dash.col.mean")}
                      </th>
                      <th scope="col" class="num">
                        {t(lang, "dash.col.ci")}
                      </th>
                      <th scope="col" class="num">
                        n
                      </th>
                      <th scope="col">{t(lang, "dash.col.notes")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.map((e) => (
                      <tr>
                        <th scope="row">{formatShortDate(lang, e.date)}</th>
                        <td>{e.theme ? e.theme.names[lang] : <ShownDayTitle day={e} lang={lang} />}</td>
                        <td class="num">{e.attendance === null ? "–" : formatNumber(lang, e.attendance)}</td>
                        <td class="num">{formatNumber(lang, e.responses)}</td>
                        <td class="num">
                          {percent(lang, e.responseRate)}
                          {e.rateStatus === "over_100" && ` ⚠ ${t(lang, "rate.over100")}`}
                        </td>
                        <td class="num">
                          {mean(lang, e.grade.mean)}
                          {e.grade.source === "reported" && "*"}
                        </td>
                        <td class="num">{ci(lang, e.grade)}</td>
                        <td class="num">{e.grade.n === null ? t(lang, "dash.nUnknown") : formatNumber(lang, e.grade.n)}</td>
                        <td>
                          {[
                            e.grade.source === "reported" ? t(lang, "dash.note.reported") : "",
                            e.grade.smallN && e.grade.mean !== null ? t(lang, "dash.note.smallN") : "",
                            e.isDemo ? t(lang, "demo.badge") : "",
                          ]
                            .filter((s) => s)
                            .join(" ")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
        <section aria-labelledby="themes-heading" class="report-block">
          <h2 id="themes-heading">{t(lang, "report.themes")}</h2>
          <PooledTable
            lang={lang}
            id="themes-table"
            caption={t(lang, "report.themes")}
            groupTitle={t(lang, "dash.col.theme")}
            counts={false}
            rows={themes.cells
              .filter((cell) => cell.region === region.code)
              .map((cell) => ({ label: themeName.get(cell.themeId) ?? String(cell.themeId), events: cell.events, grade: cell.grade }))}
          />
        </section>
        <CaveatsSection lang={lang} extra={withheld ? [withheld] : []} />
      </article>
    </AdminPage>
  );
}

/** A day without a theme is named by its title: in the reader's language, or marked with its own. */
function ShownDayTitle({ day, lang }: { day: RegionReport["events"][number]; lang: Lang }) {
  const title = shownDayTitle(day, lang);
  return <InLanguage text={title.text} textLang={title.lang} pageLang={lang} />;
}
