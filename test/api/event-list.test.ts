import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The staff day list (GET /admin) with its filters, search, sort and pages in the URL: what each
// finds, where pages start and end, what a wrong value answers, and that an agent never sees
// another region's day through any of them.

const NOW = Date.parse("2019-09-04T12:00:00Z");
const DAY = 86_400_000;

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let national: string;
let otherProgramme: number;
let otherTheme: number;

const ids: Record<string, number> = {};

async function day(name: string, options: Parameters<typeof createTestSurvey>[1], changes: { title?: string; location?: string } = {}) {
  const made = await createTestSurvey(db, options);
  ids[name] = made.eventId;
  if (changes.title !== undefined) await db.run(sql`UPDATE event SET title = ${changes.title} WHERE id = ${made.eventId}`);
  if (changes.location !== undefined) await db.run(sql`UPDATE event SET location = ${changes.location} WHERE id = ${made.eventId}`);
  return made;
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  // 50 days in region 16 on consecutive dates from 2019-01-01, 3 in region 01, 2 national: 55 for
  // the national team, 52 for an agent of region 16.
  for (let i = 0; i < 50; i++) {
    const date = new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
    await day(`r16-${i}`, { regionCode: "16", date });
  }
  for (let i = 0; i < 3; i++) await day(`r01-${i}`, { regionCode: "01", date: `2019-03-0${i + 1}` }, { title: `Uudenmaan päivä ${i}` });
  for (let i = 0; i < 2; i++) await day(`nat-${i}`, { regionCode: null, date: `2019-04-0${i + 1}` }, { title: `Valtakunnallinen ${i}` });

  await db.run(sql`UPDATE event SET title = 'Äänekosken työpaja', location = 'Äänekoski' WHERE id = ${ids["r16-3"]}`);
  await db.run(sql`UPDATE event SET title = 'Träff i stan', location = 'Åbo' WHERE id = ${ids["r16-4"]}`);
  await db.run(sql`UPDATE event SET title = 'Ideapaja 100% varmasti' WHERE id = ${ids["r16-5"]}`);
  await db.run(sql`UPDATE event SET title = 'Örebron vieraat' WHERE id = ${ids["r01-0"]}`);
  await db.run(sql`UPDATE survey SET response_count = 30 WHERE event_id = ${ids["r16-3"]}`);
  await db.run(sql`UPDATE survey SET response_count = 12 WHERE event_id = ${ids["r01-1"]}`);
  await db.run(sql`UPDATE survey SET response_count = 9 WHERE event_id = ${ids["nat-0"]}`);
  // States: one not open yet, one closed, one archived (also closed), one opening right now (open).
  await db.run(sql`UPDATE survey SET opens_at = ${NOW + DAY} WHERE event_id = ${ids["r16-10"]}`);
  await db.run(sql`UPDATE survey SET closes_at = ${NOW - DAY} WHERE event_id = ${ids["r16-11"]}`);
  await db.run(sql`UPDATE survey SET closes_at = ${NOW - 2 * DAY}, archived_at = ${NOW - DAY} WHERE event_id = ${ids["r16-12"]}`);
  await db.run(sql`UPDATE survey SET opens_at = ${NOW}, closes_at = ${NOW + DAY} WHERE event_id = ${ids["r16-13"]}`);
  await db.run(sql`UPDATE survey SET closes_at = ${NOW - DAY} WHERE event_id = ${ids["r01-2"]}`);

  await db.run(sql`INSERT INTO programme (name) VALUES ('Toinen ohjelma')`);
  otherProgramme = (await db.all<{ id: number }>(sql`SELECT id FROM programme WHERE name = 'Toinen ohjelma'`))[0]!.id;
  await db.run(
    sql`INSERT INTO theme (programme_id, name_fi, name_sv, name_en) VALUES (${otherProgramme}, 'Toinen teema', 'Annat tema', 'Other theme')`,
  );
  otherTheme = (await db.all<{ id: number }>(sql`SELECT id FROM theme WHERE programme_id = ${otherProgramme}`))[0]!.id;
  await db.run(
    sql`UPDATE event SET programme_id = ${otherProgramme}, theme_id = ${otherTheme} WHERE id IN (${ids["r16-20"]}, ${ids["r01-1"]})`,
  );

  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  national = await signIn(app, await createTestUser(db, "national"));
});

async function list(query: string, cookie: string, lang = "en") {
  const res = await app.request(`http://localhost/admin?lang=${lang}${query ? `&${query}` : ""}`, {
    headers: asBrowser(cookie, { accept: "text/html" }),
  });
  const html = await res.text();
  expect(res.status, html.slice(0, 1500)).toBe(200);
  // A title not written in the page's language is shown in the day's main language, marked with its lang.
  const titles = [...html.matchAll(/<a href="\/admin\/events\/\d+\?lang=\w+">(?:<span lang="\w+">)?([^<]*)(?:<\/span>)?<\/a>/g)].map(
    (m) => m[1]!,
  );
  const found = /<h2 id="days-found">([^<]*)<\/h2>/.exec(html)?.[1];
  return { html, titles, found };
}

describe("GET /admin: pages", () => {
  it("shows 25 of 55 days to the national team, with the count, the range and a next link", async () => {
    const { html, titles, found } = await list("", national);
    expect(found).toBe("55 days found");
    expect(titles).toHaveLength(25);
    expect(html).toContain("Showing 1–25 of 55.");
    expect(html).toContain("Academy days, date, newest first: 1–25 of 55");
    expect(html).toContain('rel="next" href="/admin?lang=en&amp;page=2"');
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain("Page 1 of 3");
  });

  it("page 2 shows 26–50 with previous and next; page 3 the last five", async () => {
    const second = await list("page=2", national);
    expect(second.titles).toHaveLength(25);
    expect(second.html).toContain("Showing 26–50 of 55.");
    expect(second.html).toContain('rel="prev" href="/admin?lang=en"');
    expect(second.html).toContain('rel="next" href="/admin?lang=en&amp;page=3"');
    const third = await list("page=3", national);
    expect(third.titles).toHaveLength(5);
    expect(third.html).toContain("Showing 51–55 of 55.");
    expect(third.html).not.toContain('rel="next"');
    // The three pages together are the 55 days, each once.
    const first = await list("", national);
    expect(new Set([...first.titles, ...second.titles, ...third.titles]).size).toBe(55);
  });

  it("a page past the end shows the last page", async () => {
    const { html, titles } = await list("page=99", national);
    expect(titles).toHaveLength(5);
    expect(html).toContain("Page 3 of 3");
  });

  it("paging links keep every filter and the sort", async () => {
    const { html } = await list("region=16&sort=title&state=open", national);
    expect(html).toContain('rel="next" href="/admin?lang=en&amp;region=16&amp;state=open&amp;sort=title&amp;page=2"');
  });

  it("empty form fields are no filter (the GET form sends them all)", async () => {
    const { found } = await list("q=&programme=&region=&theme=&state=&from=&to=&sort=date_desc", national);
    expect(found).toBe("55 days found");
  });
});

describe("GET /admin: filters and search", () => {
  it("searches title and place without regard to case, ä, ö and å included", async () => {
    expect((await list("q=%C3%A4%C3%A4nekoski", national)).titles).toEqual(["Äänekosken työpaja"]); // "ääneKoski" in the place
    expect((await list("q=%C3%84%C3%84NEKOSKEN", national)).titles).toEqual(["Äänekosken työpaja"]);
    expect((await list("q=%C3%85BO", national)).titles).toEqual(["Träff i stan"]); // "ÅBO" finds the place Åbo
    expect((await list("q=%C3%B6rebro", national)).titles).toEqual(["Örebron vieraat"]);
    expect((await list("q=++paja++", national)).titles.sort()).toEqual(["Ideapaja 100% varmasti", "Äänekosken työpaja"]);
  });

  it("a % or _ in the search is a character, not a wildcard", async () => {
    expect((await list("q=%25", national)).titles).toEqual(["Ideapaja 100% varmasti"]);
    expect((await list("q=_", national)).found).toBe("0 days found");
  });

  it("filters by programme, theme, region, national days and dates", async () => {
    expect((await list(`programme=${otherProgramme}`, national)).found).toBe("2 days found");
    expect((await list(`theme=${otherTheme}`, national)).titles).toEqual(["Uudenmaan päivä 1", "Testipäivä 21"]);
    expect((await list("region=01", national)).found).toBe("3 days found");
    expect((await list("region=national", national)).titles).toEqual(["Valtakunnallinen 1", "Valtakunnallinen 0"]);
    const range = await list("from=2019-01-10&to=2019-01-12&sort=date_asc", national);
    expect(range.found).toBe("3 days found");
    expect(range.html).toMatch(/datetime="2019-01-10"[\s\S]*datetime="2019-01-11"[\s\S]*datetime="2019-01-12"/);
    expect((await list("from=2019-04-02&to=2019-04-02", national)).titles).toEqual(["Valtakunnallinen 1"]);
  });

  it("filters by survey state: not open yet, open, closed, archived", async () => {
    expect((await list("state=not_open", national)).found).toBe("1 day found");
    expect((await list("state=archived", national)).found).toBe("1 day found");
    expect((await list("state=closed", national)).found).toBe("2 days found"); // the archived one is not counted twice
    expect((await list("state=open", national)).found).toBe("51 days found"); // the one opening at this instant is open
    const archived = await list("state=archived", national);
    expect(archived.html).toContain(">Archived</span>");
  });

  it("a cancelled day stays on the list, labelled, and is found by 'cancelled', not by its survey's state", async () => {
    await db.run(sql`UPDATE event SET cancelled_at = ${NOW - DAY} WHERE id = ${ids["r16-30"]}`);
    try {
      const cancelled = await list("state=cancelled", national);
      expect(cancelled.found).toBe("1 day found");
      expect(cancelled.html).toContain("Cancelled");
      expect((await list("state=open", national)).found).toBe("50 days found"); // its survey window is open, but it is cancelled
      expect((await list("", national)).found).toBe("55 days found");
      expect((await list("state=cancelled", national, "fi")).html).toContain("Peruttu");
    } finally {
      await db.run(sql`UPDATE event SET cancelled_at = NULL WHERE id = ${ids["r16-30"]}`);
    }
  });

  it("filters combine", async () => {
    expect((await list("region=16&state=closed", national)).found).toBe("1 day found");
    expect((await list("region=01&q=uudenmaan&state=open", national)).titles).toEqual(["Uudenmaan päivä 1"]);
  });
});

describe("GET /admin: sort", () => {
  it("by date, newest or oldest first", async () => {
    expect((await list("", national)).titles[0]).toBe("Valtakunnallinen 1");
    const oldest = await list("sort=date_asc", national);
    expect(oldest.html.indexOf('datetime="2019-01-01"')).toBeGreaterThan(0);
    expect(oldest.html.indexOf('datetime="2019-01-01"')).toBeLessThan(oldest.html.indexOf('datetime="2019-01-02"'));
  });

  it("by most responses", async () => {
    expect((await list("sort=responses", national)).titles.slice(0, 3)).toEqual([
      "Äänekosken työpaja",
      "Uudenmaan päivä 1",
      "Valtakunnallinen 0",
    ]);
  });

  it("by title, case-insensitively, with Ä and Ö after Z", async () => {
    const { titles } = await list("sort=title&page=3", national);
    expect(titles.slice(-2)).toEqual(["Äänekosken työpaja", "Örebron vieraat"]);
    expect((await list("sort=title", national)).titles[0]).toBe("Ideapaja 100% varmasti");
  });

  it("by region: national days first, then regions in code order", async () => {
    const { titles } = await list("sort=region", national);
    expect(titles.slice(0, 5)).toEqual([
      "Valtakunnallinen 1",
      "Valtakunnallinen 0",
      "Uudenmaan päivä 2",
      "Uudenmaan päivä 1",
      "Örebron vieraat",
    ]);
  });
});

describe("GET /admin: authorization", () => {
  it("an agent sees only readable regions' days and national days, on every page", async () => {
    const first = await list("", agent16);
    expect(first.found).toBe("52 days found");
    const all = [...first.titles, ...(await list("page=2", agent16)).titles, ...(await list("page=3", agent16)).titles];
    expect(all).toHaveLength(52);
    expect(all.some((t) => t.startsWith("Uudenmaan") || t.startsWith("Örebro"))).toBe(false);
  });

  it("the agent's region filter offers only readable regions", async () => {
    const { html } = await list("", agent16);
    const region = /<select id="filter-region"[\s\S]*?<\/select>/.exec(html)![0];
    expect(region).toContain('value="16"');
    expect(region).toContain('value="national"');
    expect(region).not.toContain('value="01"');
    const nationalRegion = /<select id="filter-region"[\s\S]*?<\/select>/.exec((await list("", national)).html)![0];
    expect(nationalRegion).toContain('value="01"');
  });

  it("asking for another region, a search or a sort never reveals its days to an agent", async () => {
    expect((await list("region=01", agent16)).found).toBe("0 days found");
    expect((await list("q=uudenmaan", agent16)).found).toBe("0 days found");
    expect((await list("sort=responses", agent16)).titles).not.toContain("Uudenmaan päivä 1");
    expect((await list(`programme=${otherProgramme}`, agent16)).titles).toEqual(["Testipäivä 21"]);
  });

  it("anonymous readers are sent to sign in", async () => {
    const res = await app.request("http://localhost/admin?region=16", { headers: { accept: "text/html" } });
    expect(res.status).toBe(303);
  });
});

describe("GET /admin: wrong values", () => {
  const bad: [string, string][] = [
    ["sort=bogus", "sort"],
    ["state=cancelled-ish", "state"],
    ["page=0", "page"],
    ["page=-1", "page"],
    ["page=abc", "page"],
    ["page=1e3", "page"],
    ["region=1", "region"],
    ["region=ABC", "region"],
    ["programme=0", "programme"],
    ["theme=x", "theme"],
    ["from=2019-02-30", "from"],
    ["to=yesterday", "to"],
    ["from=2019-01-01&to=2018-12-01", "to"],
    [`q=${"x".repeat(101)}`, "q"],
  ];
  for (const [query, field] of bad) {
    it(`${query.slice(0, 40)} answers 422 with the list, that value left out and named`, async () => {
      // The rest of the address still applies: the 47 days of region 16 still called "Testipäivä"
      // (50 when the search itself is the wrong value).
      const rest = { region: "q=testip%C3%A4iv%C3%A4", q: "region=16" }[field] ?? "region=16&q=testip%C3%A4iv%C3%A4";
      const res = await app.request(`http://localhost/admin?lang=en&${rest}&${query}`, {
        headers: asBrowser(national, { accept: "text/html" }),
      });
      const html = await res.text();
      expect(res.status).toBe(422);
      const note = /<div class="summary" role="alert" id="error-summary">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
      expect(note).toContain("These parts of the address were not understood and were left out");
      expect(note).toContain(field === "page" ? 'href="#days-found"' : `href="#filter-${field}"`);
      expect(note.match(/<li>/g)).toHaveLength(1);
      expect(html).toContain(`<h2 id="days-found">${field === "q" ? 50 : 47} days found</h2>`);
    });
  }

  it("the note is in the reader's language and escapes what it echoes", async () => {
    const res = await app.request("http://localhost/admin?lang=sv&sort=%3Cscript%3E", {
      headers: asBrowser(national, { accept: "text/html" }),
    });
    const html = await res.text();
    expect(res.status).toBe(422);
    expect(html).toContain('<html lang="sv"');
    expect(html).toContain("Dessa delar av adressen förstods inte");
    expect(html).not.toContain("<script>");
  });

  it("unknown parameters are ignored, so a link with extra ones still opens", async () => {
    expect((await list("utm_source=mail", national)).found).toBe("55 days found");
  });
});

describe("GET /admin: languages", () => {
  it("the form and the count in Finnish and Swedish", async () => {
    const fi = await list("region=16&state=not_open", national, "fi");
    expect(fi.found).toBe("1 päivä löytyi");
    expect(fi.html).toContain('<label class="label" for="filter-q">Nimessä tai paikassa on</label>');
    const sv = await list("", national, "sv");
    expect(sv.found).toBe("55 dagar hittades");
    expect(sv.html).toContain("Visar 1–25 av 55.");
  });
});
