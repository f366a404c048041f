import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
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
  type TestServer,
  type ViewportName,
} from "../helpers/browser";
import { createTestUser, type TestUser } from "../helpers/accounts";

// Changing one's own password (issue 15) in real Chromium: reached from the staff menu, filled in
// with the keyboard only, first with mistakes (the error summary takes focus and says what is
// wrong), then for real; axe-core on every state, in Finnish, Swedish and English.

let server: TestServer;
/** One account per run, so the runs do not depend on each other's password. */
const people: TestUser[] = [];
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("own-password");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  for (let i = 0; i < 3; i++) people.push(await createTestUser(createDb(client), "agent", ["16"]));
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("changing one's own password (Chromium)", () => {
  const runs: readonly { lang: Lang; size: ViewportName; newPassword: string }[] = [
    { lang: "fi", size: "desktop", newPassword: "kolme iloista kirahvia" },
    { lang: "sv", size: "phone", newPassword: "tre glada giraffer i rad" },
    { lang: "en", size: "desktop", newPassword: "three cheerful giraffes" },
  ];
  runs.forEach(({ lang, size, newPassword }, run) => {
    const name = `${lang}, ${size}`;
    it(`${name}: from the menu, with the keyboard, a mistake first, then the change`, { timeout: 90_000 }, async () => {
      const { context, page } = await newPage(browser, { size });
      const problems = watchPage(page, { pageErrors: true });
      const person = people[run]!;
      const current = person.password;
      try {
        await page.goto(`${server.base}/admin/password?lang=${lang}`);
        await page.waitForURL((url) => url.pathname === "/login");
        await signInWithForm(page, person);
        expect(new URL(page.url()).pathname, "back on the page asked for").toBe("/admin/password");
        expect(await page.textContent("h1")).toBe(t(lang, "password.change.title"));
        expect(await page.locator(`nav.staff a[href="/admin/password?lang=${lang}"]`).count(), "in the staff menu").toBe(1);
        await expectPageBasics(page, lang, `own password (${name})`);
        await expectNoAxeViolations(page, `own password (${name})`);

        // A weak new password, typed with the keyboard.
        await tabTo(page, "#current-password");
        await page.keyboard.type(current);
        await page.keyboard.press("Tab");
        expect(await activeElementId(page)).toBe("new-password");
        await page.keyboard.type("a".repeat(12));
        await page.keyboard.press("Tab");
        expect(await activeElementId(page)).toBe("repeat-password");
        await page.keyboard.type("a".repeat(12));
        await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
        await page.locator("#error-summary").waitFor();
        expect(await activeElementId(page), "focus moves to the error summary").toBe("error-summary");
        expect(await page.textContent("#error-summary")).toContain(t(lang, "password.problem.repeated"));
        expect(await page.inputValue("#new-password"), "a typed password is never sent back").toBe("");
        await expectNoAxeViolations(page, `own password with an error (${name})`);

        // The real change.
        await page.fill("#current-password", current);
        await page.fill("#new-password", newPassword);
        await page.fill("#repeat-password", newPassword);
        await Promise.all([page.waitForURL(/done=passwordChanged/), page.click('main button[type="submit"]')]);
        expect(await page.textContent("main")).toContain(t(lang, "admin.done.passwordChanged"));
        await expectNoAxeViolations(page, `own password changed (${name})`);
        await screenshot(page, `staff-own-password-${lang}-${size}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
