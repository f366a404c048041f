// A chart as a figure: a caption, the canvas (an image whose name says where its figures are in
// text), and a legend written out in words with a sample of each line or bar style.
import { h, type Content } from "../dom";

export type Swatch = "solid" | "line" | "dashed" | "hatched" | "light" | "hollow-diamond" | `series-${number}` | "whisker";

export interface LegendItem {
  readonly swatch: Swatch;
  readonly text: Content;
  /** A shape character shown in the swatch (the point style of a trend series). */
  readonly symbol?: string;
}

export interface ChartFigure {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
}

export function chartFigure(options: {
  id: string;
  caption: Content;
  label: string;
  legend: readonly LegendItem[];
  height: number;
  size?: "small";
}): ChartFigure {
  const canvas = h("canvas", { id: `${options.id}-canvas`, role: "img", "aria-label": options.label }, options.label);
  const box = h("div", { className: options.size === "small" ? "chart chart-small" : "chart" }, canvas);
  // Set through the CSSOM (allowed by the CSP), since a region list decides how tall the chart is.
  box.style.height = `${options.height}px`;
  const element = h(
    "figure",
    { id: options.id, className: "chart-figure" },
    h("figcaption", {}, options.caption),
    box,
    options.legend.length > 0
      ? h(
          "ul",
          { className: "legend" },
          options.legend.map((item) =>
            h("li", {}, h("span", { className: `swatch swatch-${item.swatch}`, "aria-hidden": "true" }, item.symbol ?? ""), " ", item.text),
          ),
        )
      : null,
  );
  return { element, canvas };
}

/** Legend items, leaving out the ones that do not apply (null or false). */
export function legendItems(...items: (LegendItem | null | false)[]): LegendItem[] {
  return items.filter((item): item is LegendItem => Boolean(item));
}
