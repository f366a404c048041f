// How many gave each grade 4…10 on one day; every bar carries its count.
import type { ChartConfiguration } from "chart.js";
import { count } from "../format";
import { categoryAxis, countAxis } from "./axes";
import { REGION_COLOR } from "./chart-style";

export const GRADE_VALUES = ["4", "5", "6", "7", "8", "9", "10"] as const;

export function distributionChart(
  distribution: Readonly<Record<string, number>>,
  titles: { x: string; y: string },
): ChartConfiguration<"bar"> {
  const counts = GRADE_VALUES.map((grade) => distribution[grade] ?? 0);
  return {
    type: "bar",
    data: {
      labels: [...GRADE_VALUES],
      datasets: [{ data: counts, backgroundColor: REGION_COLOR, maxBarThickness: 36 }],
    },
    options: {
      layout: { padding: { top: 18 } },
      scales: { x: categoryAxis(titles.x), y: countAxis(titles.y) },
      plugins: { valueLabels: { labels: { 0: counts.map((n) => count(n)) } } },
    },
  };
}
