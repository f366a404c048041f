import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { defaultClosesAt } from "../../src/domain/survey-closing";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// New days' surveys close by default 14 days after the day at 23.59 Helsinki time; a programme
// changes the number of days (or turns it off) and a day changes its own closing time.

let app: ReturnType<typeof createApp>;
let cookie: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(`http://localhost${path}`, {
    method,
    headers: asBrowser(cookie, body === undefined ? {} : { "content-type": "application/json" }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, text };
}

async function newEvent(programmeId: number, date: string): Promise<{ closesAt: string | null; id: number }> {
  const created = await call("POST", "/api/events", { programmeId, regionCode: "16", date, title: "Päivä" });
  expect(created.status, created.text).toBe(201);
  const id = created.json.event.id as number;
  const got = await call("GET", `/api/events/${id}`);
  return { closesAt: got.json.event.survey.closesAt, id };
}

beforeAll(async () => {
  const db = await createTestDb();
  app = createApp({ db });
  cookie = await signIn(app, await createTestUser(db, "national"));
});

describe("default survey closing", () => {
  it("hand-computed instants: summer and winter time", () => {
    // 4 Sept 2019 + 14 days = 18 Sept, 23.59 EEST (UTC+3) = 20.59 UTC.
    expect(new Date(defaultClosesAt("2019-09-04", 14)!).toISOString()).toBe("2019-09-18T20:59:00.000Z");
    // 20 Nov 2019 + 14 days = 4 Dec, 23.59 EET (UTC+2) = 21.59 UTC.
    expect(new Date(defaultClosesAt("2019-11-20", 14)!).toISOString()).toBe("2019-12-04T21:59:00.000Z");
    // Across the autumn change (27 Oct 2019) and a month end.
    expect(new Date(defaultClosesAt("2019-10-20", 14)!).toISOString()).toBe("2019-11-03T21:59:00.000Z");
    expect(defaultClosesAt("2019-09-04", null)).toBeNull();
  });

  it("a new day closes 14 days after by default; the programme changes that for new days only", async () => {
    const programme = await call("POST", "/api/programmes", { name: "Closing test" });
    expect(programme.status, programme.text).toBe(201);
    const first = await newEvent(programme.json.programme.id, "2019-09-04");
    expect(first.closesAt).toBe("2019-09-18T20:59:00.000Z");

    const patched = await call("PATCH", `/api/programmes/${programme.json.programme.id}`, { surveyCloseDays: 3 });
    expect(patched.status, patched.text).toBe(200);
    expect((await newEvent(programme.json.programme.id, "2019-09-04")).closesAt).toBe("2019-09-07T20:59:00.000Z");
    expect((await call("GET", `/api/events/${first.id}`)).text).toContain("2019-09-18T20:59:00.000Z");

    await call("PATCH", `/api/programmes/${programme.json.programme.id}`, { surveyCloseDays: null });
    expect((await newEvent(programme.json.programme.id, "2019-09-04")).closesAt).toBeNull();
  });

  it("a day changes its own closing time", async () => {
    const programme = await call("POST", "/api/programmes", { name: "Per day", surveyCloseDays: 7 });
    const event = await newEvent(programme.json.programme.id, "2019-09-04");
    expect(event.closesAt).toBe("2019-09-11T20:59:00.000Z");
    const res = await call("PATCH", `/api/events/${event.id}/survey`, { closesAt: "2019-09-30T23:59:00+03:00" });
    expect(res.status, res.text).toBe(200);
    expect((await call("GET", `/api/events/${event.id}`)).text).toContain("2019-09-30T20:59:00.000Z");
  });

  it("refuses a bad number of days with the error shape", async () => {
    const programme = await call("POST", "/api/programmes", { name: "Bad" });
    for (const surveyCloseDays of [-1, 366, 1.5, "14", true]) {
      const res = await call("PATCH", `/api/programmes/${programme.json.programme.id}`, { surveyCloseDays });
      expect(res.status, res.text).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
    }
  });
});
