// The funnel plot: each region's difference from the rest of the country (y) against how
// precisely its figure is measured (x, as an equivalent number of independent answers), with the
// 95 % limits as solid lines and the 99.8 % limits dashed. Regions outside are drawn as filled
// diamonds and named; those inside as hollow circles, so the chart reads without colour.
import type { ChartConfiguration } from "chart.js";
import { labelFont, TICK_COLOR, GRID_COLOR, chartFontSize } from "./axes";
import { NATIONAL_COLOR, PAPER_COLOR, REGION_COLOR } from "./chart-style";
import { tokens } from "../../../../src/views/design-tokens";
import { num } from "../i18n";

export interface FunnelRegion {
  readonly x: number;
  readonly y: number;
  readonly outside: boolean;
  readonly label: string;
}

export interface FunnelLimits {
  readonly x: number;
  readonly lo95: number;
  readonly hi95: number;
  readonly lo998: number;
  readonly hi998: number;
}

const OUTSIDE_COLOR = tokens.chart.outside;

export function funnelChart(
  regions: readonly FunnelRegion[],
  curve: readonly FunnelLimits[],
  axes: { x: string; y: string },
): ChartConfiguration<"scatter"> {
  const line = (pick: (c: FunnelLimits) => number, dashed: boolean) => ({
    type: "line" as const,
    data: curve.map((c) => ({ x: c.x, y: pick(c) })),
    borderColor: NATIONAL_COLOR,
    borderWidth: 2,
    borderDash: dashed ? [6, 4] : [],
    pointRadius: 0,
    fill: false,
  });
  const font = { size: chartFontSize() };
  const extent = Math.max(0.5, ...curve.map((c) => c.hi998), ...regions.map((r) => Math.abs(r.y))) * 1.1;
  return {
    type: "scatter",
    data: {
      datasets: [
        {
          data: regions.map((r) => ({ x: r.x, y: r.y })),
          pointStyle: regions.map((r) => (r.outside ? "rectRot" : "circle")),
          pointRadius: regions.map((r) => (r.outside ? 8 : 6)),
          pointBorderWidth: 2,
          borderColor: regions.map((r) => (r.outside ? OUTSIDE_COLOR : REGION_COLOR)),
          backgroundColor: regions.map((r) => (r.outside ? OUTSIDE_COLOR : PAPER_COLOR)),
        },
        line((c) => c.lo95, false),
        line((c) => c.hi95, false),
        line((c) => c.lo998, true),
        line((c) => c.hi998, true),
        {
          type: "line" as const,
          data:
            curve.length > 0
              ? [
                  { x: curve[0]!.x, y: 0 },
                  { x: curve[curve.length - 1]!.x, y: 0 },
                ]
              : [],
          borderColor: TICK_COLOR,
          borderWidth: 1,
          pointRadius: 0,
          fill: false,
        },
      ] as ChartConfiguration<"scatter">["data"]["datasets"],
    },
    options: {
      layout: { padding: { top: 12, right: 16 } },
      scales: {
        x: {
          type: "linear",
          ticks: { color: TICK_COLOR, font, callback: (v) => num(Number(v), 0) },
          grid: { color: GRID_COLOR },
          title: { display: true, text: axes.x, color: TICK_COLOR, font },
        },
        y: {
          type: "linear",
          min: -extent,
          max: extent,
          ticks: { color: TICK_COLOR, font, callback: (v) => num(Number(v), 1) },
          grid: { color: GRID_COLOR },
          title: { display: true, text: axes.y, color: TICK_COLOR, font },
        },
      },
      plugins: {
        valueLabels: { labels: { 0: regions.map((r) => (r.outside ? r.label : null)) }, font: labelFont() },
      },
    },
  };
}
