// 95% confidence intervals as whiskers on bars and points. A dozen lines of drawing instead of
// chartjs-chart-error-bars (+11 KB gzip and its own controllers): we only need the whisker.
import type { Chart, Plugin } from "chart.js";
import type { CiWhiskersOptions } from "./plugin-options";

export const ciWhiskers: Plugin = {
  id: "ciWhiskers",
  afterDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as CiWhiskersOptions | false;
    if (!options || !options.intervals) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === "y";
    ctx.save();
    ctx.strokeStyle = options.color ?? "#1b1b1b";
    ctx.lineWidth = 1.5;
    for (const [index, intervals] of Object.entries(options.intervals)) {
      const meta = chart.getDatasetMeta(Number(index));
      if (!chart.isDatasetVisible(Number(index)) || !meta.vScale) continue;
      meta.data.forEach((element, i) => {
        const ci = intervals[i];
        if (!ci) return;
        const { x, y } = element.getProps(["x", "y"], true) as { x: number; y: number };
        const lo = meta.vScale!.getPixelForValue(ci[0]);
        const hi = meta.vScale!.getPixelForValue(ci[1]);
        const cap = 5;
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - cap);
          ctx.lineTo(lo, y + cap);
          ctx.moveTo(hi, y - cap);
          ctx.lineTo(hi, y + cap);
        } else {
          ctx.moveTo(x, lo);
          ctx.lineTo(x, hi);
          ctx.moveTo(x - cap, lo);
          ctx.lineTo(x + cap, lo);
          ctx.moveTo(x - cap, hi);
          ctx.lineTo(x + cap, hi);
        }
        ctx.stroke();
      });
    }
    ctx.restore();
  },
};
