// What tells series apart when colour cannot: the national figure is always a dashed grey line,
// a region a solid line, and each region its own point shape; published (reported) results are
// hatched or drawn as hollow diamonds. Colours are dark enough for 3:1 against white (WCAG 1.4.11).
import type { PointStyle } from "chart.js";
import { tokens } from "../../../../src/views/design-tokens";

export const NATIONAL_COLOR = tokens.color.inkMuted;
export const NATIONAL_DASH = [8, 5];
export const REGION_COLOR = tokens.color.brand;
/** The canvas's white: hollow points and the halo that keeps a label readable over a line. */
export const PAPER_COLOR = tokens.color.surface;
/** Light bars beside dark ones (responses beside attendance), and the ground of the hatching. */
export const LIGHT_COLOR = tokens.color.brandLight;
/** Lines and labels drawn in the text colour (confidence whiskers, value labels, outlines). */
export const INK_COLOR = tokens.color.ink;

const SHAPES: readonly { point: PointStyle; symbol: string }[] = [
  { point: "circle", symbol: "●" },
  { point: "rect", symbol: "■" },
  { point: "triangle", symbol: "▲" },
  { point: "rectRot", symbol: "◆" },
  { point: "crossRot", symbol: "✕" },
  { point: "star", symbol: "✱" },
];
const SERIES: readonly { color: string; point: PointStyle; symbol: string }[] = SHAPES.map((shape, i) => ({
  ...shape,
  color: tokens.chart.series[i]!,
}));

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
      ctx.fillStyle = LIGHT_COLOR;
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
  return hatch ?? LIGHT_COLOR;
}
