import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_CSS } from "../../src/views/admin/admin-styles";
import { BASE_CSS } from "../../src/views/base-css";
import { tokens, tokensCss } from "../../src/views/design-tokens";
import { PAGE_CSS } from "../../src/views/styles";

// The one style base (issue 11): design tokens in src/views/design-tokens.ts, used by the server
// pages, the dashboard's stylesheet and its charts. These checks keep it the only source.

const ROOT = join(__dirname, "../..");
const TOKENS_FILE = "src/views/design-tokens.ts";
const DASHBOARD_OWN_CSS = readFileSync(join(ROOT, "web/src/dashboard/dashboard.css"), "utf8");
/** A hex colour (#abc, #aabbcc, with or without alpha) or an rgb()/rgba()/hsl() call. */
const COLOUR_LITERAL = /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(?:rgba?|hsla?)\(/gi;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|css|html)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe("design tokens", () => {
  it("are CSS custom properties named after their place in the object", () => {
    const css = tokensCss();
    expect(css.startsWith(":root{") && css.endsWith("}"), css).toBe(true);
    expect(css).toContain(`--color-brand:${tokens.color.brand};`);
    expect(css).toContain(`--color-brand-light:${tokens.color.brandLight};`);
    expect(css).toContain(`--chart-series-1:${tokens.chart.series[1]};`);
    expect(css).toContain(`--chart-heat-5:${tokens.chart.heat[5]};`);
    expect(css).toContain("--space-4:1rem;");
    expect(css).toContain("--focus-width:3px;");
  });

  it("start every stylesheet: the server pages' and the dashboard's built one", () => {
    expect(PAGE_CSS.startsWith(BASE_CSS)).toBe(true);
    expect(BASE_CSS.startsWith(tokensCss())).toBe(true);
  });

  it("define every var(--…) the stylesheets use (a misspelt name would fall back silently)", () => {
    const defined = new Set([...tokensCss().matchAll(/(--[a-z0-9-]+):/g)].map((m) => m[1]));
    for (const [name, css] of Object.entries({ PAGE_CSS, ADMIN_CSS, DASHBOARD_OWN_CSS })) {
      const used = [...css.matchAll(/var\((--[a-z0-9-]+)\)/g)].map((m) => m[1]!);
      expect(used.length, name).toBeGreaterThan(0);
      expect(
        used.filter((u) => !defined.has(u)),
        `${name} uses undefined tokens`,
      ).toEqual([]);
    }
  });

  it("are the only place in src/ and web/ that writes a colour", () => {
    const offenders = [...sourceFiles("src"), ...sourceFiles("web")]
      .filter((file) => file !== TOKENS_FILE)
      .flatMap((file) => {
        // "#1346" in a comment is an issue number, not a colour: only hex runs of colour length count.
        const found = [...readFileSync(join(ROOT, file), "utf8").matchAll(COLOUR_LITERAL)]
          .map((m) => m[0])
          .filter((m) => !/^#\d{4}$/.test(m));
        return found.length > 0 ? [`${file}: ${found.join(" ")}`] : [];
      });
    expect(offenders).toEqual([]);
  });

  it("keep body text and links at 4.5:1 or more on the page and on white (WCAG 1.4.3)", () => {
    // The known boundary: #767676 is the lightest grey with 4.5:1 on white (WebAIM's checker says 4.54:1).
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    const { color } = tokens;
    for (const text of [
      color.ink,
      color.inkMuted,
      color.inkSoft,
      color.brand,
      color.error,
      color.successText,
      color.warn,
      color.noticeText,
    ]) {
      for (const ground of [color.surface, color.page, color.brandPale]) {
        expect(contrast(text, ground), `${text} on ${ground}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrast(color.brand, color.brandLight), "the current language").toBeGreaterThanOrEqual(4.5);
    expect(contrast(color.noticeText, color.noticePale), "the demo badge").toBeGreaterThanOrEqual(4.5);
    expect(contrast(color.successText, color.successPale), "an open survey").toBeGreaterThanOrEqual(4.5);
    for (const series of tokens.chart.series) expect(contrast(series, color.surface), `chart series ${series}`).toBeGreaterThanOrEqual(3);
    expect(contrast(color.control, color.surface), "control borders (1.4.11)").toBeGreaterThanOrEqual(3);
  });
});

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
