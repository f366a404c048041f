// The one owner of chart lifecycles: views hand it a canvas and a configuration; it creates the
// chart, updates it in place when the same canvas is shown new data (a re-sort), and destroys
// every chart before a view is replaced, so no chart outlives its canvas or keeps listening.
import type { ChartConfiguration, ChartType } from "chart.js";
import { Chart } from "./register";

/** Paper is narrower than most screens; 680 CSS px is an A4 page inside 1.5 cm margins. */
const PRINT_WIDTH = 680;

const charts = new Map<HTMLCanvasElement, Chart>();
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

export function showChart<T extends ChartType>(canvas: HTMLCanvasElement, config: ChartConfiguration<T>): void {
  const withDefaults = applyDefaults(config as ChartConfiguration);
  const existing = charts.get(canvas);
  if (existing) {
    existing.data = withDefaults.data;
    existing.options = withDefaults.options ?? {};
    existing.update();
    return;
  }
  charts.set(canvas, new Chart(canvas, withDefaults));
}

export function destroyCharts(): void {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}

/** Shared look: sharp on a projector and on paper, calm motion, fonts matching the page. */
function applyDefaults(config: ChartConfiguration): ChartConfiguration {
  return {
    ...config,
    options: {
      maintainAspectRatio: false,
      responsive: true,
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      animation: reducedMotion.matches ? false : { duration: 250 },
      ...config.options,
    },
  };
}

// chart.js sizes canvases for the screen; before printing they are redrawn at paper width.
addEventListener("beforeprint", () => {
  for (const chart of charts.values()) chart.resize(PRINT_WIDTH, chart.canvas.parentElement?.clientHeight ?? chart.height);
});
addEventListener("afterprint", () => {
  for (const chart of charts.values()) chart.resize();
});
