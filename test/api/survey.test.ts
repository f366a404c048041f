import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestDb } from "../helpers/test-db";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";

const FORM = "application/x-www-form-urlencoded";
const NOW = Date.parse("2019-09-04T14:00:00Z");

let db: Db;
let app: ReturnType<typeof createApp>;
let open: TestSurvey;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  open = await createTestSurvey(db);
});

function postForm(slug: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return app.request(`/s/${slug}`, {
    method: "POST",
    headers: { "content-type": FORM, accept: "text/html", ...headers },
    body: body.toString(),
  });
}

function postJson(slug: string, body: unknown) {
  return app.request(`/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function countResponses(surveyId: number): Promise<number> {
  const rows = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response WHERE survey_id = ${surveyId}`);
  return rows[0]!.n;
}

describe("GET /s/:slug", () => {
  it("renders an accessible form with a fresh submission id and every core question", async () => {
    const res = await app.request(`/s/${open.slug}`);
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fi">/);
    expect(html).toMatch(/name="submission_id" value="[0-9a-f-]{36}"/);
    for (const key of ["grade", "usefulness", "sector", "good", "improve"]) expect(html).toContain(`name="${key}"`);
    expect(html).toContain("<legend>Kokonaisarvosana päivälle (4–10)");
    expect(html).toContain('<label class="label" for="q-good">');
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    ["sv", 'lang="sv"', "Helhetsvitsord för dagen"],
    ["en", 'lang="en"', "Overall grade for the day"],
  ])("speaks %s when asked with ?lang", async (lang, attr, text) => {
    const html = await (await app.request(`/s/${open.slug}?lang=${lang}`)).text();
    expect(html).toContain(attr);
    expect(html).toContain(text);
    expect(html).toContain(`name="lang" value="${lang}"`);
  });

  it("follows the browser's language when none is chosen", async () => {
    const html = await (await app.request(`/s/${open.slug}`, { headers: { "accept-language": "sv-FI,sv;q=0.9" } })).text();
    expect(html).toContain('<html lang="sv">');
  });

  it("answers 404 with a friendly page for an unknown or malformed slug", async () => {
    for (const slug of ["no-such-survey", "..%2F..%2Fetc%2Fpasswd", "a"]) {
      const res = await app.request(`/s/${slug}`, { headers: { accept: "text/html" } });
      expect(res.status, slug).toBe(404);
      expect(await res.text()).toContain("Kyselyä ei löytynyt");
    }
  });

  it("answers 410 for a closed survey and 403 before it opens", async () => {
    const closed = await createTestSurvey(db, { closesAt: NOW - 1 });
    const res = await app.request(`/s/${closed.slug}?lang=en`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("The survey is closed");
    const future = await createTestSurvey(db, { opensAt: NOW + 3_600_000 });
    const early = await app.request(`/s/${future.slug}?lang=fi`);
    expect(early.status).toBe(403);
    expect(await early.text()).toContain("Kysely ei ole vielä auki");
  });
});

describe("POST /s/:slug with the JavaScript-off form", () => {
  it("stores exactly one response, redirects to the thank-you page, and ignores a retry", async () => {
    const survey = await createTestSurvey(db);
    const id = crypto.randomUUID();
    const fields = { submission_id: id, lang: "sv", grade: "9", usefulness: "4", sector: "education", good: "Bra dag", improve: "" };
    const first = await postForm(survey.slug, fields);
    expect(first.status, await first.clone().text()).toBe(303);
    expect(first.headers.get("location")).toBe(`/s/${survey.slug}/thanks?lang=sv`);
    expect(await countResponses(survey.surveyId)).toBe(1);

    const retry = await postForm(survey.slug, fields);
    expect(retry.status).toBe(303);
    expect(await countResponses(survey.surveyId)).toBe(1);

    const stored = await db.all<{ key: string; num_value: number | null; text_value: string | null }>(
      sql`SELECT q.key, a.num_value, a.text_value FROM answer a JOIN question q ON q.id = a.question_id WHERE a.response_id = ${id} ORDER BY q.position`,
    );
    expect(stored).toEqual([
      { key: "grade", num_value: 9, text_value: null },
      { key: "usefulness", num_value: 4, text_value: null },
      { key: "sector", num_value: 2, text_value: "education" },
      { key: "good", num_value: null, text_value: "Bra dag" },
    ]);

    const thanks = await app.request(first.headers.get("location")!);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain("Tack för din respons!");
  });

  it("answers 422 for a grade of 11, keeps the typed comment and explains in the respondent's language", async () => {
    const survey = await createTestSurvey(db);
    const comment = 'Puhujat <b>"loistavia"</b> & ruoka hyvää';
    const res = await postForm(survey.slug, { submission_id: crypto.randomUUID(), lang: "fi", grade: "11", good: comment, sector: "ngo" });
    const html = await res.text();
    expect(res.status, html).toBe(422);
    expect(html).toContain("Tarkista vastauksesi");
    expect(html).toContain("Valitse arvo väliltä 4–10.");
    expect(html).toContain("Puhujat &lt;b&gt;&quot;loistavia&quot;&lt;/b&gt; &amp; ruoka hyvää</textarea>");
    expect(html).toMatch(/value="ngo" checked/);
    expect(html).toContain('href="#q-grade-4"');
    expect(html).toMatch(/<title>Virhe: /);
    expect(await countResponses(survey.surveyId)).toBe(0);
  });

  it("keeps the same submission id through an error so a later retry stays idempotent", async () => {
    const survey = await createTestSurvey(db);
    const id = crypto.randomUUID();
    const html = await (await postForm(survey.slug, { submission_id: id, lang: "en", good: "x" })).text();
    expect(html).toContain(`value="${id}"`);
    expect(html).toContain("Please answer this question.");
  });

  it("shows a closed survey's page with the participant's own text when it closed meanwhile", async () => {
    const closed = await createTestSurvey(db, { closesAt: NOW - 1 });
    const res = await postForm(closed.slug, { submission_id: crypto.randomUUID(), lang: "en", grade: "8", improve: "Longer breaks" });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("Longer breaks");
  });
});

describe("POST /s/:slug with JSON", () => {
  it("answers 201 with the id, then 200 with the same id on a retry", async () => {
    const survey = await createTestSurvey(db);
    const id = crypto.randomUUID();
    const body = { submission_id: id, lang: "en", answers: { grade: 8, usefulness: 5, good: "Great" } };
    const first = await postJson(survey.slug, body);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id });
    const again = await postJson(survey.slug, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id });
    expect(await countResponses(survey.surveyId)).toBe(1);
  });

  it("makes an id when the client sends none", async () => {
    const survey = await createTestSurvey(db);
    const res = await postJson(survey.slug, { answers: { grade: 7 } });
    expect(res.status).toBe(201);
    expect((await res.json()).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 422 with every field problem, localized", async () => {
    const survey = await createTestSurvey(db);
    const res = await postJson(survey.slug, { lang: "sv", answers: { grade: 11, sector: "pirates", shoe_size: 42 } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.requestId).toBeTruthy();
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { key: "grade", code: "out_of_range", message: "Välj ett värde mellan 4 och 10." },
        { key: "sector", code: "unknown_option", message: "Välj ett av de givna alternativen." },
        { key: "shoe_size", code: "unknown_question", message: "Formuläret innehöll ett okänt fält." },
      ]),
    );
  });

  it("refuses a submission id already used for another survey with 409", async () => {
    const a = await createTestSurvey(db);
    const b = await createTestSurvey(db);
    const id = crypto.randomUUID();
    expect((await postJson(a.slug, { submission_id: id, answers: { grade: 8 } })).status).toBe(201);
    const res = await postJson(b.slug, { submission_id: id, answers: { grade: 8 } });
    expect(res.status).toBe(409);
    expect(await countResponses(b.surveyId)).toBe(0);
  });

  it.each([
    ["broken JSON", '{"answers":', 400, "invalid_json"],
    ["a non-UUID submission id", { submission_id: "1; DROP TABLE response", answers: { grade: 8 } }, 400, "invalid_submission_id"],
    ["unknown top-level keys", { answers: { grade: 8 }, admin: true }, 400, "bad_request"],
    ["answers that are not an object", { answers: [8] }, 400, "bad_request"],
    ["an unknown language", { lang: "de", answers: { grade: 8 } }, 400, "bad_request"],
  ])("answers 4xx for %s", async (_name, body, status, code) => {
    const res = await postJson(open.slug, body);
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(status);
    expect(json.error.code).toBe(code);
    expect(json.error.message).toBeTruthy();
  });

  it("answers 404 for an unknown slug and 410 for a closed survey", async () => {
    expect((await postJson("no-such-survey", { answers: { grade: 8 } })).status).toBe(404);
    const closed = await createTestSurvey(db, { closesAt: NOW - 1 });
    const res = await postJson(closed.slug, { answers: { grade: 8 } });
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe("gone");
  });
});

describe("request bodies", () => {
  it("refuses a body over 64 KB with 413, with or without Content-Length", async () => {
    const big = `grade=8&good=${"a".repeat(70_000)}`;
    const res = await app.request(`/s/${open.slug}`, { method: "POST", headers: { "content-type": FORM }, body: big });
    expect(res.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("a".repeat(10_000)));
        controller.close();
      },
    });
    const chunked = await app.request(`/s/${open.slug}`, {
      method: "POST",
      headers: { "content-type": FORM },
      body: stream,
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
  });

  it("refuses other content types with 415 and invalid UTF-8 with 400", async () => {
    const text = await app.request(`/s/${open.slug}`, { method: "POST", headers: { "content-type": "text/plain" }, body: "grade=8" });
    expect(text.status).toBe(415);
    const bytes = new Uint8Array([0x67, 0x72, 0x61, 0x64, 0x65, 0x3d, 0xff, 0xfe]);
    const bad = await app.request(`/s/${open.slug}`, { method: "POST", headers: { "content-type": FORM }, body: bytes });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_encoding");
  });
});

describe("answer tallies", () => {
  it("equal a recount from the raw answers, also after responses are deleted", async () => {
    const survey = await createTestSurvey(db);
    for (const grade of [8, 9, 9, 10, 4]) {
      expect((await postJson(survey.slug, { answers: { grade, sector: grade > 8 ? "ngo" : "parish" } })).status).toBe(201);
    }
    const recount = () =>
      db.all(sql`SELECT a.question_id, a.num_value AS value, count(*) AS count FROM answer a JOIN response r ON r.id = a.response_id
                 WHERE r.survey_id = ${survey.surveyId} AND a.num_value IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
    const tallies = () =>
      db.all(sql`SELECT question_id, value, count FROM answer_tally WHERE survey_id = ${survey.surveyId} AND count > 0 ORDER BY 1, 2`);
    expect(await tallies()).toEqual(await recount());
    const gradeSums = () =>
      db.all(sql`SELECT grade_n AS n, grade_sum AS total, grade_sum_sq AS squares FROM survey WHERE id = ${survey.surveyId}`);
    const gradeRecount = () =>
      db.all(sql`SELECT count(*) AS n, coalesce(sum(a.num_value), 0) AS total, coalesce(sum(a.num_value * a.num_value), 0) AS squares
                 FROM answer a JOIN response r ON r.id = a.response_id JOIN question q ON q.id = a.question_id
                 WHERE r.survey_id = ${survey.surveyId} AND q.key = 'grade'`);
    expect(await gradeSums()).toEqual([{ n: 5, total: 40, squares: 8 * 8 + 9 * 9 + 9 * 9 + 10 * 10 + 4 * 4 }]);
    await db.run(sql`DELETE FROM response WHERE id IN (SELECT id FROM response WHERE survey_id = ${survey.surveyId} LIMIT 2)`);
    expect(await tallies()).toEqual(await recount());
    expect(await gradeSums()).toEqual(await gradeRecount());
    expect(await countResponses(survey.surveyId)).toBe(3);
  });
});

describe("GET /healthz and unknown paths", () => {
  it("is ready once migrated", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
  it("answers unknown API paths with the error shape", async () => {
    const res = await app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "not_found", message: expect.any(String), requestId: expect.any(String) });
  });
});
