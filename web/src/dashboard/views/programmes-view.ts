// Two programmes side by side for the national team (e.g. LAPE-Akatemia 2019 and a later academy):
// the whole of each, then by theme (matched by name) and by region, each figure a pool with the
// same rules as a region's (day-clustered CI over k days, published days marked, small n marked,
// demo labelled). Each chart has its data table.
import { api, type ProgrammeComparisonResponse, type ProgrammeSide, type ProgrammesResponse } from "../api";
import { PAIRED_ROW_HEIGHT, pairedBarsChart, type PairedBar } from "../charts/paired-bars-chart";
import { h } from "../dom";
import { ciText, mean } from "../format";
import { t } from "../i18n";
import { chartFigure, legendItems } from "./chart-figure";
import { dataTable, type Column } from "./data-table";
import { figuresCard } from "./figures-card";
import { marksKey, notesCell, pooledMarks } from "./grade-notes";
import { pooledCount } from "./published-events";
import { emptyState, section } from "./section";
import type { ViewContext } from "./view-context";

type Programme = ProgrammesResponse["programmes"][number];

/** The two programmes shown: the URL's, else the first two as the programme list orders them. */
export function comparedPair(programmes: readonly Programme[], first: number | null, second: number | null): [number, number] | null {
  if (programmes.length < 2) return null;
  const ids = programmes.map((p) => p.id);
  const a = first !== null && ids.includes(first) ? first : ids[0]!;
  const b = second !== null && ids.includes(second) && second !== a ? second : ids.find((id) => id !== a)!;
  return [a, b];
}

export function programmesView(programmes: readonly Programme[]) {
  return async (ctx: ViewContext): Promise<Node[]> => {
    const pair = comparedPair(programmes, ctx.state.programme, ctx.state.compare);
    if (!pair) return [emptyState(t("dash.programmes.needTwo", { count: programmes.length }))];
    const data = await api.programmeComparison(pair[0], pair[1], ctx.signal);
    const names = data.programmes.map((p) => (p.isDemo ? `${p.name} (${t("demo.badge")})` : p.name)) as [string, string];
    return [
      overallSection(data, names),
      pairedSection(
        ctx,
        "programme-themes",
        t("dash.programmes.themesTitle"),
        t("dash.col.theme"),
        names,
        data.themes.map((row) => ({ name: row.name[ctx.state.lang], figures: row.figures })),
        t("dash.programmes.themesCaption", { a: names[0], b: names[1] }),
        t("dash.programmes.themeMatch"),
      ),
      pairedSection(
        ctx,
        "programme-regions",
        t("dash.programmes.regionsTitle"),
        t("dash.col.region"),
        names,
        data.regions.map((row) => ({ name: row.name ? row.name[ctx.state.lang] : t("dash.programmes.national"), figures: row.figures })),
        t("dash.programmes.regionsCaption", { a: names[0], b: names[1] }),
        null,
      ),
    ];
  };
}

function overallSection(data: ProgrammeComparisonResponse, names: readonly [string, string]): HTMLElement {
  return section(
    "programme-overall",
    t("dash.programmes.overallTitle"),
    h(
      "div",
      { className: "cards" },
      data.overall.map((side, i) =>
        figuresCard(
          {
            title: names[i]!,
            grade: side.grade,
            events: side.events,
            attendance: side.attendance,
            responses: side.responses,
            responseRate: side.responseRate,
            rateExcludedOver100: side.rateExcludedOver100,
          },
          `card-programme-${i + 1}`,
        ),
      ),
    ),
  );
}

interface Row {
  readonly name: string;
  readonly figures: readonly [ProgrammeSide | null, ProgrammeSide | null];
}

function bar(side: ProgrammeSide | null): PairedBar {
  if (!side || side.grade.mean === null) return { mean: null, ci: null, label: null };
  const g = side.grade;
  return {
    mean: g.mean,
    ci: g.ci95,
    label: `${mean(g.mean)}${g.source === "reported" ? "*" : ""} (${pooledCount(g)})${g.smallN ? " !" : ""}`,
  };
}

function sideColumns(names: readonly [string, string], i: 0 | 1): Column<Row>[] {
  const programme = names[i];
  const grade = (r: Row) => r.figures[i]?.grade ?? null;
  return [
    {
      label: t("dash.programmes.colMean", { programme }),
      numeric: true,
      cell: (r) => {
        const g = grade(r);
        if (!g) return "–";
        return [
          mean(g.mean),
          g.source === "reported" ? h("span", { "aria-hidden": "true" }, "*") : null,
          g.smallN && g.mean !== null ? h("span", { className: "warn", "aria-hidden": "true" }, " !") : null,
        ];
      },
    },
    { label: t("dash.programmes.colCi", { programme }), numeric: true, cell: (r) => (grade(r) ? ciText(grade(r)!) : "–") },
    { label: t("dash.programmes.colNk", { programme }), numeric: true, cell: (r) => (grade(r) ? pooledCount(grade(r)!) : "–") },
    { label: t("dash.programmes.colNotes", { programme }), cell: (r) => notesCell(grade(r) ? pooledMarks(grade(r)!) : []) },
  ];
}

function pairedSection(
  ctx: ViewContext,
  id: string,
  title: string,
  rowLabel: string,
  names: readonly [string, string],
  rows: readonly Row[],
  caption: string,
  note: string | null,
): HTMLElement {
  if (rows.length === 0) return section(id, title, emptyState(t("dash.empty.days")));
  const figure = chartFigure({
    id: `chart-${id}`,
    caption,
    label: t("dash.programmes.chartAlt"),
    height: rows.length * PAIRED_ROW_HEIGHT + 70,
    legend: legendItems(
      { swatch: "solid", text: t("dash.programmes.legend", { index: 1, programme: names[0] }) },
      { swatch: "light", text: t("dash.programmes.legend", { index: 2, programme: names[1] }) },
      { swatch: "whisker", text: t("dash.legend.ci") },
    ),
  });
  ctx.draw(
    figure.canvas,
    pairedBarsChart(
      rows.map((r) => ({ name: r.name, sides: [bar(r.figures[0]), bar(r.figures[1])] as const })),
      names,
      t("dash.axis.grade"),
    ),
  );
  const table = dataTable<Row>({
    id: `table-${id}`,
    caption,
    rows,
    columns: [{ label: rowLabel, cell: (r) => r.name }, ...sideColumns(names, 0), ...sideColumns(names, 1)],
  });
  return section(
    id,
    title,
    note ? h("p", { className: "small-note" }, note) : null,
    figure.element,
    table,
    marksKey(),
    h("p", { className: "small-note" }, t("dash.note.dayUnit"), " ", t("dash.note.ciMinimum")),
  );
}
