// 95% confidence intervals as whiskers on bars and points. A dozen lines of drawing instead of
// chartjs-chart-error-bars (+11 KB gzip and its own controllers): we only need the whisker.
import type { Chart, Plugin } from "chart.js";
import type { Interval } from "../../../../src/domain/stats";
import { INK_COLOR } from "./chart-style";
import type { CiWhiskersOptions } from "./plugin-options";

/** An interval cut to the axis range [min, max]. */
export function clipInterval(ci: Interval, min: number, max: number): Interval {
  return [Math.max(min, Math.min(max, ci[0])), Math.max(min, Math.min(max, ci[1]))];
}

/** Whether any interval reaches beyond the grade scale, so the chart needs its clipping note. */
export function anyBeyondScale(intervals: readonly (Interval | null)[], min = 4, max = 10): boolean {
  return intervals.some((ci) => ci !== null && (ci[0] < min || ci[1] > max));
}

export const ciWhiskers: Plugin = {
  id: "ciWhiskers",
  afterDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as CiWhiskersOptions | false;
    if (!options || !options.intervals) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === "y";
    ctx.save();
    ctx.strokeStyle = options.color ?? INK_COLOR;
    ctx.lineWidth = 1.5;
    for (const [index, intervals] of Object.entries(options.intervals)) {
      const meta = chart.getDatasetMeta(Number(index));
      if (!chart.isDatasetVisible(Number(index)) || !meta.vScale) continue;
      meta.data.forEach((element, i) => {
        const ci = intervals[i];
        if (!ci) return;
        const { x, y } = element.getProps(["x", "y"], true) as { x: number; y: number };
        // Never drawn past the scale (4–10): a clipped end has no cap, so it reads as "goes on".
        const scale = meta.vScale!;
        const [from, to] = clipInterval(ci, scale.min, scale.max);
        const lo = scale.getPixelForValue(from);
        const hi = scale.getPixelForValue(to);
        const capLo = from === ci[0] ? 5 : 0;
        const capHi = to === ci[1] ? 5 : 0;
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - capLo);
          ctx.lineTo(lo, y + capLo);
          ctx.moveTo(hi, y - capHi);
          ctx.lineTo(hi, y + capHi);
        } else {
          ctx.moveTo(x, lo);
          ctx.lineTo(x, hi);
          ctx.moveTo(x - capLo, lo);
          ctx.lineTo(x + capLo, lo);
          ctx.moveTo(x - capHi, hi);
          ctx.lineTo(x + capHi, hi);
        }
        ctx.stroke();
      });
    }
    ctx.restore();
  },
};
