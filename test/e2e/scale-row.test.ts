import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { beforeAllOrFailEach, launchChromium, newPage, screenshot, startTestServer, type TestServer } from "../helpers/browser";

// Issue 16: on a 360 px phone the grade buttons 4–10 stay on one row, also in the error state
// (whose red edge takes width), so "10" never sits alone on a second line.

let server: TestServer;
let browser: Browser;

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("scale-row");
  const client = await openNodeDatabase({ url: server.databaseUrl });
  await client.execute({ sql: "UPDATE survey SET opens_at = NULL, closes_at = NULL WHERE slug = ?", args: [DEMO_SURVEY_SLUG] });
  client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("grade buttons at 360 px (Chromium)", () => {
  it("stay on one row, with and without the error state", { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser, { size: "phone", javaScriptEnabled: false });
    try {
      await page.goto(`${server.base}/s/${DEMO_SURVEY_SLUG}?lang=sv`);
      const rows = () =>
        page.$$eval("fieldset .scale", (scales) =>
          scales.map((s) => new Set([...s.querySelectorAll("label")].map((l) => Math.round(l.getBoundingClientRect().top))).size),
        );
      expect(await rows(), "every scale on one row").toEqual((await rows()).map(() => 1));
      await Promise.all([page.waitForLoadState("load"), page.click("#survey-form button[type=submit]")]);
      await page.locator("#error-summary").waitFor();
      expect(await page.locator("fieldset.invalid .scale").count()).toBeGreaterThan(0);
      expect(await rows(), "every scale on one row in the error state").toEqual((await rows()).map(() => 1));
      await screenshot(page, "participant-scale-error-sv-phone");
    } finally {
      await context.close();
    }
  });
});
