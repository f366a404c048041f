// The one place that names a colour, a spacing step, a type size, a radius or the focus ring. The
// server pages inline `tokensCss()` before their stylesheet, the dashboard's stylesheet gets the same
// block at build time (scripts/lib/dashboard-css.ts), and the dashboard's charts read the object
// itself: canvas drawing cannot use CSS variables. Everything else writes var(--…), never a colour.
//
// Contrast (WCAG 2.1 AA): ink, inkMuted, brand, error, success, warn and the notice text are at least
// 4.5:1 on surface, page and the pale tints they sit on; borders of controls and chart series at
// least 3:1 on surface (1.4.11). Check a new pair with axe (the e2e tests run it) before using it.
const BRAND = "#0a4fa6";
const SUCCESS = "#1b7a2e";
const ORANGE = "#a33a00";

export const tokens = {
  color: {
    /** Body text, table heads, whiskers and chart ticks. */
    ink: "#1b1b1b",
    /** Secondary text (hints, footers, captions) and the national reference in charts. */
    inkMuted: "#4a4a4a",
    /** Quieter text on staff pages (a closed survey, the poster's small print). */
    inkSoft: "#333333",
    page: "#f6f7f9",
    surface: "#ffffff",
    shadow: "#00000022",
    /** Links, primary buttons, the selected answer, a region's own figures. */
    brand: BRAND,
    /** Tints of the brand: the current language, light swatches and bars; filter and note panels. */
    brandLight: "#dfe8f5",
    brandPale: "#f0f4fa",
    focus: "#ffbf47",
    /** Borders of controls (3:1 on surface). */
    control: "#5a5a5a",
    /** Table lines and section rules. */
    rule: "#c8c8c8",
    /** Stronger outlines of small boxes (bar tracks, disabled buttons). */
    ruleStrong: "#8a8a8a",
    error: "#b00020",
    success: SUCCESS,
    successText: "#14561f",
    successPale: "#eef7f0",
    /** A flagged figure in the dashboard (a response rate above 100 %). */
    warn: "#8a3b00",
    /** The demo badge, warnings and a survey not open yet. */
    noticeText: "#4d3d00",
    noticeBorder: "#8a6d00",
    noticePale: "#fff3c4",
    /** The survey's test mode frame. */
    testBorder: "#5a3c00",
    testPale: "#fff4d6",
    /** A closed survey's state, weak heat map cells, disabled buttons. */
    neutralPale: "#eceef1",
    disabled: "#e0e0e0",
  },
  chart: {
    /** Grid lines behind the figures: light enough not to be read as data. */
    grid: "#d6d6d6",
    /** A region outside the funnel plot's limits. */
    outside: ORANGE,
    /** Regions' lines in the trend chart; each also has a point shape of its own (see chart-style.ts). */
    series: [BRAND, ORANGE, SUCCESS, "#7b2d8e", "#a0153e", "#006d77"],
    /** The region × theme heat map, lightest to darkest; the two darkest carry white text. */
    heat: ["#f3f6fb", "#dce7f5", "#b9cfeb", "#8fb2de", "#2f67b0", "#0a3d80"],
  },
  space: { "1": ".25rem", "2": ".5rem", "3": ".75rem", "4": "1rem", "5": "1.5rem", "6": "2rem" },
  /** The type scale; the body is 17 px so that phones need no zoom. */
  text: { sm: ".875rem", md: ".9375rem", base: "1.0625rem", lg: "1.125rem", xl: "1.25rem", xxl: "1.5rem" },
  font: {
    body: 'system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif',
    mono: 'ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace',
  },
  radius: { sm: ".25rem", md: ".375rem", lg: ".5rem" },
  /** Touch targets (WCAG 2.5.8 asks 24 px; 44 px is the platforms' own guidance). */
  target: { min: "44px", large: "48px" },
  /** The focus ring: a yellow outline with a dark halo, visible on white, on the brand and on tints. */
  focus: { width: "3px", offset: "2px", halo: "5px" },
} as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every token as a CSS custom property, e.g. `--color-brand-light`, `--chart-series-0`, `--space-4`. */
export function tokensCss(): string {
  const properties: string[] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === "string") properties.push(`--${prefix}:${value}`);
    else for (const [key, inner] of Object.entries(value as object)) walk(`${prefix}-${kebab(key)}`, inner);
  };
  for (const [group, values] of Object.entries(tokens)) walk(kebab(group), values);
  return `:root{${properties.join(";")}}`;
}
