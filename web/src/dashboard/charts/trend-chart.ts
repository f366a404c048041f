// Mean grade by term, year or month: the national series dashed, each region solid with its own
// point shape. A bucket without days is null, drawn as a gap (spanGaps: false), never as a zero.
import type { ChartConfiguration } from "chart.js";
import type { Interval } from "../../../../src/domain/stats";
import { categoryAxis, gradeAxis } from "./axes";
import { NATIONAL_COLOR, NATIONAL_DASH, PAPER_COLOR, seriesStyle } from "./chart-style";

export interface TrendSeries {
  readonly name: string;
  readonly national: boolean;
  readonly points: readonly { mean: number | null; ci: Interval | null; label: string | null }[];
  /** Per bucket, the published days' mean when they share the bucket with answers (else null). */
  readonly published: readonly (number | null)[];
}

export function trendChart(labels: readonly string[], series: readonly TrendSeries[], axisTitle: string): ChartConfiguration<"line"> {
  // Whiskers and value labels on more than two lines would cover each other; the table has them all.
  const annotate = series.length <= 2;
  let regionIndex = 0;
  const datasets = series.map((s) => {
    const style = s.national ? { color: NATIONAL_COLOR, point: "rect" as const } : seriesStyle(regionIndex++);
    return {
      label: s.name,
      data: s.points.map((p) => p.mean),
      spanGaps: false,
      borderColor: style.color,
      backgroundColor: style.color,
      borderWidth: 3,
      borderDash: s.national ? NATIONAL_DASH : [],
      pointStyle: style.point,
      pointRadius: 6,
      pointBorderWidth: 2,
      pointBackgroundColor: s.national ? PAPER_COLOR : style.color,
    };
  });
  // Published days apart from the answers: hollow diamonds, no line, never averaged into the series.
  const publishedSets = series
    .filter((s) => s.published.some((m) => m !== null))
    .map((s) => ({
      label: `${s.name} *`,
      data: [...s.published],
      showLine: false,
      borderColor: s.national ? NATIONAL_COLOR : seriesStyle(series.filter((x) => !x.national).indexOf(s)).color,
      backgroundColor: PAPER_COLOR,
      borderWidth: 2,
      borderDash: [],
      pointStyle: "rectRot" as const,
      pointRadius: 8,
      pointBorderWidth: 2,
      pointBackgroundColor: PAPER_COLOR,
      spanGaps: false,
    }));
  return {
    type: "line",
    data: { labels: [...labels], datasets: [...datasets, ...publishedSets] },
    options: {
      layout: { padding: { top: 18, right: 12 } },
      scales: { x: { ...categoryAxis(), offset: true }, y: gradeAxis(axisTitle) },
      plugins: annotate
        ? {
            ciWhiskers: { intervals: Object.fromEntries(series.map((s, i) => [i, s.points.map((p) => p.ci)])) },
            valueLabels: {
              labels: Object.fromEntries(series.map((s, i) => [i, s.points.map((p) => p.label)])),
              clearOf: Object.fromEntries(series.map((s, i) => [i, s.points.map((p) => p.ci)])),
              below: Object.fromEntries(
                series.map((s, i) => [i, s.points.map((p, k) => isLower(p.mean, series[1 - i]?.points[k]?.mean ?? null, s.national))]),
              ),
            },
          }
        : {},
    },
  };
}

/** Of two points at one x, the lower one's label goes below it; on a tie, the national one's. */
function isLower(mean: number | null, other: number | null, national: boolean): boolean {
  if (mean === null || other === null) return false;
  return mean < other || (mean === other && national);
}
