import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventResponse, RegionsStatsResponse, TrendResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { defaultClosesAt } from "../../src/domain/survey-closing";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Day management (issue 16 item 4): duplicate, cancel and restore, delete, edit an own question.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let agent15: string;
let viewer16: string;
let national: string;
let programmeId: number;
let themeId: number;
const NOW = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  await createTestSurvey(db); // the programme and its theme
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  themeId = (await db.all<{ id: number }>(sql`SELECT id FROM theme`))[0]!.id;
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  agent15 = await signIn(app, await createTestUser(db, "agent", ["15"]));
  viewer16 = await signIn(app, await createTestUser(db, "viewer", ["16"]));
  national = await signIn(app, await createTestUser(db, "national"));
});

function api(method: string, path: string, cookie: string, body?: unknown) {
  return app.request(`http://localhost${path}`, {
    method,
    headers: asBrowser(cookie, body === undefined ? {} : { "content-type": "application/json" }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

function post(path: string, cookie: string, fields: Record<string, string> = {}) {
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams(fields).toString(),
  });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  expect(res.status, body.slice(0, 1000)).toBe(status);
  return JSON.parse(body) as T;
}

async function answer(slug: string, answers: Record<string, unknown>) {
  const res = await app.request(`/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ answers }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

const OWN_QUESTION = {
  kind: "choice",
  required: false,
  text: { fi: "Mistä kuulit päivästä?", sv: "Var hörde du om dagen?", en: "Where did you hear of the day?" },
  options: [
    { value: "email", fi: "Sähköposti", sv: "E-post", en: "Email" },
    { value: "friend", fi: "Ystävä", sv: "En vän", en: "A friend" },
  ],
};

async function newEvent(cookie: string, fields: Record<string, unknown> = {}) {
  const body = await json<EventResponse>(
    await api("POST", "/api/events", cookie, {
      programmeId,
      regionCode: "16",
      date: "2019-09-04",
      themeId,
      title: "Lähtöpäivä",
      location: "Kokkola",
      attendance: 30,
      ...fields,
    }),
    201,
  );
  return body.event;
}

async function lastAudit(action: string) {
  const [row] = await db.all<{ target: string; details: string | null; region_code: string | null }>(
    sql`SELECT target, details_json AS details, region_code FROM audit_log WHERE action = ${action} ORDER BY id DESC LIMIT 1`,
  );
  return row;
}

describe("duplicating a day", () => {
  it("makes a new day with its own survey, short code, default closing and copies of its own questions, never its answers", async () => {
    const source = await newEvent(agent16);
    await json(await api("POST", `/api/events/${source.id}/questions`, agent16, OWN_QUESTION), 201);
    await answer(source.survey.slug, { grade: 9, good: "Hyvä" });

    const copy = (
      await json<EventResponse>(
        await api("POST", `/api/events/${source.id}/duplicate`, agent16, { date: "2019-10-15", title: "Toinen päivä" }),
        201,
      )
    ).event;
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({
      date: "2019-10-15",
      title: "Toinen päivä",
      region: "16",
      location: "Kokkola",
      attendance: null,
      responses: 0,
    });
    expect(copy.theme?.id).toBe(themeId);
    expect(copy.survey.slug).not.toBe(source.survey.slug);
    expect(copy.survey.shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(copy.survey.shortCode).not.toBe(source.survey.shortCode);
    const [programme] = await db.all<{ days: number | null }>(
      sql`SELECT survey_close_days AS days FROM programme WHERE id = ${programmeId}`,
    );
    expect(copy.survey.closesAt).toBe(new Date(defaultClosesAt("2019-10-15", programme!.days)!).toISOString());

    const questions = await json<{ locked: boolean; day: { id: number; kind: string; text: unknown; options: unknown }[] }>(
      await api("GET", `/api/events/${copy.id}/questions`, agent16),
      200,
    );
    const sourceQuestions = await json<{ day: { id: number }[] }>(await api("GET", `/api/events/${source.id}/questions`, agent16), 200);
    expect(questions.locked).toBe(false);
    expect(questions.day).toHaveLength(1);
    expect(questions.day[0]!.id).not.toBe(sourceQuestions.day[0]!.id);
    expect(questions.day[0]).toMatchObject({ kind: "choice", text: OWN_QUESTION.text });
    expect(questions.day[0]!.options).toEqual([
      { value: "email", label: { fi: "Sähköposti", sv: "E-post", en: "Email" } },
      { value: "friend", label: { fi: "Ystävä", sv: "En vän", en: "A friend" } },
    ]);
    const [copied] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM response WHERE survey_id = (SELECT id FROM survey WHERE event_id = ${copy.id})`,
    );
    expect(copied!.n).toBe(0);
    const audit = await lastAudit("event_duplicated");
    expect(audit!.target).toBe(`event:${copy.id}`);
    expect(JSON.parse(audit!.details!)).toMatchObject({ from: source.id, fromTitle: "Lähtöpäivä" });
  });

  it("needs write access to both the source day's region and the target region", async () => {
    const source = await newEvent(agent16);
    expect((await api("POST", `/api/events/${source.id}/duplicate`, agent16, { regionCode: "15" })).status).toBe(403);
    expect((await api("POST", `/api/events/${source.id}/duplicate`, agent15, { regionCode: "15" })).status).toBe(403);
    expect((await api("POST", `/api/events/${source.id}/duplicate`, viewer16, {})).status).toBe(403);
    expect((await api("POST", `/api/events/${source.id}/duplicate`, national, { regionCode: "15" })).status).toBe(201);
  });

  it("refuses bad input with the field named", async () => {
    const source = await newEvent(agent16);
    const bad = await json<{ error: { code: string; fields: { key: string }[] } }>(
      await api("POST", `/api/events/${source.id}/duplicate`, agent16, { date: "2019-02-30" }),
      422,
    );
    expect(bad.error.fields.map((f) => f.key)).toContain("date");
    expect((await api("POST", `/api/events/${source.id}/duplicate`, agent16, { themeId: 999 })).status).toBe(422);
    expect((await api("POST", "/api/events/99999/duplicate", agent16, {})).status).toBe(404);
  });

  it("through the staff page: a form prefilled from the day, then the new day", async () => {
    const source = await newEvent(agent16, { title: "Sivulta kopioitava" });
    const form = await app.request(`http://localhost/admin/events/${source.id}/duplicate?lang=sv`, {
      headers: asBrowser(agent16, { accept: "text/html" }),
    });
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain('value="Sivulta kopioitava"');
    expect(html).toContain("Kopiera dagen");
    const created = await post(`/admin/events/${source.id}/duplicate?lang=sv`, agent16, {
      region: "16",
      date: "2019-11-01",
      programme: String(programmeId),
      theme: String(themeId),
      title: "Sivulta kopioitava",
      location: "Kokkola",
      attendance: "",
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toMatch(/^\/admin\/events\/\d+\?lang=sv&done=eventDuplicated$/);
    const refused = await post(`/admin/events/${source.id}/duplicate?lang=fi`, agent16, {
      region: "16",
      date: "ei päivä",
      programme: String(programmeId),
      theme: "",
      title: "x",
      location: "",
      attendance: "",
    });
    expect(refused.status).toBe(422);
  });
});

describe("cancelling a day", () => {
  it("keeps and labels the day, closes its survey with a clear message, and can be taken back", async () => {
    const day = await newEvent(agent16, { title: "Peruttava päivä" });
    const cancelled = (await json<EventResponse>(await api("POST", `/api/events/${day.id}/cancel`, agent16), 200)).event;
    expect(cancelled.cancelledOn).toBe("2019-09-04");
    expect((await lastAudit("event_cancelled"))!.target).toBe(`event:${day.id}`);

    const page = await app.request(`/s/${day.survey.slug}?lang=sv`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("Dagen är inställd");
    const refused = await json<{ error: { code: string } }>(
      await app.request(`/s/${day.survey.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade: 8 } }),
      }),
      410,
    );
    expect(refused.error.code).toBe("cancelled");

    const list = await (
      await app.request("http://localhost/admin?lang=fi", { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(list).toContain("Peruttava päivä");
    expect(list).toContain("Peruttu");
    const eventPage = await (
      await app.request(`http://localhost/admin/events/${day.id}?lang=en`, { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(eventPage).toContain("Cancelled");

    const restored = (await json<EventResponse>(await api("POST", `/api/events/${day.id}/uncancel`, agent16), 200)).event;
    expect(restored.cancelledOn).toBeNull();
    expect((await app.request(`/s/${day.survey.slug}`)).status).toBe(200);
  });

  it("is for those who may write the day's region, on the page too", async () => {
    const day = await newEvent(agent16);
    expect((await api("POST", `/api/events/${day.id}/cancel`, agent15)).status).toBe(403);
    expect((await api("POST", `/api/events/${day.id}/cancel`, viewer16)).status).toBe(403);
    expect((await post(`/admin/events/${day.id}/cancel?lang=fi`, viewer16)).status).toBe(403);
    const done = await post(`/admin/events/${day.id}/cancel?lang=fi`, agent16);
    expect(done.headers.get("location")).toBe(`/admin/events/${day.id}?lang=fi&done=eventCancelled`);
    expect((await post(`/admin/events/${day.id}/uncancel?lang=fi`, agent16)).headers.get("location")).toContain("done=eventUncancelled");
  });
});

describe("a cancelled day in the figures", () => {
  it("drops out of the national comparison, the trend and the exports", async () => {
    // A fresh database: two days, grades 8, 9, 10 (region 16) and 4, 5 (region 15).
    const own = await createTestDb();
    const figures = createApp({ db: own, now: () => NOW });
    const kept = await createTestSurvey(own, { regionCode: "16", date: "2019-09-04" });
    const gone = await createTestSurvey(own, { regionCode: "15", date: "2019-09-10" });
    const nat = await signIn(figures, await createTestUser(own, "national"));
    for (const [slug, grade] of [
      [kept.slug, 8],
      [kept.slug, 9],
      [kept.slug, 10],
      [gone.slug, 4],
      [gone.slug, 5],
    ] as const) {
      const res = await figures.request(`/s/${slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade } }),
      });
      expect(res.status).toBe(201);
    }
    const read = async <T>(path: string) => json<T>(await figures.request(`http://localhost${path}`, { headers: asBrowser(nat) }), 200);
    const trendPath = "/api/stats/trend?interval=term&from=2019-01-01&to=2019-12-31";
    const nationalPoints = (trend: TrendResponse) => trend.series.find((s) => s.region === null)!.points.filter((p) => p !== null);

    // Before: all five answers (mean 36 / 5 = 7.2).
    const before = await read<RegionsStatsResponse>("/api/stats/regions");
    expect(before.national).toMatchObject({ n: 5, events: 2 });
    expect(before.national!.mean).toBeCloseTo(7.2, 10);
    expect(nationalPoints(await read<TrendResponse>(trendPath)).map((p) => p!.n)).toEqual([5]);

    const [goneTitle] = await own.all<{ title: string }>(sql`SELECT title FROM event WHERE id = ${gone.eventId}`);
    const cancel = await figures.request(`http://localhost/api/events/${gone.eventId}/cancel`, { method: "POST", headers: asBrowser(nat) });
    expect(cancel.status).toBe(200);

    // After: only 8, 9, 10 (mean 9), one day; region 15 has nothing.
    const after = await read<RegionsStatsResponse>("/api/stats/regions");
    expect(after.national).toMatchObject({ n: 3, events: 1 });
    expect(after.national!.mean).toBeCloseTo(9, 10);
    expect(after.regions.find((r) => r.code === "15")!.grade.n).toBe(0);
    const trend = nationalPoints(await read<TrendResponse>(trendPath));
    expect(trend.map((p) => [p!.n, p!.mean])).toEqual([[3, 9]]);
    const csv = await (await figures.request("http://localhost/api/export/events.csv?lang=fi", { headers: asBrowser(nat) })).text();
    expect(csv).toContain("Testipäivä");
    expect(csv).not.toContain(goneTitle!.title);
    const trendCsv = await (
      await figures.request(`http://localhost/api/export/trend.csv?interval=term&from=2019-01-01&to=2019-12-31&lang=fi`, {
        headers: asBrowser(nat),
      })
    ).text();
    expect(trendCsv).toContain(";3;");
    expect(trendCsv).not.toContain(";5;");
    const events = await read<{ events: { id: number }[] }>("/api/events");
    expect(events.events.map((e) => e.id)).toEqual([kept.eventId]);

    // Taken back: the day counts again.
    await figures.request(`http://localhost/api/events/${gone.eventId}/uncancel`, { method: "POST", headers: asBrowser(nat) });
    expect((await read<RegionsStatsResponse>("/api/stats/regions")).national).toMatchObject({ n: 5, events: 2 });
  });
});

describe("deleting a day", () => {
  it("an agent deletes a day of their region without answers (test answers go with it)", async () => {
    const day = await newEvent(agent16, { title: "Turha päivä" });
    expect((await api("DELETE", `/api/events/${day.id}`, agent15)).status).toBe(403);
    expect((await api("DELETE", `/api/events/${day.id}`, viewer16)).status).toBe(403);
    const deleted = await json<{ deleted: { id: number; responses: number; comments: number } }>(
      await api("DELETE", `/api/events/${day.id}`, agent16),
      200,
    );
    expect(deleted.deleted).toMatchObject({ id: day.id, responses: 0, comments: 0 });
    expect((await api("GET", `/api/events/${day.id}`, agent16)).status).toBe(404);
    expect((await app.request(`/s/${day.survey.slug}`)).status).toBe(404);
    expect(JSON.parse((await lastAudit("event_deleted"))!.details!)).toMatchObject({ title: "Turha päivä", responses: 0 });
  });

  it("a day with answers: not an agent's to delete; the national team only with the number of responses confirmed", async () => {
    const day = await newEvent(agent16, { title: "Vastattu päivä" });
    await json(await api("POST", `/api/events/${day.id}/questions`, agent16, OWN_QUESTION), 201);
    await answer(day.survey.slug, { grade: 8, good: "Hyvät puhujat", day_1: "email" });
    await answer(day.survey.slug, { grade: 7, improve: "Lisää taukoja" });
    await answer(day.survey.slug, { grade: 9 });

    expect((await api("DELETE", `/api/events/${day.id}`, agent16)).status).toBe(403);
    const unconfirmed = await json<{ error: { code: string; fields: { key: string; message: string }[] } }>(
      await api("DELETE", `/api/events/${day.id}`, national),
      409,
    );
    expect(unconfirmed.error.fields[0]!.message).toContain("3 responses and 2 comments");
    expect((await api("DELETE", `/api/events/${day.id}?confirmResponses=2`, national)).status).toBe(409);
    expect((await api("DELETE", `/api/events/${day.id}?confirmResponses=drei`, national)).status).toBe(422);

    // The confirmation page names what is lost; an agent sees why they cannot.
    const agentPage = await (
      await app.request(`http://localhost/admin/events/${day.id}/delete?lang=fi`, { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(agentPage).toContain("vain valtakunnallinen tiimi");
    expect(agentPage).not.toContain('name="confirmResponses"');
    const page = await (
      await app.request(`http://localhost/admin/events/${day.id}/delete?lang=en`, { headers: asBrowser(national, { accept: "text/html" }) })
    ).text();
    expect(page).toContain("the responses (3) and the open comments (2)");
    expect(page).toContain('name="confirmResponses" value="3"');

    const done = await post(`/admin/events/${day.id}/delete?lang=en`, national, { confirmResponses: "3" });
    expect(done.headers.get("location")).toBe("/admin?lang=en&done=eventDeleted");
    expect((await api("GET", `/api/events/${day.id}`, national)).status).toBe(404);
    const [left] = await db.all<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM response WHERE survey_id NOT IN (SELECT id FROM survey)) + (SELECT count(*) FROM answer WHERE response_id NOT IN (SELECT id FROM response)) + (SELECT count(*) FROM answer_tally WHERE survey_id NOT IN (SELECT id FROM survey)) AS n`,
    );
    expect(left!.n).toBe(0);
    const audit = await lastAudit("event_deleted");
    expect(audit!.target).toBe(`event:${day.id}`);
    expect(JSON.parse(audit!.details!)).toMatchObject({ title: "Vastattu päivä", date: "2019-09-04", responses: 3, comments: 2 });
  });
});

describe("editing a day's own question", () => {
  it("rewrites it until the first real answer; test answers do not lock it", async () => {
    const day = await newEvent(agent16);
    const { id } = await json<{ id: number }>(await api("POST", `/api/events/${day.id}/questions`, agent16, OWN_QUESTION), 201);
    const changed = { ...OWN_QUESTION, required: true, text: { fi: "Mistä kuulit?", sv: "Var hörde du?", en: "Where did you hear?" } };
    expect((await api("PATCH", `/api/events/${day.id}/questions/${id}`, agent15, changed)).status).toBe(403);
    expect((await api("PATCH", `/api/events/${day.id}/questions/${id}`, agent16, { kind: "choice" })).status).toBe(422);
    await json(await api("PATCH", `/api/events/${day.id}/questions/${id}`, agent16, changed), 200);

    const test = await post(`/admin/events/${day.id}/test?lang=fi`, agent16, { grade: "8", day_1: "email" });
    expect(test.status).toBe(303);
    const after = await json<{ locked: boolean; day: { id: number; required: boolean; text: unknown }[] }>(
      await api("GET", `/api/events/${day.id}/questions`, agent16),
      200,
    );
    expect(after.locked).toBe(false);
    expect(after.day[0]).toMatchObject({ id, required: true, text: changed.text });
    await json(await api("PATCH", `/api/events/${day.id}/questions/${id}`, agent16, OWN_QUESTION), 200);
    expect((await lastAudit("question_changed"))!.target).toBe(`event:${day.id}`);

    const core = (await json<{ core: { id: number }[] }>(await api("GET", `/api/events/${day.id}/questions`, agent16), 200)).core[0]!.id;
    expect((await api("PATCH", `/api/events/${day.id}/questions/${core}`, agent16, OWN_QUESTION)).status).toBe(404);

    await answer(day.survey.slug, { grade: 8 });
    const locked = await json<{ error: { code: string } }>(
      await api("PATCH", `/api/events/${day.id}/questions/${id}`, agent16, changed),
      409,
    );
    expect(locked.error.code).toBe("conflict");
  });
});
