// Regions side by side: pooled mean grade as a horizontal bar with its 95% CI whisker and its
// value and n written at the end; regions whose figure rests on published results are hatched.
import type { ChartConfiguration } from "chart.js";
import type { Interval } from "../../../../src/domain/stats";
import { categoryAxis, gradeAxis } from "./axes";
import { REGION_COLOR, reportedPattern } from "./chart-style";

export interface RegionBar {
  readonly name: string;
  readonly mean: number | null;
  readonly ci: Interval | null;
  readonly label: string;
  readonly reported: boolean;
}

/** Room per region so names and labels stay readable on a phone and on a projector. */
export const ROW_HEIGHT = 34;

export function regionBarsChart(
  regions: readonly RegionBar[],
  national: { mean: number | null; label: string },
  axisTitle: string,
): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: regions.map((r) => r.name),
      datasets: [
        {
          data: regions.map((r) => r.mean),
          backgroundColor: regions.map((r) => (r.reported ? reportedPattern() : REGION_COLOR)),
          borderColor: REGION_COLOR,
          borderWidth: 1,
          barPercentage: 0.75,
          // Grades start at 4: bars grow from the axis minimum, not from 0.
          base: 4,
        },
      ],
    },
    options: {
      indexAxis: "y",
      layout: { padding: { top: 20, right: 8 } },
      scales: { x: { ...gradeAxis(axisTitle), position: "bottom" }, y: categoryAxis() },
      plugins: {
        ciWhiskers: { intervals: { 0: regions.map((r) => r.ci) } },
        valueLabels: { labels: { 0: regions.map((r) => r.label) }, clearOf: { 0: regions.map((r) => r.ci) } },
        referenceLine: { value: national.mean, label: national.label },
      },
    },
  };
}
