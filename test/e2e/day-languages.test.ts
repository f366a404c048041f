import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { LANGS } from "../../src/domain/lang";
import { createTestUser, type TestUser } from "../helpers/accounts";
import {
  beforeAllOrFailEach,
  expectNoAxeViolations,
  expectPageBasics,
  launchChromium,
  newPage,
  screenshot,
  signInWithForm,
  startTestServer,
  watchPage,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// Languages per day (issue 16 item 5) in real Chromium: a Swedish-speaking participant on a
// bilingual region's day sees the Swedish title, also when the browser asks for Finnish and the
// "På svenska" offer at the top is followed with the keyboard; the staff pages with the new fields
// and the fallback note pass axe-core in fi, sv and en.

let server: TestServer;
let browser: Browser;
let agent: TestUser;
let slug: string;
let eventId: number;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("day-languages");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  // A Pohjanmaa demo day (bilingual region): the demo gives it a Swedish title; open its survey and
  // give it an own question written in Swedish only.
  const row = (
    await client.execute(
      "SELECT s.slug, s.event_id, s.id AS survey_id FROM survey s JOIN event e ON e.id = s.event_id WHERE e.region_code = '15' AND e.title_sv IS NOT NULL ORDER BY e.date LIMIT 1",
    )
  ).rows[0]!;
  slug = String(row.slug);
  eventId = Number(row.event_id);
  agent = await createTestUser(createDb(client), "agent", ["15"]);
  await client.execute({ sql: "UPDATE survey SET opens_at = NULL, closes_at = NULL WHERE slug = ?", args: [slug] });
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a Swedish-speaking participant on a bilingual region's day (Chromium, phone)", () => {
  it("sees the Swedish title from Accept-Language, and reaches it from a Finnish page through 'På svenska'", {
    timeout: 90_000,
  }, async () => {
    const swedish = await newPage(browser, { size: "phone", locale: "sv-FI" });
    const problems = watchPage(swedish.page, { pageErrors: true });
    try {
      await swedish.page.goto(`${server.base}/s/${slug}`);
      expect(await swedish.page.textContent("h1")).toContain("LAPE-Akademin:");
      await expectPageBasics(swedish.page, "sv", "survey page from sv Accept-Language");
      expect(problems).toEqual([]);
    } finally {
      await swedish.context.close();
    }

    const finnish = await newPage(browser, { size: "phone", locale: "fi-FI" });
    try {
      await finnish.page.goto(`${server.base}/s/${slug}`);
      expect(await finnish.page.textContent("h1")).toContain("LAPE-Akatemia:");
      // The offer is the first thing after the skip link and the language menu, and works with the keyboard.
      const offer = finnish.page.locator(".lang-offer a");
      expect(await offer.textContent()).toBe("På svenska");
      await offer.focus();
      await Promise.all([finnish.page.waitForURL((url) => url.searchParams.get("lang") === "sv"), finnish.page.keyboard.press("Enter")]);
      expect(await finnish.page.textContent("h1")).toContain("LAPE-Akademin:");
      await screenshot(finnish.page, "participant-day-language-sv-phone");
    } finally {
      await finnish.context.close();
    }
  });

  for (const lang of LANGS) {
    it(`${lang}: the survey page has no axe-core violations, fallbacks marked with lang`, { timeout: 90_000 }, async () => {
      const { context, page } = await newPage(browser, { size: "phone" });
      try {
        await page.goto(`${server.base}/s/${slug}?lang=${lang}`);
        await expectPageBasics(page, lang, `survey page (${lang})`);
        await expectNoAxeViolations(page, `survey page of a bilingual day (${lang})`, WCAG22_TAGS);
        // English has no title of its own on this day: the Finnish one (the main language) is marked.
        if (lang === "en") expect(await page.locator('h1 [lang="fi"]').count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  }
});

describe("staff pages with the languages of a day (Chromium)", () => {
  it("a new day in Swedish only and its own question: the pages pass axe-core in fi, sv and en", { timeout: 180_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${server.base}/login?lang=en`);
      await signInWithForm(page, agent);
      // A new day with a Swedish title only, through the form, keyboard-filled; then an own question in
      // Swedish only: the others get it in Swedish, and the day's page says so.
      await page.goto(`${server.base}/admin/events/new?lang=sv`);
      // A date ahead, so that the new day's survey is open (it closes some days after the day).
      await page.fill("#date", "2030-05-15");
      await page.fill("#titleSv", "Ledarskapsdag i Vasa");
      await page.fill("#locationSv", "Vasa");
      await Promise.all([page.waitForURL(/\/admin\/events\/\d+\?/), page.click("form[action^='/admin/events/new'] button[type=submit]")]);
      const newId = Number(/\/admin\/events\/(\d+)/.exec(page.url())![1]);
      expect(await page.textContent("h1")).toBe("Ledarskapsdag i Vasa");
      await page.goto(`${server.base}/admin/events/${newId}?lang=fi`);
      expect(await page.locator('h1 [lang="sv"]').textContent()).toBe("Ledarskapsdag i Vasa");
      await page.selectOption("#question-kind", "text");
      await page.fill("#question-sv", "Vad tar du med dig?");
      await Promise.all([page.waitForURL(/done=/), page.click("#question-sv >> xpath=ancestor::form//button[@type='submit']")]);
      for (const lang of LANGS) {
        for (const path of [`/admin/events/${newId}`, "/admin/events/new", `/admin/events/${newId}/duplicate`]) {
          await page.goto(`${server.base}${path}?lang=${lang}`);
          await expectPageBasics(page, lang, `${path} (${lang})`);
          await expectNoAxeViolations(page, `${path} (${lang})`, WCAG22_TAGS);
        }
      }
      await page.goto(`${server.base}/admin/events/${newId}?lang=en`);
      expect(await page.textContent(".fallback-note")).toContain("Not translated (Finnish, English)");
      await screenshot(page, "staff-day-languages-en");
      const detail = (await (await page.request.get(`${server.base}/api/events/${newId}`)).json()) as {
        event: { survey: { slug: string } };
      };
      for (const lang of LANGS) {
        for (const path of [`/admin/events/${eventId}`, "/admin/events/new", `/admin/events/${eventId}/duplicate`]) {
          await page.goto(`${server.base}${path}?lang=${lang}`);
          await expectPageBasics(page, lang, `${path} (${lang})`);
          await expectNoAxeViolations(page, `${path} (${lang})`, WCAG22_TAGS);
        }
      }
      const survey = await newPage(browser, { size: "phone" });
      try {
        await survey.page.goto(`${server.base}/s/${detail.event.survey.slug}?lang=fi`);
        expect(await survey.page.locator('span[lang="sv"]', { hasText: "Vad tar du med dig?" }).count()).toBe(1);
        await expectNoAxeViolations(survey.page, "survey with a Swedish-only question (fi)", WCAG22_TAGS);
      } finally {
        await survey.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
