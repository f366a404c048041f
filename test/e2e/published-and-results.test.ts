import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { t } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import {
  beforeAllOrFailEach,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectPageBasics,
  launchChromium,
  newPage,
  screenshot,
  signInWithForm,
  startTestServer,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// Issue 13 in real Chromium: the national team records a published result on a day's staff page
// (first with mistakes), the day's survey then refuses answers, and every day has a results page,
// the national kick-off included, that reads on a phone, prints on A4 and passes axe-core
// (WCAG 2.1 A/AA and 2.2 AA) in Finnish, Swedish and English.

const national = DEMO_USERS.find((u) => u.role === "national")!;

let server: TestServer;
let base: string;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("published-results");
  base = server.base;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(size: "desktop" | "phone" = "desktop"): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser, { size });
  await page.goto(`${base}/login?lang=fi`);
  await signInWithForm(page, national);
  return { page, close: () => context.close() };
}

async function eventId(page: Page, title: string): Promise<string> {
  // The list shows 25 days a page, newest first: search for the day rather than page to it.
  await page.goto(`${base}/admin?lang=fi&q=${encodeURIComponent(title)}`);
  const href = await page.locator("table a", { hasText: title }).first().getAttribute("href");
  return /\/admin\/events\/(\d+)/.exec(href ?? "")![1]!;
}

describe("published results and day results pages (Chromium)", () => {
  it("renders the national kick-off's results page in fi, sv and en, on a phone, and on A4 paper", { timeout: 120_000 }, async () => {
    const { page, close } = await signedIn("phone");
    try {
      const id = await eventId(page, "LAPE-Akatemian valtakunnallinen aloitus");
      for (const lang of LANGS) {
        await page.goto(`${base}/admin/events/${id}/results?lang=${lang}`);
        await expectPageBasics(page, lang, `kick-off results (${lang})`);
        // The demo kick-off has its title in all three languages (issue 16 item 5).
        const titles = {
          fi: "LAPE-Akatemian valtakunnallinen aloitus",
          sv: "LAPE-Akademins nationella start",
          en: "LAPE Academy national kick-off",
        };
        expect(await page.locator("h1").innerText()).toContain(titles[lang]);
        const facts = await page.locator("dl.facts").first().innerText();
        expect(facts).toContain("212");
        expect(facts).toContain("120");
        await expect(page.locator("#grade-distribution-caption").innerText()).resolves.toContain("120");
        await expectNoHorizontalScroll(page, `kick-off results on a phone (${lang})`);
        await expectNoAxeViolations(page, `kick-off results (${lang})`, WCAG22_TAGS);
      }
      await screenshot(page, "day-results-kickoff-phone");
      // A regional day with answers: the rest-of-country table, suppressed sector cells, comments.
      const regional = await eventId(page, "LAPE-Akatemia: Uudenlainen johtaminen");
      for (const lang of LANGS) {
        await page.goto(`${base}/admin/events/${regional}/results?lang=${lang}`);
        await expectPageBasics(page, lang, `regional results (${lang})`);
        expect(await page.locator("#compare-heading").count()).toBe(1);
        await expectNoHorizontalScroll(page, `regional results on a phone (${lang})`);
        await expectNoAxeViolations(page, `regional results (${lang})`, WCAG22_TAGS);
      }
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      expect(await page.locator("nav.staff").isVisible(), "no staff menu on paper").toBe(false);
    } finally {
      await close();
    }
  });

  it("imports history through the staff page: a dry run row by row, errors with line numbers, then the import", {
    timeout: 120_000,
  }, async () => {
    const { page, close } = await signedIn();
    try {
      for (const lang of LANGS) {
        await page.goto(`${base}/admin/import?lang=${lang}`);
        await expectPageBasics(page, lang, `import page (${lang})`);
        await expectNoAxeViolations(page, `import page (${lang})`, WCAG22_TAGS);
      }
      await page.goto(`${base}/admin/import?lang=fi`);
      await page.setInputFiles("#import-file", join(process.cwd(), "test/fixtures/history/errors-fi.csv"));
      await page.click(`button[value=dry-run]`);
      await page.locator("#import-result-heading").waitFor();
      expect(await page.locator(".summary[role=alert]").innerText()).toContain(
        t("fi", "import.error.line", { line: "9", message: t("fi", "import.error.has_answers") }),
      );
      await expectNoAxeViolations(page, "import dry run with errors", WCAG22_TAGS);

      await page.setInputFiles("#import-file", join(process.cwd(), "test/fixtures/history/excel-fi.csv"));
      await page.click(`button[value=dry-run]`);
      await page.locator("#import-rows-caption").waitFor();
      expect(await page.locator("[role=status]").last().innerText()).toBe(t("fi", "import.dryRunDone"));
      expect(await page.locator("#import-rows-caption + thead + tbody tr").count()).toBe(3);
      await expectNoAxeViolations(page, "import dry run", WCAG22_TAGS);

      await page.setInputFiles("#import-file", join(process.cwd(), "test/fixtures/history/excel-fi.csv"));
      await page.click(`button[value=import]`);
      await page.locator("#import-rows-caption").waitFor();
      expect(await page.locator("[role=status]").last().innerText()).toBe(t("fi", "import.applied"));
      await screenshot(page, "history-import-done");
      await page.goto(`${base}/admin?lang=fi&q=${encodeURIComponent("Valtakunnallinen esiseminaari")}`);
      expect(await page.locator("table").innerText()).toContain("Valtakunnallinen esiseminaari");
    } finally {
      await close();
    }
  });

  it("records a published result through the day's page, first with mistakes; the survey then refuses answers", {
    timeout: 120_000,
  }, async () => {
    const { page, close } = await signedIn();
    try {
      // A synthetic day of Lappi: the form is the national team's.
      await page.goto(`${base}/admin?lang=fi`);
      const href = (await page.locator("table a[href^='/admin/events/']", { hasText: "LAPE-Akatemia" }).last().getAttribute("href"))!;
      const id = /\/admin\/events\/(\d+)/.exec(href)![1]!;
      for (const lang of LANGS) {
        await page.goto(`${base}/admin/events/${id}?lang=${lang}`);
        expect(await page.locator("#published-heading").innerText()).toBe(t(lang, "admin.published.title"));
        await expectNoAxeViolations(page, `day page with the published-result form (${lang})`, WCAG22_TAGS);
      }
      await page.goto(`${base}/admin/events/${id}?lang=fi`);
      await page.fill("#published-mean", "8,5");
      await page.fill("#published-source", "");
      await page.click(`button:has-text('${t("fi", "admin.published.submit")}')`);
      await page.locator("#error-summary").waitFor();
      expect(await page.locator("#error-summary").innerText()).toContain(t("fi", "admin.error.publishedSource"));
      expect(await page.inputValue("#published-mean"), "typed values are kept").toBe("8,5");
      await expectNoAxeViolations(page, "published-result form with errors", WCAG22_TAGS);

      // More respondents than people present.
      await page.fill("#published-n", "10000");
      await page.fill("#published-source", "LAPE-Akatemia, testiraportti");
      await page.click(`button:has-text('${t("fi", "admin.published.submit")}')`);
      await page.locator("#error-summary").waitFor();
      expect(await page.locator("#error-summary").innerText()).toContain(t("fi", "admin.error.publishedN"));

      await page.fill("#published-n", "");
      await page.click(`button:has-text('${t("fi", "admin.published.submit")}')`);
      await page.locator("p.ok[role=status]").waitFor();
      expect(await page.locator("p.ok[role=status]").innerText()).toBe(t("fi", "admin.done.publishedSaved"));
      expect(await page.locator("section[aria-labelledby=survey-heading]").innerText()).toContain(t("fi", "admin.survey.publishedClosed"));
      const surveyUrl = await page.inputValue("#survey-link");
      await page.goto(`${surveyUrl}?lang=sv`);
      expect(await page.locator("h1").innerText()).toBe(t("sv", "published.title"));
      await screenshot(page, "published-day-survey-sv");
    } finally {
      await close();
    }
  });
});
