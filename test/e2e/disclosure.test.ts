import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { formatDate, t } from "../../src/domain/i18n";
import { MIN_CELL, MIN_OTHER_REGIONS } from "../../src/domain/stats";
import { eventsWithResponses, deleteEventResponses } from "../../src/queries/retention";
import {
  beforeAllOrFailEach,
  expectNoAxeViolations,
  launchChromium,
  screenshot,
  signInWithForm,
  startTestServer,
  VIEWPORTS,
  type TestServer,
} from "../helpers/browser";

// What disclosure control changes on screen, in Chromium against the real Node server with the
// demo data plus two Keski-Pohjanmaa days: the yardstick's "not shown" state for an agent, a day
// with a response rate above 100 % flagged, and a day whose answers were deleted by retention
// labelled "answers deleted on <date>, figures kept". axe-core checks the changed view.

const agent = DEMO_USERS.find((u) => u.role === "agent")!;
const national = DEMO_USERS.find((u) => u.role === "national")!;
let server: TestServer;
let browser: Browser;

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      cookie,
      origin: server.base,
      "sec-fetch-site": "same-origin",
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function newEvent(cookie: string, date: string, attendance: number, responses: number): Promise<number> {
  const { event } = await api(cookie, "POST", "/api/events", {
    programmeId: 1,
    regionCode: "16",
    date,
    themeId: 1,
    title: `Päivä ${date}`,
    attendance,
  });
  // A 2019 day closed by default 14 days after; open it to answer it now.
  await api(cookie, "POST", `/api/events/${event.id}/survey/open`);
  for (let i = 0; i < responses; i++) await api("", "POST", `/s/${event.survey.slug}`, { answers: { grade: 8 } });
  return event.id as number;
}

beforeAllOrFailEach(async () => {
  browser = await launchChromium();
  server = await startTestServer("disclosure");
  const login = await fetch(`${server.base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.base },
    body: JSON.stringify({ email: national.email, password: national.password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  await newEvent(cookie, "2019-10-10", 3, 5);
  const archived = await newEvent(cookie, "2019-10-24", 20, 6);
  const db = createDb(await openNodeDatabase({ url: server.databaseUrl }));
  await deleteEventResponses(db, await eventsWithResponses(db, { eventId: archived }), true, Date.parse("2026-11-30T10:00:00Z"), MIN_CELL);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("disclosure control on the dashboard (Chromium)", () => {
  for (const lang of ["en", "fi", "sv"] as const) {
    it(`shows an agent the withheld yardstick, the rate flag and the archived label (${lang})`, { timeout: 90_000 }, async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: "reduce" });
      const page = await context.newPage();
      try {
        const path = `/?lang=${lang}&from=2019-10-10&to=2019-10-24`;
        await page.goto(`${server.base}${path}`);
        await page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
        await signInWithForm(page, agent);
        await page.locator("#results:not([aria-busy])").waitFor({ timeout: 15_000 });

        const card = (await page.locator("#card-national").innerText()).trim();
        expect(card).toContain(t(lang, "yardstick.wholeMonths"));
        expect(card).toContain(t(lang, "yardstick.rule", { regions: MIN_OTHER_REGIONS, k: MIN_CELL }));

        const over = page.locator("#table-days tbody tr", { hasText: "167" });
        expect(await over.count(), "the day with 5 answers from 3 people").toBe(1);
        expect(await over.innerText()).toContain(t(lang, "rate.over100"));

        const archivedRow = page.locator("#table-days tbody tr", {
          hasText: t(lang, "dash.archived", { date: formatDate(lang, "2026-11-30") }),
        });
        expect(await archivedRow.count(), "the archived day is labelled, never as published").toBe(1);
        expect(await archivedRow.innerText()).not.toContain(t(lang, "dash.note.reported"));
        expect(await archivedRow.innerText(), "its response rate stays: 6 of 20").toContain("30");

        await expectNoAxeViolations(page, `the regional view with disclosure states (${lang})`);
        await screenshot(page, `disclosure-agent-${lang}`);
      } finally {
        await context.close();
      }
    });
  }

  it("says on the trend view why the country's line is missing for an agent's partial-month selection", { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: "reduce" });
    const page = await context.newPage();
    try {
      await page.goto(`${server.base}/?lang=en&view=trend&interval=month&from=2019-10-10&to=2019-10-24`);
      await page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
      await signInWithForm(page, agent);
      await page.locator("#results:not([aria-busy])").waitFor({ timeout: 15_000 });
      expect(await page.locator("#trend-withheld").innerText()).toContain(t("en", "yardstick.wholeMonths"));
      expect(await page.locator("#table-trend").innerText()).toContain(t("en", "yardstick.wholeMonths"));
      await expectNoAxeViolations(page, "the trend view with the yardstick withheld");
      await screenshot(page, "disclosure-agent-trend");
    } finally {
      await context.close();
    }
  });
});
