// Cooperation areas: the chosen area's pooled figure (its regions' days pooled exactly as a
// region's, so the same card, notes and interval rules), and every area the reader may see side by
// side as bars with their CI and a table. An example (demo) area carries the demo badge wherever
// its name is written.
import { api, type AreaStats } from "../api";
import { regionBarsChart, ROW_HEIGHT } from "../charts/region-bars-chart";
import { h, type Content } from "../dom";
import { ciText, count, mean, percent } from "../format";
import { t } from "../i18n";
import { chartFigure, legendItems } from "./chart-figure";
import { dataTable } from "./data-table";
import { figuresCard } from "./figures-card";
import { marksKey, notesCell, pooledMarks } from "./grade-notes";
import { pooledCount } from "./published-events";
import { emptyState, section } from "./section";
import { dataFilter, regionName, type ViewContext } from "./view-context";

export async function areasView(ctx: ViewContext): Promise<Node[]> {
  const { state, signal } = ctx;
  const stats = await api.areaStats(dataFilter(state), signal);
  const hidden =
    stats.hiddenAreas > 0
      ? h("p", { className: "small-note", id: "areas-hidden" }, t("dash.areas.hidden", { count: stats.hiddenAreas }))
      : null;
  if (stats.areas.length === 0) return [emptyState(t("dash.areas.empty")), ...(hidden ? [hidden] : [])];
  const chosen = stats.areas.find((a) => a.id === state.area) ?? stats.areas[0]!;
  return [chosenSection(ctx, chosen), comparisonSection(ctx, stats.areas), ...(hidden ? [hidden] : [])];
}

/** The area's name in the reader's language, with the demo badge for an example area. */
export function areaLabel(area: Pick<AreaStats, "name" | "isDemo">, lang: ViewContext["state"]["lang"]): Content[] {
  return [area.name[lang], area.isDemo ? " " : null, area.isDemo ? h("span", { className: "badge" }, t("demo.badge")) : null];
}

function chosenSection(ctx: ViewContext, area: AreaStats): HTMLElement {
  const lang = ctx.state.lang;
  const name = area.isDemo ? `${area.name[lang]} (${t("demo.badge")})` : area.name[lang];
  const card = figuresCard(
    {
      title: name,
      grade: area.grade,
      events: area.events,
      attendance: area.attendance,
      responses: area.responses,
      responseRate: area.responseRate,
      rateExcludedOver100: area.rateExcludedOver100,
    },
    "card-area",
  );
  return section(
    "area-figures",
    t("dash.areas.selectedTitle", { area: name }),
    h("div", { className: "cards" }, card),
    h("p", { id: "area-regions" }, t("dash.areas.regions", { regions: area.regions.map((code) => regionName(ctx, code)).join(", ") })),
    h(
      "p",
      { className: "small-note", id: "area-source" },
      area.isDemo ? t("dash.areas.demoNote") : area.source ? t("dash.areas.source", { source: area.source }) : t("dash.areas.noSource"),
    ),
    h("p", { className: "small-note" }, t("dash.areas.pooling")),
  );
}

function comparisonSection(ctx: ViewContext, areas: readonly AreaStats[]): HTMLElement {
  const lang = ctx.state.lang;
  const withMean = areas.filter((a) => a.grade.mean !== null);
  const figure = chartFigure({
    id: "chart-areas",
    caption: t("dash.areas.chartTitle"),
    label: t("dash.areas.chartAlt"),
    height: Math.max(1, withMean.length) * ROW_HEIGHT + 70,
    legend: legendItems(
      { swatch: "solid", text: t("dash.legend.regionMean") },
      { swatch: "whisker", text: t("dash.legend.ci") },
      withMean.some((a) => a.grade.source === "reported") ? { swatch: "hatched", text: t("dash.legend.reportedBar") } : null,
    ),
  });
  ctx.draw(
    figure.canvas,
    regionBarsChart(
      withMean.map((a) => ({
        name: a.isDemo ? `${a.name[lang]} (${t("demo.badge")})` : a.name[lang],
        mean: a.grade.mean,
        ci: a.grade.ci95,
        label: `${mean(a.grade.mean)}${a.grade.source === "reported" ? "*" : ""} (${pooledCount(a.grade)})${a.grade.smallN ? " !" : ""}`,
        reported: a.grade.source === "reported",
      })),
      { mean: null, label: "" },
      t("dash.axis.grade"),
    ),
  );
  const table = dataTable<AreaStats>({
    id: "table-areas",
    caption: t("dash.areas.tableCaption"),
    rows: areas,
    columns: [
      { label: t("dash.col.area"), cell: (a) => areaLabel(a, lang) },
      {
        label: t("dash.col.mean"),
        numeric: true,
        cell: (a) => [
          mean(a.grade.mean),
          a.grade.source === "reported" ? h("span", { "aria-hidden": "true" }, "*") : null,
          a.grade.smallN && a.grade.mean !== null ? h("span", { className: "warn", "aria-hidden": "true" }, " !") : null,
        ],
      },
      { label: t("dash.col.ci"), numeric: true, cell: (a) => ciText(a.grade) },
      { label: t("dash.col.n"), numeric: true, cell: (a) => count(a.grade.n) },
      { label: t("dash.col.days"), numeric: true, cell: (a) => count(a.grade.days) },
      { label: t("dash.col.events"), numeric: true, cell: (a) => count(a.events) },
      { label: t("dash.col.responses"), numeric: true, cell: (a) => count(a.responses) },
      { label: t("dash.col.responseRate"), numeric: true, cell: (a) => percent(a.responseRate) },
      { label: t("admin.areas.col.regions"), cell: (a) => a.regions.map((code) => regionName(ctx, code)).join(", ") },
      { label: t("dash.col.notes"), cell: (a) => notesCell(pooledMarks(a.grade)) },
    ],
  });
  return section(
    "areas-compared",
    t("dash.areas.compareTitle"),
    figure.element,
    table,
    marksKey(),
    h("p", { className: "small-note" }, t("dash.note.dayUnit"), " ", t("dash.note.ciMinimum")),
  );
}
