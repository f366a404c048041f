import type { AppContext } from "../../app-env";
import { adminApp, renderPage } from "../../http/admin-http";
import { publicOrigin } from "../../http/presenters/event-json";
import { AreaReportQuery, RegionReportQuery, ReportQuery } from "../../http/schemas";
import { requirePrincipal } from "../../http/session";
import { check, filledQuery, requestLang } from "../../http/validate";
import { regionsWithAccess } from "../../services/regions";
import { areaReport, nationalReport, regionReport, reportableAreas } from "../../services/reports";
import { AreaReportPage } from "../../views/reports/area-report-page";
import { NationalReportPage } from "../../views/reports/national-report-page";
import { RegionReportPage } from "../../views/reports/region-report-page";
import { ReportIndexPage } from "../../views/reports/report-index-page";

/** The query again, for the language links (only the validated keys). */
function queryString(values: Record<string, string | number | undefined>): string {
  const pairs: [string, string][] = Object.entries(values).flatMap(([k, v]) =>
    v === undefined ? [] : [[k, String(v)] as [string, string]],
  );
  return new URLSearchParams(pairs).toString();
}

/** The printable reports (issue 17): a region or a cooperation area over a period and the national
 *  overview, for anyone signed in, under the dashboard's access rules. The day's report is its results page
 *  (/admin/events/:id/results). */
export function adminReportRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/reports", async (c) => {
    const principal = requirePrincipal(c);
    const [withAccess, areas] = await Promise.all([regionsWithAccess(deps, principal), reportableAreas(deps, principal)]);
    const regions = withAccess.filter((r) => r.access !== "none");
    return renderPage(c, <ReportIndexPage lang={requestLang(c)} principal={principal} regions={regions} areas={areas} />);
  });

  app.get("/reports/national", async (c) => {
    const principal = requirePrincipal(c);
    const period = check(c, ReportQuery, filledQuery(c));
    const report = await nationalReport(deps, principal, period);
    return renderPage(c, <NationalReportPage lang={requestLang(c)} principal={principal} report={report} query={queryString(period)} />);
  });

  app.get("/reports/region", async (c) => {
    const principal = requirePrincipal(c);
    const { region, ...period } = check(c, RegionReportQuery, filledQuery(c));
    const lang = requestLang(c);
    const report = await regionReport(deps, principal, region, period, lang, publicOrigin(deps, c));
    return renderPage(c, <RegionReportPage lang={lang} principal={principal} report={report} query={queryString({ region, ...period })} />);
  });

  app.get("/reports/area", async (c) => {
    const principal = requirePrincipal(c);
    const { area, ...period } = check(c, AreaReportQuery, filledQuery(c));
    const report = await areaReport(deps, principal, area, period);
    return renderPage(
      c,
      <AreaReportPage lang={requestLang(c)} principal={principal} report={report} query={queryString({ area, ...period })} />,
    );
  });

  return app;
}
