// The region's days in date order: each day's mean grade with its 95% CI (solid line), published
// results as hollow diamonds, and the national average as a dashed reference line.
import type { ChartConfiguration } from "chart.js";
import type { Interval } from "../../../../src/domain/stats";
import { mean as formatMean } from "../format";
import { categoryAxis, gradeAxis } from "./axes";
import { PAPER_COLOR, REGION_COLOR } from "./chart-style";

export interface EventGradePoint {
  readonly label: string[];
  readonly mean: number | null;
  readonly ci: Interval | null;
  readonly reported: boolean;
  /** Respondents, written under the mean so small n shows on the chart itself. */
  readonly n: number | null;
  readonly smallN: boolean;
}

export function eventGradesChart(
  events: readonly EventGradePoint[],
  national: { mean: number | null; label: string },
  axisTitle: string,
): ChartConfiguration<"line"> {
  return {
    type: "line",
    data: {
      labels: events.map((d) => d.label),
      datasets: [
        {
          data: events.map((d) => d.mean),
          borderColor: REGION_COLOR,
          backgroundColor: REGION_COLOR,
          borderWidth: 3,
          spanGaps: false,
          pointRadius: events.map((d) => (d.reported ? 8 : 5)),
          pointStyle: events.map((d) => (d.reported ? "rectRot" : "circle")),
          pointBackgroundColor: events.map((d) => (d.reported ? PAPER_COLOR : REGION_COLOR)),
          pointBorderWidth: 2,
        },
      ],
    },
    options: {
      layout: { padding: { top: 28, right: 12 } },
      scales: { x: { ...categoryAxis(), offset: true }, y: gradeAxis(axisTitle) },
      plugins: {
        ciWhiskers: { intervals: { 0: events.map((d) => d.ci) } },
        valueLabels: {
          labels: {
            0: events.map((d) =>
              d.mean === null
                ? null
                : `${formatMean(d.mean)}${d.reported ? "*" : ""}${d.n === null ? "" : ` n ${d.n}`}${d.smallN ? " !" : ""}`,
            ),
          },
          clearOf: { 0: events.map((d) => d.ci) },
        },
        referenceLine: { value: national.mean, label: national.label },
      },
    },
  };
}
