import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { LiveFiguresResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The live presenter view (issue 16 item 2): counts real answers only, shows grade and usefulness
// once k (MIN_CELL = 5) answers exist and then in steps of k, never comments; the staff view needs a
// reader of the day, the display link only its token (stored as a hash, revocable, audit logged).

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let agent15: string;
let viewer16: string;
let clock = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => clock });
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  agent15 = await signIn(app, await createTestUser(db, "agent", ["15"]));
  viewer16 = await signIn(app, await createTestUser(db, "viewer", ["16"]));
});

function get(path: string, cookie?: string, accept = "application/json") {
  return app.request(`http://localhost${path}`, { headers: cookie ? asBrowser(cookie, { accept }) : { accept } });
}

function post(path: string, cookie: string, fields: Record<string, string> = {}) {
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams(fields).toString(),
  });
}

/** One participant's answer, a millisecond after the previous one (arrival order decides the released figures). */
async function answer(survey: TestSurvey, answers: Record<string, unknown>): Promise<void> {
  clock += 1;
  const res = await app.request(`http://localhost/s/${survey.slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ submission_id: crypto.randomUUID(), lang: "fi", answers }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function live(eventId: number, cookie = agent16): Promise<LiveFiguresResponse> {
  const res = await get(`/api/events/${eventId}/live`, cookie);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return JSON.parse(text) as LiveFiguresResponse;
}

const countsOf = (figure: LiveFiguresResponse["grade"]) => Object.fromEntries((figure?.distribution ?? []).map((d) => [d.value, d.count]));

describe("presenter figures (GET /api/events/:id/live)", () => {
  it("counts every answer, shows grade and usefulness from the k-th answer on and then only in steps of k", async () => {
    const survey = await createTestSurvey(db, { attendance: 40 });
    const grades = [9, 8, 10, 7, 9, 4, 4, 4, 4, 6];
    const empty = await live(survey.eventId);
    expect(empty).toMatchObject({ responses: 0, attendance: 40, rate: 0, minAnswers: 5, released: 0, grade: null, usefulness: null });

    for (const grade of grades.slice(0, 4)) await answer(survey, { grade, usefulness: 4, good: "Salainen kommentti" });
    const four = await live(survey.eventId);
    expect(four, JSON.stringify(four)).toMatchObject({ responses: 4, released: 0, grade: null, usefulness: null });

    await answer(survey, { grade: grades[4], usefulness: 5 });
    const five = await live(survey.eventId);
    // By hand: 9 + 8 + 10 + 7 + 9 = 43, mean 8.6; usefulness 4, 4, 4, 4, 5 → 21 / 5 = 4.2.
    expect(five.responses).toBe(5);
    expect(five.released).toBe(5);
    expect(five.rate).toBeCloseTo(5 / 40, 12);
    expect(five.grade?.n).toBe(5);
    expect(five.grade?.mean).toBeCloseTo(8.6, 12);
    expect(countsOf(five.grade)).toEqual({ 4: 0, 5: 0, 6: 0, 7: 1, 8: 1, 9: 2, 10: 1 });
    expect(five.usefulness?.mean).toBeCloseTo(4.2, 12);
    expect(JSON.stringify(five)).not.toContain("Salainen");

    // Answers 6–9 move the counter but not the figures: one frame minus the next never isolates an answer.
    for (const grade of grades.slice(5, 9)) await answer(survey, { grade });
    const nine = await live(survey.eventId);
    expect(nine.responses).toBe(9);
    expect(nine.released).toBe(5);
    expect(nine.grade).toEqual(five.grade);

    await answer(survey, { grade: grades[9] });
    const ten = await live(survey.eventId);
    // 43 + 4·4 + 6 = 65 over 10; usefulness still from 5 answers (the others skipped it).
    expect(ten.released).toBe(10);
    expect(ten.grade?.n).toBe(10);
    expect(ten.grade?.mean).toBeCloseTo(6.5, 12);
    expect(countsOf(ten.grade)).toEqual({ 4: 4, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 1 });
    expect(ten.usefulness?.n).toBe(5);
  });

  it("hides usefulness while fewer than k of the released answers gave it, whatever the grade shows", async () => {
    const survey = await createTestSurvey(db);
    for (const usefulness of [3, 4, 5, 5]) await answer(survey, { grade: 8, usefulness });
    await answer(survey, { grade: 8 });
    const figures = await live(survey.eventId);
    expect(figures.grade?.n).toBe(5);
    expect(figures.usefulness).toBeNull();
  });

  it("never counts test-mode answers", async () => {
    const survey = await createTestSurvey(db);
    await answer(survey, { grade: 8 });
    const res = await post(`/admin/events/${survey.eventId}/test?lang=fi`, agent16, { submission_id: crypto.randomUUID(), grade: "10" });
    expect(res.status, await res.text()).toBe(303);
    const [kept] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM test_response WHERE survey_id = ${survey.surveyId}`);
    expect(kept!.n).toBe(1);
    expect((await live(survey.eventId)).responses).toBe(1);
  });

  it("shows a cancelled day as cancelled, without figures", async () => {
    const survey = await createTestSurvey(db, { attendance: 0 });
    for (let i = 0; i < 5; i++) await answer(survey, { grade: 9 });
    expect(location(await post(`/admin/events/${survey.eventId}/cancel?lang=fi`, agent16))).toContain("done=eventCancelled");
    const figures = await live(survey.eventId);
    expect(figures).toMatchObject({ cancelled: true, responses: 5, attendance: 0, rate: null, released: 0, grade: null, usefulness: null });
  });

  it("is for readers of the day only", async () => {
    const survey = await createTestSurvey(db);
    expect((await get(`/api/events/${survey.eventId}/live`)).status).toBe(401);
    expect((await get(`/api/events/${survey.eventId}/live`, agent15)).status).toBe(403);
    expect((await live(survey.eventId, viewer16)).responses).toBe(0);
    expect((await get("/api/events/999999/live", agent16)).status).toBe(404);
  });
});

function location(res: Response): string {
  expect(res.status, `expected a 303, got ${res.status}`).toBe(303);
  return res.headers.get("location") ?? "";
}

describe("the staff presenter page (GET /admin/events/:id/live)", () => {
  it("renders the counter and the figures for a reader, polling the staff JSON", async () => {
    const survey = await createTestSurvey(db, { attendance: 30 });
    for (const grade of [6, 7, 8, 9, 10]) await answer(survey, { grade, good: "Ei näy" });
    for (const [lang, text] of [
      ["fi", "Vastaukset / osallistujat"],
      ["sv", "Svar / deltagare"],
      ["en", "Responses / participants"],
    ] as const) {
      const res = await get(`/admin/events/${survey.eventId}/live?lang=${lang}`, viewer16, "text/html");
      const html = await res.text();
      expect(res.status, html.slice(0, 1000)).toBe(200);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(text);
      expect(html).toContain(`data-source="/api/events/${survey.eventId}/live"`);
      expect(html).toContain('<span id="live-responses">5</span>');
      expect(html).toContain('aria-live="polite"');
      expect(html).toContain(lang === "en" ? "8.0" : "8,0");
      expect(html).not.toContain("Ei näy");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    }
  });

  it("sends people who are not signed in to sign in, and refuses another region's agent", async () => {
    const survey = await createTestSurvey(db);
    expect(location(await get(`/admin/events/${survey.eventId}/live?lang=fi`, undefined, "text/html"))).toContain("/login");
    expect((await get(`/admin/events/${survey.eventId}/live?lang=fi`, agent15, "text/html")).status).toBe(403);
  });

  it("is linked from the day's staff page, with the display link for those who change the day", async () => {
    const survey = await createTestSurvey(db);
    const agentPage = await (await get(`/admin/events/${survey.eventId}?lang=en`, agent16, "text/html")).text();
    expect(agentPage).toContain(`href="/admin/events/${survey.eventId}/live?lang=en"`);
    expect(agentPage).toContain(`action="/admin/events/${survey.eventId}/display?lang=en"`);
    const viewerPage = await (await get(`/admin/events/${survey.eventId}?lang=en`, viewer16, "text/html")).text();
    expect(viewerPage).toContain(`href="/admin/events/${survey.eventId}/live?lang=en"`);
    expect(viewerPage).not.toContain("/display?");
  });
});

async function makeDisplayLink(eventId: number, cookie = agent16): Promise<string> {
  const res = await post(`/admin/events/${eventId}/display?lang=fi`, cookie);
  const html = await res.text();
  expect(res.status, html.slice(0, 1000)).toBe(200);
  const token = /\/live\/([A-Za-z0-9_-]{43})\?lang=fi/.exec(html)?.[1];
  expect(token, html).toBeDefined();
  return token!;
}

describe("the display link (/live/:token, /api/live/:token)", () => {
  it("shows the day's aggregates without a session, stores only the token's hash, and is audit logged", async () => {
    const survey = await createTestSurvey(db);
    for (const grade of [8, 8, 9, 9, 10]) await answer(survey, { grade, improve: "Piilossa" });
    const token = await makeDisplayLink(survey.eventId);
    const pageRes = await get(`/live/${token}?lang=sv`, undefined, "text/html");
    const page = await pageRes.text();
    expect(pageRes.status, page.slice(0, 500)).toBe(200);
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain(`data-source="/api/live/${token}"`);
    expect(page).not.toContain("Piilossa");
    expect(page).not.toContain("Tillbaka till dagens sida");
    const res = await get(`/api/live/${token}`);
    const body = (await res.json()) as LiveFiguresResponse;
    expect(res.status).toBe(200);
    expect(body).toEqual(await live(survey.eventId));
    const rows = await db.all<{ token_hash: string }>(sql`SELECT token_hash FROM presenter_display WHERE event_id = ${survey.eventId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(token);
    const audit = await db.all<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE target = ${`event:${survey.eventId}`} AND action LIKE 'display_link%'`,
    );
    expect(audit.map((a) => a.action)).toEqual(["display_link_created"]);
  });

  it("stops working when replaced or revoked, and says so", async () => {
    const survey = await createTestSurvey(db);
    const first = await makeDisplayLink(survey.eventId);
    const second = await makeDisplayLink(survey.eventId);
    expect(first).not.toBe(second);
    expect((await get(`/api/live/${first}`)).status).toBe(404);
    const gone = await get(`/live/${first}?lang=en`, undefined, "text/html");
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("This display link does not work");
    expect((await get(`/api/live/${second}`)).status).toBe(200);
    expect(location(await post(`/admin/events/${survey.eventId}/display/revoke?lang=fi`, agent16))).toContain("done=displayRevoked");
    expect((await get(`/api/live/${second}`)).status).toBe(404);
    const audit = await db.all<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE target = ${`event:${survey.eventId}`} AND action LIKE 'display_link%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["display_link_created", "display_link_created", "display_link_revoked"]);
  });

  it.each(["x", "not-a-token", "A".repeat(43), "A".repeat(44), "%00"])("answers 404 for the token %s", async (token) => {
    expect((await get(`/api/live/${token}`)).status).toBe(404);
    expect((await get(`/live/${token}`, undefined, "text/html")).status).toBe(404);
  });

  it("is made and revoked only by those who may change the day", async () => {
    const survey = await createTestSurvey(db);
    expect((await post(`/admin/events/${survey.eventId}/display?lang=fi`, viewer16)).status).toBe(403);
    expect((await post(`/admin/events/${survey.eventId}/display?lang=fi`, agent15)).status).toBe(403);
    expect((await post(`/admin/events/${survey.eventId}/display/revoke?lang=fi`, viewer16)).status).toBe(403);
    const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM presenter_display WHERE event_id = ${survey.eventId}`);
    expect(row!.n).toBe(0);
  });
});
