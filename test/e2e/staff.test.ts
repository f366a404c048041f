import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { t } from "../../src/domain/i18n";
import type { Lang } from "../../src/domain/lang";
import { posterLanguages } from "../../src/views/admin/poster-page";
import {
  activeElementId,
  beforeAllOrFailEach,
  expectInView,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectPageBasics,
  expectReachable,
  launchChromium,
  newPage,
  screenshot,
  signInWithForm,
  startTestServer,
  watchPage,
  type TestServer,
  type ViewportName,
} from "../helpers/browser";

// The staff side in real Chromium against the real Node server with the demo data. A change
// agent signs in with the keyboard, lists the academy days, creates one through the form (first
// with mistakes), opens its page, QR code and poster, and reads the region's dashboard. The
// national team reads the users, programmes and audit log, and the comparison and trend views
// (colour never alone, every chart with its table) and downloads a CSV. axe-core (WCAG 2.1 A and
// AA) on every page and state, in Finnish, Swedish and English; the day page at 200% zoom.
// test/e2e/dashboard.test.ts covers the dashboard's figures, sorting, URL state and print.

const agent = DEMO_USERS.find((u) => u.role === "agent")!;
const national = DEMO_USERS.find((u) => u.role === "national")!;
const REGION_16: Record<Lang, string> = { fi: "Keski-Pohjanmaa", sv: "Mellersta Österbotten", en: "Central Ostrobothnia" };
const WAIT_MS = 15_000;

let server: TestServer;
let base: string;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("staff");
  base = server.base;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Checks the page's basics and runs axe-core on it. */
async function checkPage(page: Page, lang: Lang, label: string): Promise<void> {
  await expectPageBasics(page, lang, label);
  await expectNoAxeViolations(page, label);
}

/** The dashboard view has loaded and its charts are drawn. */
async function dashboardSettled(page: Page): Promise<void> {
  await page.locator("#results:not([aria-busy])").waitFor({ timeout: WAIT_MS });
  await page.waitForTimeout(150);
}

/**
 * Charts never speak through colour alone and each has a text alternative: the canvas is an image
 * named in words, its section has a data table with a caption, and no two entries of a legend
 * differ only by colour (a series is told apart by its point shape too).
 */
async function expectAccessibleCharts(page: Page, label: string): Promise<void> {
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll("figure.chart-figure")].map((figure) => {
      const canvas = figure.querySelector("canvas");
      const section = figure.closest("section");
      return {
        id: figure.id,
        role: canvas?.getAttribute("role") ?? null,
        name: canvas?.getAttribute("aria-label") ?? "",
        captionedTables: section
          ? [...section.querySelectorAll("table")].filter((table) => (table.querySelector("caption")?.textContent ?? "").trim() !== "")
              .length
          : 0,
        legend: [...figure.querySelectorAll(".legend li")].map((item) => {
          const swatch = item.querySelector(".swatch");
          const kind = [...(swatch?.classList ?? [])].find((c) => c.startsWith("swatch-")) ?? "";
          // What is left of a swatch for someone who cannot tell its colour.
          return {
            look: `${kind.startsWith("swatch-series-") ? "series" : kind} ${swatch?.textContent ?? ""}`,
            text: (item.textContent ?? "").trim(),
          };
        }),
      };
    }),
  );
  expect(figures.length, `${label}: charts shown`).toBeGreaterThan(0);
  for (const figure of figures) {
    expect(figure.role, `${label}: ${figure.id} is an image`).toBe("img");
    expect(figure.name, `${label}: ${figure.id} is named`).not.toBe("");
    expect(figure.captionedTables, `${label}: ${figure.id} has its figures in a table`).toBeGreaterThan(0);
    const looks = figure.legend.map((item) => item.look);
    expect(
      new Set(looks).size,
      `${label}: ${figure.id}'s legend entries differ by more than colour: ${JSON.stringify(figure.legend)}`,
    ).toBe(looks.length);
    for (const item of figure.legend) expect(item.text, `${label}: ${figure.id}'s legend says it in words`).not.toBe("");
  }
}

/** Opens every folded part (the filters, the region choice) the way a person does: by its summary. */
async function openAllDetails(page: Page): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    const closed = page.locator("details:not([open]) > summary").first();
    if ((await closed.count()) === 0) return;
    await closed.click();
  }
}

/** A second browser profile with the same session, sized as a 1280×800 screen at 200% zoom. */
async function zoomed(context: BrowserContext): Promise<{ context: BrowserContext; page: Page }> {
  return newPage(browser, { size: "zoom200", deviceScaleFactor: 2, storageState: await context.storageState() });
}

describe("a change agent (Chromium)", () => {
  const runs: readonly { lang: Lang; size: ViewportName }[] = [
    { lang: "fi", size: "desktop" },
    { lang: "sv", size: "phone" },
    { lang: "en", size: "phone" },
  ];
  for (const { lang, size } of runs) {
    const name = `${lang}, ${size}`;
    it(`${name}: signs in with the keyboard, creates a day, opens its QR code and poster, and reads the region's dashboard`, {
      timeout: 120_000,
    }, async () => {
      const { context, page } = await newPage(browser, { size, locale: "fi-FI" });
      const problems = watchPage(page, { pageErrors: true });
      try {
        await page.goto(`${base}/admin?lang=${lang}`);
        await page.waitForURL((url) => url.pathname === "/login");
        await checkPage(page, lang, `the sign-in page (${name})`);
        await signInWithForm(page, agent, { keyboard: true });

        // The list of days.
        expect(new URL(page.url()).pathname, "back where the agent was going").toBe("/admin");
        expect(await page.textContent("h1")).toBe(t(lang, "admin.days.title"));
        expect(
          await page.locator("table tbody tr").count(),
          "Keski-Pohjanmaa's two demo days and the national one at least",
        ).toBeGreaterThanOrEqual(3);
        await checkPage(page, lang, `the academy days (${name})`);
        await screenshot(page, `staff-agent-days-${lang}-${size}`);

        // A new day: first with mistakes, then right.
        await Promise.all([page.waitForURL(/\/admin\/events\/new/), page.click(`a[href="/admin/events/new?lang=${lang}"]`)]);
        expect(await page.textContent("h1")).toBe(t(lang, "admin.newDay.title"));
        await checkPage(page, lang, `the new day form (${name})`);
        await page.fill("#location", "Kokkola");
        await page.fill("#attendance", "neljäkymmentä");
        await page.click('main button[type="submit"]');
        await page.locator("#error-summary").waitFor();
        expect(await activeElementId(page), "focus moves to the error summary").toBe("error-summary");
        expect((await page.textContent("#error-summary h2"))?.trim()).toBe(t(lang, "admin.errors.title"));
        expect(await page.locator("#error-summary a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
          "#date",
          "#title",
          "#attendance",
        ]);
        expect(await page.inputValue("#location"), "typed values are kept").toBe("Kokkola");
        expect(await page.inputValue("#attendance")).toBe("neljäkymmentä");
        expect(await page.getAttribute("#title", "aria-invalid")).toBe("true");
        await checkPage(page, lang, `the new day form with errors (${name})`);
        // A link of the summary takes focus to its field, with the field's label and error in view.
        await page.click('#error-summary a[href="#title"]');
        expect(await activeElementId(page), "the summary's link moves focus to the field").toBe("title");
        await expectInView(page, 'label[for="title"]', `${name}: after following the summary's link`);
        await expectInView(page, "#title-error", `${name}: after following the summary's link`);
        const title = `Testipäivä ${lang} ${size}`;
        await page.fill("#date", "2019-12-10");
        await page.fill("#title", title);
        await page.fill("#attendance", "40");
        await Promise.all([page.waitForURL(/\/admin\/events\/\d+\?/), page.click('main button[type="submit"]')]);

        // The day's page: the survey link, the QR code, the poster links.
        const eventUrl = new URL(page.url());
        expect(eventUrl.searchParams.get("done")).toBe("eventCreated");
        expect(await page.textContent("h1")).toBe(title);
        expect((await page.textContent("p.ok[role=status]"))?.trim()).toBe(t(lang, "admin.done.eventCreated"));
        const surveyLink = await page.inputValue("#survey-link");
        expect(surveyLink).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
        await page.waitForFunction(
          () => {
            const img = document.querySelector<HTMLImageElement>("img.qr");
            return img !== null && img.complete && img.naturalWidth > 0;
          },
          undefined,
          { timeout: WAIT_MS },
        );
        expect(await page.getAttribute("img.qr", "alt"), "the QR code says where it leads").toContain(surveyLink);
        await checkPage(page, lang, `the day's page (${name})`);
        await screenshot(page, `staff-agent-day-${lang}-${size}`);

        // At 200% zoom the day's page still fits and its buttons are reachable.
        const zoom = await zoomed(context);
        try {
          await zoom.page.goto(`${eventUrl.origin}${eventUrl.pathname}?lang=${lang}`);
          expect(await zoom.page.textContent("h1")).toBe(title);
          await expectNoHorizontalScroll(zoom.page, `the day's page at 200% (${name})`);
          for (const button of [
            "#attendance-heading ~ form button",
            "#survey-heading ~ form.actions button",
            "#edit-heading ~ form button",
          ]) {
            await expectReachable(zoom.page, button, `the day's page at 200% (${name})`);
          }
          await expectNoAxeViolations(zoom.page, `the day's page at 200% (${name})`);
          await screenshot(zoom.page, `staff-agent-day-zoom200-${lang}`);
          await zoom.page.goto(`${base}/?view=region&region=16&lang=${lang}`);
          await dashboardSettled(zoom.page);
          await openAllDetails(zoom.page);
          await expectNoHorizontalScroll(zoom.page, `the regional dashboard at 200% (${name})`);
          await expectReachable(zoom.page, "#f-apply", `the regional dashboard at 200% (${name})`);
        } finally {
          await zoom.context.close();
        }

        // The poster, in the page's language first and the other poster language second.
        await Promise.all([page.waitForURL(/\/poster\?/), page.click(`a[href="${eventUrl.pathname}/poster?lang=${lang}"]`)]);
        const [first, second] = posterLanguages(lang);
        expect(await page.textContent("h1")).toBe(title);
        expect(await page.locator(".poster-qr[role=img] svg").count(), "the QR code on the poster").toBe(1);
        expect(await page.getAttribute(".poster-qr", "aria-label")).toContain(surveyLink);
        expect(await page.getAttribute("p.call", "lang")).toBe(first);
        expect(await page.getAttribute("p.call-2", "lang"), "the second language is marked as such").toBe(second);
        await checkPage(page, lang, `the poster (${name})`);
        await screenshot(page, `staff-agent-poster-${lang}-${size}`);

        // The region's dashboard.
        await page.goto(`${base}/?view=region&region=16&lang=${lang}`);
        await dashboardSettled(page);
        expect(await page.textContent("h1")).toContain(t(lang, "dash.title.region", { region: REGION_16[lang] }));
        await expectAccessibleCharts(page, `the regional dashboard (${name})`);
        await checkPage(page, lang, `the regional dashboard (${name})`);
        await openAllDetails(page);
        await checkPage(page, lang, `the regional dashboard with the filters open (${name})`);
        await screenshot(page, `staff-agent-dashboard-${lang}-${size}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the national team (Chromium)", () => {
  const runs: readonly { lang: Lang; size: ViewportName }[] = [
    { lang: "fi", size: "desktop" },
    { lang: "sv", size: "phone" },
    { lang: "en", size: "desktop" },
  ];
  for (const { lang, size } of runs) {
    const name = `${lang}, ${size}`;
    it(`${name}: users, programmes and the audit log; the comparison and the trend; a CSV download`, { timeout: 120_000 }, async () => {
      const { context, page } = await newPage(browser, { size, locale: "fi-FI", acceptDownloads: true });
      const problems = watchPage(page, { pageErrors: true });
      try {
        await page.goto(`${base}/admin/users?lang=${lang}`);
        await page.waitForURL((url) => url.pathname === "/login");
        await signInWithForm(page, national);

        // Users: the list and the form for a new one, also sent empty.
        expect(new URL(page.url()).pathname).toBe("/admin/users");
        expect(await page.textContent("h1")).toBe(t(lang, "admin.users.title"));
        await checkPage(page, lang, `the users (${name})`);
        await page.click('#new-user-heading ~ form button[type="submit"]');
        await page.locator("#error-summary").waitFor();
        expect(await activeElementId(page), "focus moves to the error summary").toBe("error-summary");
        await checkPage(page, lang, `the users with form errors (${name})`);
        await screenshot(page, `staff-national-users-${lang}-${size}`);
        await Promise.all([page.waitForURL(/\/admin\/users\/\d+/), page.click("table tbody tr a")]);
        await checkPage(page, lang, `a user (${name})`);

        // Programmes and themes, with a rename form opened.
        await page.goto(`${base}/admin/programmes?lang=${lang}`);
        expect(await page.textContent("h1")).toBe(t(lang, "admin.programmes.title"));
        await checkPage(page, lang, `the programmes (${name})`);
        await page.locator("details > summary").first().click();
        await checkPage(page, lang, `the programmes with a rename form open (${name})`);
        await screenshot(page, `staff-national-programmes-${lang}-${size}`);

        // The audit log.
        await page.goto(`${base}/admin/audit?lang=${lang}`);
        expect(await page.textContent("h1")).toBe(t(lang, "admin.audit.title"));
        expect(await page.locator("table tbody tr").count(), "the sign-ins at least").toBeGreaterThan(0);
        await checkPage(page, lang, `the audit log (${name})`);
        await screenshot(page, `staff-national-audit-${lang}-${size}`);

        // The comparison of all regions and the region × theme heat map.
        await page.goto(`${base}/?view=national&lang=${lang}`);
        await dashboardSettled(page);
        expect(await page.textContent("h1")).toContain(t(lang, "dash.title.national"));
        await expectAccessibleCharts(page, `the comparison (${name})`);
        const blankHeat = await page
          .locator("#table-themes td")
          .evaluateAll((cells) => cells.filter((cell) => (cell.textContent ?? "").trim() === "").length);
        expect(blankHeat, "every heat map cell says its figure in words, not only in colour").toBe(0);
        await checkPage(page, lang, `the comparison (${name})`);
        await screenshot(page, `staff-national-comparison-${lang}-${size}`);

        // Eight regions over time: every line told apart by more than colour; then the CSV.
        await page.goto(`${base}/?view=trend&regions=01,02,04,05,06,07,15,16&interval=month&lang=${lang}`);
        await dashboardSettled(page);
        expect(await page.textContent("h1")).toContain(t(lang, "dash.title.trend"));
        expect(
          await page.locator("#table-trend thead th").count(),
          "the table has the period, the whole country and all eight regions",
        ).toBe(10);
        // Six regions have a colour and a point shape each; the chart draws those and says so.
        // …plus the key to the hollow diamonds: Keski-Pohjanmaa's published days share months with answered days.
        expect(
          await page.locator("#chart-trend .legend li").count(),
          "the whole country, six regions and the published points in the chart",
        ).toBe(8);
        expect(await page.locator("#chart-trend .legend li").last().textContent()).toContain(t(lang, "dash.legend.publishedPoints"));
        expect(await page.locator("#trend .small-note").first().textContent()).toBe(t(lang, "dash.trend.chartLimit", { count: 6 }));
        await expectAccessibleCharts(page, `the trend (${name})`);
        await checkPage(page, lang, `the trend (${name})`);
        await openAllDetails(page);
        await checkPage(page, lang, `the trend with the filters open (${name})`);
        await screenshot(page, `staff-national-trend-${lang}-${size}`);
        const [download] = await Promise.all([page.waitForEvent("download", { timeout: WAIT_MS }), page.click("#trend a.csv-link")]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        const csv = readFileSync((await download.path())!);
        expect(csv.subarray(0, 3).toString("hex"), "UTF-8 with a BOM, for Excel").toBe("efbbbf");
        const lines = csv.subarray(3).toString("utf8").trim().split(/\r?\n/);
        expect(lines[0], "semicolon-separated").toContain(";");
        expect(lines.length, "a header and rows").toBeGreaterThan(1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("the comparison and the users at 200% zoom", { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser, { locale: "sv-FI" });
    try {
      await page.goto(`${base}/login?lang=sv&next=%2Fadmin%2Fusers%3Flang%3Dsv`);
      await signInWithForm(page, national);
      const zoom = await zoomed(context);
      try {
        await zoom.page.goto(`${base}/admin/users?lang=sv`);
        await expectNoHorizontalScroll(zoom.page, "the users at 200%");
        await expectReachable(zoom.page, '#new-user-heading ~ form button[type="submit"]', "the users at 200%");
        await zoom.page.goto(`${base}/?view=national&lang=sv`);
        await dashboardSettled(zoom.page);
        await expectNoHorizontalScroll(zoom.page, "the comparison at 200%");
        await expectNoAxeViolations(zoom.page, "the comparison at 200%");
        await screenshot(zoom.page, "staff-national-comparison-zoom200-sv");
      } finally {
        await zoom.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
