// Two programmes side by side: for each row (a theme or a region) two horizontal bars, the first
// programme solid and the second light with a dark outline (fill, not colour, tells them apart),
// each with its 95% CI whisker and its value, n and k written at its end.
import type { ChartConfiguration } from "chart.js";
import type { Interval } from "../../../../src/domain/stats";
import { categoryAxis, gradeAxis } from "./axes";
import { INK_COLOR, LIGHT_COLOR, REGION_COLOR } from "./chart-style";

export interface PairedBar {
  readonly mean: number | null;
  readonly ci: Interval | null;
  readonly label: string | null;
}

export interface PairedRow {
  readonly name: string;
  readonly sides: readonly [PairedBar, PairedBar];
}

/** Room per row: two bars and their labels. */
export const PAIRED_ROW_HEIGHT = 56;

export function pairedBarsChart(
  rows: readonly PairedRow[],
  names: readonly [string, string],
  axisTitle: string,
): ChartConfiguration<"bar"> {
  const side = (i: 0 | 1) => rows.map((r) => r.sides[i]);
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => r.name),
      datasets: [
        {
          label: names[0],
          data: side(0).map((b) => b.mean),
          backgroundColor: REGION_COLOR,
          borderColor: REGION_COLOR,
          borderWidth: 1,
          base: 4,
        },
        {
          label: names[1],
          data: side(1).map((b) => b.mean),
          backgroundColor: LIGHT_COLOR,
          borderColor: INK_COLOR,
          borderWidth: 2,
          base: 4,
        },
      ],
    },
    options: {
      indexAxis: "y",
      layout: { padding: { top: 8, right: 8 } },
      scales: { x: { ...gradeAxis(axisTitle), position: "bottom" }, y: categoryAxis() },
      plugins: {
        ciWhiskers: { intervals: { 0: side(0).map((b) => b.ci), 1: side(1).map((b) => b.ci) } },
        valueLabels: {
          labels: { 0: side(0).map((b) => b.label), 1: side(1).map((b) => b.label) },
          clearOf: { 0: side(0).map((b) => b.ci), 1: side(1).map((b) => b.ci) },
        },
        referenceLine: false,
      },
    },
  };
}
