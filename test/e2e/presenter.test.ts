import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { t } from "../../src/domain/i18n";
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
  tabTo,
  watchPage,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// Issue 16's journey in real Chromium: an agent creates a day, answers it in test mode, wipes the
// test answers, opens it, watches the presenter view update while a participant (a second page)
// answers, makes a display link, duplicates the day and opens the poster with the short code; a
// participant types the short code on a phone; the survey gets a readable address. Keyboard where
// it matters (the links and buttons of the journey); axe-core (WCAG 2.1 A/AA, 2.2 AA) on the
// presenter view in fi/sv/en, staff and display link alike.

let server: TestServer;
let agent: TestUser;
let programmeId: number;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("presenter");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  agent = await createTestUser(createDb(client), "agent", ["16"]);
  programmeId = Number((await client.execute("SELECT id FROM programme ORDER BY id LIMIT 1")).rows[0]!.id);
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function press(page: Page, selector: string, url: RegExp) {
  await tabTo(page, selector, 200);
  await Promise.all([page.waitForURL(url), page.keyboard.press("Enter")]);
}

async function answerAsParticipant(page: Page, slug: string, grade: number, usefulness: number) {
  const res = await page.request.post(`${server.base}/s/${slug}`, {
    data: { submission_id: crypto.randomUUID(), lang: "fi", answers: { grade, usefulness, good: "Ei näy näytöllä" } },
  });
  expect(res.status(), await res.text()).toBe(201);
}

describe("the live presenter view (Chromium)", () => {
  it("an agent's day from creation to the presenter view, the poster and a participant's short code", { timeout: 300_000 }, async () => {
    const { context, page } = await newPage(browser, { size: "desktop" });
    const problems = watchPage(page, { pageErrors: true });
    const phone = await newPage(browser, { size: "phone" });
    const screen = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
    // The pages run under their real CSP (inline styles by hash, the script from /assets): a violation fails the test.
    const screenProblems = watchPage(screen.page, { pageErrors: true });
    try {
      await page.goto(`${server.base}/login?lang=fi`);
      await signInWithForm(page, agent, { keyboard: true });

      // A new day, through the form.
      const date = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await page.goto(`${server.base}/admin/events/new?lang=fi`);
      await page.selectOption("#region", "16");
      await page.fill("#date", date);
      await page.selectOption("#programme", String(programmeId));
      await page.fill("#title", "Esitysnäkymän päivä");
      await page.fill("#attendance", "30");
      await press(page, 'form[action="/admin/events/new?lang=fi"] button[type=submit]', /done=eventCreated/);
      const id = Number(/\/admin\/events\/(\d+)\?/.exec(page.url())![1]);
      const { survey } = (
        (await (await page.request.get(`${server.base}/api/events/${id}`)).json()) as {
          event: { survey: { slug: string; shortCode: string } };
        }
      ).event;

      // Test mode: one answer, counted apart, wiped with one button.
      await press(page, `a[href="/admin/events/${id}/test?lang=fi"]`, new RegExp(`/admin/events/${id}/test`));
      await page.check("#q-grade-9");
      await press(page, "#survey-form button[type=submit]", /done=testAnswerSaved/);
      expect(await page.textContent("#test-count")).toBe(t("fi", "admin.test.count", { count: "1" }));
      await press(page, `form[action="/admin/events/${id}/test/wipe?lang=fi"] button`, /done=testAnswersWiped/);
      expect(await page.textContent("#test-count")).toBe(t("fi", "admin.test.count", { count: "0" }));

      // Open the survey if it is not open yet (a new day's survey opens at once).
      if ((await page.locator(`form[action="/admin/events/${id}/survey/open?lang=fi"]`).count()) > 0) {
        await press(page, `form[action="/admin/events/${id}/survey/open?lang=fi"] button`, /done=surveyOpened/);
      }

      // The presenter view, from the day's page.
      await press(page, `a[href="/admin/events/${id}/live?lang=fi"]`, new RegExp(`/admin/events/${id}/live`));
      expect(await page.textContent("#live-responses")).toBe("0");
      expect(await page.isVisible("#live-of")).toBe(true);
      expect(await page.textContent('[data-figure="grade"] .waiting')).toBe(t("fi", "live.waiting", { k: 5 }));
      await expectPageBasics(page, "fi", "presenter view, no answers");
      await expectNoAxeViolations(page, "presenter view, no answers (fi)", WCAG22_TAGS);

      // A participant on a phone answers by the short code; the view follows within a few seconds.
      await phone.page.goto(`${server.base}/s/${survey.shortCode.toLowerCase()}?lang=fi`);
      await phone.page.check("#q-grade-8");
      await Promise.all([phone.page.waitForURL(/\/thanks/), phone.page.click("#survey-form button[type=submit]")]);
      const started = Date.now();
      await page.waitForFunction(() => document.getElementById("live-responses")?.textContent === "1", undefined, { timeout: 10_000 });
      expect(Date.now() - started, "the count follows within a few seconds").toBeLessThan(8_000);
      await page.waitForFunction(() => (document.getElementById("live-announcement")?.textContent ?? "") !== "", undefined, {
        timeout: 5_000,
      });
      expect(await page.textContent("#live-announcement")).toBe(t("fi", "live.announceOf", { count: "1", attendance: "30" }));
      expect(await page.isVisible('[data-figure="grade"] .figures')).toBe(false);

      // Four more: five answers, and the grade appears (8, 9, 10, 7, 6 → mean 8,0).
      for (const [grade, usefulness] of [
        [9, 4],
        [10, 5],
        [7, 3],
        [6, 4],
      ] as const)
        await answerAsParticipant(phone.page, survey.slug, grade, usefulness);
      await page.waitForFunction(() => document.getElementById("live-responses")?.textContent === "5", undefined, { timeout: 10_000 });
      await page.locator('[data-figure="grade"] .figures').waitFor({ state: "visible", timeout: 5_000 });
      expect(await page.textContent('[data-figure="grade"] .mean')).toBe("8,0");
      expect(await page.textContent('[data-figure="grade"] tr[data-value="10"] .n')).toBe("1");
      expect(await page.textContent("#live-rate")).toBe(t("fi", "live.rate", { percent: 17 }));
      expect(await page.textContent("main")).not.toContain("Ei näy näytöllä");
      await expectNoAxeViolations(page, "presenter view with figures (fi)", WCAG22_TAGS);
      await screenshot(page, "presenter-staff-fi-desktop");

      // A display link for the projector's computer: shown once, opens without signing in.
      await page.goto(`${server.base}/admin/events/${id}?lang=fi`);
      await press(page, `form[action="/admin/events/${id}/display?lang=fi"] button`, new RegExp(`/admin/events/${id}/display`));
      const displayUrl = await page.inputValue("#display-link");
      expect(displayUrl).toMatch(/\/live\/[A-Za-z0-9_-]{43}\?lang=fi$/);
      await expectNoAxeViolations(page, "display link page (fi)", WCAG22_TAGS);
      for (const lang of LANGS) {
        await screen.page.goto(displayUrl.replace(/lang=fi$/, `lang=${lang}`));
        expect(await screen.page.textContent("#live-responses")).toBe("5");
        expect(await screen.page.textContent("#live-count-heading")).toContain(t(lang, "live.responsesOfAttendance"));
        await expectPageBasics(screen.page, lang, `display link (${lang})`);
        await expectNoAxeViolations(screen.page, `display link at 1920×1080 (${lang})`, WCAG22_TAGS);
      }
      // Readable from the back: the counter is at least 120 px tall on a 1920×1080 projector.
      const counterHeight = await screen.page.locator(".counter").evaluate((el) => el.getBoundingClientRect().height);
      expect(counterHeight).toBeGreaterThan(120);
      await screenshot(screen.page, "presenter-display-en-1920");
      // The staff view in Swedish and English passes too.
      for (const lang of ["sv", "en"] as const) {
        await page.goto(`${server.base}/admin/events/${id}/live?lang=${lang}`);
        await expectNoAxeViolations(page, `presenter view (${lang})`, WCAG22_TAGS);
      }
      // Revoked: the open display says so at its next poll.
      await page.goto(`${server.base}/admin/events/${id}?lang=fi`);
      await press(page, `form[action="/admin/events/${id}/display/revoke?lang=fi"] button`, /done=displayRevoked/);
      await screen.page.waitForFunction(() => (document.getElementById("live-status")?.textContent ?? "") !== "", undefined, {
        timeout: 10_000,
      });
      expect(await screen.page.textContent("#live-status")).toBe(t("en", "live.gone"));

      // A readable address, typed.
      await tabTo(page, "#readable-slug", 200);
      await page.keyboard.type("esitys-kokkola");
      await Promise.all([page.waitForURL(/done=slugSaved/), page.keyboard.press("Enter")]);
      expect(await page.textContent("#slug-current")).toContain("/s/esitys-kokkola");
      await expectNoAxeViolations(page, "day page with a readable address (fi)", WCAG22_TAGS);
      await phone.page.goto(`${server.base}/s/esitys-kokkola?lang=sv`);
      expect(new URL(phone.page.url()).pathname).toBe(`/s/${survey.slug}`);

      // Duplicate the day, then the poster with the short code.
      await press(page, `a[href="/admin/events/${id}/duplicate?lang=fi"]`, new RegExp(`/admin/events/${id}/duplicate`));
      await press(page, `form[action="/admin/events/${id}/duplicate?lang=fi"] button[type=submit]`, /done=eventDuplicated/);
      expect(Number(/\/admin\/events\/(\d+)\?/.exec(page.url())![1])).not.toBe(id);
      await page.goto(`${server.base}/admin/events/${id}/poster?lang=fi`);
      expect(await page.textContent("main")).toContain(survey.shortCode);

      // A participant types the short code on a phone, in lower case.
      await phone.page.goto(`${server.base}/code?lang=fi`);
      await tabTo(phone.page, "#code");
      await phone.page.keyboard.type(survey.shortCode.toLowerCase());
      await Promise.all([phone.page.waitForURL(new RegExp(`/s/${survey.slug}`)), phone.page.keyboard.press("Enter")]);
      expect(await phone.page.isVisible("#survey-form")).toBe(true);
      expect(problems).toEqual([]);
      expect(screenProblems).toEqual([]);
    } finally {
      await context.close();
      await phone.context.close();
      await screen.context.close();
    }
  });
});
