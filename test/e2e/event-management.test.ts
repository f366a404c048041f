import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { t } from "../../src/domain/i18n";
import type { Lang } from "../../src/domain/lang";
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
  type ViewportName,
} from "../helpers/browser";

// Day management (issue 16 item 4) in real Chromium, keyboard only: an agent duplicates a day with
// its own question, cancels the copy (a participant then sees a clear message), and deletes it;
// and edits a day's own question on its own page.
// axe-core (WCAG 2.1 A/AA and 2.2 AA) on every new page and state.

let server: TestServer;
let agent: TestUser;
let programmeId: number;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("event-management");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  agent = await createTestUser(createDb(client), "agent", ["16"]);
  programmeId = Number((await client.execute("SELECT id FROM programme ORDER BY id LIMIT 1")).rows[0]!.id);
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function eventWithOwnQuestion(page: Page, title: string): Promise<number> {
  const created = await page.request.post(`${server.base}/api/events`, {
    data: { programmeId, regionCode: "16", date: "2026-12-10", title },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { event: { id: number } }).event;
  const question = await page.request.post(`${server.base}/api/events/${id}/questions`, {
    data: { kind: "text", text: { fi: "Mitä jäi mieleen?", sv: "Vad minns du?", en: "What stayed with you?" } },
  });
  expect(question.status(), await question.text()).toBe(201);
  return id;
}

async function press(page: Page, selector: string, url: RegExp) {
  await tabTo(page, selector, 150);
  await Promise.all([page.waitForURL(url), page.keyboard.press("Enter")]);
}

describe("day management (Chromium)", () => {
  const runs: readonly { lang: Lang; size: ViewportName }[] = [
    { lang: "fi", size: "desktop" },
    { lang: "sv", size: "phone" },
  ];
  for (const { lang, size } of runs) {
    const name = `${lang}, ${size}`;
    it(`${name}: duplicate a day, cancel the copy, delete it`, { timeout: 150_000 }, async () => {
      const { context, page } = await newPage(browser, { size, bypassCSP: true });
      const problems = watchPage(page, { pageErrors: true });
      try {
        await page.goto(`${server.base}/login?lang=${lang}`);
        await signInWithForm(page, agent, { keyboard: true });
        const sourceId = await eventWithOwnQuestion(page, `Lähtöpäivä ${lang}`);

        // The day's page offers day management; the duplicate form comes prefilled from the day.
        await page.goto(`${server.base}/admin/events/${sourceId}?lang=${lang}`);
        await expectNoAxeViolations(page, `day page with day management (${name})`, WCAG22_TAGS);
        await press(page, `a[href="/admin/events/${sourceId}/duplicate?lang=${lang}"]`, new RegExp(`/admin/events/${sourceId}/duplicate`));
        expect(await page.inputValue("#title")).toBe(`Lähtöpäivä ${lang}`);
        await expectPageBasics(page, lang, `duplicate page (${name})`);
        await expectNoAxeViolations(page, `duplicate page (${name})`, WCAG22_TAGS);

        // A new title, typed; then the copy.
        await tabTo(page, "#title", 80);
        await page.keyboard.press("Control+A");
        await page.keyboard.type(`Kopio ${lang}`);
        await tabTo(page, `form[action="/admin/events/${sourceId}/duplicate?lang=${lang}"] button[type=submit]`, 80);
        await Promise.all([page.waitForURL(/done=eventDuplicated/), page.keyboard.press("Enter")]);
        const copyId = Number(/\/admin\/events\/(\d+)\?/.exec(page.url())![1]);
        expect(copyId).not.toBe(sourceId);
        expect(await page.textContent("main")).toContain(t(lang, "admin.done.eventDuplicated"));
        expect(await page.textContent("h1")).toBe(`Kopio ${lang}`);
        expect(await page.textContent("main")).toContain(
          { fi: "Mitä jäi mieleen?", sv: "Vad minns du?", en: "What stayed with you?" }[lang],
        );
        await expectNoAxeViolations(page, `the copy's page (${name})`, WCAG22_TAGS);

        // Cancel the copy: labelled on its page, and the participant sees why there is no survey.
        await press(page, `form[action="/admin/events/${copyId}/cancel?lang=${lang}"] button`, /done=eventCancelled/);
        expect(await page.textContent("#cancelled-note")).toContain(t(lang, "admin.cancelled.badge"));
        await expectNoAxeViolations(page, `cancelled day's page (${name})`, WCAG22_TAGS);
        await screenshot(page, `staff-day-cancelled-${lang}-${size}`);
        const copy = (await (await page.request.get(`${server.base}/api/events/${copyId}`)).json()) as {
          event: { survey: { slug: string }; cancelledOn: string | null };
        };
        expect(copy.event.cancelledOn).not.toBeNull();
        const participant = await context.newPage();
        const answer = await participant.goto(`${server.base}/s/${copy.event.survey.slug}?lang=${lang}`);
        expect(answer!.status()).toBe(410);
        expect(await participant.textContent("h1")).toBe(t(lang, "cancelled.title"));
        await expectNoAxeViolations(participant, `cancelled survey for a participant (${name})`, WCAG22_TAGS);
        await participant.close();

        // The day list labels it.
        await page.goto(`${server.base}/admin?lang=${lang}`);
        expect(await page.textContent("main")).toContain(t(lang, "admin.cancelled.badge"));

        // Delete the copy: the confirmation page says there are no answers, Enter deletes.
        await page.goto(`${server.base}/admin/events/${copyId}?lang=${lang}`);
        await press(page, `a[href="/admin/events/${copyId}/delete?lang=${lang}"]`, new RegExp(`/admin/events/${copyId}/delete`));
        expect(await page.textContent("#delete-losses")).toBe(t(lang, "admin.delete.empty"));
        await expectPageBasics(page, lang, `delete page (${name})`);
        await expectNoAxeViolations(page, `delete page (${name})`, WCAG22_TAGS);
        await press(page, `form[action="/admin/events/${copyId}/delete?lang=${lang}"] button`, /done=eventDeleted/);
        expect(await page.textContent("main")).toContain(t(lang, "admin.done.eventDeleted"));
        expect((await page.request.get(`${server.base}/api/events/${copyId}`)).status()).toBe(404);
        await expectNoAxeViolations(page, `day list after a deletion (${name})`, WCAG22_TAGS);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("fi, desktop: edit the day's own question with the keyboard", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser, { size: "desktop", bypassCSP: true });
    const problems = watchPage(page, { pageErrors: true });
    try {
      await page.goto(`${server.base}/login?lang=fi`);
      await signInWithForm(page, agent, { keyboard: true });
      const id = await eventWithOwnQuestion(page, "Muokattava päivä");
      await page.goto(`${server.base}/admin/events/${id}?lang=fi`);
      const edit = await page.getAttribute(`a[href^="/admin/events/${id}/questions/"][href$="/edit?lang=fi"]`, "href");
      await press(page, `a[href="${edit}"]`, /\/edit\?lang=fi$/);
      expect(await page.inputValue("#question-fi")).toBe("Mitä jäi mieleen?");
      await expectPageBasics(page, "fi", "question edit page");
      await expectNoAxeViolations(page, "question edit page", WCAG22_TAGS);

      // One language is enough (issue 16 item 5), so a question with no text in any language comes
      // back with the error summary.
      for (const field of ["#question-fi", "#question-sv", "#question-en"]) {
        await tabTo(page, field, 80);
        await page.keyboard.press("Control+A");
        await page.keyboard.press("Delete");
      }
      await tabTo(page, `form[action="${edit}"] button[type=submit]`, 80);
      await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
      await page.waitForSelector("#error-summary");
      expect(await page.inputValue("#question-sv")).toBe("");
      await expectNoAxeViolations(page, "question edit page with an error", WCAG22_TAGS);

      await tabTo(page, "#question-fi", 80);
      await page.keyboard.type("Mikä jäi parhaiten mieleen?");
      await tabTo(page, `form[action="${edit}"] button[type=submit]`, 80);
      await Promise.all([page.waitForURL(/done=questionChanged/), page.keyboard.press("Enter")]);
      expect(await page.textContent("main")).toContain(t("fi", "admin.done.questionChanged"));
      expect(await page.textContent("main")).toContain("Mikä jäi parhaiten mieleen?");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
