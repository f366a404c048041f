// What tells series apart when colour cannot: the national figure is always a dashed grey line,
// a region a solid line, and each region its own point shape; published (reported) results are
// hatched or drawn as hollow diamonds. Colours are dark enough for 3:1 against white (WCAG 1.4.11).
import type { PointStyle } from "chart.js";

export const NATIONAL_COLOR = "#4a4a4a";
export const NATIONAL_DASH = [8, 5];
export const REGION_COLOR = "#0a4fa6";

const SERIES: readonly { color: string; point: PointStyle; symbol: string }[] = [
  { color: "#0a4fa6", point: "circle", symbol: "●" },
  { color: "#a33a00", point: "rect", symbol: "■" },
  { color: "#1b7a2e", point: "triangle", symbol: "▲" },
  { color: "#7b2d8e", point: "rectRot", symbol: "◆" },
  { color: "#a0153e", point: "crossRot", symbol: "✕" },
  { color: "#006d77", point: "star", symbol: "✱" },
];

/** How many region lines the trend chart can tell apart: each has a colour and a point shape of its own. */
export const SERIES_COUNT = SERIES.length;

export function seriesStyle(index: number): { color: string; point: PointStyle; symbol: string } {
  return SERIES[index % SERIES.length]!;
}

let hatch: CanvasPattern | null | undefined;

/** Diagonal stripes for bars that rest on a published figure instead of responses. */
export function reportedPattern(): CanvasPattern | string {
  if (hatch === undefined) {
    const tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    const ctx = tile.getContext("2d");
    if (ctx) {
      ctx.fillStyle = "#dfe8f5";
      ctx.fillRect(0, 0, 8, 8);
      ctx.strokeStyle = REGION_COLOR;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(0, 8);
      ctx.lineTo(8, 0);
      ctx.moveTo(-2, 2);
      ctx.lineTo(2, -2);
      ctx.moveTo(6, 10);
      ctx.lineTo(10, 6);
      ctx.stroke();
    }
    hatch = ctx?.createPattern(tile, "repeat") ?? null;
  }
  return hatch ?? "#dfe8f5";
}
