// The dashboard's stylesheet, built: the design tokens and the style base the server pages inline
// (src/views/base-css.ts), then the dashboard's own rules (web/src/dashboard/dashboard.css), in one
// file the page links (style-src 'self': no inline styles there). One base, so the two faces of
// the site cannot drift apart.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BASE_CSS } from "../../src/views/base-css";

const OWN_RULES = fileURLToPath(new URL("../../web/src/dashboard/dashboard.css", import.meta.url));
export const DASHBOARD_CSS_FILE = "dashboard.css";

/** Writes <outDir>/dashboard.css and returns its path relative to outDir. */
export function writeDashboardCss(outDir: string): string {
  writeFileSync(join(outDir, DASHBOARD_CSS_FILE), `${BASE_CSS}\n${readFileSync(OWN_RULES, "utf8")}`);
  return DASHBOARD_CSS_FILE;
}
