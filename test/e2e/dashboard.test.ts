import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../scripts/build-web";
import { hashedAssetFile } from "../../scripts/lib/hash-assets";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { t } from "../../src/domain/i18n";
import { createTestUser, type TestUser } from "../helpers/accounts";
import {
  beforeAllOrFailEach,
  expectNoAxeViolations,
  launchChromium,
  screenshot,
  signInWithForm,
  startTestServer,
  VIEWPORTS,
  watchPage,
  type Credentials,
  type TestServer,
} from "../helpers/browser";

// The results dashboard in real Chromium against the real Node server with the demo data: signing
// in through /login, the published Keski-Pohjanmaa days, all 18 regions side by side, gaps in a
// trend, URL state and the language switch, WCAG 2.1 AA by axe-core, and the page's own CSP.
const BUNDLE_BUDGET_BYTES = 100_000;
const SIZES = [
  { name: "360", ...VIEWPORTS.phone },
  { name: "1280", ...VIEWPORTS.desktop },
] as const;

const agent = DEMO_USERS.find((u) => u.role === "agent")!;
const national = DEMO_USERS.find((u) => u.role === "national")!;

let server: TestServer;
let base: string;
let browser: Browser;
/** Saved with "every region" ticked: the flag counts for viewers only (src/auth/authorize.ts). */
let flaggedAgent: TestUser;
let flaggedViewer: TestUser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("dashboard");
  base = server.base;
  const client = await openNodeDatabase({ url: server.databaseUrl });
  flaggedAgent = await createTestUser(createDb(client), "agent", ["16"], { allRegions: true });
  flaggedViewer = await createTestUser(createDb(client), "viewer", ["16"], { allRegions: true });
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cspErrors: string[];
}

/**
 * Opens the dashboard signed out, follows it to /login, signs in with the form, and waits for the
 * view it was sent back to. The page runs under its own CSP (axe-core is injected past it).
 */
async function signIn(user: Credentials, path: string): Promise<Session> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: "reduce", locale: "fi-FI" });
  const page = await context.newPage();
  const cspErrors = watchPage(page, { pageErrors: true });
  await page.goto(`${base}${path}`);
  await page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
  expect(new URL(page.url()).searchParams.get("next"), "the sign-in page knows where to return").toBe(path);
  await signInWithForm(page, user);
  const landed = new URL(page.url());
  expect(
    landed.pathname,
    `signing in through /login should return to the dashboard; got ${page.url()} — "${await page.locator("h1").first().textContent()}"`,
  ).toBe("/");
  await settled(page);
  return { context, page, cspErrors };
}

/** The view has loaded (or failed) and its charts have been drawn. */
async function settled(page: Page): Promise<void> {
  await page.locator("#results:not([aria-busy])").waitFor({ timeout: 15_000 });
  await page.waitForTimeout(150);
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(300);
    await screenshot(page, `dashboard-${name}-${size.name}`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/** The cells of the table row whose row header is the given text. */
async function rowCells(page: Page, tableId: string, rowHeader: string): Promise<string[]> {
  const row = page.locator(`#${tableId} tbody tr`, { has: page.locator("th", { hasText: rowHeader }) });
  expect(await row.count(), `${tableId} has one row for ${rowHeader}`).toBe(1);
  return (await row.locator("th, td").allInnerTexts()).map((text) => text.trim());
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}

describe("results dashboard (Chromium)", () => {
  it("shows an agent Keski-Pohjanmaa's published days, 47 and 8,5 and 59 and 8,0, marked as reported", { timeout: 90_000 }, async () => {
    const { context, page } = await signIn(agent, "/?lang=fi");
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fi");
      expect(await text(page, "h1")).toContain("Keski-Pohjanmaa");
      const reported = t("fi", "dash.note.reported");

      const september = await rowCells(page, "table-days", "4. syyskuuta 2019");
      expect(september, JSON.stringify(september)).toEqual(expect.arrayContaining(["47", "8,5*", t("fi", "dash.nUnknown")]));
      expect(september.at(-1)).toContain(reported);
      expect(september.at(-1)).toContain(t("fi", "source.publishedFrom", { source: "LAPE-Akatemia 2019, Keski-Pohjanmaa" }));
      const november = await rowCells(page, "table-days", "6. marraskuuta 2019");
      expect(november, JSON.stringify(november)).toEqual(expect.arrayContaining(["59", "8,0*"]));
      expect(november.at(-1)).toContain(reported);

      // The region's pooled figure is the published figures as such: their mean over 2 days, each
      // day listed with its asterisk, no CI, and the real days named by their source, not as demo.
      const card = await text(page, "#card-region");
      expect(card).toContain(t("fi", "dash.note.publishedDays", { days: 2 }));
      expect(card).toContain("8,5* (4. syyskuuta 2019)");
      expect(card).toContain("8,0* (6. marraskuuta 2019)");
      expect(card, "k days counts the published days the figure rests on").toMatch(/k päivää\s+2\b/);
      expect(await page.locator(".data-origin").first().innerText()).toContain("LAPE-Akatemia 2019, Keski-Pohjanmaa");
      expect(await page.locator("h1 .badge").count(), "no demo badge over real published figures").toBe(0);
      expect(await page.locator("#chart-day-grades canvas").getAttribute("role")).toBe("img");
      expect(await page.locator("#table-days caption").count()).toBe(1);
      expect(await page.locator("#table-days thead th[scope=col]").count()).toBeGreaterThanOrEqual(9);

      // The CSV link carries the screen's filters and the server answers with Excel's CSV.
      const href = await page.locator("#days a.csv-link").getAttribute("href");
      expect(href).toMatch(/^\/api\/export\/events\.csv\?region=16&lang=fi$/);
      const csv = await context.request.get(`${base}${href}`);
      expect(csv.status(), await csv.text()).toBe(200);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      expect((await csv.body()).subarray(0, 3).toString("hex"), "UTF-8 BOM").toBe("efbbbf");

      await expectNoAxeViolations(page, "the regional view");
      await screenshots(page, "agent-region");
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
      expect(await page.locator("#filters-box").isVisible(), "no filter form on paper").toBe(false);
      expect(await page.locator(".filter-summary").isVisible(), "the filters in words on paper").toBe(true);
      await screenshot(page, "dashboard-agent-region-print");
    } finally {
      await context.close();
    }
  });

  it("shows the Keski-Pohjanmaa agent 8,5 and 8,0 in the trend and in the heat map, marked as published", { timeout: 90_000 }, async () => {
    const { context, page } = await signIn(agent, "/?view=trend&interval=month&lang=fi");
    try {
      const september = await rowCells(page, "table-trend", "syyskuu 2019");
      expect(september.join(" "), JSON.stringify(september)).toContain("8,5*");
      const november = await rowCells(page, "table-trend", "marraskuu 2019");
      expect(november.join(" "), JSON.stringify(november)).toContain("8,0*");
      await expectNoAxeViolations(page, "the trend with published points");

      // The agent's own page carries the region's row of the region × theme heat map.
      await page.goto(`${base}/?lang=fi`);
      await settled(page);
      const heat = (await rowCells(page, "table-themes", "Keski-Pohjanmaa")).join(" ");
      expect(heat).toContain("8,5*");
      expect(heat).toContain("8,0*");
      expect(heat).not.toContain(t("fi", "dash.chart.unpooled"));
      await expectNoAxeViolations(page, "the heat map with published cells");
    } finally {
      await context.close();
    }
  });

  it("compares all 18 regions for the national team, sortable by keyboard, with state in the URL", { timeout: 90_000 }, async () => {
    const { context, page } = await signIn(national, "/?lang=fi");
    try {
      expect(await text(page, "h1")).toContain(t("fi", "dash.title.national"));
      expect(
        (await page.locator("#table-regions tbody tr").count()) + (await page.locator("#table-regions-apart tbody tr").count()),
        "every region in the comparison, ranked or listed apart",
      ).toBe(18);
      expect(await page.locator("#table-themes tbody tr").count(), "every region in the heat map").toBe(18);
      expect(await page.locator("#chart-regions canvas").getAttribute("aria-label")).toBe(t("fi", "dash.regions.chartAlt"));
      // Keski-Pohjanmaa has only published means without n: the mean of the two, marked published,
      // listed apart from the ranking (no days with answers to compare with the rest of the country).
      const kp = await rowCells(page, "table-regions-apart", "Keski-Pohjanmaa");
      expect(kp.join(" | ")).toContain("8,3*");
      expect(kp.join(" | ")).toContain(t("fi", "dash.mark.reported"));

      const sortByRegion = page.locator("#table-regions-sort-region");
      await sortByRegion.focus();
      await page.keyboard.press("Enter");
      expect(await page.locator("#table-regions th[aria-sort]").count(), "one sorted column").toBe(1);
      expect(await page.locator("#table-regions th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
      expect(await text(page, "#table-regions tbody tr th")).toBe("Etelä-Karjala");
      expect(new URL(page.url()).searchParams.get("sort")).toBe("region-asc");
      expect(await page.locator("#status").textContent()).toBe(t("fi", "dash.sort.ascending", { column: t("fi", "dash.col.region") }));
      expect(await page.evaluate(() => document.activeElement?.id), "focus stays on the sort button").toBe("table-regions-sort-region");

      await expectNoAxeViolations(page, "the national comparison");
      await screenshots(page, "national-regions");

      // One staff frame: the dashboard's menu is the server pages' menu (src/domain/staff-menu.ts).
      const menu = () => page.locator("nav.staff a").evaluateAll((links) => links.map((a) => `${a.getAttribute("href")} ${a.textContent}`));
      const onDashboard = await menu();
      // Nine pages (comments, printable reports and cooperation areas among them) and the own password.
      expect(onDashboard.length, onDashboard.join(", ")).toBe(10);
      await page.goto(`${base}/admin/users?lang=fi`);
      expect(await menu(), "the same staff menu on a server page").toEqual(onDashboard);
    } finally {
      await context.close();
    }
  });

  it("offers the comparison of all regions to a viewer with every region, never to an agent saved with the flag", {
    timeout: 90_000,
  }, async () => {
    for (const [who, user, national] of [
      ["agent with the flag", flaggedAgent, false],
      ["viewer with the flag", flaggedViewer, true],
    ] as const) {
      const { context, page } = await signIn(user, "/?view=national&lang=fi");
      try {
        expect(await page.locator("#view-national").count(), `${who}: the national tab`).toBe(national ? 1 : 0);
        expect(await page.locator("#view-region").count(), `${who}: the regional tab`).toBe(1);
        const title = national ? t("fi", "dash.title.national") : t("fi", "dash.title.region", { region: "Keski-Pohjanmaa" });
        expect(await text(page, "h1"), `${who}: the view asked for in the link, or the region when it is not theirs`).toContain(title);
      } finally {
        await context.close();
      }
    }
  });

  it("draws months without days as gaps, switches language, and walks back through history", { timeout: 90_000 }, async () => {
    // In the dashboard's canonical parameter order (it rewrites the URL before sending people to sign in).
    const { context, page } = await signIn(national, "/?view=trend&regions=15&interval=month&lang=fi");
    try {
      expect(await text(page, "h1")).toContain(t("fi", "dash.title.trend"));
      const rows = page.locator("#table-trend tbody tr");
      expect(await rows.count(), "March (the national kick-off) to November 2019, every month listed").toBe(9);
      const july = await rowCells(page, "table-trend", "heinäkuu 2019");
      expect(july.slice(1), "July has no days: said in words, never a zero").toEqual([
        t("fi", "dash.trend.noDays"),
        t("fi", "dash.trend.noDays"),
      ]);
      expect((await page.locator("#table-trend").innerText()).includes("0,0"), "no invented zeros").toBe(false);
      await expectNoAxeViolations(page, "the trend view");
      await screenshots(page, "national-trend-month");

      await page.locator("#lang-sv").click();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
      expect(await text(page, "h1")).toContain(t("sv", "dash.title.trend"));
      expect(new URL(page.url()).searchParams.get("lang")).toBe("sv");
      await page.locator("#view-region").click();
      await settled(page);
      expect(await text(page, "h1")).toContain(t("sv", "dash.title.region", { region: "Nyland" }));

      await page.goBack();
      await settled(page);
      expect(await text(page, "h1")).toContain(t("sv", "dash.title.trend"));
      await page.goBack();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fi");
      expect(await text(page, "h1")).toContain(t("fi", "dash.title.trend"));
    } finally {
      await context.close();
    }
  });

  it("runs under the page's own Content-Security-Policy without a violation", { timeout: 90_000 }, async () => {
    const response = await fetch(`${base}/`);
    expect(response.headers.get("content-security-policy") ?? "", "the dashboard page carries the CSP").toContain("script-src 'self'");
    const { context, page, cspErrors } = await signIn(agent, "/?lang=en");
    try {
      await page.locator("#view-trend").click();
      await settled(page);
      expect(await page.locator("#chart-trend canvas").isVisible()).toBe(true);
      expect(cspErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("dashboard bundle", () => {
  it(`is at most ${BUNDLE_BUDGET_BYTES / 1000} KB gzip on first load, with chart.js tree-shaken`, () => {
    const bundle = readFileSync(join(WEB_DIST, hashedAssetFile(WEB_DIST, "dashboard.js")));
    const gzipped = gzipSync(bundle, { level: 9 }).byteLength;
    expect(gzipped, `dashboard.js is ${(gzipped / 1000).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
    // chart.js/auto would register every controller; only bar and line are imported.
    const text = bundle.toString("utf8");
    expect(text.includes('"doughnut"') || text.includes('"radar"'), "no unused chart.js controllers").toBe(false);
  });
});
