import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { t } from "../../src/domain/i18n";
import {
  activeElementId,
  beforeAllOrFailEach,
  expectNoAxeViolations,
  expectPageBasics,
  launchChromium,
  newPage,
  signInWithForm,
  startTestServer,
  tabTo,
  WCAG22_TAGS,
  type TestServer,
} from "../helpers/browser";

// The comment explorer in Chromium against the real Node server with the demo data: reached from
// the staff menu, a stemmed search, tagging a comment with categories — all with the keyboard only —
// and axe-core in fi, sv and en.

const national = DEMO_USERS.find((u) => u.role === "national")!;
let server: TestServer;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("comment-explorer");
  const login = await fetch(`${server.base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.base },
    body: JSON.stringify({ email: national.email, password: national.password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  for (const name of [
    { fi: "Käytännöt", sv: "Praxis", en: "Practice" },
    { fi: "Aikataulu", sv: "Tidtabell", en: "Schedule" },
  ]) {
    const res = await fetch(`${server.base}/api/comment-categories`, {
      method: "POST",
      headers: { cookie, origin: server.base, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    expect(res.status, await res.text()).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the comment explorer (Chromium)", () => {
  it("searches inflected forms and tags a comment, with the keyboard only", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${server.base}/admin?lang=fi`);
      await signInWithForm(page, national, { keyboard: true });
      // From the staff menu.
      await tabTo(page, 'nav a[href^="/admin/comments"]', 60);
      await Promise.all([page.waitForURL((url) => url.pathname === "/admin/comments"), page.keyboard.press("Enter")]);
      await tabTo(page, "#explorer-q", 60);
      await page.keyboard.type("esimerkki");
      await Promise.all([page.waitForURL((url) => url.searchParams.get("q") === "esimerkki"), page.keyboard.press("Enter")]);
      const items = page.locator(".explorer-comments > li blockquote");
      const texts = await items.allInnerTexts();
      expect(texts.length, "the inflected form 'esimerkit' is found").toBeGreaterThanOrEqual(5);
      expect(
        texts.every((text) => /esimerkit/i.test(text)),
        texts.join(" | "),
      ).toBe(true);

      // Tag the first comment with both categories: Tab to its first checkbox, Space, Tab, Space, Tab to save, Enter.
      await tabTo(page, ".explorer-tags input[type=checkbox]", 80);
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
      await Promise.all([page.waitForURL((url) => url.searchParams.get("done") === "commentTagged"), page.keyboard.press("Enter")]);
      expect(await page.locator("p.ok[role=status]").innerText()).toBe(t("fi", "admin.done.commentTagged"));
      expect(new URL(page.url()).searchParams.get("q"), "back to the same selection").toBe("esimerkki");
      const first = page.locator(".explorer-comments > li").first();
      expect(await first.locator("p.hint").innerText()).toContain(`${t("fi", "explorer.categories")}: Käytännöt, Aikataulu`);
      expect(await first.locator("input[type=checkbox]:checked").count()).toBe(2);
      expect(await activeElementId(page)).not.toBe("explorer-q");
    } finally {
      await context.close();
    }
  });

  for (const lang of ["fi", "sv", "en"] as const) {
    it(`passes axe-core with terms, a contrast and categories (${lang})`, { timeout: 90_000 }, async () => {
      const { context, page } = await newPage(browser);
      try {
        await page.goto(`${server.base}/admin/comments?lang=${lang}&compare=grade`);
        await signInWithForm(page, national);
        await page.waitForURL((url) => url.pathname === "/admin/comments");
        expect(await page.locator("h1").innerText()).toBe(t(lang, "explorer.title"));
        expect(await page.locator("#explorer-terms + table, section[aria-labelledby=explorer-terms] table").count()).toBe(1);
        expect(await page.locator("section[aria-labelledby=explorer-contrast]").count()).toBe(1);
        await expectPageBasics(page, lang, `explorer (${lang})`);
        await expectNoAxeViolations(page, `the comment explorer (${lang})`, WCAG22_TAGS);
      } finally {
        await context.close();
      }
    });
  }
});
