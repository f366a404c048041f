import { and, count, eq } from "drizzle-orm";
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { Client } from "@libsql/client";
import { WEB_DIST } from "../../scripts/build-web";
import { createDb, type Db } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { answer, question, response } from "../../src/db/schema";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { t } from "../../src/domain/i18n";
import type { Lang } from "../../src/domain/lang";
import { beforeAllOrFailEach, launchChromium, startTestServer, watchPage, type TestServer } from "../helpers/browser";

// The survey page in real Chromium against the real Node server, with the network taken away and
// given back: the enhancement script must retry with the same submission id, keep every answer
// over reloads, say what is happening, and leave exactly one response in the database.
const STORAGE_KEY = `palaute.survey:/s/${DEMO_SURVEY_SLUG}`;
const WAIT_MS = 15_000;

let server: TestServer;
let base: string;
let browser: Browser;
let reader: Client;
let db: Db;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("e2e");
  base = server.base;
  reader = await openNodeDatabase({ url: server.databaseUrl });
  db = createDb(reader);
});

afterAll(async () => {
  await browser?.close();
  reader?.close();
  await server?.close();
});

/** A fresh browser profile per test (its own sessionStorage); CSP violations fail the test. */
async function open(
  lang: Lang,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; cspErrors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const cspErrors = watchPage(page);
  await page.goto(`${base}/s/${DEMO_SURVEY_SLUG}?lang=${lang}`);
  return { context, page, cspErrors };
}

async function fillIn(page: Page, comment: string): Promise<void> {
  await page.check("#q-grade-9");
  await page.check("#q-usefulness-4");
  await page.check("#q-sector-education");
  await page.fill("#q-good", comment);
}

/** Waits until the live status line shows the start of a dictionary text ({seconds} varies). */
async function statusShows(page: Page, lang: Lang, key: Parameters<typeof t>[1]): Promise<void> {
  const text = t(lang, key).split("{seconds}")[0]!.trim();
  await page.locator("#survey-status", { hasText: text }).waitFor({ timeout: WAIT_MS });
}

async function responsesWithId(id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(response).where(eq(response.id, id));
  return row!.n;
}

async function allResponses(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(response);
  return row!.n;
}

async function storedComment(id: string): Promise<string | null> {
  const [row] = await db
    .select({ text: answer.textValue })
    .from(answer)
    .innerJoin(question, eq(question.id, answer.questionId))
    .where(and(eq(answer.responseId, id), eq(question.key, "good")));
  return row?.text ?? null;
}

describe("survey page on a flaky network (Chromium)", () => {
  it("retries while offline, says so, and lands on the thank-you page with exactly one response", async () => {
    const { context, page, cspErrors } = await open("en");
    const before = await allResponses();
    await fillIn(page, "Offline and back – kiitos!");
    const id = await page.inputValue('input[name="submission_id"]');
    let failedPosts = 0;
    page.on("requestfailed", (request) => {
      if (request.method() === "POST") failedPosts += 1;
    });

    await context.setOffline(true);
    await page.click('button[type="submit"]');
    await statusShows(page, "en", "survey.status.offline");
    const deadline = Date.now() + WAIT_MS;
    while (failedPosts < 2 && Date.now() < deadline) await page.waitForTimeout(100);
    expect(failedPosts, "the script retried while offline").toBeGreaterThanOrEqual(2);
    expect(await page.locator("#survey-status").getAttribute("role")).toBe("status");
    expect(await page.locator("#survey-status").getAttribute("aria-live")).toBe("polite");
    expect(await page.inputValue("#q-good"), "the page keeps what was typed").toBe("Offline and back – kiitos!");
    expect(await page.isChecked("#q-grade-9")).toBe(true);
    const saved = JSON.parse((await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)) ?? "null");
    expect(saved, "answers and id are in sessionStorage").toMatchObject({
      id,
      answers: { grade: "9", good: "Offline and back – kiitos!" },
    });
    expect(await responsesWithId(id), "nothing reached the server while offline").toBe(0);

    await context.setOffline(false);
    await page.waitForURL(`${base}/s/${DEMO_SURVEY_SLUG}/thanks?lang=en`, { timeout: WAIT_MS });
    expect(await page.textContent("h1")).toBe(t("en", "thanks.title"));
    expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY), "cleared after success").toBeNull();
    expect(await responsesWithId(id)).toBe(1);
    expect(await allResponses()).toBe(before + 1);
    expect(await storedComment(id)).toBe("Offline and back – kiitos!");
    expect(cspErrors).toEqual([]);
    await context.close();
  }, 60_000);

  it("does not double a response whose reply was lost after the server stored it", async () => {
    const { context, page, cspErrors } = await open("sv");
    const before = await allResponses();
    await fillIn(page, "Svaret kom fram men kvittot försvann.");
    const id = await page.inputValue('input[name="submission_id"]');
    const statuses: number[] = [];
    let dropped = false;
    await page.route(`**/s/${DEMO_SURVEY_SLUG}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const reply = await route.fetch();
      statuses.push(reply.status());
      if (dropped) return route.fulfill({ response: reply });
      // The server has stored it; the phone never hears back (the venue wifi dropped).
      dropped = true;
      return route.abort("connectionreset");
    });

    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/s/${DEMO_SURVEY_SLUG}/thanks?lang=sv`, { timeout: WAIT_MS });
    expect(statuses, "first stored (201), the retry with the same id answered as a repeat (200)").toEqual([201, 200]);
    expect(await responsesWithId(id)).toBe(1);
    expect(await allResponses()).toBe(before + 1);
    expect(cspErrors).toEqual([]);
    await context.close();
  }, 60_000);

  it("keeps answers and the submission id over a reload and a language switch mid-way", async () => {
    const { context, page, cspErrors } = await open("fi");
    const before = await allResponses();
    await fillIn(page, "Sivu ladattiin uudelleen kesken kaiken.");
    const id = await page.inputValue('input[name="submission_id"]');
    // Posts fail, pages still load: a network that lets the reload through but not the answers.
    await page.route(`**/s/${DEMO_SURVEY_SLUG}`, (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.click('button[type="submit"]');
    await statusShows(page, "fi", "survey.status.offline");

    await page.reload();
    await statusShows(page, "fi", "survey.status.restored");
    expect(await page.inputValue('input[name="submission_id"]'), "the same submission after a reload").toBe(id);
    expect(await page.inputValue("#q-good")).toBe("Sivu ladattiin uudelleen kesken kaiken.");
    expect(await page.isChecked("#q-grade-9")).toBe(true);
    expect(await page.isChecked("#q-usefulness-4")).toBe(true);
    expect(await page.isChecked("#q-sector-education")).toBe(true);

    await page.click('a[hreflang="sv"]');
    await page.waitForURL(/lang=sv/);
    expect(await page.inputValue('input[name="submission_id"]'), "the same submission in another language").toBe(id);
    expect(await page.inputValue("#q-good")).toBe("Sivu ladattiin uudelleen kesken kaiken.");
    expect(await page.isChecked("#q-grade-9")).toBe(true);

    await page.unroute(`**/s/${DEMO_SURVEY_SLUG}`);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/s/${DEMO_SURVEY_SLUG}/thanks?lang=sv`, { timeout: WAIT_MS });
    expect(await responsesWithId(id)).toBe(1);
    expect(await allResponses()).toBe(before + 1);
    expect(cspErrors).toEqual([]);
    await context.close();
  }, 60_000);

  it("falls back to the server's accessible error page with every answer kept", async () => {
    const { context, page, cspErrors } = await open("en");
    await page.fill("#q-good", "No grade given yet.");
    const id = await page.inputValue('input[name="submission_id"]');
    const posts: string[] = [];
    page.on("response", (res) => {
      if (res.request().method() === "POST") posts.push(`${res.request().headers()["content-type"]} ${res.status()}`);
    });
    await page.click('button[type="submit"]');
    await page.locator("#error-summary").waitFor({ timeout: WAIT_MS });
    expect(posts, "tried in the background first, then let the server render the errors").toEqual([
      "application/json 422",
      "application/x-www-form-urlencoded 422",
    ]);
    expect(await page.textContent("#error-summary")).toContain(t("en", "errors.required"));
    expect(await page.inputValue("#q-good")).toBe("No grade given yet.");
    expect(await page.inputValue('input[name="submission_id"]')).toBe(id);
    expect(await page.textContent("#survey-status"), "no restore notice over the error summary").toBe("");

    await page.check("#q-grade-7");
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/thanks\?lang=en$/, { timeout: WAIT_MS });
    expect(await responsesWithId(id)).toBe(1);
    expect(cspErrors).toEqual([]);
    await context.close();
  }, 60_000);

  it("retries a server error and shows a refusal (survey closed) in the page's language", async () => {
    const { context, page, cspErrors } = await open("sv");
    await fillIn(page, "Stängd medan jag skrev.");
    const id = await page.inputValue('input[name="submission_id"]');
    const replies = [
      { status: 503, json: { error: { code: "internal", message: t("sv", "http.internal"), requestId: "e2e" } } },
      { status: 410, json: { error: { code: "gone", message: t("sv", "http.gone"), requestId: "e2e" } } },
    ];
    let posts = 0;
    await page.route(`**/s/${DEMO_SURVEY_SLUG}`, (route) =>
      route.request().method() === "POST" ? route.fulfill(replies[Math.min(posts++, replies.length - 1)]!) : route.continue(),
    );
    await page.click('button[type="submit"]');
    await statusShows(page, "sv", "survey.status.serverError");
    await page.locator("#survey-status.error", { hasText: t("sv", "http.gone") }).waitFor({ timeout: WAIT_MS });
    await page.waitForTimeout(1_500);
    expect(posts, "a refusal is not retried").toBe(2);
    expect(await page.inputValue("#q-good"), "still on the page").toBe("Stängd medan jag skrev.");
    expect(await responsesWithId(id)).toBe(0);
    expect(cspErrors).toEqual([]);
    await context.close();
  }, 60_000);

  it("works with JavaScript off: a plain form post and the thank-you page", async () => {
    const { context, page } = await open("fi", { javaScriptEnabled: false });
    const before = await allResponses();
    await fillIn(page, "Ilman JavaScriptiä.");
    const id = await page.inputValue('input[name="submission_id"]');
    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/s/${DEMO_SURVEY_SLUG}/thanks?lang=fi`, { timeout: WAIT_MS });
    expect(await page.textContent("h1")).toBe(t("fi", "thanks.title"));
    expect(await responsesWithId(id)).toBe(1);
    expect(await allResponses()).toBe(before + 1);
    await context.close();
  }, 60_000);

  it("ships a small script", () => {
    const size = statSync(join(WEB_DIST, "assets", "survey.js")).size;
    expect(size, `${size} bytes`).toBeLessThan(6 * 1024);
  });
});
