import type { Principal } from "../../auth/authorize";
import { formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { NationalReport } from "../../services/reports";
import { AdminPage } from "../admin/admin-page";
import { ci, mean } from "../figure-text";
import { PooledTable } from "./pooled-table";
import { CaveatsSection, MeanChart, pooledNk, pooledRow, ReportHeading } from "./report-parts";

/** The national overview on A4: the country's figure, every readable region (chart and table), the
 *  themes, the caveats. */
export function NationalReportPage({
  lang,
  principal,
  report,
  query,
}: {
  lang: Lang;
  principal: Principal;
  report: NationalReport;
  query: string;
}) {
  const { regions, themes } = report;
  const national = regions.national;
  const withheld = regions.yardstick.shown
    ? null
    : t(lang, regions.yardstick.reason === "whole_months" ? "yardstick.wholeMonths" : "yardstick.tooFewRegions");
  const title = t(lang, "report.national.title");
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="reports"
      langHref={(code) => `/admin/reports/national?${query}${query ? "&" : ""}lang=${code}`}
    >
      <article class="report">
        <ReportHeading lang={lang} title={title} period={report.period} generatedAt={report.generatedAt} />
        <section aria-labelledby="key-heading">
          <h2 id="key-heading">{t(lang, "report.key")}</h2>
          {national ? (
            <dl class="facts">
              <dt>{t(lang, "dash.col.events")}</dt>
              <dd>{formatNumber(lang, national.events)}</dd>
              <dt>{t(lang, "dash.col.attendance")}</dt>
              <dd>{formatNumber(lang, national.attendance)}</dd>
              <dt>{t(lang, "dash.col.responses")}</dt>
              <dd>{formatNumber(lang, national.responses)}</dd>
              <dt>{t(lang, "dash.col.mean")}</dt>
              <dd>
                {mean(lang, national.mean)} ({pooledNk(lang, national)})
              </dd>
              <dt>{t(lang, "dash.col.ci")}</dt>
              <dd>{ci(lang, national)}</dd>
            </dl>
          ) : (
            <p>{withheld}</p>
          )}
        </section>
        <section aria-labelledby="regions-heading" class="report-block">
          <h2 id="regions-heading">{t(lang, "report.regions")}</h2>
          {regions.regions.length === 0 ? (
            <p>{t(lang, "report.noDays")}</p>
          ) : (
            <>
              <MeanChart
                lang={lang}
                id="regions-chart"
                caption={t(lang, "report.chart.regions")}
                rows={regions.regions.map((r) => pooledRow(r.name[lang], r.grade))}
              />
              <PooledTable
                lang={lang}
                id="regions-table"
                caption={t(lang, "report.regions")}
                groupTitle={t(lang, "dash.col.region")}
                counts={true}
                rows={regions.regions.map((r) => ({
                  label: r.name[lang],
                  events: r.events,
                  attendance: r.attendance,
                  responses: r.responses,
                  responseRate: r.responseRate,
                  grade: r.grade,
                  extra:
                    r.comparison?.funnel && r.comparison.rankable
                      ? `${t(lang, "dash.col.difference")}: ${formatNumber(lang, Number(r.comparison.funnel.difference.toFixed(2)))} (${t(lang, `dash.funnel.flag.${r.comparison.funnel.flag}`)})`
                      : null,
                }))}
              />
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
            counts={true}
            rows={themes.themes.map((th) => ({
              label: th.names[lang],
              events: th.events,
              attendance: th.attendance,
              responses: th.responses,
              grade: th.grade,
            }))}
          />
        </section>
        <CaveatsSection lang={lang} extra={withheld ? [withheld] : []} />
      </article>
    </AdminPage>
  );
}
