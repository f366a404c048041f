import type { Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { AreasStatsResponse, ProgrammeComparisonResponse } from "../../src/api-types";
import { createDb } from "../../src/db/client";
import { event, theme } from "../../src/db/schema";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { t } from "../../src/domain/i18n";
import { LANGS, type Lang } from "../../src/domain/lang";
import { createTestSurvey } from "../helpers/factories";
import {
  activeElementId,
  beforeAllOrFailEach,
  expectNoAxeViolations,
  launchChromium,
  newPage,
  screenshot,
  signInWithForm,
  startTestServer,
  tabTo,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// Cooperation areas and programmes side by side (issue 13 items 6 and 7) in real Chromium on the
// demo data: the national team replaces a demo area with a real one through the staff pages (by
// keyboard), the dashboard shows that area's pooled figure and the areas compared, and two
// programmes side by side; every figure checked equals the API's, and every page and view passes
// axe-core (WCAG 2.1 A/AA and 2.2 AA) in Finnish, Swedish and English.

const national = DEMO_USERS.find((u) => u.role === "national")!;
const municipal = DEMO_USERS.find((u) => u.role === "municipal")!;

let server: TestServer;
let browser: Browser;
let reader: Client;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("areas");
  reader = await openNodeDatabase({ url: server.databaseUrl });
  // A second programme ("Test programme"), its theme named like the demo's first so the two match,
  // with answered days in Keski-Suomi and Keski-Pohjanmaa.
  const db = createDb(reader);
  for (const [region, grades] of [
    ["13", [9, 9, 8, 10, 9, 8, 9, 9, 10, 8, 9]],
    ["16", [7, 8, 8, 9, 7, 8]],
  ] as const) {
    const day = await createTestSurvey(db, { regionCode: region, date: "2021-09-02" });
    for (const grade of grades) {
      const res = await fetch(`${server.base}/s/${day.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade } }),
      });
      expect(res.status).toBe(201);
    }
    const [row] = await db.select({ themeId: theme.id }).from(theme).where(eq(theme.nameFi, "Testiteema"));
    if (row) await db.update(theme).set({ nameFi: "Uudenlainen johtaminen" }).where(eq(theme.id, row.themeId));
    const [own] = await db.select({ themeId: theme.id }).from(theme).where(eq(theme.nameSv, "Testtema"));
    await db
      .update(event)
      .set({ title: `Akatemia 2021, ${region}`, themeId: own!.themeId })
      .where(eq(event.id, day.eventId));
  }
});

afterAll(async () => {
  await browser?.close();
  reader?.close();
  await server?.close();
});

async function signedIn(
  path: string,
  who: { email: string; password: string } = national,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  await page.goto(`${server.base}${path}`);
  await page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
  await signInWithForm(page, who);
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

function shown(lang: Lang, value: number): string {
  const text = value.toFixed(1);
  return lang === "en" ? text : text.replace(".", ",");
}

let createdAreaId = 0;

describe("cooperation areas and programmes side by side (Chromium)", () => {
  it("the national team replaces a demo area with a real one on the staff pages, by keyboard", { timeout: 120_000 }, async () => {
    const { page, close } = await signedIn("/admin/areas?lang=fi");
    try {
      for (const lang of LANGS) {
        await page.goto(`${server.base}/admin/areas?lang=${lang}`);
        expect(await page.locator("#areas tbody tr").count(), "five demo areas").toBe(5);
        expect(await page.locator("#areas .badge").first().innerText()).toBe(t(lang, "demo.badge"));
        await expectNoAxeViolations(page, `areas page (${lang})`, WCAG22_TAGS);
      }
      // Delete the demo area "Esimerkkialue Länsi" (04, 06, 14) through its page.
      await page.goto(`${server.base}/admin/areas?lang=fi`);
      await page.getByRole("link", { name: /Esimerkkialue Länsi/ }).click();
      await expectNoAxeViolations(page, "an area's page (fi)", WCAG22_TAGS);
      await page.getByRole("button", { name: t("fi", "admin.areas.delete") }).click();
      await page.waitForURL(/done=areaDeleted/);
      expect(await page.locator("p.ok").innerText()).toBe(t("fi", "admin.done.areaDeleted"));

      // The new area, with the keyboard only: names, two regions ticked with Space, a source, Enter.
      await tabTo(page, "#new-area-name-fi", 80);
      await page.keyboard.type("Satakunnan ja Pirkanmaan alue");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Satakunta och Birkaland");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Satakunta and Pirkanmaa");
      await tabTo(page, "#new-area-region-04");
      await page.keyboard.press("Space");
      await tabTo(page, "#new-area-region-06");
      await page.keyboard.press("Space");
      await tabTo(page, "#new-area-source");
      await page.keyboard.type("Kokouspäätös 3/2019");
      await tabTo(page, "#new-area-heading ~ form button[type=submit], form[action^='/admin/areas?'] button[type=submit]");
      await Promise.all([page.waitForURL(/done=areaCreated/), page.keyboard.press("Enter")]);
      const row = page.locator("#areas tbody tr", { hasText: "Satakunnan ja Pirkanmaan alue" });
      expect(await row.innerText()).toContain("Pirkanmaa");
      expect(await row.innerText()).toContain("Kokouspäätös 3/2019");
      expect(await row.locator(".badge").count(), "a real area carries no demo badge").toBe(0);
      const href = await row.locator("a").getAttribute("href");
      createdAreaId = Number(/\/admin\/areas\/(\d+)/.exec(href ?? "")![1]);
      await screenshot(page, "areas-admin-fi");
    } finally {
      await close();
    }
  });

  for (const lang of LANGS) {
    it(`the dashboard shows the area's pooled figure and the areas compared, as the API gives them (${lang})`, {
      timeout: 120_000,
    }, async () => {
      const { page, close } = await signedIn(`/?view=areas&area=${createdAreaId}&lang=${lang}`);
      try {
        await settled(page);
        const stats = await api<AreasStatsResponse>(page, "/api/stats/areas");
        const area = stats.areas.find((a) => a.id === createdAreaId)!;
        expect(area.regions).toEqual(["04", "06"]);
        expect(await page.locator("#area-figures-title").innerText()).toContain(area.name[lang]);
        expect(await page.locator("#card-area .big-number").innerText()).toBe(shown(lang, area.grade.mean!));
        expect(await page.locator("#area-source").innerText()).toContain("Kokouspäätös 3/2019");
        expect(await page.locator("#table-areas tbody tr").count()).toBe(stats.areas.length);
        const cells = (await page.locator("#table-areas tbody tr", { hasText: area.name[lang] }).locator("th, td").allInnerTexts()).map(
          (s) => s.trim(),
        );
        expect(cells[1]).toContain(shown(lang, area.grade.mean!));
        expect(cells[3]).toBe(String(area.grade.n));
        expect(cells[4]).toBe(String(area.grade.days));
        // Every demo area carries its badge in the table.
        expect(await page.locator("#table-areas .badge").count()).toBe(stats.areas.filter((a) => a.isDemo).length);
        expect(await page.locator("#chart-areas canvas").getAttribute("aria-label")).toBe(t(lang, "dash.areas.chartAlt"));
        await expectNoAxeViolations(page, `areas view (${lang})`, WCAG22_TAGS);
        await screenshot(page, `areas-view-${lang}`);
      } finally {
        await close();
      }
    });
  }

  it("switches to the programmes view and another area with the keyboard", { timeout: 120_000 }, async () => {
    const { page, close } = await signedIn("/?view=areas&lang=en");
    try {
      await settled(page);
      await page.locator("#f-area").focus();
      await page.keyboard.press("End");
      await tabTo(page, "#f-apply");
      await page.keyboard.press("Enter");
      await settled(page);
      expect(new URL(page.url()).searchParams.get("area")).not.toBeNull();
      await tabTo(page, "#view-programmes", 80);
      await page.keyboard.press("Enter");
      await settled(page);
      expect(new URL(page.url()).searchParams.get("view")).toBe("programmes");
      expect(await activeElementId(page)).not.toBe("");
    } finally {
      await close();
    }
  });

  for (const lang of LANGS) {
    it(`two programmes side by side by theme and region, as the API gives them (${lang})`, { timeout: 120_000 }, async () => {
      const { page, close } = await signedIn(`/?view=programmes&lang=${lang}`);
      try {
        await settled(page);
        const programmes = await api<{ programmes: { id: number; name: string }[] }>(page, "/api/programmes");
        expect(programmes.programmes.length).toBe(2);
        const [a, b] = programmes.programmes.map((p) => p.id);
        const data = await api<ProgrammeComparisonResponse>(page, `/api/stats/programmes?programme=${a}&compare=${b}`);
        expect(await page.locator("#card-programme-1 .big-number").innerText()).toBe(shown(lang, data.overall[0].grade.mean!));
        expect(await page.locator("#card-programme-2 .big-number").innerText()).toBe(shown(lang, data.overall[1].grade.mean!));
        // The theme both programmes have, matched by name, with both sides' means in its row.
        const both = data.themes.find((row) => row.figures[0] && row.figures[1])!;
        const cells = (
          await page.locator("#table-programme-themes tbody tr", { hasText: both.name[lang] }).locator("th, td").allInnerTexts()
        ).map((s) => s.trim());
        expect(cells[1]).toContain(shown(lang, both.figures[0]!.grade.mean!));
        expect(cells[5]).toContain(shown(lang, both.figures[1]!.grade.mean!));
        expect(await page.locator("#table-programme-regions tbody tr").count()).toBe(data.regions.length);
        const kp = data.regions.find((r) => r.code === "16")!;
        const kpCells = (
          await page.locator("#table-programme-regions tbody tr", { hasText: kp.name![lang] }).locator("th, td").allInnerTexts()
        ).map((s) => s.trim());
        // Keski-Pohjanmaa in LAPE-Akatemia 2019: the mean of its published 8,5 and 8,0 only, marked with *.
        const lape = data.programmes.findIndex((p) => p.name === "LAPE-Akatemia 2019");
        const other = 1 - lape;
        expect(kp.figures[lape]!.grade).toMatchObject({ source: "reported", mean: 8.25, ci95: null });
        expect(kpCells[1 + 4 * lape]).toBe(`${shown(lang, 8.25)}*`);
        expect(kpCells[1 + 4 * other]).toContain(shown(lang, kp.figures[other]!.grade.mean!));
        expect(await page.locator(`#card-programme-${lape + 1} h3`).innerText()).toContain(t(lang, "demo.badge"));
        expect(await page.locator("#chart-programme-themes canvas").isVisible()).toBe(true);
        await expectNoAxeViolations(page, `programmes view (${lang})`, WCAG22_TAGS);
        await screenshot(page, `programmes-view-${lang}`);
      } finally {
        await close();
      }
    });
  }

  it("the demo municipal agent starts on their area and reads only its regions", { timeout: 120_000 }, async () => {
    const { page, close } = await signedIn("/?lang=fi", municipal);
    try {
      await settled(page);
      expect(await page.locator("#view-areas").getAttribute("aria-current")).toBe("page");
      expect(await page.locator("#view-programmes").count()).toBe(0);
      // Its demo area: Keski-Suomi, Pohjanmaa and Keski-Pohjanmaa, and only that area.
      expect(await page.locator("#area-regions").innerText()).toBe(
        t("fi", "dash.areas.regions", { regions: "Keski-Suomi, Pohjanmaa, Keski-Pohjanmaa" }),
      );
      expect(await page.locator("#table-areas tbody tr").count()).toBe(1);
      const me = await api<{ user: { readableRegions: string[] } }>(page, "/api/me");
      expect(me.user.readableRegions).toEqual(["13", "15", "16"]);
      expect((await page.request.get(`${server.base}/api/events?region=01`)).status()).toBe(403);
      await expectNoAxeViolations(page, "a municipal agent's areas view (fi)", WCAG22_TAGS);
    } finally {
      await close();
    }
  });
});
