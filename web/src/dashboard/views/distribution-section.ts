// The grade distribution (4…10) of each day with responses: one small chart per day, and all
// days in one table. Days with only a published mean have no distribution, and say so.
import type { EventSummary } from "../api";
import { distributionChart, GRADE_VALUES } from "../charts/distribution-chart";
import { h, idFor } from "../dom";
import { count } from "../format";
import { date, t } from "../i18n";
import { chartFigure } from "./chart-figure";
import { dataTable } from "./data-table";
import { section } from "./section";
import type { ViewContext } from "./view-context";

/** More small charts than this would bury the table; the table always has every day. */
const MAX_SMALL_CHARTS = 12;

export function distributionSection(ctx: ViewContext, events: readonly EventSummary[]): HTMLElement {
  const withDistribution = events.filter((d) => d.grade.distribution !== null && (d.grade.n ?? 0) > 0);
  const charts = withDistribution.slice(0, MAX_SMALL_CHARTS).map((event) => {
    const figure = chartFigure({
      id: idFor("chart-distribution", event.id),
      caption: t("dash.distribution.chartTitle", { date: date(event.date), n: count(event.grade.n) }),
      label: t("dash.distribution.chartAlt", { date: date(event.date) }),
      height: 190,
      size: "small",
      legend: [],
    });
    ctx.draw(figure.canvas, distributionChart(event.grade.distribution!, { x: t("dash.axis.gradeValue"), y: t("dash.axis.answers") }));
    return figure.element;
  });
  const table = dataTable<EventSummary>({
    id: "table-distribution",
    caption: t("dash.distribution.tableCaption"),
    rows: events,
    columns: [
      { label: t("dash.col.date"), cell: (d) => date(d.date) },
      ...GRADE_VALUES.map((grade) => ({
        label: h("span", {}, h("span", { className: "vh" }, `${t("dash.col.grade")} `), grade),
        numeric: true,
        cell: (d: EventSummary) => (d.grade.distribution ? count(d.grade.distribution[grade] ?? 0) : "–"),
      })),
      { label: t("dash.col.n"), numeric: true, cell: (d) => (d.grade.n === null ? t("dash.nUnknown") : count(d.grade.n)) },
      {
        label: t("dash.col.notes"),
        cell: (d) =>
          d.grade.distribution ? "" : d.grade.source === "reported" ? t("dash.distribution.reported") : t("dash.note.noResponses"),
      },
    ],
  });
  return section(
    "distribution",
    t("dash.distribution.title"),
    charts.length > 0 ? h("div", { className: "small-multiples" }, charts) : null,
    table,
  );
}
