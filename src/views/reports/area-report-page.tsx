import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { AreaReport } from "../../services/reports";
import { AdminPage } from "../admin/admin-page";
import { PooledTable, rowNotes } from "./pooled-table";
import { CaveatsSection, MeanChart, PooledKeyFacts, pooledRow, ReportHeading } from "./report-parts";

/** A cooperation area over a period on A4: the area's pooled figure (the one GET /api/stats/areas
 *  gives), its member regions (chart and table, as the national overview draws regions), the
 *  caveats with how an area is pooled and where its grouping comes from. */
export function AreaReportPage({
  lang,
  principal,
  report,
  query,
}: {
  lang: Lang;
  principal: Principal;
  report: AreaReport;
  query: string;
}) {
  const { area, regions } = report;
  const name = area.name[lang];
  const title = t(lang, "report.area.title", { area: name });
  const notes = rowNotes(lang, area.grade);
  const areaCaveats = [
    t(lang, "dash.areas.pooling"),
    area.source ? t(lang, "dash.areas.source", { source: area.source }) : t(lang, "dash.areas.noSource"),
    ...(area.isDemo ? [t(lang, "dash.areas.demoNote")] : []),
  ];
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="reports"
      langHref={(code) => `/admin/reports/area?${query}&lang=${code}`}
    >
      <article class="report">
        <ReportHeading lang={lang} title={title} period={report.period} generatedAt={report.generatedAt} />
        {(area.isDemo || area.hasDemoDays) && (
          <p>
            <span class="badge">{t(lang, "demo.badge")}</span>
          </p>
        )}
        <section aria-labelledby="key-heading">
          <h2 id="key-heading">{t(lang, "report.key")}</h2>
          <dl class="facts">
            <dt>{t(lang, "report.field.area")}</dt>
            <dd>{name}</dd>
            <PooledKeyFacts lang={lang} figure={area} />
            {notes && (
              <>
                <dt>{t(lang, "dash.col.notes")}</dt>
                <dd>{notes}</dd>
              </>
            )}
          </dl>
        </section>
        <section aria-labelledby="regions-heading" class="report-block">
          <h2 id="regions-heading">{t(lang, "report.area.regions")}</h2>
          {regions.length === 0 ? (
            <p>{t(lang, "report.noDays")}</p>
          ) : (
            <>
              <MeanChart
                lang={lang}
                id="regions-chart"
                caption={t(lang, "report.chart.area")}
                rows={[pooledRow(name, area.grade), ...regions.map((r) => pooledRow(r.name[lang], r.grade))]}
              />
              <PooledTable
                lang={lang}
                id="regions-table"
                caption={t(lang, "report.area.regions")}
                groupTitle={t(lang, "dash.col.region")}
                counts={true}
                rows={regions.map((r) => ({
                  label: r.name[lang],
                  events: r.events,
                  attendance: r.attendance,
                  responses: r.responses,
                  responseRate: r.responseRate,
                  grade: r.grade,
                }))}
              />
            </>
          )}
        </section>
        <CaveatsSection lang={lang} extra={areaCaveats} />
      </article>
    </AdminPage>
  );
}
