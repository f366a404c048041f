// A dashed line across the chart at one value (the national average), labelled in words on the
// chart itself: the dash, not the colour, is what tells it apart from the region's figures.
import type { Chart, Plugin } from "chart.js";
import { labelFont } from "./axes";
import { NATIONAL_COLOR, PAPER_COLOR } from "./chart-style";
import type { ReferenceLineOptions } from "./plugin-options";

export const referenceLine: Plugin = {
  id: "referenceLine",
  afterDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as ReferenceLineOptions | false;
    if (!options || options.value === null || options.value === undefined) return;
    const horizontal = chart.options.indexAxis === "y";
    const scale = horizontal ? chart.scales.x : chart.scales.y;
    if (!scale) return;
    const { ctx, chartArea } = chart;
    const at = scale.getPixelForValue(options.value);
    ctx.save();
    ctx.strokeStyle = options.color ?? NATIONAL_COLOR;
    ctx.fillStyle = options.color ?? NATIONAL_COLOR;
    ctx.lineWidth = 2;
    ctx.setLineDash([8, 5]);
    ctx.beginPath();
    if (horizontal) {
      ctx.moveTo(at, chartArea.top);
      ctx.lineTo(at, chartArea.bottom);
    } else {
      ctx.moveTo(chartArea.left, at);
      ctx.lineTo(chartArea.right, at);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = labelFont();
    const lineColor = options.color ?? NATIONAL_COLOR;
    ctx.strokeStyle = PAPER_COLOR;
    ctx.lineWidth = 3;
    if (horizontal) {
      ctx.textAlign = at > (chartArea.left + chartArea.right) / 2 ? "right" : "left";
      ctx.textBaseline = "bottom";
      const x = ctx.textAlign === "right" ? at - 4 : at + 4;
      ctx.strokeText(options.label, x, chartArea.top - 2);
      ctx.fillText(options.label, x, chartArea.top - 2);
    } else {
      // Above the plot, right-aligned with a dash sample: next to the line it would cover points.
      ctx.textAlign = "right";
      ctx.textBaseline = "bottom";
      const y = chartArea.top - 4;
      ctx.strokeText(options.label, chartArea.right, y);
      ctx.fillText(options.label, chartArea.right, y);
      const start = chartArea.right - ctx.measureText(options.label).width - 30;
      ctx.strokeStyle = lineColor;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(start, y - 6);
      ctx.lineTo(start + 24, y - 6);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.restore();
  },
};
