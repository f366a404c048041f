// Region × theme: the pooled mean of each pair in a table whose cells are shaded by the mean.
// The number is always written in the cell, so the shading only helps the eye find patterns.
import type { DataFilter, PooledGrade, RegionStats, ThemesStatsResponse } from "../api";
import { h } from "../dom";
import { mean } from "../format";
import { t } from "../i18n";
import { dataTable } from "./data-table";
import { marksKey } from "./grade-notes";
import { pooledCount, publishedList } from "./published-events";
import { downloadLinks, emptyState, section } from "./section";
import type { ViewContext } from "./view-context";

/** Shading steps by mean grade; dark steps carry white text (contrast checked for AA). */
const STEPS = [7, 7.5, 8, 8.5, 9] as const;

/** A cell without an interval (too few answers or days) or under 30 answers is uncertain: drawn pale and striped. */
export function isWeak(grade: PooledGrade): boolean {
  return grade.ciWithheld !== null || grade.n < 30;
}

export function heatClass(grade: PooledGrade | null): string | null {
  if (!grade || grade.mean === null) return "heat-none";
  if (isWeak(grade)) return "heat heat-weak";
  const step = STEPS.filter((limit) => grade.mean! >= limit).length;
  return `heat heat-${step}`;
}

interface Row {
  readonly name: string;
  readonly cells: ReadonlyMap<number, PooledGrade>;
  readonly total: boolean;
}

/** `totals: false` leaves out the whole-country row (a region's own page asks for its region only). */
export function heatmapSection(
  ctx: ViewContext,
  stats: ThemesStatsResponse,
  regions: readonly RegionStats[],
  filter: DataFilter,
  options: { totals: boolean } = { totals: true },
): HTMLElement {
  const lang = ctx.state.lang;
  if (stats.themes.length === 0) return section("themes", t("dash.themes.title"), emptyState(t("dash.empty.themes")));
  const rows: Row[] = regions.map((r) => ({
    name: r.name[lang],
    cells: new Map(stats.cells.filter((c) => c.region === r.code).map((c) => [c.themeId, c.grade])),
    total: false,
  }));
  const national: Row = { name: t("dash.national"), cells: new Map(stats.themes.map((th) => [th.id, th.grade])), total: true };
  const table = dataTable<Row>({
    id: "table-themes",
    caption: t("dash.themes.tableCaption"),
    className: "heatmap",
    rows,
    footer: options.totals ? [national] : [],
    columns: [
      { label: t("dash.col.region"), cell: (row) => row.name },
      ...stats.themes.map((theme) => ({
        label: theme.names[lang],
        cellClass: (row: Row) => heatClass(row.cells.get(theme.id) ?? null),
        cell: (row: Row) => heatCell(row.cells.get(theme.id) ?? null),
      })),
    ],
  });
  return section(
    "themes",
    t("dash.themes.title"),
    h("p", { className: "small-note" }, t("dash.themes.legend")),
    h(
      "ul",
      { className: "legend heat-legend" },
      [0, 1, 2, 3, 4, 5].map((step) =>
        h(
          "li",
          {},
          h("span", { className: `swatch heat-${step}`, "aria-hidden": "true" }),
          " ",
          step === 0 ? `< ${mean(STEPS[0])}` : step === 5 ? `≥ ${mean(STEPS[4])}` : `${mean(STEPS[step - 1]!)}–${mean(STEPS[step]!)}`,
        ),
      ),
    ),
    h(
      "ul",
      { className: "legend heat-legend" },
      h("li", {}, h("span", { className: "swatch heat-weak", "aria-hidden": "true" }), " ", t("dash.heat.weak")),
    ),
    table,
    marksKey(),
    [...stats.cells.map((c) => c.grade), ...stats.themes.map((th) => th.grade)].some((g) => g.excludedUnknownN > 0)
      ? h("p", { className: "small-note" }, t("dash.note.excludedCells"))
      : null,
    downloadLinks("themes", filter, t("dash.csv.themes")),
  );
}

function heatCell(grade: PooledGrade | null) {
  if (!grade || grade.mean === null)
    return h("span", { className: "small-note" }, grade && grade.excludedUnknownN > 0 ? t("dash.chart.unpooled") : t("dash.noData"));
  // A mixed cell's mean is the answers' alone; its published days are written after it.
  const list = grade.source === "mixed" ? publishedList(grade) : null;
  return [
    h("span", { className: "heat-mean" }, `${mean(grade.mean)}${grade.source === "reported" ? "*" : ""}`),
    h("span", { className: "heat-n" }, ` ${pooledCount(grade)}${grade.smallN ? " !" : ""}`),
    list ? h("span", { className: "heat-n" }, ` + ${list}`) : null,
  ];
}
