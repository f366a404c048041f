// Axis settings shared by the dashboard's charts.
import type { ScaleOptions } from "chart.js";
import { tokens } from "../../../../src/views/design-tokens";
import { num } from "../i18n";

type LinearAxis = ScaleOptions<"linear">;
const FAMILY = tokens.font.body;

/** Chart text follows the page's root size, which grows on big screens (a projector). */
export function chartFontSize(): number {
  return Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize || "16") * 0.8125);
}

/** The bold font of labels drawn on the canvas by the dashboard's plugins. */
export function labelFont(): string {
  return `600 ${chartFontSize()}px ${FAMILY}`;
}

const font = () => ({ family: FAMILY, size: chartFontSize() });
export const TICK_COLOR = tokens.color.ink;
export const GRID_COLOR = tokens.chart.grid;

/** Grades are on the school scale 4–10; the axis never starts at 0, which would flatten every difference. */
export function gradeAxis(title: string): LinearAxis {
  return {
    type: "linear",
    min: 4,
    max: 10,
    ticks: { stepSize: 1, color: TICK_COLOR, font: font(), callback: (value) => num(Number(value)) },
    grid: { color: GRID_COLOR },
    title: { display: true, text: title, color: TICK_COLOR, font: font() },
  };
}

export function countAxis(title: string): LinearAxis {
  return {
    type: "linear",
    beginAtZero: true,
    // Room above the tallest bar for its value label.
    grace: "12%",
    ticks: { precision: 0, color: TICK_COLOR, font: font(), callback: (value) => num(Number(value)) },
    grid: { color: GRID_COLOR },
    title: { display: true, text: title, color: TICK_COLOR, font: font() },
  };
}

export function categoryAxis(title?: string) {
  return {
    type: "category" as const,
    ticks: { color: TICK_COLOR, font: font(), autoSkip: false },
    grid: { display: false },
    ...(title ? { title: { display: true, text: title, color: TICK_COLOR, font: font() } } : {}),
  };
}
