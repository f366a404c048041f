import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventResponse, LiveFiguresResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Languages per day (issue 16 item 5) on the pages built beside the rule: the presenter view and its
// JSON, the display link, the comment explorer and the printable region report show a day's title
// in the reader's language, else the day's main language (src/domain/day-texts.ts), and mark a
// title in another language than the page with its lang attribute. Region 16's main language is
// Finnish.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let programmeId: number;
let swedishOnly: number;
let finnishAndSwedish: number;
const NOW = Date.parse("2019-09-04T12:00:00Z");

function get(path: string, cookie?: string, headers: Record<string, string> = {}) {
  const extra = { accept: "application/json", ...headers };
  return app.request(`http://localhost${path}`, { headers: cookie ? asBrowser(cookie, extra) : extra });
}

async function body(res: Response, status = 200): Promise<string> {
  const text = await res.text();
  expect(res.status, text.slice(0, 1000)).toBe(status);
  return text;
}

async function createDay(fields: Record<string, unknown>): Promise<number> {
  const res = await app.request("http://localhost/api/events", {
    method: "POST",
    headers: asBrowser(agent16, { "content-type": "application/json" }),
    body: JSON.stringify({ programmeId, regionCode: "16", date: "2019-09-03", ...fields }),
  });
  return (JSON.parse(await body(res, 201)) as EventResponse).event.id;
}

async function liveTitle(path: string, cookie?: string, headers: Record<string, string> = {}): Promise<string> {
  return (JSON.parse(await body(await get(path, cookie, headers))) as LiveFiguresResponse).event.title;
}

async function page(path: string): Promise<string> {
  return body(await get(path, agent16, { accept: "text/html" }));
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  await createTestSurvey(db);
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  swedishOnly = await createDay({ titleSv: "Ledarskapsdag", locationSv: "Karleby" });
  finnishAndSwedish = await createDay({ title: "Johtamisen päivä", titleSv: "Dag för ledarskap" });
});

describe("the presenter view", () => {
  it("gives the JSON the title in the reader's language, else the day's main language", async () => {
    for (const lang of ["fi", "sv", "en"]) {
      expect(await liveTitle(`/api/events/${swedishOnly}/live?lang=${lang}`, agent16)).toBe("Ledarskapsdag");
    }
    expect(await liveTitle(`/api/events/${finnishAndSwedish}/live?lang=sv`, agent16)).toBe("Dag för ledarskap");
    expect(await liveTitle(`/api/events/${finnishAndSwedish}/live?lang=en`, agent16)).toBe("Johtamisen päivä");
    expect(await liveTitle(`/api/events/${finnishAndSwedish}/live`, agent16, { "accept-language": "sv-FI" })).toBe("Dag för ledarskap");
  });

  it("marks a title shown in another language with its lang on the staff page", async () => {
    const en = await page(`/admin/events/${swedishOnly}/live?lang=en`);
    expect(en).toContain('<h1><span lang="sv">Ledarskapsdag</span></h1>');
    expect(en).toContain("<title>Live: Ledarskapsdag</title>");
    const sv = await page(`/admin/events/${finnishAndSwedish}/live?lang=sv`);
    expect(sv).toContain("<h1>Dag för ledarskap</h1>");
  });

  it("names the day on the display link page, and the link's JSON and page follow the reader", async () => {
    const res = await app.request(`http://localhost/admin/events/${finnishAndSwedish}/display?lang=en`, {
      method: "POST",
      headers: asBrowser(agent16, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
      body: "",
    });
    const html = await body(res);
    expect(html).toContain('Display link: <span lang="fi">Johtamisen päivä</span></h1>');
    const token = /\/live\/([A-Za-z0-9_-]{43})\?lang=en/.exec(html)?.[1];
    expect(token, html).toBeDefined();
    expect(await liveTitle(`/api/live/${token}?lang=sv`)).toBe("Dag för ledarskap");
    expect(await liveTitle(`/api/live/${token}?lang=en`)).toBe("Johtamisen päivä");
    // No language preference: the day's main language (Finnish here).
    expect(await liveTitle(`/api/live/${token}`)).toBe("Johtamisen päivä");
    const sv = await body(await get(`/live/${token}?lang=sv`, undefined, { accept: "text/html" }));
    expect(sv).toContain("<h1>Dag för ledarskap</h1>");
  });
});

describe("the comment explorer", () => {
  it("names the day of an event filter in the reader's language, marked when it falls back", async () => {
    const en = await page(`/admin/comments?event=${swedishOnly}&lang=en`);
    expect(en).toContain('<span lang="sv">Ledarskapsdag</span>');
    const sv = await page(`/admin/comments?event=${finnishAndSwedish}&lang=sv`);
    expect(sv).toMatch(/: Dag för ledarskap \(/);
  });
});

describe("the printable region report", () => {
  it("names a day without a theme by its title in the reader's language, marked when it falls back", async () => {
    const query = "region=16&from=2019-09-01&to=2019-09-30";
    const en = await page(`/admin/reports/region?${query}&lang=en`);
    expect(en).toContain('<td><span lang="sv">Ledarskapsdag</span></td>');
    expect(en).toContain('<td><span lang="fi">Johtamisen päivä</span></td>');
    const sv = await page(`/admin/reports/region?${query}&lang=sv`);
    expect(sv).toContain("<td>Ledarskapsdag</td>");
    expect(sv).toContain("<td>Dag för ledarskap</td>");
  });
});
