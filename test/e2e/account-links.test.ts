import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { t } from "../../src/domain/i18n";
import type { Lang } from "../../src/domain/lang";
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

// Handing over an account with a one-time link (issue 16 item 7) in real Chromium, keyboard only:
// the national team invites a new person on the users page and copies the link (shown once); the
// person opens it in a browser of their own (a second context: no shared cookies), makes a mistake,
// then sets a password, lands signed in and uses the dashboard; the link then no longer works.
// axe-core (WCAG 2.1 A/AA and 2.2 AA) on every new page and state, in Finnish, Swedish and English.

const [NATIONAL, AGENT] = DEMO_USERS;
let server: TestServer;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("account-links");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types into the field after focusing it with Tab. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector, 80);
  await page.keyboard.type(text);
}

describe("one-time invitation links (Chromium)", () => {
  const runs: readonly { lang: Lang; password: string }[] = [
    { lang: "fi", password: "kolme iloista kirahvia" },
    { lang: "sv", password: "tre glada giraffer i rad" },
    { lang: "en", password: "three cheerful giraffes" },
  ];
  for (const { lang, password } of runs) {
    it(`${lang}: invite, copy the link, set a password in another browser, land signed in, use the dashboard`, {
      timeout: 120_000,
    }, async () => {
      const email = `kutsuttu.${lang}@kunta.fi`;
      const staff = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
      const staffProblems = watchPage(staff.page, { pageErrors: true });
      const invitee = await newPage(browser, { size: "phone" });
      const inviteeProblems = watchPage(invitee.page, { pageErrors: true });
      try {
        // The national team, keyboard only: sign in, fill in the new-user form without a password.
        const page = staff.page;
        await page.goto(`${server.base}/admin/users?lang=${lang}`);
        await page.waitForURL((url) => url.pathname === "/login");
        await signInWithForm(page, NATIONAL!, { keyboard: true });
        await typeInto(page, "#new-name", `Kutsuttu ${lang}`);
        await typeInto(page, "#new-email", email);
        await tabTo(page, "#new-region-16", 80);
        await page.keyboard.press("Space");
        expect(await page.isChecked("#new-region-16")).toBe(true);
        await tabTo(page, "#new-password", 80);
        await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
        await page.locator("#account-link").waitFor();
        expect(await page.textContent("h1")).toBe(t(lang, "admin.link.title.invitation", { name: `Kutsuttu ${lang}` }));
        expect(await page.textContent("main")).toContain(t(lang, "admin.link.once", { expires: "" }).slice(0, 20));
        await expectPageBasics(page, lang, `link page (${lang})`);
        await expectNoAxeViolations(page, `link page (${lang})`, WCAG22_TAGS);

        // The copy button appears with JavaScript, works with Enter and says so.
        await tabTo(page, "#copy-link", 80);
        await page.keyboard.press("Enter");
        await page.locator("#copy-status", { hasText: t(lang, "admin.link.copied") }).waitFor();
        const link = await page.inputValue("#account-link");
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
        expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
        await expectNoAxeViolations(page, `link page, copied (${lang})`, WCAG22_TAGS);
        await screenshot(page, `account-link-${lang}`);

        // The new person, in a browser of their own: a weak password first.
        const other = invitee.page;
        await other.goto(`${link}?lang=${lang}`);
        expect(await other.textContent("h1")).toBe(t(lang, "setPassword.title.invitation"));
        expect(await other.textContent("main")).toContain(email);
        await expectPageBasics(other, lang, `set password (${lang})`);
        await expectNoAxeViolations(other, `set password (${lang})`, WCAG22_TAGS);
        await typeInto(other, "#new-password", "lyhyt");
        await other.keyboard.press("Tab");
        expect(await activeElementId(other)).toBe("repeat-password");
        await other.keyboard.type("lyhyt");
        await Promise.all([other.waitForLoadState("load"), other.keyboard.press("Enter")]);
        await other.locator("#error-summary").waitFor();
        expect(await activeElementId(other), "focus moves to the error summary").toBe("error-summary");
        expect(await other.textContent("#error-summary")).toContain(t(lang, "password.problem.too_short"));
        expect(await other.inputValue("#new-password"), "a typed password is never sent back").toBe("");
        await expectNoAxeViolations(other, `set password with an error (${lang})`, WCAG22_TAGS);
        await screenshot(other, `set-password-error-${lang}`);

        // The real password: signed in, on the staff pages; the dashboard works.
        await typeInto(other, "#new-password", password);
        await other.keyboard.press("Tab");
        await other.keyboard.type(password);
        await Promise.all([other.waitForURL((url) => url.pathname === "/admin"), other.keyboard.press("Enter")]);
        await other.waitForLoadState("load");
        const dashboardLink = `nav.staff a[href="/?lang=${lang}"]`;
        await tabTo(other, dashboardLink, 80);
        await Promise.all([other.waitForURL((url) => url.pathname === "/"), other.keyboard.press("Enter")]);
        await other.locator("#results:not([aria-busy])").waitFor({ timeout: 20_000 });
        expect(await other.locator("#results [role=alert]").count(), "the dashboard shows figures, not an error").toBe(0);
        const me = await other.evaluate(async () => (await fetch("/api/me")).json());
        expect(me.user.email).toBe(email);

        // The link is spent: the same page in any browser now says so, and tells nothing more.
        const again = await newPage(browser);
        try {
          const res = await again.page.goto(`${link}?lang=${lang}`);
          expect(res?.status()).toBe(410);
          expect(await again.page.textContent("h1")).toBe(t(lang, "setPassword.invalidTitle"));
          expect(await again.page.textContent("main")).not.toContain(email);
          await expectPageBasics(again.page, lang, `dead link (${lang})`);
          await expectNoAxeViolations(again.page, `dead link (${lang})`, WCAG22_TAGS);
        } finally {
          await again.context.close();
        }
        expect(staffProblems).toEqual([]);
        expect(inviteeProblems).toEqual([]);
      } finally {
        await staff.context.close();
        await invitee.context.close();
      }
    });
  }

  it("the user page's link button works with the keyboard and its page passes axe-core", { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${server.base}/admin/users?lang=sv`);
      await page.waitForURL((url) => url.pathname === "/login");
      await signInWithForm(page, NATIONAL!);
      await page.click(`tr:has-text("${AGENT!.email}") a`);
      await page.waitForLoadState("load");
      await expectNoAxeViolations(page, "user page with the link button (sv)", WCAG22_TAGS);
      await tabTo(page, `form[action$="/password-link?lang=sv"] button`, 120);
      await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
      await page.locator("#account-link").waitFor();
      expect(await page.textContent("h1")).toMatch(new RegExp(`^${t("sv", "admin.link.title.reset", { name: "" })}`));
      await expectNoAxeViolations(page, "reset link page (sv)", WCAG22_TAGS);
    } finally {
      await context.close();
    }
  });
});
