// All regions side by side for the national team: the national pooled figure; each region
// against the rest of the country on a funnel plot; a sortable table and a bar chart (unadjusted
// or theme-adjusted, said in words) with regions too small to rank listed apart; and the
// region × theme heat map.
import { api, type RegionComparison, type RegionStats, type RegionsStatsResponse } from "../api";
import { anyBeyondScale } from "../charts/ci-whiskers-plugin";
import { showChart } from "../charts/chart-host";
import { funnelChart } from "../charts/funnel-chart";
import { regionBarsChart, ROW_HEIGHT } from "../charts/region-bars-chart";
import { h } from "../dom";
import { ciText, count, interval, mean, percent, signed } from "../format";
import { num, t } from "../i18n";
import type { Sort } from "../url-state";
import { chartFigure, legendItems } from "./chart-figure";
import { dataTable } from "./data-table";
import { figuresCard, withheldCard } from "./figures-card";
import { notesCell, pooledMarks } from "./grade-notes";
import { heatmapSection } from "./heatmap-section";
import { downloadLinks, emptyState, section } from "./section";
import { sortAnnouncement, sortableTable, sortRows, type AnyColumn, type SortableColumn } from "./sortable-table";
import { pooledCount } from "./published-events";
import { dataFilter, type ViewContext } from "./view-context";

const DEFAULT_SORT: Sort = { key: "mean", descending: true };

/** A region with its comparison against the rest of the country (withheld only by the yardstick rule). */
type ComparedRegion = RegionStats & { readonly comparison: RegionComparison };
const isCompared = (r: RegionStats): r is ComparedRegion => r.comparison !== null;

export async function nationalView(ctx: ViewContext): Promise<Node[]> {
  const { state, signal } = ctx;
  const filter = { ...dataFilter(state), regions: state.regions };
  const [stats, themes] = await Promise.all([api.regionStats(filter, signal), api.themeStats(filter, signal)]);
  const chosen = new Set(state.regions);
  const regions = stats.regions.filter((r) => chosen.size === 0 || chosen.has(r.code));
  if (regions.length === 0) return [emptyState(t("dash.empty.regions"))];
  const compared = regions.filter(isCompared);
  // The yardstick rule withholds every comparison from a reader of some regions when the selection
  // pools too few other regions: the national card says why, and there is nothing to compare.
  if (compared.length < regions.length) return [nationalSection(stats), heatmapSection(ctx, themes, regions, filter)];
  return [
    nationalSection(stats),
    funnelSection(ctx, stats, compared),
    comparisonSection(ctx, stats, compared, filter),
    heatmapSection(ctx, themes, compared, filter),
  ];
}

function nationalSection(stats: RegionsStatsResponse): HTMLElement {
  const n = stats.national;
  return section(
    "national",
    t("dash.national.title"),
    h(
      "div",
      { className: "cards" },
      n
        ? figuresCard(
            { title: t("dash.national"), grade: n, events: n.events, attendance: n.attendance, responses: n.responses },
            "card-national",
          )
        : withheldCard(t("dash.national"), stats.yardstick.shown ? "too_few_regions" : stats.yardstick.reason, "card-national"),
    ),
  );
}

const isOutside = (r: ComparedRegion) => r.comparison.funnel !== null && r.comparison.funnel.flag !== "within";
const onFunnel = (r: ComparedRegion) => r.comparison.rankable && r.comparison.funnel !== null;

/** Each region against the rest of the country: the funnel plot, the chance sentence, its table. */
function funnelSection(ctx: ViewContext, stats: RegionsStatsResponse, regions: readonly ComparedRegion[]): HTMLElement {
  const lang = ctx.state.lang;
  const placed = regions.filter(onFunnel);
  const apart = regions.filter((r) => !onFunnel(r));
  const outside = placed.filter(isOutside);
  const figure = chartFigure({
    id: "chart-funnel",
    caption: t("dash.funnel.chartTitle"),
    label: t("dash.funnel.chartAlt"),
    height: 380,
    legend: legendItems(
      { swatch: "series-0", symbol: "○", text: t("dash.funnel.legendPoint") },
      outside.length > 0
        ? { swatch: "series-1", symbol: "◆", text: t("dash.funnel.outside", { regions: outside.map((r) => r.name[lang]).join(", ") }) }
        : null,
      { swatch: "line", text: t("dash.funnel.legend95") },
      { swatch: "dashed", text: t("dash.funnel.legend998") },
    ),
  });
  ctx.draw(
    figure.canvas,
    funnelChart(
      placed.map((r) => ({
        x: r.comparison.funnel!.effectiveN,
        y: r.comparison.funnel!.difference,
        outside: isOutside(r),
        label: r.name[lang],
      })),
      stats.funnel.curve.map((c) => ({ x: c.effectiveN, lo95: c.lo95, hi95: c.hi95, lo998: c.lo998, hi998: c.hi998 })),
      { x: t("dash.funnel.axisX"), y: t("dash.funnel.axisY") },
    ),
  );
  const table = dataTable<ComparedRegion>({
    id: "table-funnel",
    caption: t("dash.funnel.tableCaption"),
    rows: [...placed].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang)),
    columns: [
      { label: t("dash.col.region"), cell: (r) => r.name[lang] },
      { label: t("dash.col.mean"), numeric: true, cell: (r) => mean(r.grade.mean) },
      { label: t("dash.col.n"), numeric: true, cell: (r) => count(r.grade.n) },
      { label: t("dash.col.days"), numeric: true, cell: (r) => count(r.grade.days) },
      {
        label: t("dash.col.rest"),
        numeric: true,
        cell: (r) =>
          `${mean(r.comparison.rest.mean)} (${t("dash.chart.nk", { n: count(r.comparison.rest.n), k: count(r.comparison.rest.days) })})`,
      },
      { label: t("dash.col.difference"), numeric: true, cell: (r) => signed(r.comparison.funnel!.difference) },
      { label: t("dash.col.limits95"), numeric: true, cell: (r) => interval(r.comparison.funnel!.limits95) },
      { label: t("dash.col.effectiveN"), numeric: true, cell: (r) => count(Math.round(r.comparison.funnel!.effectiveN)) },
      {
        label: t("dash.col.result"),
        cell: (r) => (isOutside(r) ? h("strong", {}, t(`dash.funnel.flag.${r.comparison.funnel!.flag}`)) : t("dash.funnel.flag.within")),
      },
    ],
  });
  return section(
    "funnel",
    t("dash.funnel.title"),
    h(
      "p",
      { id: "funnel-chance" },
      t("dash.funnel.chance", { count: placed.length, expected: num(placed.length * 0.05, 1) }),
      " ",
      outside.length === 0
        ? t("dash.funnel.noneOutside")
        : t("dash.funnel.outside", { regions: outside.map((r) => r.name[lang]).join(", ") }),
    ),
    figure.element,
    h("p", { className: "small-note" }, t("dash.funnel.legendTypical")),
    table,
    apart.length > 0
      ? h(
          "p",
          { id: "funnel-apart", className: "small-note" },
          t("dash.funnel.apart", { regions: apart.map((r) => r.name[lang]).join(", ") }),
        )
      : null,
  );
}

type Mode = "raw" | "adjusted";

function comparisonSection(
  ctx: ViewContext,
  stats: RegionsStatsResponse,
  regions: readonly ComparedRegion[],
  filter: Parameters<typeof downloadLinks>[1],
): HTMLElement {
  const lang = ctx.state.lang;
  const ranked = regions.filter((r) => r.comparison.rankable);
  const apart = regions.filter((r) => !r.comparison.rankable);
  const themeName = new Map(stats.themeMix.map((m) => [m.themeId, m.name[lang]]));
  let mode: Mode = "raw";
  const gradeOf = (r: ComparedRegion) => (mode === "raw" ? r.grade.mean : r.comparison.adjusted.mean);
  const missing = (r: ComparedRegion) =>
    t("dash.rank.missingTheme", { themes: r.comparison.adjusted.missingThemes.map((id) => themeName.get(id) ?? String(id)).join(", ") });

  const columns: SortableColumn<ComparedRegion>[] = [
    { key: "region", sortText: t("dash.col.region"), label: t("dash.col.region"), cell: (r) => r.name[lang], value: (r) => r.name[lang] },
    {
      key: "events",
      sortText: t("dash.col.events"),
      label: t("dash.col.events"),
      numeric: true,
      cell: (r) => count(r.events),
      value: (r) => r.events,
    },
    {
      key: "attendance",
      sortText: t("dash.col.attendance"),
      label: t("dash.col.attendance"),
      numeric: true,
      cell: (r) => count(r.attendance),
      value: (r) => r.attendance,
    },
    {
      key: "responses",
      sortText: t("dash.col.responses"),
      label: t("dash.col.responses"),
      numeric: true,
      cell: (r) => count(r.responses),
      value: (r) => r.responses,
    },
    {
      key: "responseRate",
      sortText: t("dash.col.responseRate"),
      label: t("dash.col.responseRate"),
      numeric: true,
      cell: (r) =>
        r.rateExcludedOver100 > 0
          ? [
              percent(r.responseRate),
              h("span", { className: "warn rate-flag" }, ` ⚠ ${t("rate.excludedNote", { n: r.rateExcludedOver100 })}`),
            ]
          : percent(r.responseRate),
      value: (r) => r.responseRate,
    },
    {
      key: "mean",
      sortText: t("dash.col.mean"),
      label: t("dash.col.mean"),
      numeric: true,
      cell: (r) => meanCell(r, mode, missing),
      value: gradeOf,
    },
    { key: "n", sortText: t("dash.col.n"), label: t("dash.col.n"), numeric: true, cell: (r) => count(r.grade.n), value: (r) => r.grade.n },
  ];
  const ciColumn = {
    label: t("dash.col.ci"),
    numeric: true,
    cell: (r: ComparedRegion) => (mode === "raw" ? ciText(r.grade) : interval(r.comparison.adjusted.ci95)),
  };
  const eventsColumn = { label: t("dash.col.days"), numeric: true, cell: (r: ComparedRegion) => count(r.grade.days) };
  const notesColumn = { label: t("dash.col.notes"), cell: (r: ComparedRegion) => notesCell(pooledMarks(r.grade)) };
  const ordered: AnyColumn<ComparedRegion>[] = [
    columns[0]!,
    columns[5]!,
    ciColumn,
    columns[6]!,
    eventsColumn,
    columns[1]!,
    columns[2]!,
    columns[3]!,
    columns[4]!,
    notesColumn,
  ];

  const figure = chartFigure({
    id: "chart-regions",
    caption: t("dash.regions.chartTitle"),
    label: t("dash.regions.chartAlt"),
    height: ranked.length * ROW_HEIGHT + 70,
    legend: legendItems(
      { swatch: "solid", text: t("dash.legend.regionMean") },
      { swatch: "whisker", text: t("dash.legend.ci") },
      stats.national
        ? { swatch: "dashed", text: t("dash.legend.national", { mean: mean(stats.national.mean), n: count(stats.national.n) }) }
        : null,
      // Only an all-published region's bar is a published figure; a mixed one is its answers'.
      ranked.some((r) => r.grade.source === "reported") ? { swatch: "hatched", text: t("dash.legend.reportedBar") } : null,
    ),
  });
  const tableSlot = h("div", { className: "table-slot" });
  const rankStatus = h("p", { id: "rank-status", className: "rank-status" });
  const clipNote = h("p", { className: "small-note", id: "regions-clip-note" });

  const show = (sort: Sort, announce: boolean) => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    const order = sortRows(ranked, column.value, sort.descending, lang);
    const focused = document.activeElement?.id;
    rankStatus.textContent =
      mode === "raw"
        ? t("dash.rank.statusRaw")
        : t("dash.rank.statusAdjusted", { mix: stats.themeMix.map((m) => `${m.name[lang]} ${percent(m.weight)}`).join(", ") });
    tableSlot.replaceChildren(
      sortableTable<ComparedRegion>(
        {
          id: "table-regions",
          caption: t("dash.regions.tableCaption"),
          rows: ranked,
          // The mean with its CI, n and days right after the name: on a phone they are what shows first.
          columns: ordered,
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
    const intervals = order.map((r) => (mode === "raw" ? r.grade.ci95 : r.comparison.adjusted.ci95));
    clipNote.textContent = anyBeyondScale(intervals) ? t("dash.note.ciClipped") : "";
    const config = regionBarsChart(
      order.map((r, i) => ({
        name: r.name[lang],
        mean: gradeOf(r),
        ci: intervals[i] ?? null,
        // Only an all-published region's bar is a published figure; a mixed one is its answers'.
        reported: r.grade.source === "reported",
        label: barLabel(r, mode),
      })),
      {
        mean: stats.national?.mean ?? null,
        label: stats.national ? t("dash.chart.nationalLine", { mean: mean(stats.national.mean) }) : "",
      },
      t("dash.axis.grade"),
    );
    if (announce) {
      showChart(figure.canvas, config);
      ctx.announce(sortAnnouncement(column.sortText, sort.descending));
    } else ctx.draw(figure.canvas, config);
  };

  const toggle = h(
    "fieldset",
    { className: "rank-toggle" },
    h("legend", {}, t("dash.rank.legend")),
    (["raw", "adjusted"] as const).map((value) => {
      const input = h("input", { type: "radio", name: "rank-mode", id: `rank-${value}`, value, checked: value === mode });
      input.addEventListener("change", () => {
        if (!input.checked) return;
        mode = value;
        show(ctx.state.sort ?? DEFAULT_SORT, true);
        ctx.announce(rankStatus.textContent ?? "");
      });
      return h(
        "span",
        { className: "radio" },
        input,
        " ",
        h("label", { for: `rank-${value}` }, t(value === "raw" ? "dash.rank.raw" : "dash.rank.adjusted")),
      );
    }),
  );
  show(ctx.state.sort ?? DEFAULT_SORT, false);
  return section(
    "regions",
    t("dash.regions.title"),
    toggle,
    rankStatus,
    figure.element,
    clipNote,
    tableSlot,
    apart.length > 0
      ? dataTable<ComparedRegion>({
          id: "table-regions-apart",
          caption: t("dash.regions.apartCaption"),
          rows: apart,
          columns: [
            { label: t("dash.col.region"), cell: (r) => r.name[lang] },
            { label: t("dash.col.mean"), numeric: true, cell: (r) => meanCell(r, "raw", missing) },
            { label: t("dash.col.n"), numeric: true, cell: (r) => count(r.grade.n) },
            eventsColumn,
            { label: t("dash.col.events"), numeric: true, cell: (r) => count(r.events) },
            notesColumn,
          ],
        })
      : null,
    h("p", { className: "small-note" }, t("dash.note.dayUnit"), " ", t("dash.note.ciMinimum")),
    downloadLinks("regions", filter, t("dash.csv.regions")),
  );
}

/** "8,2 (n 112, 3 pv) !": the figure, its respondents and days (or its published days), and the small-n mark. */
function barLabel(r: ComparedRegion, mode: Mode): string {
  const value = mode === "raw" ? r.grade.mean : r.comparison.adjusted.mean;
  if (value === null) return r.grade.excludedUnknownN > 0 && mode === "raw" ? t("dash.chart.unpooled") : t("dash.noData");
  const marked = r.grade.source === "reported" ? "*" : "";
  return `${mean(value)}${marked} (${pooledCount(r.grade)})${r.grade.smallN ? " !" : ""}`;
}

function meanCell(r: ComparedRegion, mode: Mode, missing: (r: ComparedRegion) => string) {
  const value = mode === "raw" ? r.grade.mean : r.comparison.adjusted.mean;
  if (value === null) return mode === "adjusted" && r.grade.mean !== null ? h("span", { className: "small-note" }, missing(r)) : "–";
  return [
    mean(value),
    r.grade.source === "reported" ? h("span", { "aria-hidden": "true" }, "*") : null,
    r.grade.smallN ? h("span", { className: "warn", "aria-hidden": "true" }, " !") : null,
  ];
}
