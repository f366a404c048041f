import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { t, tCount } from "../../src/domain/i18n";
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

// The staff day list (issue 16 item 6) in real Chromium with the demo data, keyboard only: the
// national team sorts the whole list, pages forward, comes back with the browser's back button,
// and searches by place. axe-core (WCAG 2.1 A/AA and 2.2 AA) on every state, in fi, sv and en.

let server: TestServer;
let browser: Browser;
let national: TestUser;
let total: number;
let place: string;
let placeCount: number;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("day-list");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  total = Number((await client.execute("SELECT count(*) AS n FROM event")).rows[0]!.n);
  // The demo's most used place, searched in lower case; the expected count is counted here apart.
  const top = (
    await client.execute(
      "SELECT location, count(*) AS n FROM event WHERE location IS NOT NULL GROUP BY location ORDER BY n DESC, location LIMIT 1",
    )
  ).rows[0]!;
  place = String(top.location);
  const rows = (await client.execute("SELECT title, location FROM event")).rows;
  const needle = place.toLowerCase();
  placeCount = rows.filter(
    (r) => `${r.title}`.toLowerCase().includes(needle) || `${r.location ?? ""}`.toLowerCase().includes(needle),
  ).length;
  national = await createTestUser(createDb(client), "national");
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function check(page: Page, lang: (typeof LANGS)[number], label: string) {
  await expectPageBasics(page, lang, label);
  await expectNoAxeViolations(page, label, WCAG22_TAGS);
}

const found = (page: Page) => page.textContent("#days-found");

describe("the day list with the keyboard (Chromium)", () => {
  it("the demo has more days than one page holds", () => {
    expect(total).toBeGreaterThan(25);
  });

  for (const lang of LANGS) {
    it(`${lang}: sort, next page, back, search by place`, { timeout: 120_000 }, async () => {
      const { context, page } = await newPage(browser);
      const problems = watchPage(page, { pageErrors: true });
      try {
        await page.goto(`${server.base}/admin?lang=${lang}`);
        await signInWithForm(page, national, { keyboard: true });
        await page.goto(`${server.base}/admin?lang=${lang}`);
        expect(await found(page)).toBe(tCount(lang, "admin.days.found", total));
        expect(await page.locator("tbody tr").count()).toBe(25);
        await check(page, lang, `day list (${lang})`);

        // Oldest first: the sort select changes with the arrow key, the button sends the form.
        await tabTo(page, "#filter-sort", 80);
        await page.keyboard.press("ArrowDown");
        expect(await page.inputValue("#filter-sort")).toBe("date_asc");
        await tabTo(page, ".list-filters button[type=submit]", 10);
        await Promise.all([page.waitForURL(/sort=date_asc/), page.keyboard.press("Enter")]);
        const dates = await page.locator("tbody time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
        expect(dates).toEqual([...dates].sort());
        expect(await page.textContent("caption")).toContain(t(lang, "admin.days.sort.date_asc"));

        // The next page keeps the sort; the back button returns to the first page.
        await tabTo(page, "a[rel=next]", 150);
        await Promise.all([page.waitForURL(/page=2/), page.keyboard.press("Enter")]);
        expect(new URL(page.url()).searchParams.get("sort")).toBe("date_asc");
        expect(await page.textContent("main")).toContain(t(lang, "admin.days.showing", { first: 26, last: Math.min(50, total), total }));
        const secondFirst = await page.locator("tbody time").first().getAttribute("datetime");
        expect(secondFirst! >= dates.at(-1)!).toBe(true);
        await check(page, lang, `day list page 2 (${lang})`);
        await screenshot(page, `day-list-page-2-${lang}`);
        await page.goBack();
        expect(new URL(page.url()).searchParams.get("page")).toBeNull();
        expect(await page.inputValue("#filter-sort")).toBe("date_asc");

        // A search by place in lower case: Enter in the field sends the form.
        // (Back restores the page from history: wait until it is there before tabbing into it; the
        // form sends an empty q= too, so wait for the typed term in the address, not just "q=".)
        await page.waitForLoadState("load");
        await tabTo(page, "#filter-q", 80);
        await page.keyboard.type(place.toLowerCase());
        expect(await page.inputValue("#filter-q")).toBe(place.toLowerCase());
        const term = new URLSearchParams({ q: place.toLowerCase() }).toString();
        await Promise.all([page.waitForURL((url) => url.search.includes(term)), page.keyboard.press("Enter")]);
        expect(await found(page)).toBe(tCount(lang, "admin.days.found", placeCount));
        expect(await page.inputValue("#filter-q")).toBe(place.toLowerCase());
        await check(page, lang, `day list searched (${lang})`);

        // A wrong value in the address: the list still opens, the note names it.
        await page.goto(`${server.base}/admin?lang=${lang}&state=gone`);
        expect(await page.textContent("#error-summary")).toContain(t(lang, "admin.days.state"));
        await check(page, lang, `day list with a wrong value (${lang})`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
