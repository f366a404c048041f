// Attendance and responses per day side by side, each bar labelled with its count; responses
// are light with a dark outline, so the pairs differ by more than hue.
import type { ChartConfiguration } from "chart.js";
import { count } from "../format";
import { categoryAxis, countAxis } from "./axes";
import { INK_COLOR, LIGHT_COLOR, REGION_COLOR } from "./chart-style";

export interface AttendancePoint {
  readonly label: string[];
  readonly attendance: number | null;
  readonly responses: number | null;
}

export function attendanceChart(
  events: readonly AttendancePoint[],
  names: { attendance: string; responses: string; axis: string },
): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: events.map((d) => d.label),
      datasets: [
        {
          label: names.attendance,
          data: events.map((d) => d.attendance),
          backgroundColor: REGION_COLOR,
          borderColor: REGION_COLOR,
          borderWidth: 2,
        },
        {
          label: names.responses,
          data: events.map((d) => d.responses),
          backgroundColor: LIGHT_COLOR,
          borderColor: INK_COLOR,
          borderWidth: 2,
        },
      ],
    },
    options: {
      layout: { padding: { top: 18 } },
      scales: { x: categoryAxis(), y: countAxis(names.axis) },
      plugins: {
        valueLabels: {
          labels: {
            0: events.map((d) => (d.attendance === null ? null : count(d.attendance))),
            1: events.map((d) => (d.responses === null ? null : count(d.responses))),
          },
        },
      },
    },
  };
}
