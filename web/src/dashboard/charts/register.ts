// chart.js, tree-shaken: only what the dashboard draws is registered (never chart.js/auto, which
// pulls every controller in for ≈ 11 KB more). Legends and tooltips are left out on purpose: the
// legend is text next to each chart and the figures are in the table under it, for everyone.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
} from "chart.js";
import { ciWhiskers } from "./ci-whiskers-plugin";
import { referenceLine } from "./reference-line-plugin";
import { valueLabels } from "./value-labels-plugin";

Chart.register(
  BarController,
  LineController,
  ScatterController,
  BarElement,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  ciWhiskers,
  valueLabels,
  referenceLine,
);

export { Chart };
