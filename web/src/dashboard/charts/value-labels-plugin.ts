// The value written at each bar or point, so a chart reads without colour, legend or hover:
// past the end of a bar (beyond its whisker), or above a point.
import type { Chart, Plugin } from "chart.js";
import { labelFont } from "./axes";
import { INK_COLOR, PAPER_COLOR } from "./chart-style";
import type { ValueLabelsOptions } from "./plugin-options";

export const valueLabels: Plugin = {
  id: "valueLabels",
  afterDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as ValueLabelsOptions | false;
    if (!options || !options.labels) return;
    const { ctx, chartArea } = chart;
    const horizontal = chart.options.indexAxis === "y";
    ctx.save();
    ctx.font = options.font ?? labelFont();
    ctx.fillStyle = INK_COLOR;
    ctx.strokeStyle = PAPER_COLOR;
    ctx.lineWidth = 3;
    ctx.lineJoin = "round";
    for (const [index, labels] of Object.entries(options.labels)) {
      const meta = chart.getDatasetMeta(Number(index));
      if (!chart.isDatasetVisible(Number(index)) || !meta.vScale) continue;
      const clear = options.clearOf?.[Number(index)];
      meta.data.forEach((element, i) => {
        const text = labels[i];
        if (!text) return;
        const { x, y, base } = element.getProps(["x", "y", "base"], true) as { x: number; y: number; base?: number };
        const ci = clear?.[i];
        if (horizontal) {
          const end = Math.max(x, base ?? x, ci ? meta.vScale!.getPixelForValue(ci[1]) : x);
          const width = ctx.measureText(text).width;
          // Past the whisker when it fits; on a narrow screen inside the bar from its base, where
          // the white halo keeps it readable on the bar's colour or stripes.
          const left = end + 6 + width <= chartArea.right ? end + 6 : Math.max(chartArea.left, (base ?? chartArea.left) + 6);
          ctx.textAlign = "left";
          ctx.textBaseline = "middle";
          // A long label ("no average, n unknown") is drawn narrower rather than cut off.
          const room = chartArea.right + 4 - left;
          ctx.strokeText(text, left, y, room);
          ctx.fillText(text, left, y, room);
        } else if (options.below?.[Number(index)]?.[i]) {
          const bottom = Math.max(y, ci ? meta.vScale!.getPixelForValue(ci[0]) : y);
          ctx.textAlign = "center";
          ctx.textBaseline = "top";
          ctx.strokeText(text, x, Math.min(bottom + 8, chartArea.bottom - 14));
          ctx.fillText(text, x, Math.min(bottom + 8, chartArea.bottom - 14));
        } else {
          const top = Math.min(y, ci ? meta.vScale!.getPixelForValue(ci[1]) : y);
          ctx.textAlign = "center";
          ctx.textBaseline = "bottom";
          ctx.strokeText(text, x, Math.max(top - 6, chartArea.top + 12));
          ctx.fillText(text, x, Math.max(top - 6, chartArea.top + 12));
        }
      });
    }
    ctx.restore();
  },
};
