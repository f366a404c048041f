import type { Client } from "@libsql/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { EventsResponse, RegionsStatsResponse, TrendResponse } from "../../src/api-types";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { formatNumber, t } from "../../src/domain/i18n";
import { LANGS, type Lang } from "../../src/domain/lang";
import { createTestSurvey } from "../helpers/factories";
import {
  beforeAllOrFailEach,
  expectNoAxeViolations,
  launchChromium,
  screenshot,
  signInWithForm,
  startTestServer,
  VIEWPORTS,
  type TestServer,
} from "../helpers/browser";

// The national comparison as people see it, in real Chromium on the demo data (plus one small
// day): the funnel plot against the rest of the country with its sentence about chance, the
// theme-adjusted toggle by keyboard, the trend per theme with its theme-mix warning, and the
// small-n states ("too few to estimate", SD 0, regions listed apart), in Finnish, Swedish and
// English, each checked by axe-core; every number compared in the DOM equals the API's, rounded
// as shown.

const national = DEMO_USERS.find((u) => u.role === "national")!;

let server: TestServer;
let browser: Browser;
let reader: Client;
let smallEventId: number;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("region-comparison");
  reader = await openNodeDatabase({ url: server.databaseUrl });
  // A day of six equal answers in Pirkanmaa: under 10 respondents, SD 0.
  const event = await createTestSurvey(createDb(reader), { regionCode: "06", date: "2019-12-03" });
  smallEventId = event.eventId;
  for (let i = 0; i < 6; i++) {
    const res = await fetch(`${server.base}/s/${event.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 8 } }),
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  reader?.close();
  await server?.close();
});

async function openAs(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(`${server.base}${path}`);
  await page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
  await signInWithForm(page, national);
  await settled(page);
  return { page, close: () => context.close() };
}

async function settled(page: Page): Promise<void> {
  await page.locator("#results:not([aria-busy])").waitFor({ timeout: 15_000 });
  await page.waitForTimeout(150);
}

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.base}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** A mean as the dashboard writes it: one decimal, the language's decimal sign. */
function shown(lang: Lang, value: number, digits = 1): string {
  const text = value.toFixed(digits);
  return lang === "en" ? text : text.replace(".", ",");
}

async function rowCells(page: Page, tableId: string, rowHeader: string): Promise<string[]> {
  // Exactly the name: "Pohjanmaa" must not match "Etelä-Pohjanmaa".
  const exact = new RegExp(`^\\s*${rowHeader.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
  const row = page.locator(`#${tableId} tbody tr`, { has: page.locator("th", { hasText: exact }) });
  expect(await row.count(), `${tableId} has one row for ${rowHeader}`).toBe(1);
  return (await row.locator("th, td").allInnerTexts()).map((text) => text.trim());
}

describe("region comparisons (Chromium)", () => {
  for (const lang of LANGS) {
    it(`funnel plot, theme-adjusted ranking by keyboard and regions listed apart agree with the API (${lang})`, {
      timeout: 120_000,
    }, async () => {
      const { page, close } = await openAs(`/?lang=${lang}`);
      try {
        const stats = await api<RegionsStatsResponse>(page, "/api/stats/regions");
        const placed = stats.regions.filter((r) => r.comparison!.rankable && r.comparison!.funnel !== null);
        expect(await page.locator("#chart-funnel canvas").isVisible()).toBe(true);
        expect(await page.locator("#chart-funnel canvas").getAttribute("aria-label")).toBe(t(lang, "dash.funnel.chartAlt"));
        expect(await page.locator("#table-funnel tbody tr").count(), "one row per region on the funnel").toBe(placed.length);
        expect(await page.locator("#funnel-chance").innerText()).toContain(
          t(lang, "dash.funnel.chance", { count: placed.length, expected: formatNumber(lang, placed.length * 0.05, 1) }),
        );
        for (const r of placed) {
          const cells = await rowCells(page, "table-funnel", r.name[lang]);
          expect(cells[1], `${r.code} mean`).toBe(shown(lang, r.grade.mean!));
          expect(cells[2], `${r.code} n`).toBe(String(r.grade.n));
          expect(cells[3], `${r.code} k days`).toBe(String(r.grade.days));
          expect(cells[4], `${r.code} rest of the country`).toContain(shown(lang, r.comparison!.rest.mean!));
          const d = r.comparison!.funnel!.difference;
          expect(cells[5], `${r.code} difference`).toBe(`${d > 0 ? "+" : ""}${shown(lang, d, 2)}`);
          expect(cells[8], `${r.code} result`).toBe(t(lang, `dash.funnel.flag.${r.comparison!.funnel!.flag}`));
        }
        // Keski-Pohjanmaa (published days only) is listed apart, not ranked.
        const kp = stats.regions.find((r) => r.code === "16")!;
        expect(await page.locator("#table-regions-apart tbody").innerText()).toContain(kp.name[lang]);
        expect(await page.locator("#table-regions tbody tr").count()).toBe(stats.regions.filter((r) => r.comparison!.rankable).length);
        expect(await page.locator("#rank-status").innerText()).toBe(t(lang, "dash.rank.statusRaw"));
        await expectNoAxeViolations(page, `the funnel plot and unadjusted ranking (${lang})`);

        // The toggle with the keyboard: focus the first radio button, arrow to the second.
        await page.locator("#rank-raw").focus();
        await page.keyboard.press("ArrowRight");
        await expect.poll(() => page.locator("#rank-adjusted").isChecked()).toBe(true);
        expect(await page.locator("#rank-status").innerText()).toContain(
          t(lang, "dash.rank.statusAdjusted", { mix: "" }).split("(")[0]!.trim(),
        );
        for (const r of stats.regions.filter((x) => x.comparison!.rankable)) {
          const cells = await rowCells(page, "table-regions", r.name[lang]);
          expect(cells[1], `${r.code} adjusted mean`).toBe(shown(lang, r.comparison!.adjusted.mean!));
        }
        await expectNoAxeViolations(page, `the theme-adjusted ranking (${lang})`);
        await screenshot(page, `region-comparison-national-${lang}`);
      } finally {
        await close();
      }
    });

    it(`trend per theme says the terms differ in theme mix, with the change's day-level interval (${lang})`, {
      timeout: 120_000,
    }, async () => {
      const { page, close } = await openAs(`/?view=trend&lang=${lang}`);
      try {
        const trend = await api<TrendResponse>(page, "/api/stats/trend?interval=term");
        expect(await page.locator("#chart-trend-themes canvas").isVisible()).toBe(true);
        expect(await page.locator("#table-trend-themes tbody tr").count()).toBe(trend.keys.length);
        expect(trend.themeMixDiffers).toBe(true);
        expect(await page.locator("#trend-mix-note").innerText()).toBe(t(lang, "dash.trend.mixDiffers"));
        const change = trend.series.find((s) => s.region === null)!.change!;
        const line = await page.locator("#trend-changes li").first().innerText();
        expect(line).toContain(`${change.difference > 0 ? "+" : ""}${shown(lang, change.difference, 2)}`);
        expect(line).toContain(shown(lang, change.ci95![0], 2));
        await expectNoAxeViolations(page, `the trend per theme (${lang})`);
        await screenshot(page, `region-comparison-trend-${lang}`);
      } finally {
        await close();
      }
    });
  }

  it("shows small numbers honestly: too few to estimate, SD 0, a pool of 2 days without an interval", { timeout: 120_000 }, async () => {
    const { page, close } = await openAs("/?view=region&region=06&lang=en");
    try {
      const { events } = await api<EventsResponse>(page, "/api/events?region=06");
      const small = events.find((e) => e.id === smallEventId)!;
      expect(small.grade).toMatchObject({ n: 6, sd: 0, ci95: null, ciWithheld: "too_few_respondents" });
      const row = page.locator("#table-days tbody tr").last();
      const cells = (await row.locator("th, td").allInnerTexts()).map((x) => x.trim());
      expect(cells).toContain(t("en", "dash.ci.tooFew"));
      expect(cells.join(" ")).toContain(t("en", "dash.note.sdZero"));
      expect(await page.locator("#card-rest").isVisible(), "the region's yardstick: the rest of the country").toBe(true);
      await expectNoAxeViolations(page, "a region with a small day");

      // Autumn only: every region has 2 days, too few for a day-clustered interval.
      await page.goto(`${server.base}/?from=2019-09-01&to=2019-11-30&lang=sv`);
      await settled(page);
      const stats = await api<RegionsStatsResponse>(page, "/api/stats/regions?from=2019-09-01&to=2019-11-30");
      const uusimaa = stats.regions.find((r) => r.code === "01")!;
      expect(uusimaa.grade).toMatchObject({ days: 2, ci95: null, ciWithheld: "too_few_days" });
      const ranked = await page.locator("#table-regions tbody tr").count();
      const cells2 =
        ranked > 0
          ? await rowCells(page, "table-regions", uusimaa.name.sv)
          : (await page.locator("#table-regions-apart tbody").innerText()).split("\t");
      expect(cells2.join(" ")).toContain(t("sv", "dash.ci.tooFew"));
      await expectNoAxeViolations(page, "pools of two days (sv)");
      await screenshot(page, "region-comparison-two-days-sv");
    } finally {
      await close();
    }
  });
});
