import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestDb } from "../helpers/test-db";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let national: string;
let programmeId: number;
let themeId: number;
const NOW = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  await createTestSurvey(db); // makes "Test programme" and its theme
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  themeId = (await db.all<{ id: number }>(sql`SELECT id FROM theme`))[0]!.id;
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

describe("an agent of Keski-Pohjanmaa", () => {
  it("creates a day for region 16, sets attendance 47, opens its survey and downloads its QR code", async () => {
    const created = await api("POST", "/api/events", agent16, {
      programmeId,
      regionCode: "16",
      date: "2019-09-04",
      themeId,
      title: "Uudenlainen johtaminen",
      location: "Kokkola",
    });
    const body = await created.json();
    expect(created.status, JSON.stringify(body)).toBe(201);
    const id = body.event.id;
    expect(body.event.survey.slug).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(body.event.survey.url).toBe(`http://localhost/s/${body.event.survey.slug}`);

    const patched = await api("PATCH", `/api/events/${id}`, agent16, { attendance: 47 });
    expect((await patched.json()).event.attendance).toBe(47);

    await api("POST", `/api/events/${id}/survey/close`, agent16);
    expect((await app.request(`/s/${body.event.survey.slug}`)).status).toBe(410);
    const opened = await api("POST", `/api/events/${id}/survey/open`, agent16);
    expect((await opened.json()).event.survey.state).toBe("open");
    expect((await app.request(`/s/${body.event.survey.slug}`)).status).toBe(200);

    const qr = await api("GET", `/api/events/${id}/qr.svg`, agent16);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toMatch(/^<svg[^>]+viewBox/);

    const audit = await db.all<{ action: string }>(sql`SELECT action FROM audit_log WHERE target = ${`event:${id}`} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(["event_created", "event_updated", "survey_closed", "survey_opened"]);
  });

  it("gets 403 for region 15's days and data", async () => {
    const other = await createTestSurvey(db, { regionCode: "15" });
    for (const [method, path, body] of [
      ["GET", `/api/events/${other.eventId}`],
      ["PATCH", `/api/events/${other.eventId}`, { attendance: 1 }],
      ["GET", `/api/events/${other.eventId}/qr.svg`],
      ["GET", "/api/events?region=15"],
      ["POST", "/api/events", { programmeId, regionCode: "15", date: "2019-09-05", title: "x" }],
    ] as const) {
      const res = await api(method, path, agent16, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it("sees only region 16 and national days in the list", async () => {
    await createTestSurvey(db, { regionCode: null });
    const res = await api("GET", "/api/events", agent16);
    const regions = new Set((await res.json()).events.map((e: { region: string | null }) => e.region));
    expect([...regions].sort()).toEqual([null, "16"].sort());
  });

  it("cannot record published results: that is the national team's", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const result = { mean: 8.5, n: 40, source: "LAPE-Akatemia report" };
    expect((await api("PUT", `/api/events/${event.eventId}/published-result`, agent16, result)).status).toBe(403);
    expect((await api("PUT", `/api/events/${event.eventId}/published-result`, national, result)).status).toBe(200);
    // Published figures go through their own checked route only, never a plain PATCH.
    expect((await api("PATCH", `/api/events/${event.eventId}`, national, { reportedGradeMean: 8.0 })).status).toBe(422);
  });
});

describe("validation", () => {
  it.each([
    [{ attendance: 10_001 }, "attendance"],
    [{ attendance: -1 }, "attendance"],
    [{ attendance: 4.5 }, "attendance"],
    [{ attendance: "47" }, "attendance"],
    [{ date: "2019-02-30" }, "date"],
    [{ title: "" }, "title"],
    [{ colour: "red" }, ""],
  ])("refuses %j with 422 naming the field", async (changes, key) => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const res = await api("PATCH", `/api/events/${event.eventId}`, agent16, changes);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(422);
    if (key) expect(body.error.fields.map((f: { key: string }) => f.key)).toContain(key);
  });

  it("refuses references that do not exist", async () => {
    const res = await api("POST", "/api/events", agent16, {
      programmeId: 999,
      regionCode: "16",
      date: "2019-09-04",
      themeId: 999,
      title: "x",
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.map((f: { key: string }) => f.key).sort()).toEqual(["programmeId", "themeId"]);
  });

  it("answers 404 for ids that do not exist or are not ids", async () => {
    for (const path of ["/api/events/999999", "/api/events/abc", "/api/events/0", "/api/events/1e3"]) {
      expect((await api("GET", path, agent16)).status, path).toBe(404);
    }
  });

  it("keeps the survey window in order", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const res = await api("PATCH", `/api/events/${event.eventId}/survey`, agent16, {
      opensAt: "2019-09-04T16:00:00+03:00",
      closesAt: "2019-09-04T15:00:00+03:00",
    });
    expect(res.status).toBe(422);
    const ok = await api("PATCH", `/api/events/${event.eventId}/survey`, agent16, {
      opensAt: "2019-09-04T15:00:00+03:00",
      closesAt: "2019-09-11T00:00:00+03:00",
    });
    expect((await ok.json()).event.survey).toMatchObject({
      opensAt: "2019-09-04T12:00:00.000Z",
      closesAt: "2019-09-10T21:00:00.000Z",
      state: "open",
    });
    // Naming neither end changes nothing (was a 500: an empty SET).
    const nothing = await api("PATCH", `/api/events/${event.eventId}/survey`, agent16, {});
    expect(nothing.status).toBe(200);
    expect((await nothing.json()).event.survey).toMatchObject({
      opensAt: "2019-09-04T12:00:00.000Z",
      closesAt: "2019-09-10T21:00:00.000Z",
    });
  });
});

describe("a day's own questions", () => {
  it("are asked after the core set, and only change while the survey has no answers", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const added = await api("POST", `/api/events/${event.eventId}/questions`, agent16, {
      kind: "likert",
      required: true,
      text: { fi: "Oliko tila toimiva?", sv: "Fungerade lokalen?", en: "Did the venue work?" },
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const { id } = await added.json();
    const form = await (await app.request(`/s/${event.slug}?lang=sv`)).text();
    expect(form.indexOf("Fungerade lokalen?")).toBeGreaterThan(form.indexOf("Vad borde utvecklas?"));

    const missing = await app.request(`/s/${event.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 9 } }),
    });
    expect(missing.status).toBe(422);
    const ok = await app.request(`/s/${event.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 9, day_1: 4 } }),
    });
    expect(ok.status).toBe(201);

    expect((await api("DELETE", `/api/events/${event.eventId}/questions/${id}`, agent16)).status).toBe(409);
    const listed = await (await api("GET", `/api/events/${event.eventId}/questions`, agent16)).json();
    expect(listed.locked).toBe(true);
    expect(listed.core.map((q: { key: string }) => q.key)).toEqual(["grade", "usefulness", "sector", "good", "improve"]);
    expect(listed.day.map((q: { key: string }) => q.key)).toEqual(["day_1"]);
  });

  it("cannot touch the core set", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const core = await db.all<{ id: number }>(sql`SELECT id FROM question WHERE set_id = 1 AND key = 'grade'`);
    expect((await api("DELETE", `/api/events/${event.eventId}/questions/${core[0]!.id}`, agent16)).status).toBe(404);
  });
});
