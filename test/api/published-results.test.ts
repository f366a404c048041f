import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { t } from "../../src/domain/i18n";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Published results (source "reported") are final: recording one closes the day's survey, answers
// never replace it, and the numbers are checked against each other before they are stored.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let national: string;
const NOW = Date.parse("2019-09-10T12:00:00Z");
const SOURCE = "LAPE-Akatemia, Keski-Pohjanmaa: raportti 4.9.2019";

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  national = await signIn(app, await createTestUser(db, "national"));
});

function api(method: string, path: string, cookie: string, body?: unknown) {
  return app.request(`http://localhost${path}`, {
    method,
    headers: asBrowser(cookie, body === undefined ? {} : { "content-type": "application/json" }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

const record = (eventId: number, body: unknown, cookie = national) => api("PUT", `/api/events/${eventId}/published-result`, cookie, body);

function answer(slug: string, grade: number, lang = "fi") {
  return app.request(`http://localhost/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ lang, answers: { grade } }),
  });
}

async function eventJson(eventId: number) {
  const res = await api("GET", `/api/events?region=16`, national);
  const body = await res.json();
  return body.events.find((e: { id: number }) => e.id === eventId);
}

describe("recording a published result through the API", () => {
  it("stores mean, n, distribution and source, closes the survey and leaves an audit line", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 47 });
    const distribution = { "7": 2, "8": 8, "9": 8, "10": 2 }; // 20 respondents, mean 170/20 = 8.5
    const res = await record(event.eventId, { mean: 8.5, n: 20, distribution, source: SOURCE });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.event.reported).toEqual({
      mean: 8.5,
      n: 20,
      source: SOURCE,
      distribution: { "4": 0, "5": 0, "6": 0, "7": 2, "8": 8, "9": 8, "10": 2 },
    });
    expect(body.event.survey.state).toBe("closed");

    const shown = await eventJson(event.eventId);
    // With a published distribution the SD and CI come from it: the squared deviations from 8.5 of
    // 7,7, 8×8, 9×8, 10,10 add up to 2×2.25 + 8×0.25 + 8×0.25 + 2×2.25 = 13, so the sample SD is √(13/19).
    expect(shown.grade).toMatchObject({ source: "reported", mean: 8.5, n: 20, median: 8.5 });
    expect(shown.grade.sd).toBeCloseTo(Math.sqrt(13 / 19), 12);
    expect(shown.grade.ci95).not.toBeNull();

    const audit = await db.all<{ action: string; details_json: string }>(
      sql`SELECT action, details_json FROM audit_log WHERE target = ${`event:${event.eventId}`}`,
    );
    expect(audit.map((a) => a.action)).toEqual(["published_result_recorded"]);
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ mean: 8.5, n: 20, source: SOURCE, attendance: 47 });
  });

  it("takes n from a distribution given without it, and records attendance given with the result", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 10 });
    const res = await record(event.eventId, { mean: 9, distribution: { "8": 1, "9": 1, "10": 1 }, attendance: 59, source: SOURCE });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.event.reported.n).toBe(3);
    expect(body.event.attendance).toBe(59);
  });

  it("is the national team's: an agent of the day's own region gets 403 and nothing changes", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const res = await record(event.eventId, { mean: 8.5, source: SOURCE }, agent16);
    expect(res.status).toBe(403);
    expect((await eventJson(event.eventId)).reported).toBeNull();
  });
});

describe("validation of published figures", () => {
  it.each([
    ["n above attendance", { mean: 8.5, n: 48, source: SOURCE }, "n", "n_above_attendance"],
    ["n = 0 with a mean", { mean: 8.5, n: 0, source: SOURCE }, "n", "n_below_one"],
    ["mean above the scale", { mean: 10.5, source: SOURCE }, "mean", "mean_off_scale"],
    ["mean below the scale", { mean: 3.9, source: SOURCE }, "mean", "mean_off_scale"],
    ["distribution not adding up to n", { mean: 8, n: 5, distribution: { "8": 4 }, source: SOURCE }, "distribution", "distribution_n"],
    [
      "distribution contradicting the mean",
      { mean: 8.5, n: 4, distribution: { "7": 4 }, source: SOURCE },
      "distribution",
      "distribution_mean",
    ],
    ["distribution off the scale", { mean: 8, distribution: { "3": 1, "8": 2 }, source: SOURCE }, "distribution", "distribution_off_scale"],
    ["no source", { mean: 8.5, n: 10 }, "source", "missing"],
    ["an empty source", { mean: 8.5, source: "   " }, "source", "min_length"],
    ["a mean as text", { mean: "8,5", source: SOURCE }, "mean", "number"],
  ])("refuses %s with 422 naming the field, and stores nothing", async (_name, body, key, _code) => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 47 });
    const res = await record(event.eventId, body);
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(422);
    expect(
      json.error.fields.map((f: { key: string }) => f.key),
      JSON.stringify(json),
    ).toContain(key);
    expect((await eventJson(event.eventId)).reported).toBeNull();
    expect((await app.request(`/s/${event.slug}`)).status).toBe(200);
  });

  it("accepts n equal to attendance and a distribution mean within rounding (8.46 published as 8.5)", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 13 });
    // 4×8 + 7×9 + 2×7 = 32 + 63 + 14 = 109 over 13 = 8.3846…: published as 8.4.
    const res = await record(event.eventId, { mean: 8.4, n: 13, distribution: { "7": 2, "8": 4, "9": 7 }, source: SOURCE });
    expect(res.status, await res.clone().text()).toBe(200);
  });
});

describe("a published result is final", () => {
  it("refuses a later submission with a clear page in the respondent's language and a 4xx JSON; the figure stays", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 47 });
    expect((await record(event.eventId, { mean: 8.5, source: SOURCE })).status).toBe(200);

    const json = await answer(event.slug, 4);
    const body = await json.json();
    expect(json.status, JSON.stringify(body)).toBe(410);
    expect(body.error.code).toBe("published");

    const form = await app.request(`http://localhost/s/${event.slug}?lang=sv`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "sv", grade: "4", good: "Bra dag" }).toString(),
    });
    const page = await form.text();
    expect(form.status).toBe(410);
    expect(page).toContain(t("sv", "published.title"));
    expect(page).toContain("Bra dag"); // nothing typed is lost

    const opened = await app.request(`http://localhost/s/${event.slug}?lang=en`);
    expect(opened.status).toBe(410);
    expect(await opened.text()).toContain(t("en", "published.body"));

    expect((await eventJson(event.eventId)).grade).toMatchObject({ source: "reported", mean: 8.5 });
    const stored = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response WHERE survey_id = ${event.surveyId}`);
    expect(stored[0]!.n).toBe(0);
  });

  it("cannot be reopened or rescheduled by the region's agent", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    expect((await record(event.eventId, { mean: 8, source: SOURCE })).status).toBe(200);
    expect((await api("POST", `/api/events/${event.eventId}/survey/open`, agent16)).status).toBe(409);
    expect((await api("PATCH", `/api/events/${event.eventId}/survey`, agent16, { closesAt: null })).status).toBe(409);
    expect((await app.request(`/s/${event.slug}`)).status).toBe(410);
  });

  it("shows a day with both side by side: the published figure stands, the answers beside it, flagged as a conflict", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 47 });
    for (const grade of [4, 5, 6]) expect((await answer(event.slug, grade)).status).toBe(201);
    expect((await record(event.eventId, { mean: 8.5, source: SOURCE })).status).toBe(200);
    const shown = await eventJson(event.eventId);
    expect(shown.grade).toMatchObject({ source: "reported", mean: 8.5, n: null, ci95: null });
    expect(shown.collected).toMatchObject({ source: "responses", n: 3, mean: 5 });
    expect(shown.conflict).toBe(true);

    const page = await (
      await app.request(`http://localhost/admin/events/${event.eventId}?lang=fi`, { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(page).toContain(t("fi", "admin.published.conflict"));
    expect(page).toContain(SOURCE);
  });
});

describe("the record form on the day's staff page", () => {
  function post(eventId: number, fields: Record<string, string>, lang = "fi") {
    return app.request(`http://localhost/admin/events/${eventId}/published-result?lang=${lang}`, {
      method: "POST",
      headers: asBrowser(national, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams(fields).toString(),
    });
  }

  it("is shown to the national team only", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const forNational = await (
      await app.request(`http://localhost/admin/events/${event.eventId}?lang=fi`, { headers: asBrowser(national, { accept: "text/html" }) })
    ).text();
    expect(forNational).toContain(`action="/admin/events/${event.eventId}/published-result?lang=fi"`);
    const forAgent = await (
      await app.request(`http://localhost/admin/events/${event.eventId}?lang=fi`, { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(forAgent).not.toContain("published-result");
  });

  it("saves a Finnish decimal comma and a distribution, then redirects with a note", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 47 });
    const res = await post(event.eventId, { mean: "8,5", n: "4", "dist-8": "2", "dist-9": "2", attendance: "", source: SOURCE });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/events/${event.eventId}?lang=fi&done=publishedSaved`);
    expect((await eventJson(event.eventId)).reported).toMatchObject({ mean: 8.5, n: 4, source: SOURCE });
  });

  it.each([
    ["fi", { mean: "", source: SOURCE }, "admin.error.publishedMean"],
    ["sv", { mean: "8,5", n: "60", source: SOURCE }, "admin.error.publishedN"],
    ["en", { mean: "8.5", n: "3", "dist-8": "1", source: SOURCE }, "admin.error.publishedDistributionN"],
    ["fi", { mean: "8,5", source: "" }, "admin.error.publishedSource"],
  ] as const)("in %s refuses %j with 422, the message in the user's language and the typed values kept", async (lang, fields, message) => {
    const event = await createTestSurvey(db, { regionCode: "16", attendance: 47 });
    const res = await post(event.eventId, fields, lang);
    const page = await res.text();
    expect(res.status, page.slice(0, 500)).toBe(422);
    expect(page).toContain(t(lang, message).replaceAll("'", "&#39;"));
    if (fields.mean) expect(page).toContain(`value="${fields.mean}"`);
    expect((await eventJson(event.eventId)).reported).toBeNull();
  });
});
