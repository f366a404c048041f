import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { startWorker, startWorkerDatabase, type RunningWorker, type WorkerDatabase } from "./harness";

// The built Worker bundle (what `wrangler deploy` uploads) under Miniflare, with wrangler.toml's
// [assets] routing, against a libSQL endpoint over HTTP with the real migrations and the demo data.

const FORM = "application/x-www-form-urlencoded";
const [NATIONAL, AGENT] = DEMO_USERS;

let database: WorkerDatabase;
let worker: RunningWorker;
let fresh: TestSurvey;
let closed: TestSurvey;

beforeAll(async () => {
  database = await startWorkerDatabase({ demo: true });
  fresh = await createTestSurvey(database.db);
  closed = await createTestSurvey(database.db, { closesAt: Date.now() - 60_000 });
  worker = await startWorker({ LIBSQL_URL: database.url });
});

afterAll(async () => {
  await worker?.close();
  await database?.close();
});

async function countResponses(surveyId: number): Promise<number> {
  const rows = await database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response WHERE survey_id = ${surveyId}`);
  return rows[0]!.n;
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return worker.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function signIn(user: { email: string; password: string }): Promise<string> {
  const res = await postJson("/api/auth/login", { email: user.email, password: user.password }, { origin: worker.url.origin });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

describe("Worker: health and static assets", () => {
  it("reports healthy once it reaches the database over HTTP", async () => {
    const res = await worker.fetch("/healthz");
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("serves the built survey script from [assets], byte for byte, without running the Worker", async () => {
    const res = await worker.fetch("/assets/survey.js");
    expect(res.status, `${[...res.headers]} ${await res.clone().text()}`).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe(readFileSync(`${inject("workerBuild").assetsDirectory}/assets/survey.js`, "utf8"));
    // The Worker stamps every response with x-request-id; Cloudflare's asset layer does not.
    expect(res.headers.get("x-request-id")).toBeNull();
    expect(res.headers.get("etag")).toBeTruthy();
  });

  it("serves the dashboard page through the Worker, with the app's security headers and revalidation", async () => {
    const res = await worker.fetch("/");
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toBe(readFileSync(`${inject("workerBuild").assetsDirectory}/index.html`, "utf8"));
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    // [assets] alone would send none of these; "/" runs the Worker first (wrangler.toml).
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await worker.fetch("/", { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
  });

  it("serves the dashboard's content-hashed script and stylesheet with a year of immutable caching, the survey script with revalidation", async () => {
    const assets = inject("workerBuild").assetsDirectory;
    const page = await (await worker.fetch("/")).text();
    const hashed = [...page.matchAll(/"(\/assets\/dashboard\.[0-9a-f]{8}\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(hashed).toHaveLength(2);
    for (const path of hashed) {
      const res = await worker.fetch(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
      expect(await res.text()).toBe(readFileSync(`${assets}${path}`, "utf8"));
    }
    expect((await worker.fetch("/assets/survey.js")).headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    // The build's .br/.gz copies are for the Node entry; .assetsignore keeps them out of the upload.
    expect((await worker.fetch(`${hashed[0]}.br`)).status).toBe(404);
  });

  it("hands a path with no asset to the Worker (not_found_handling = none), which answers JSON 404", async () => {
    const res = await worker.fetch("/assets/no-such-file.js");
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });
});

describe("Worker: the participant's survey", () => {
  it("renders the form in the asked language with a fresh submission id and the page CSP", async () => {
    const res = await worker.fetch(`/s/${DEMO_SURVEY_SLUG}?lang=sv`);
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="sv">/);
    expect(html).toMatch(/name="submission_id" value="[0-9a-f-]{36}"/);
    expect(html).toContain("Helhetsvitsord för dagen");
    expect(html).toContain('src="/assets/survey.js"');
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("takes the JavaScript-off form post: 303 to the thank-you page, one stored response", async () => {
    const id = crypto.randomUUID();
    const body = new URLSearchParams({
      submission_id: id,
      lang: "sv",
      grade: "9",
      usefulness: "4",
      sector: "education",
      good: "Bra dag",
      improve: "",
    });
    const res = await worker.fetch(`/s/${fresh.slug}`, { method: "POST", headers: { "content-type": FORM, accept: "text/html" }, body });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe(`/s/${fresh.slug}/thanks?lang=sv`);
    const thanks = await worker.fetch(res.headers.get("location")!);
    expect(await thanks.text()).toContain("Tack för din respons!");
    const stored = await database.db.all<{ key: string; num_value: number | null; text_value: string | null }>(
      sql`SELECT q.key, a.num_value, a.text_value FROM answer a JOIN question q ON q.id = a.question_id WHERE a.response_id = ${id} ORDER BY q.position`,
    );
    expect(stored).toEqual([
      { key: "grade", num_value: 9, text_value: null },
      { key: "usefulness", num_value: 4, text_value: null },
      { key: "sector", num_value: 2, text_value: "education" },
      { key: "good", num_value: null, text_value: "Bra dag" },
    ]);
  });

  it("makes a JSON submission idempotent: 201 with the id, then 200 with the same id, stored once", async () => {
    const survey = await createTestSurvey(database.db);
    const id = crypto.randomUUID();
    const body = { submission_id: id, lang: "en", answers: { grade: 8, usefulness: 5, good: "Great" } };
    const first = await postJson(`/s/${survey.slug}`, body);
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toEqual({ id });
    const again = await postJson(`/s/${survey.slug}`, body);
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await again.json()).toEqual({ id });
    expect(await countResponses(survey.surveyId)).toBe(1);
  });

  it("stores a submission once when the same retry races itself (remote constraint errors carry no detail)", async () => {
    const survey = await createTestSurvey(database.db);
    const id = crypto.randomUUID();
    const body = { submission_id: id, answers: { grade: 7 } };
    const results = await Promise.all([1, 2, 3].map(() => postJson(`/s/${survey.slug}`, body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 201]);
    for (const r of results) expect(await r.json()).toEqual({ id });
    expect(await countResponses(survey.surveyId)).toBe(1);
  });

  it("answers 422 in the respondent's language and stores nothing", async () => {
    const survey = await createTestSurvey(database.db);
    const res = await postJson(`/s/${survey.slug}`, { lang: "sv", answers: { grade: 11, sector: "pirates" } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(422);
    expect(body.error).toMatchObject({ code: "validation_failed", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { key: "grade", code: "out_of_range", message: "Välj ett värde mellan 4 och 10." },
        { key: "sector", code: "unknown_option", message: "Välj ett av de givna alternativen." },
      ]),
    );
    const form = await worker.fetch(`/s/${survey.slug}`, {
      method: "POST",
      headers: { "content-type": FORM, accept: "text/html" },
      body: new URLSearchParams({ submission_id: crypto.randomUUID(), lang: "fi", grade: "11", good: "Hyvä päivä" }),
    });
    const html = await form.text();
    expect(form.status, html).toBe(422);
    expect(html).toContain("Valitse arvo väliltä 4–10.");
    expect(html).toContain("Hyvä päivä</textarea>");
    expect(await countResponses(survey.surveyId)).toBe(0);
  });

  it("answers 410 for a closed survey, as a page and as JSON", async () => {
    const page = await worker.fetch(`/s/${closed.slug}?lang=en`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("The survey is closed");
    const json = await postJson(`/s/${closed.slug}`, { answers: { grade: 8 } });
    expect(json.status).toBe(410);
    expect((await json.json()).error.code).toBe("gone");
    expect(await countResponses(closed.surveyId)).toBe(0);
  });

  it("answers 404 for an unknown survey", async () => {
    const res = await worker.fetch("/s/no-such-survey", { headers: { accept: "text/html" } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Kyselyä ei löytynyt");
  });
});

describe("Worker: staff sign-in and the API", () => {
  it("signs in with a password hashed on Node (PBKDF2 through WebCrypto on both) and sets the session cookie", async () => {
    const res = await postJson("/api/auth/login", { email: NATIONAL.email, password: NATIONAL.password }, { origin: worker.url.origin });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^palaute_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure"); // plain-http localhost only
  });

  it("marks the cookie Secure on a real https origin", async () => {
    // dispatchFetch lets the Worker see the URL a visitor would use in production.
    const res = await worker.miniflare.dispatchFetch("https://palaute.example/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://palaute.example" },
      body: JSON.stringify({ email: AGENT.email, password: AGENT.password }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("set-cookie")).toContain("Secure");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses a wrong password with 401 and the same message as an unknown email", async () => {
    const wrong = await postJson(
      "/api/auth/login",
      { email: AGENT.email, password: "not the password" },
      { origin: worker.url.origin, "accept-language": "en" },
    );
    const unknown = await postJson(
      "/api/auth/login",
      { email: "nobody@palaute.example", password: "not the password" },
      { origin: worker.url.origin, "accept-language": "en" },
    );
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it("answers a protected API call with the session cookie, and 401 without it", async () => {
    const cookie = await signIn(AGENT);
    const me = await worker.fetch("/api/me", { headers: { cookie } });
    expect(me.status, await me.clone().text()).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: AGENT.email, role: "agent", regions: ["16"] } });

    const events = await worker.fetch("/api/events?region=16", { headers: { cookie } });
    const body = await events.json();
    expect(events.status, JSON.stringify(body)).toBe(200);
    expect(body.events.map((e: { date: string }) => e.date)).toEqual(expect.arrayContaining(["2019-09-04", "2019-11-06"]));
    expect(body.events.every((e: { region: string }) => e.region === "16")).toBe(true);

    const anonymous = await worker.fetch("/api/me");
    expect(anonymous.status).toBe(401);
    const elsewhere = await worker.fetch("/api/events?region=01", { headers: { cookie } });
    expect(elsewhere.status).toBe(403);
  });

  it("refuses a cross-site state change", async () => {
    const cookie = await signIn(NATIONAL);
    const res = await postJson(
      "/api/programmes",
      { name: "Evil" },
      { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("cross_site");
  });

  it("answers a dashboard stats call, scoped to the agent's regions", async () => {
    const res = await worker.fetch("/api/stats/regions", { headers: { cookie: await signIn(AGENT) } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(["16"]);
    const [expected] = await database.db.all<{ events: number; attendance: number }>(
      sql`SELECT count(*) AS events, sum(attendance) AS attendance FROM event WHERE region_code = '16'`,
    );
    expect(body.regions[0]).toMatchObject({ code: "16", ...expected });
    expect(body.national.responses).toBeGreaterThan(1000);
    expect(body.national.mean).toBeGreaterThan(7);
  });
});

describe("Worker: configuration", () => {
  let unconfigured: RunningWorker;
  beforeAll(async () => {
    unconfigured = await startWorker({});
  });
  afterAll(async () => {
    await unconfigured?.close();
  });

  it("says exactly what is missing when LIBSQL_URL is not set", async () => {
    const res = await unconfigured.fetch("/healthz");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe("internal");
    expect(body.error.message).toContain("LIBSQL_URL is missing");
    expect(body.error.message).toContain("wrangler secret put LIBSQL_URL");
  });
});
