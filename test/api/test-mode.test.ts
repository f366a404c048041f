import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Test mode (issue 16): staff answer a day's survey before it opens; the answers are kept apart,
// never counted anywhere, do not lock the questions, and are wiped with one click (audit logged).

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let agent15: string;
let viewer16: string;
let programmeId: number;
const NOW = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  await createTestSurvey(db);
  programmeId = (await db.all<{ id: number }>(sql`SELECT id FROM programme`))[0]!.id;
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  agent15 = await signIn(app, await createTestUser(db, "agent", ["15"]));
  viewer16 = await signIn(app, await createTestUser(db, "viewer", ["16"]));
});

function get(path: string, cookie: string) {
  return app.request(`http://localhost${path}`, { headers: asBrowser(cookie, { accept: "text/html" }) });
}

function post(path: string, cookie: string, fields: Record<string, string> = {}) {
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams(fields).toString(),
  });
}

async function page(res: Response, status: number): Promise<string> {
  const html = await res.text();
  expect(res.status, html.slice(0, 2000)).toBe(status);
  return html;
}

function location(res: Response): string {
  expect(res.status, `expected a 303, got ${res.status}`).toBe(303);
  return res.headers.get("location") ?? "";
}

/** A day of region 16 whose survey opens tomorrow (Helsinki time). */
async function eventNotYetOpen(): Promise<{ id: number; slug: string; surveyId: number }> {
  const created = location(
    await post("/admin/events/new?lang=fi", agent16, {
      region: "16",
      date: "2019-09-05",
      programme: String(programmeId),
      title: "Testattava päivä",
      location: "Kokkola",
      attendance: "",
    }),
  );
  const id = Number(/events\/(\d+)/.exec(created)![1]);
  expect(location(await post(`/admin/events/${id}/survey/schedule?lang=fi`, agent16, { opens: "2019-09-05T09:00", closes: "" }))).toContain(
    "done=surveyScheduled",
  );
  const [row] = await db.all<{ slug: string; id: number }>(sql`SELECT slug, id FROM survey WHERE event_id = ${id}`);
  return { id, slug: row!.slug, surveyId: row!.id };
}

async function figures(surveyId: number) {
  const [row] = await db.all<{
    responses: number;
    answers: number;
    tallies: number;
    response_count: number;
    grade_n: number;
    grade_sum: number;
    tests: number;
  }>(sql`
    SELECT (SELECT count(*) FROM response WHERE survey_id = ${surveyId}) AS responses,
           (SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.survey_id = ${surveyId}) AS answers,
           (SELECT coalesce(sum(count), 0) FROM answer_tally WHERE survey_id = ${surveyId}) AS tallies,
           s.response_count, s.grade_n, s.grade_sum,
           (SELECT count(*) FROM test_response WHERE survey_id = ${surveyId}) AS tests
    FROM survey s WHERE s.id = ${surveyId}`);
  return row!;
}

const testAnswer = { grade: "9", usefulness: "4", good: "Hyvä puhuja", improve: "" };

describe("test mode", () => {
  it("shows the survey to the day's agent before it opens, marked as test mode, in the language asked for", async () => {
    const event = await eventNotYetOpen();
    expect((await app.request(`/s/${event.slug}?lang=fi`)).status, "the public survey is not open yet").toBe(403);
    for (const [lang, banner, submit] of [
      ["fi", "Testitila: tämä vastaus tallennetaan erilleen", "Lähetä testivastaus"],
      ["sv", "Testläge: det här svaret sparas skilt", "Skicka testsvar"],
      ["en", "Test mode: this answer is stored apart", "Send test answer"],
    ] as const) {
      const html = await page(await get(`/admin/events/${event.id}/test?lang=${lang}`, agent16), 200);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(banner);
      expect(html).toContain(`action="/admin/events/${event.id}/test?lang=${lang}"`);
      expect(html).toContain(submit);
      expect(html, "no background sending to the public address").not.toContain("/assets/survey.js");
      expect(html).toContain('name="grade"');
    }
  });

  it("stores a test answer apart: no response, answer, tally, count or grade sum changes, and a retry stores it once", async () => {
    const event = await eventNotYetOpen();
    const before = await figures(event.surveyId);
    const submissionId = crypto.randomUUID();
    for (let i = 0; i < 2; i++) {
      expect(
        location(await post(`/admin/events/${event.id}/test?lang=fi`, agent16, { submission_id: submissionId, lang: "fi", ...testAnswer })),
      ).toBe(`/admin/events/${event.id}?lang=fi&done=testAnswerSaved`);
    }
    expect(await figures(event.surveyId)).toEqual({ ...before, tests: 1 });
    expect(before).toMatchObject({ responses: 0, answers: 0, tallies: 0, response_count: 0, grade_n: 0, grade_sum: 0, tests: 0 });

    const eventPage = await page(await get(`/admin/events/${event.id}?lang=fi&done=testAnswerSaved`, agent16), 200);
    expect(eventPage).toContain("Testivastaus tallennettiin. Sitä ei lasketa.");
    expect(eventPage).toContain('<p id="test-count">Tallennettuja testivastauksia: 1</p>');

    const api = await app.request(`http://localhost/api/events?region=16`, { headers: asBrowser(agent16) });
    const listed = ((await api.json()) as { events: { id: number; responses: number; grade: { n: number } }[] }).events.find(
      (e) => e.id === event.id,
    );
    expect(listed, "the day is in the API list").toBeDefined();
    expect(listed!.responses).toBe(0);
    expect(listed!.grade.n).toBe(0);
  });

  it("keeps every typed value and says what is wrong when a test answer is invalid, storing nothing", async () => {
    const event = await eventNotYetOpen();
    const html = await page(
      await post(`/admin/events/${event.id}/test?lang=en`, agent16, {
        submission_id: crypto.randomUUID(),
        lang: "en",
        grade: "11",
        good: "Kept text",
      }),
      422,
    );
    expect(html).toContain("Test mode: this answer is stored apart");
    expect(html).toContain('id="error-summary"');
    expect(html).toContain("Kept text</textarea>");
    expect((await figures(event.surveyId)).tests).toBe(0);
  });

  it("leaves the day's own questions editable after test answers; the first real answer locks them", async () => {
    const event = await eventNotYetOpen();
    await post(`/admin/events/${event.id}/test?lang=fi`, agent16, { submission_id: crypto.randomUUID(), ...testAnswer });
    const added = await post(`/admin/events/${event.id}/questions?lang=fi`, agent16, {
      kind: "text",
      fi: "Terveiset",
      sv: "Hälsningar",
      en: "Greetings",
    });
    expect(location(added)).toContain("done=questionAdded");
    expect(
      await page(await get(`/admin/events/${event.id}/test?lang=sv`, agent16), 200),
      "the test form asks the new question at once",
    ).toContain("Hälsningar");

    expect(location(await post(`/admin/events/${event.id}/survey/open?lang=fi`, agent16))).toContain("done=surveyOpened");
    const real = await app.request(`/s/${event.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ submission_id: crypto.randomUUID(), answers: { grade: 8 } }),
    });
    expect(real.status).toBe(201);
    await page(
      await post(`/admin/events/${event.id}/questions?lang=fi`, agent16, { kind: "text", fi: "Toinen", sv: "Annan", en: "Another" }),
      409,
    );
    expect(await figures(event.surveyId)).toMatchObject({ responses: 1, response_count: 1, grade_n: 1, grade_sum: 8, tests: 1 });
  });

  it("wipes the test answers with one click, leaves real answers alone, and writes who did it to the audit log", async () => {
    const event = await eventNotYetOpen();
    for (let i = 0; i < 3; i++)
      await post(`/admin/events/${event.id}/test?lang=fi`, agent16, { submission_id: crypto.randomUUID(), ...testAnswer });
    expect(location(await post(`/admin/events/${event.id}/survey/open?lang=fi`, agent16))).toContain("done=surveyOpened");
    await app.request(`/s/${event.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ submission_id: crypto.randomUUID(), answers: { grade: 7 } }),
    });
    const withTests = await page(await get(`/admin/events/${event.id}?lang=en`, agent16), 200);
    expect(withTests).toContain("Test answers stored: 3");
    expect(withTests).toContain(`action="/admin/events/${event.id}/test/wipe?lang=en"`);

    expect(location(await post(`/admin/events/${event.id}/test/wipe?lang=en`, agent16))).toBe(
      `/admin/events/${event.id}?lang=en&done=testAnswersWiped`,
    );
    expect(await figures(event.surveyId)).toMatchObject({ responses: 1, response_count: 1, grade_n: 1, grade_sum: 7, tests: 0 });
    const after = await page(await get(`/admin/events/${event.id}?lang=en&done=testAnswersWiped`, agent16), 200);
    expect(after).toContain("Test answers deleted.");
    expect(after).not.toContain("/test/wipe");

    const audit = await db.all<{ action: string; target: string; details_json: string; region_code: string }>(
      sql`SELECT action, target, details_json, region_code FROM audit_log WHERE action = 'test_answers_deleted' AND target = ${`event:${event.id}`}`,
    );
    expect(audit).toEqual([
      { action: "test_answers_deleted", target: `event:${event.id}`, details_json: '{"count":3}', region_code: "16" },
    ]);
  });

  it("is only for those who may change the day: a viewer and another region's agent get 403, an anonymous visitor is sent to sign in", async () => {
    const event = await eventNotYetOpen();
    for (const cookie of [viewer16, agent15]) {
      await page(await get(`/admin/events/${event.id}/test?lang=fi`, cookie), 403);
      await page(await post(`/admin/events/${event.id}/test?lang=fi`, cookie, { submission_id: crypto.randomUUID(), ...testAnswer }), 403);
      await page(await post(`/admin/events/${event.id}/test/wipe?lang=fi`, cookie), 403);
    }
    expect((await figures(event.surveyId)).tests).toBe(0);
    const anonymous = await app.request(`http://localhost/admin/events/${event.id}/test?lang=sv`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/login?lang=sv&next=${encodeURIComponent(`/admin/events/${event.id}/test?lang=sv`)}`);
    expect(await page(await get(`/admin/events/${event.id}?lang=fi`, viewer16), 200), "no test mode on a reader's page").not.toContain(
      "/test",
    );
  });
});
