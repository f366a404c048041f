// Mean grade over time (by term, year or month): the whole country, and the regions chosen in
// the filters. A term without days is a gap in the line and "no days" in the table, never 0.
import { api, type PooledGrade, type TrendResponse } from "../api";
import { SERIES_COUNT, seriesStyle } from "../charts/chart-style";
import { trendChart, type TrendSeries } from "../charts/trend-chart";
import { h } from "../dom";
import { bucketLabel, count, interval, mean } from "../format";
import { t } from "../i18n";
import { chartFigure, type LegendItem } from "./chart-figure";
import { dataTable } from "./data-table";
import { marksKey } from "./grade-notes";
import { pooledCount, publishedList } from "./published-days";
import { csvLink, emptyState, section } from "./section";
import { dataFilter, regionName, type ViewContext } from "./view-context";

export async function trendView(ctx: ViewContext): Promise<Node[]> {
  const { state, signal } = ctx;
  const chosen = shownRegions(ctx);
  const filter = { ...dataFilter(state), interval: state.interval, regions: chosen };
  const trend = await api.trend(filter, signal);
  const series = trend.series
    .filter((s) => s.region === null || chosen.includes(s.region))
    .sort((a, b) => (a.region === null ? -1 : b.region === null ? 1 : a.region.localeCompare(b.region)));
  if (trend.keys.length === 0 || series.every((s) => s.points.every((p) => p === null || p.mean === null))) return [emptyState(t("dash.empty.trend"))];
  return [trendSection(ctx, trend, series, filter)];
}

/** The filter's regions; an agent with none chosen sees their own beside the country. */
export function shownRegions(ctx: Pick<ViewContext, "state" | "me">): string[] {
  if (ctx.state.regions.length > 0) return [...ctx.state.regions];
  return ctx.me.role === "national" || ctx.me.allRegions ? [] : [...ctx.me.regions];
}

function trendSection(ctx: ViewContext, trend: TrendResponse, series: TrendResponse["series"], filter: Parameters<typeof csvLink>[1]): HTMLElement {
  const names = series.map((s) => (s.region === null ? t("dash.national") : regionName(ctx, s.region)));
  const labels = trend.keys.map(bucketLabel);
  // A seventh region line would repeat the colour and the point shape of the first: the chart
  // draws the whole country and the first SERIES_COUNT regions, and says so; the table has them all.
  const regionSeries = series.filter((s) => s.region !== null);
  const charted = series.filter((s) => s.region === null || regionSeries.indexOf(s) < SERIES_COUNT);
  const shaped: TrendSeries[] = charted.map((s) => ({
    name: names[series.indexOf(s)]!,
    national: s.region === null,
    points: s.points.map((p) => ({ mean: p?.mean ?? null, ci: p?.ci95 ?? null, label: p && p.mean !== null ? pointLabel(p) : null })),
    // Where answers and published days share a bucket, the published days' mean is its own point.
    published: s.points.map((p) => (p && p.source === "mixed" && p.published ? p.published.meanOfMeans : null)),
  }));
  let regionIndex = 0;
  const legend: LegendItem[] = charted.map((s) => {
    if (s.region === null) return { swatch: "dashed", text: t("dash.legend.nationalSeries") };
    const style = seriesStyle(regionIndex++);
    return { swatch: `series-${(regionIndex - 1) % SERIES_COUNT}`, symbol: style.symbol, text: t("dash.legend.regionSeries", { region: names[series.indexOf(s)]! }) };
  });
  if (charted.length <= 2) legend.push({ swatch: "whisker", text: t("dash.legend.ci") });
  if (shaped.some((s) => s.published.some((m) => m !== null))) legend.push({ swatch: "hollow-diamond", text: t("dash.legend.publishedPoints") });
  const figure = chartFigure({
    id: "chart-trend",
    caption: t("dash.trend.chartTitle", { interval: t(`dash.interval.${trend.interval}`).toLocaleLowerCase(ctx.state.lang) }),
    label: t("dash.trend.chartAlt"),
    height: 340,
    legend,
  });
  ctx.draw(figure.canvas, trendChart(labels, shaped, t("dash.axis.grade")));

  const table = dataTable<number>({
    id: "table-trend",
    caption: t("dash.trend.tableCaption", { interval: t(`dash.interval.${trend.interval}`).toLocaleLowerCase(ctx.state.lang) }),
    rows: trend.keys.map((_, i) => i),
    columns: [
      { label: t(`dash.interval.${trend.interval}`), cell: (i) => labels[i]! },
      ...series.map((s, j) => ({ label: names[j]!, numeric: true, cell: (i: number) => trendCell(s.points[i] ?? null) })),
    ],
  });
  const note = series.length === 1 ? t("dash.trend.chooseRegions") : charted.length < series.length ? t("dash.trend.chartLimit", { count: SERIES_COUNT }) : null;
  return section("trend", t("dash.trend.title"), note ? h("p", { className: "small-note" }, note) : null, figure.element, table, marksKey(), csvLink("trend", filter, t("dash.csv.trend")));
}

/** A mixed bucket's figure is the answers' alone: only an all-published one carries the asterisk. */
function pointLabel(p: PooledGrade): string {
  return `${mean(p.mean)}${p.source === "reported" ? "*" : ""}`;
}

function trendCell(p: PooledGrade | null) {
  if (!p || p.mean === null) return h("span", { className: "small-note" }, p && p.excludedUnknownN > 0 ? t("dash.unpooled") : t("dash.trend.noDays"));
  return [
    h("span", { className: "cell-mean" }, `${pointLabel(p)}${p.smallN ? " !" : ""}`),
    h("span", { className: "cell-detail" }, ` ${pooledCount(p)}`, p.ci95 ? `, ${interval(p.ci95)}` : ""),
    publishedList(p) ? h("span", { className: "cell-detail published-list" }, ` ${t("dash.col.publishedDays")}: ${publishedList(p)}`) : null,
  ];
}

