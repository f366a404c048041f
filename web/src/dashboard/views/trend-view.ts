// Mean grade over time (by term, year or month): the whole country, and the regions chosen in
// the filters. A term without days is a gap in the line and "no days" in the table, never 0.
import { api, type PooledGrade, type TrendChange, type TrendResponse } from "../api";
import { anyBeyondScale } from "../charts/ci-whiskers-plugin";
import { SERIES_COUNT, seriesStyle } from "../charts/chart-style";
import { trendChart, type TrendSeries } from "../charts/trend-chart";
import { h } from "../dom";
import { bucketLabel, ciText, mean, signed } from "../format";
import { t } from "../i18n";
import { chartFigure, type LegendItem } from "./chart-figure";
import { dataTable } from "./data-table";
import { withheldText } from "./figures-card";
import { marksKey } from "./grade-notes";
import { pooledCount, publishedList } from "./published-events";
import { MIN_CELL } from "../../../../src/domain/stats/suppression";
import { MIN_OTHER_REGIONS } from "../../../../src/domain/stats/yardstick";
import { downloadLinks, emptyState, section } from "./section";
import { dataFilter, regionName, type ViewContext } from "./view-context";

export async function trendView(ctx: ViewContext): Promise<Node[]> {
  const { state, signal } = ctx;
  const chosen = shownRegions(ctx);
  const filter = { ...dataFilter(state), interval: state.interval, regions: chosen };
  const trend = await api.trend(filter, signal);
  const series = trend.series
    .filter((s) => s.region === null || chosen.includes(s.region))
    .sort((a, b) => (a.region === null ? -1 : b.region === null ? 1 : a.region.localeCompare(b.region)));
  if (trend.keys.length === 0 || series.every((s) => s.points.every((p) => p === null || p.mean === null)))
    return [emptyState(t("dash.empty.trend"))];
  return [trendSection(ctx, trend, series, filter), themeTrendSection(ctx, trend)];
}

/** "Change autumn 2019 → …: +0,17 (95 % CI −0,13 to 0,46, days as the unit)". */
function changeSentence(change: TrendChange | null, name: string): string | null {
  if (!change) return null;
  const params = { from: bucketLabel(change.from), to: bucketLabel(change.to), diff: signed(change.difference) };
  const text = change.ci95
    ? t("dash.trend.change", { ...params, lo: signed(change.ci95[0]), hi: signed(change.ci95[1]) })
    : t("dash.trend.changeTooFew", params);
  return `${name}: ${text}`;
}

/** The whole country per theme over the same buckets: a rise that is only a change of theme shows as flat lines. */
function themeTrendSection(ctx: ViewContext, trend: TrendResponse): HTMLElement {
  const lang = ctx.state.lang;
  const labels = trend.keys.map(bucketLabel);
  const intervalName = t(`dash.interval.${trend.interval}`).toLocaleLowerCase(lang);
  if (trend.themes.length === 0) return section("trend-themes", t("dash.trend.byTheme"), emptyState(t("dash.empty.themes")));
  const charted = trend.themes.slice(0, SERIES_COUNT);
  const figure = chartFigure({
    id: "chart-trend-themes",
    caption: t("dash.trend.byThemeCaption", { interval: intervalName }),
    label: t("dash.trend.chartAlt"),
    height: 320,
    legend: [
      ...charted.map(
        (s, i): LegendItem => ({
          swatch: `series-${i % SERIES_COUNT}` as const,
          symbol: seriesStyle(i).symbol,
          text: t("dash.legend.regionSeries", { region: s.names[lang] }),
        }),
      ),
      ...(charted.some((s) => s.points.some(publishedBeside))
        ? [{ swatch: "hollow-diamond", text: t("dash.legend.publishedPoints") } as LegendItem]
        : []),
    ],
  });
  ctx.draw(
    figure.canvas,
    trendChart(
      labels,
      charted.map((s) => ({
        name: s.names[lang],
        national: false,
        points: s.points.map((p) => ({ mean: p?.mean ?? null, ci: p?.ci95 ?? null, label: p && p.mean !== null ? pointLabel(p) : null })),
        published: s.points.map((p) => (publishedBeside(p) ? p!.published!.meanOfMeans : null)),
      })),
      t("dash.axis.grade"),
    ),
  );
  const table = dataTable<number>({
    id: "table-trend-themes",
    caption: t("dash.trend.byThemeCaption", { interval: intervalName }),
    rows: trend.keys.map((_, i) => i),
    columns: [
      { label: t(`dash.interval.${trend.interval}`), cell: (i) => labels[i]! },
      ...trend.themes.map((s) => ({ label: s.names[lang], numeric: true, cell: (i: number) => trendCell(s.points[i] ?? null) })),
    ],
  });
  const changes = trend.themes.map((s) => changeSentence(s.change, s.names[lang])).filter((x): x is string => x !== null);
  return section(
    "trend-themes",
    t("dash.trend.byTheme"),
    trend.themeMixDiffers ? h("p", { className: "rank-status", id: "trend-mix-note" }, t("dash.trend.mixDiffers")) : null,
    figure.element,
    table,
    changes.length > 0
      ? h(
          "ul",
          { className: "notes" },
          changes.map((c) => h("li", {}, c)),
        )
      : null,
  );
}

/** The filter's regions; an agent with none chosen sees their own beside the country. */
export function shownRegions(ctx: Pick<ViewContext, "state" | "me">): string[] {
  if (ctx.state.regions.length > 0) return [...ctx.state.regions];
  return ctx.me.readableRegions === "all" ? [] : [...ctx.me.readableRegions];
}

function trendSection(
  ctx: ViewContext,
  trend: TrendResponse,
  series: TrendResponse["series"],
  filter: Parameters<typeof downloadLinks>[1],
): HTMLElement {
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
    published: s.points.map((p) => (publishedBeside(p) ? p!.published!.meanOfMeans : null)),
  }));
  let regionIndex = 0;
  const legend: LegendItem[] = charted.map((s) => {
    if (s.region === null) return { swatch: "dashed", text: t("dash.legend.nationalSeries") };
    const style = seriesStyle(regionIndex++);
    return {
      swatch: `series-${(regionIndex - 1) % SERIES_COUNT}`,
      symbol: style.symbol,
      text: t("dash.legend.regionSeries", { region: names[series.indexOf(s)]! }),
    };
  });
  if (charted.length <= 2) legend.push({ swatch: "whisker", text: t("dash.legend.ci") });
  if (shaped.some((s) => s.published.some((m) => m !== null)))
    legend.push({ swatch: "hollow-diamond", text: t("dash.legend.publishedPoints") });
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
      ...series.map((s, j) => ({
        label: names[j]!,
        numeric: true,
        cell: (i: number) => {
          const withheld = s.region === null ? (trend.nationalWithheld[i] ?? null) : null;
          return withheld ? h("span", { className: "small-note" }, withheldText(withheld)) : trendCell(s.points[i] ?? null);
        },
      })),
    ],
  });
  const note =
    series.length === 1
      ? t("dash.trend.chooseRegions")
      : charted.length < series.length
        ? t("dash.trend.chartLimit", { count: SERIES_COUNT })
        : null;
  const withheld = trend.nationalWithheld.find((reason) => reason !== null);
  const withheldNote = withheld
    ? h(
        "p",
        { className: "small-note", id: "trend-withheld" },
        `${t("dash.national")}: ${withheldText(withheld)} ${t("yardstick.rule", { regions: MIN_OTHER_REGIONS, k: MIN_CELL })}`,
      )
    : null;
  const changes = series.map((s, j) => changeSentence(s.change, names[j]!)).filter((x): x is string => x !== null);
  return section(
    "trend",
    t("dash.trend.title"),
    note ? h("p", { className: "small-note" }, note) : null,
    withheldNote,
    trend.themeMixDiffers ? h("p", { className: "rank-status", id: "trend-mix-warning" }, t("dash.trend.mixDiffers")) : null,
    figure.element,
    anyBeyondScale(charted.flatMap((s) => s.points.map((p) => p?.ci95 ?? null)))
      ? h("p", { className: "small-note" }, t("dash.note.ciClipped"))
      : null,
    table,
    changes.length > 0
      ? h(
          "ul",
          { className: "notes", id: "trend-changes" },
          changes.map((c) => h("li", {}, c)),
        )
      : null,
    marksKey(),
    h("p", { className: "small-note" }, t("dash.note.dayUnit"), " ", t("dash.note.ciMinimum")),
    downloadLinks("trend", filter, t("dash.csv.trend")),
  );
}

/** A bucket where answers and published days meet: the published days' mean is drawn as its own point. */
function publishedBeside(p: PooledGrade | null): boolean {
  return p !== null && p.source === "mixed" && p.published !== null && p.published !== undefined;
}

/** The mean with its marks, as the table writes it (n and k follow in the cell's detail). A mixed
 *  bucket's figure is the answers' alone: only an all-published one carries the asterisk. */
function meanMarked(p: PooledGrade): string {
  return `${mean(p.mean)}${p.source === "reported" ? "*" : ""}`;
}

/** On the chart every point carries its n and k days, and "!" for a small n. */
function pointLabel(p: PooledGrade): string {
  return `${meanMarked(p)} (${pooledCount(p)})${p.smallN ? " !" : ""}`;
}

function trendCell(p: PooledGrade | null) {
  if (!p || p.mean === null)
    return h("span", { className: "small-note" }, p && p.excludedUnknownN > 0 ? t("dash.unpooled") : t("dash.trend.noDays"));
  return [
    h("span", { className: "cell-mean" }, `${meanMarked(p)}${p.smallN ? " !" : ""}`),
    h("span", { className: "cell-detail" }, ` ${pooledCount(p)}`, `, ${ciText(p)}`),
    publishedList(p)
      ? h("span", { className: "cell-detail published-list" }, ` ${t("dash.col.publishedDays")}: ${publishedList(p)}`)
      : null,
  ];
}
