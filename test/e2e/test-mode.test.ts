import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { t } from "../../src/domain/i18n";
import type { Lang } from "../../src/domain/lang";
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
  type ViewportName,
} from "../helpers/browser";

// Test mode (issue 16) in real Chromium, keyboard only: an agent answers a day's survey that has not
// opened yet, first with a mistake, then for real; the day's page counts the test answer apart from
// the real ones, and one button wipes it. axe-core (WCAG 2.1 A/AA and 2.2 AA) on every state.

let server: TestServer;
let agent: TestUser;
let programmeId: number;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("test-mode");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  agent = await createTestUser(createDb(client), "agent", ["16"]);
  programmeId = Number((await client.execute("SELECT id FROM programme ORDER BY id LIMIT 1")).rows[0]!.id);
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A day of region 16 whose survey opens in 2099, made through the API with the page's session. */
async function eventNotYetOpen(page: Page, title: string): Promise<{ id: number; slug: string }> {
  const created = await page.request.post(`${server.base}/api/events`, {
    data: { programmeId, regionCode: "16", date: "2026-12-10", title },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { event: { id: number } }).event;
  const scheduled = await page.request.patch(`${server.base}/api/events/${id}/survey`, {
    data: { opensAt: "2099-01-01T09:00:00+02:00", closesAt: null },
  });
  expect(scheduled.status(), await scheduled.text()).toBe(200);
  const event = (await (await page.request.get(`${server.base}/api/events/${id}`)).json()) as { event: { survey: { slug: string } } };
  return { id, slug: event.event.survey.slug };
}

async function realResponses(page: Page, id: number): Promise<number> {
  return ((await (await page.request.get(`${server.base}/api/events/${id}`)).json()) as { event: { responses: number } }).event.responses;
}

describe("test mode (Chromium)", () => {
  const runs: readonly { lang: Lang; size: ViewportName }[] = [
    { lang: "fi", size: "desktop" },
    { lang: "sv", size: "phone" },
    { lang: "en", size: "desktop" },
  ];
  for (const { lang, size } of runs) {
    const name = `${lang}, ${size}`;
    it(`${name}: answer a day that has not opened, see it counted apart, wipe it`, { timeout: 120_000 }, async () => {
      const { context, page } = await newPage(browser, { size });
      const problems = watchPage(page, { pageErrors: true });
      try {
        await page.goto(`${server.base}/login?lang=${lang}`);
        await signInWithForm(page, agent);
        const event = await eventNotYetOpen(page, `Testipäivä ${lang}`);
        const publicForm = await page.request.get(`${server.base}/s/${event.slug}?lang=${lang}`);
        expect(publicForm.status(), "participants cannot answer yet").toBe(403);

        await page.goto(`${server.base}/admin/events/${event.id}?lang=${lang}`);
        await expectNoAxeViolations(page, `day page with test mode (${name})`, WCAG22_TAGS);
        await tabTo(page, `a[href="/admin/events/${event.id}/test?lang=${lang}"]`, 80);
        await Promise.all([page.waitForURL((url) => url.pathname === `/admin/events/${event.id}/test`), page.keyboard.press("Enter")]);
        expect(await page.textContent(".test-mode")).toContain(t(lang, "testMode.banner"));
        await expectPageBasics(page, lang, `test-mode form (${name})`);
        await expectNoAxeViolations(page, `test-mode form (${name})`, WCAG22_TAGS);

        // Sent without the required grade: the error summary takes focus, the typed comment stays.
        await tabTo(page, "#q-good", 80);
        await page.keyboard.type("Testikommentti");
        await tabTo(page, "#survey-form button[type=submit]", 80);
        await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
        await page.locator("#error-summary").waitFor();
        expect(await activeElementId(page), "focus moves to the error summary").toBe("error-summary");
        expect(await page.inputValue("#q-good")).toBe("Testikommentti");
        await expectNoAxeViolations(page, `test-mode form with an error (${name})`, WCAG22_TAGS);

        // The grade with the keyboard: Tab into the group, arrows to 9, then send.
        await tabTo(page, "input[name=grade]", 80);
        for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== "9"; i++)
          await page.keyboard.press("ArrowRight");
        expect(await page.isChecked("#q-grade-9")).toBe(true);
        await tabTo(page, "#survey-form button[type=submit]", 80);
        await Promise.all([page.waitForURL(/done=testAnswerSaved/), page.keyboard.press("Enter")]);
        expect(await page.textContent("main")).toContain(t(lang, "admin.done.testAnswerSaved"));
        expect(await page.textContent("#test-count")).toBe(t(lang, "admin.test.count", { count: "1" }));
        expect(await realResponses(page, event.id), "a test answer is not a response").toBe(0);
        await expectNoAxeViolations(page, `day page with a test answer (${name})`, WCAG22_TAGS);
        await screenshot(page, `staff-test-mode-${lang}-${size}`);

        // One click (Enter) wipes it.
        await tabTo(page, `form[action="/admin/events/${event.id}/test/wipe?lang=${lang}"] button`, 120);
        await Promise.all([page.waitForURL(/done=testAnswersWiped/), page.keyboard.press("Enter")]);
        expect(await page.textContent("main")).toContain(t(lang, "admin.done.testAnswersWiped"));
        expect(await page.textContent("#test-count")).toBe(t(lang, "admin.test.count", { count: "0" }));
        await expectNoAxeViolations(page, `day page after the wipe (${name})`, WCAG22_TAGS);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
