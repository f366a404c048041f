// All regions side by side for the national team: the national pooled figure, a sortable table
// and a bar chart with CI whiskers in the same order, and the region × theme heat map.
import { api, type RegionStats, type RegionsStatsResponse } from "../api";
import { showChart } from "../charts/chart-host";
import { regionBarsChart, ROW_HEIGHT } from "../charts/region-bars-chart";
import { h } from "../dom";
import { count, interval, mean, percent } from "../format";
import { t } from "../i18n";
import type { Sort } from "../url-state";
import { chartFigure, legendItems } from "./chart-figure";
import { figuresCard } from "./figures-card";
import { notesCell, pooledMarks } from "./grade-notes";
import { heatmapSection } from "./heatmap-section";
import { csvLink, emptyState, section } from "./section";
import { sortAnnouncement, sortableTable, sortRows, type SortableColumn } from "./sortable-table";
import { pooledCount } from "./published-days";
import { dataFilter, type ViewContext } from "./view-context";

const DEFAULT_SORT: Sort = { key: "mean", descending: true };

export async function nationalView(ctx: ViewContext): Promise<Node[]> {
  const { state, signal } = ctx;
  const filter = { ...dataFilter(state), regions: state.regions };
  const [stats, themes] = await Promise.all([api.regionStats(filter, signal), api.themeStats(filter, signal)]);
  const chosen = new Set(state.regions);
  const regions = stats.regions.filter((r) => chosen.size === 0 || chosen.has(r.code));
  if (regions.length === 0) return [emptyState(t("dash.empty.regions"))];
  return [nationalSection(stats), comparisonSection(ctx, stats, regions, filter), heatmapSection(ctx, themes, regions, filter)];
}

function nationalSection(stats: RegionsStatsResponse): HTMLElement {
  const n = stats.national;
  return section(
    "national",
    t("dash.national.title"),
    h("div", { className: "cards" }, figuresCard({ title: t("dash.national"), grade: n, events: n.events, attendance: n.attendance, responses: n.responses }, "card-national")),
  );
}

function comparisonSection(ctx: ViewContext, stats: RegionsStatsResponse, regions: readonly RegionStats[], filter: Parameters<typeof csvLink>[1]): HTMLElement {
  const lang = ctx.state.lang;
  const columns: SortableColumn<RegionStats>[] = [
    { key: "region", sortText: t("dash.col.region"), label: t("dash.col.region"), cell: (r) => r.name[lang], value: (r) => r.name[lang] },
    { key: "events", sortText: t("dash.col.events"), label: t("dash.col.events"), numeric: true, cell: (r) => count(r.events), value: (r) => r.events },
    { key: "attendance", sortText: t("dash.col.attendance"), label: t("dash.col.attendance"), numeric: true, cell: (r) => count(r.attendance), value: (r) => r.attendance },
    { key: "responses", sortText: t("dash.col.responses"), label: t("dash.col.responses"), numeric: true, cell: (r) => count(r.responses), value: (r) => r.responses },
    { key: "responseRate", sortText: t("dash.col.responseRate"), label: t("dash.col.responseRate"), numeric: true, cell: (r) => percent(r.responseRate), value: (r) => r.responseRate },
    { key: "mean", sortText: t("dash.col.mean"), label: t("dash.col.mean"), numeric: true, cell: (r) => meanCell(r), value: (r) => r.grade.mean },
    { key: "n", sortText: t("dash.col.n"), label: t("dash.col.n"), numeric: true, cell: (r) => count(r.grade.n), value: (r) => r.grade.n },
  ];
  const extra = [
    { label: t("dash.col.ci"), numeric: true, cell: (r: RegionStats) => interval(r.grade.ci95) },
    { label: t("dash.col.notes"), cell: (r: RegionStats) => notesCell(pooledMarks(r.grade)) },
  ];

  const figure = chartFigure({
    id: "chart-regions",
    caption: t("dash.regions.chartTitle"),
    label: t("dash.regions.chartAlt"),
    height: regions.length * ROW_HEIGHT + 70,
    legend: legendItems(
      { swatch: "solid", text: t("dash.legend.regionMean") },
      { swatch: "whisker", text: t("dash.legend.ci") },
      { swatch: "dashed", text: t("dash.legend.national", { mean: mean(stats.national.mean), n: count(stats.national.n) }) },
      regions.some((r) => r.grade.source === "reported") ? { swatch: "hatched", text: t("dash.legend.reportedBar") } : null,
    ),
  });
  const tableSlot = h("div", { className: "table-slot" });

  const show = (sort: Sort, announce: boolean) => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    const ordered = sortRows(regions, column.value, sort.descending, lang);
    const focused = document.activeElement?.id;
    tableSlot.replaceChildren(
      sortableTable<RegionStats>(
        {
          id: "table-regions",
          caption: t("dash.regions.tableCaption"),
          rows: regions,
          // The mean with its CI and n right after the name: on a phone they are what shows first.
          columns: [columns[0]!, columns[5]!, extra[0]!, columns[6]!, columns[1]!, columns[2]!, columns[3]!, columns[4]!, extra[1]!],
          sort,
          onSort: (next) => {
            ctx.remember({ sort: next });
            show(next, true);
          },
        },
        lang,
      ),
    );
    if (focused) document.getElementById(focused)?.focus();
    const config = regionBarsChart(
      ordered.map((r) => ({
        name: r.name[lang],
        mean: r.grade.mean,
        ci: r.grade.ci95,
        // Only an all-published region's bar is a published figure; a mixed one is its answers'.
        reported: r.grade.source === "reported",
        label: r.grade.mean === null ? (r.grade.excludedUnknownN > 0 ? t("dash.chart.unpooled") : t("dash.noData")) : `${mean(r.grade.mean)}${r.grade.source === "reported" ? "*" : ""} (${pooledCount(r.grade)})${r.grade.smallN ? " !" : ""}`,
      })),
      { mean: stats.national.mean, label: t("dash.chart.nationalLine", { mean: mean(stats.national.mean) }) },
      t("dash.axis.grade"),
    );
    if (announce) {
      showChart(figure.canvas, config);
      ctx.announce(sortAnnouncement(column.sortText, sort.descending));
    } else ctx.draw(figure.canvas, config);
  };
  show(ctx.state.sort ?? DEFAULT_SORT, false);
  return section("regions", t("dash.regions.title"), figure.element, tableSlot, csvLink("regions", filter, t("dash.csv.regions")));
}

function meanCell(r: RegionStats) {
  if (r.grade.mean === null) return "–";
  return [mean(r.grade.mean), r.grade.source === "reported" ? h("span", { "aria-hidden": "true" }, "*") : null, r.grade.smallN ? h("span", { className: "warn", "aria-hidden": "true" }, " !") : null];
}

