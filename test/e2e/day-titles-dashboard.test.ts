import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { createTestUser, type TestUser } from "../helpers/accounts";
import {
  beforeAllOrFailEach,
  launchChromium,
  newPage,
  signInWithForm,
  startTestServer,
  watchPage,
  type TestServer,
} from "../helpers/browser";

// Languages per day (issue 16 item 5) on the dashboard in real Chromium: a day without a theme is
// named by its title, which the API gives in the reader's language or else the day's main language;
// the dashboard marks a title in another language than the page with its lang, as the server's pages do.

let server: TestServer;
let browser: Browser;
let agent: TestUser;
let day: { id: number; date: string; titleSv: string };

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("day-titles-dashboard");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  // A Pohjanmaa demo day with answers, made a day written in Swedish only and without a theme.
  const row = (
    await client.execute(
      "SELECT e.id, e.date FROM event e JOIN survey s ON s.event_id = e.id WHERE e.region_code = '15' AND s.response_count > 0 ORDER BY e.date LIMIT 1",
    )
  ).rows[0]!;
  day = { id: Number(row.id), date: String(row.date), titleSv: "Endast på svenska" };
  await client.execute({
    sql: "UPDATE event SET theme_id = NULL, title = '', title_sv = ?, title_en = NULL WHERE id = ?",
    args: [day.titleSv, day.id],
  });
  agent = await createTestUser(createDb(client), "agent", ["15"]);
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the regional dashboard's days (Chromium)", () => {
  it("names a day without a theme by its Swedish-only title, marked lang=sv on a Finnish page and unmarked on a Swedish one", {
    timeout: 90_000,
  }, async () => {
    const { context, page } = await newPage(browser);
    const problems = watchPage(page, { pageErrors: true });
    try {
      await page.goto(`${server.base}/login?lang=fi`);
      await signInWithForm(page, agent);
      const view = (lang: string) => `${server.base}/?view=region&region=15&from=${day.date}&to=${day.date}&lang=${lang}`;
      await page.goto(view("fi"));
      const marked = page.locator('#table-days span[lang="sv"]');
      await marked.waitFor({ timeout: 30_000 });
      expect(await marked.textContent()).toBe(day.titleSv);
      await page.goto(view("sv"));
      await page.locator("#table-days").waitFor({ timeout: 30_000 });
      await page.locator("#results:not([aria-busy])").waitFor({ timeout: 30_000 });
      expect(await page.locator("#table-days").textContent()).toContain(day.titleSv);
      expect(await page.locator('#table-days [lang="sv"]').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
