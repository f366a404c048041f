import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { t } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { createTestUser, type TestUser } from "../helpers/accounts";
import {
  activeElementId,
  beforeAllOrFailEach,
  expectNoAxeViolations,
  expectPageBasics,
  launchChromium,
  newPage,
  screenshot,
  signInWithForm,
  startTestServer,
  tabTo,
  watchPage,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// Short codes (issue 16) in real Chromium: a participant on a phone types the poster's code, with
// the keyboard only, first wrongly; the agent's poster shows the code and the PNG QR code loads.
// axe-core (WCAG 2.1 A/AA and 2.2 AA) on every state, in fi, sv and en.

let server: TestServer;
let browser: Browser;
let agent: TestUser;
let code: string;
let slug: string;
let eventId: number;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("short-code");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  // A demo day with answers of its own (a published day's survey is closed for good), with its
  // fixed code, and an agent of its region.
  const row = (
    await client.execute(
      "SELECT s.short_code, s.slug, s.event_id, e.region_code FROM survey s JOIN event e ON e.id = s.event_id WHERE e.region_code IS NOT NULL AND e.reported_grade_mean IS NULL ORDER BY e.date DESC LIMIT 1",
    )
  ).rows[0]!;
  code = String(row.short_code);
  slug = String(row.slug);
  eventId = Number(row.event_id);
  agent = await createTestUser(createDb(client), "agent", [String(row.region_code)]);
  await client.execute({ sql: "UPDATE survey SET opens_at = NULL, closes_at = NULL WHERE slug = ?", args: [slug] });
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("typing the short code (Chromium, phone)", () => {
  for (const lang of LANGS) {
    it(`${lang}: a wrong code first, then the right one in lower case, reaches the survey`, { timeout: 90_000 }, async () => {
      const { context, page } = await newPage(browser, { size: "phone" });
      const problems = watchPage(page, { pageErrors: true });
      try {
        await page.goto(`${server.base}/code?lang=${lang}`);
        expect(await page.textContent("h1")).toBe(t(lang, "code.title"));
        await expectPageBasics(page, lang, `code page (${lang})`);
        await expectNoAxeViolations(page, `code page (${lang})`, WCAG22_TAGS);

        await tabTo(page, "#code");
        await page.keyboard.type("abc");
        await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
        await page.locator("#error-summary").waitFor();
        expect(await activeElementId(page), "focus moves to the error summary").toBe("error-summary");
        expect(await page.textContent("#code-error")).toContain(t(lang, "code.error.malformed"));
        expect(await page.inputValue("#code")).toBe("abc");
        await expectPageBasics(page, lang, `code page with an error (${lang})`);
        await expectNoAxeViolations(page, `code page with an error (${lang})`, WCAG22_TAGS);
        await screenshot(page, `participant-code-error-${lang}-phone`);

        await tabTo(page, "#code");
        await page.keyboard.press("Control+A");
        await page.keyboard.type(code.toLowerCase());
        await Promise.all([page.waitForURL((url) => url.pathname === `/s/${slug}`), page.keyboard.press("Enter")]);
        expect(new URL(page.url()).searchParams.get("lang")).toBe(lang);
        expect(await page.locator("#survey-form").count()).toBe(1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the code on the poster and the PNG QR code (Chromium)", () => {
  it("shows the code on the poster and the day's page, and the PNG is a square image", { timeout: 90_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${server.base}/login?lang=en`);
      await signInWithForm(page, agent);
      await page.goto(`${server.base}/admin/events/${eventId}/poster?lang=sv`);
      expect(await page.textContent(".poster .code")).toBe(code);
      expect(await page.textContent(".poster .short")).toBe(`${server.base}/s/${code}`);
      await expectNoAxeViolations(page, "poster with the code", WCAG22_TAGS);
      await screenshot(page, "staff-poster-code-sv");
      await page.goto(`${server.base}/admin/events/${eventId}?lang=en`);
      expect(await page.textContent(".short-code")).toBe(code);
      await expectNoAxeViolations(page, "day page with the code", WCAG22_TAGS);
      await page.goto(`${server.base}/api/events/${eventId}/qr.png`);
      const size = await page.evaluate(() => {
        const img = document.querySelector("img")!;
        return [img.naturalWidth, img.naturalHeight];
      });
      expect(size[0]).toBeGreaterThan(200);
      expect(size[1]).toBe(size[0]);
    } finally {
      await context.close();
    }
  });
});
