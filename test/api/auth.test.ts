import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_CLIENT } from "../../src/services/sign-in";
import { SESSION_TTL_MS } from "../../src/http/session";
import { createTestDb } from "../helpers/test-db";
import { asBrowser, createTestUser, signIn, type TestUser } from "../helpers/accounts";

let db: Db;
let clock = Date.parse("2019-09-04T08:00:00Z");
let app: ReturnType<typeof createApp>;
let agent: TestUser;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => clock, clientAddress: (req) => req.headers.get("x-test-client") });
  agent = await createTestUser(db, "agent", ["16"]);
});

function login(body: unknown, headers: Record<string, string> = {}) {
  return app.request("http://localhost/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost", ...headers },
    body: JSON.stringify(body),
  });
}

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie (not Secure on plain-http localhost) and /api/me answers", async () => {
    const res = await login({ email: agent.email.toUpperCase(), password: agent.password });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^palaute_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const me = await app.request("http://localhost/api/me", { headers: { cookie: cookie.split(";")[0]! } });
    expect(await me.json()).toMatchObject({ user: { email: agent.email, role: "agent", regions: ["16"] } });
  });

  it("marks the cookie Secure everywhere but plain-http localhost", async () => {
    const res = await app.request("https://palaute.example/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://palaute.example" },
      body: JSON.stringify({ email: agent.email, password: agent.password }),
    });
    expect(res.headers.get("set-cookie")).toContain("Secure");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await login({ email: agent.email, password: "nope nope nope" }, { "accept-language": "fi" });
    const unknown = await login({ email: "nobody@test.example", password: "nope nope nope" }, { "accept-language": "fi" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()).error;
    const b = (await unknown.json()).error;
    expect([a.code, a.message]).toEqual(["invalid_credentials", "Sähköpostiosoite tai salasana on väärin."]);
    expect([b.code, b.message]).toEqual([a.code, a.message]);
  });

  it("refuses malformed bodies with 4xx, never 500", async () => {
    for (const body of [{}, { email: 1, password: 2 }, { email: "a@b.c", password: "x", extra: 1 }]) {
      expect((await login(body)).status).toBe(422);
    }
    const broken = await app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(broken.status).toBe(400);
  });

  it(`limits failures per account: after ${MAX_FAILURES_PER_ACCOUNT} even the right password waits`, async () => {
    const user = await createTestUser(db, "viewer", ["16"]);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect((await login({ email: user.email, password: `wrong ${i}` })).status).toBe(401);
    const limited = await login({ email: user.email, password: user.password });
    expect(limited.status).toBe(429);
    clock += 15 * 60 * 1000;
    expect((await login({ email: user.email, password: user.password })).status).toBe(200);
  });

  it(`limits failures per client address at ${MAX_FAILURES_PER_CLIENT}, across accounts`, async () => {
    const headers = { "x-test-client": "203.0.113.7" };
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) await login({ email: `guess${i}@test.example`, password: "x" }, headers);
    expect((await login({ email: agent.email, password: agent.password }, headers)).status).toBe(429);
    expect((await login({ email: agent.email, password: agent.password }, { "x-test-client": "198.51.100.1" })).status).toBe(200);
    const stored = await db.all<{ key: string }>(sql`SELECT key FROM rate_limit`);
    expect(stored.map((r) => r.key).join(" ")).not.toContain("203.0.113.7");
  });
});

describe("sessions", () => {
  it("expire after their lifetime", async () => {
    const cookie = await signIn(app, agent);
    expect((await app.request("http://localhost/api/me", { headers: { cookie } })).status).toBe(200);
    clock += SESSION_TTL_MS + 1;
    expect((await app.request("http://localhost/api/me", { headers: { cookie } })).status).toBe(401);
    // The next sign-in sweeps expired sessions and spent rate-limit windows away.
    await signIn(app, agent);
    const expired = await db.all(sql`SELECT 1 FROM session WHERE expires_at <= ${clock}`);
    const spent = await db.all(sql`SELECT 1 FROM rate_limit WHERE window_start < ${clock - 15 * 60 * 1000}`);
    expect([expired.length, spent.length]).toEqual([0, 0]);
  });

  it("end on sign-out, and sign-out everywhere ends the others too", async () => {
    const a = await signIn(app, agent);
    const b = await signIn(app, agent);
    const out = await app.request("http://localhost/api/auth/logout", { method: "POST", headers: asBrowser(a) });
    expect(out.status).toBe(204);
    expect((await app.request("http://localhost/api/me", { headers: { cookie: a } })).status).toBe(401);
    expect((await app.request("http://localhost/api/me", { headers: { cookie: b } })).status).toBe(200);
    const c = await signIn(app, agent);
    const everywhere = await app.request("http://localhost/api/auth/logout", {
      method: "POST",
      headers: asBrowser(c, { "content-type": "application/json" }),
      body: JSON.stringify({ everywhere: true }),
    });
    expect(everywhere.status).toBe(204);
    for (const cookie of [b, c]) expect((await app.request("http://localhost/api/me", { headers: { cookie } })).status).toBe(401);
  });

  it("end when a national user disables the account", async () => {
    const national = await createTestUser(db, "national");
    const victim = await createTestUser(db, "agent", ["15"]);
    const victimCookie = await signIn(app, victim);
    const res = await app.request(`http://localhost/api/users/${victim.id}`, {
      method: "PATCH",
      headers: asBrowser(await signIn(app, national), { "content-type": "application/json" }),
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status).toBe(200);
    expect((await app.request("http://localhost/api/me", { headers: { cookie: victimCookie } })).status).toBe(401);
    expect((await login({ email: victim.email, password: victim.password })).status).toBe(401);
  });

  it("are checked by the reference lists, which read the principal in one batch with their data, exactly as by /api/me", async () => {
    // GET /api/regions, /programmes, /themes and /areas read their list with the session's
    // principal (src/services/reference-lists.ts): signed in they answer, and a caller who is not
    // (no cookie, an unknown one, signed out, expired, disabled) gets /api/me's 401, body and all.
    const lists = ["/api/regions", "/api/programmes", "/api/themes", "/api/themes?programme=x", "/api/areas"];
    const withoutId = async (res: Response) => {
      const body = (await res.json()) as { error: { requestId: string } };
      return { status: res.status, body: { error: { ...body.error, requestId: "" } } };
    };
    const get = (path: string, cookie?: string) => app.request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
    const person = await createTestUser(db, "agent", ["15"]);
    const live = await signIn(app, person);
    for (const path of lists) expect((await get(path, live)).status, path).toBe(path.endsWith("=x") ? 422 : 200);
    expect(((await (await get("/api/regions", live)).json()) as { regions: { code: string; access: string }[] }).regions).toContainEqual(
      expect.objectContaining({ code: "15", access: "write" }),
    );
    const signedOut = await signIn(app, person);
    await app.request("http://localhost/api/auth/logout", { method: "POST", headers: asBrowser(signedOut) });
    const refused = [undefined, "palaute_session=unknown", signedOut];
    const check = async () => {
      for (const cookie of refused) {
        const me = await withoutId(await get("/api/me", cookie));
        expect(me.status).toBe(401);
        for (const path of lists) expect(await withoutId(await get(path, cookie)), `${path} with ${cookie}`).toEqual(me);
      }
    };
    await check();
    clock += SESSION_TTL_MS + 1;
    refused.push(live);
    await check();
  });

  it("keep no password or token in clear text in the database or in responses", async () => {
    const res = await login({ email: agent.email, password: agent.password });
    const token = res.headers.get("set-cookie")!.split(";")[0]!.split("=")[1]!;
    const dump =
      JSON.stringify(await db.all(sql`SELECT * FROM session`)) +
      JSON.stringify(await db.all(sql`SELECT * FROM user`)) +
      JSON.stringify(await db.all(sql`SELECT * FROM audit_log`));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(agent.password);
    expect(await res.text()).not.toContain(token);
  });
});

describe("CSRF", () => {
  it("refuses state changes a browser marks as cross-site, with the session cookie or without", async () => {
    const cookie = await signIn(app, agent);
    const crossSite = await app.request("http://localhost/api/auth/logout", {
      method: "POST",
      headers: { cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe("cross_site");
    const wrongOrigin = await app.request("http://localhost/api/auth/logout", {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(wrongOrigin.status).toBe(403);
    expect((await app.request("http://localhost/api/me", { headers: { cookie } })).status).toBe(200);
    const loginCsrf = await login({ email: agent.email, password: agent.password }, { origin: "https://evil.example" });
    expect(loginCsrf.status).toBe(403);
  });

  it("accepts a same-origin form post whose Origin is null (browsers send that under Referrer-Policy: no-referrer)", async () => {
    const res = await app.request("http://localhost/login?lang=fi", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "null", "sec-fetch-site": "same-origin" },
      body: new URLSearchParams({ email: agent.email, password: agent.password, next: "/admin" }).toString(),
    });
    expect(res.status).toBe(303);
    const sandboxed = await app.request("http://localhost/login?lang=fi", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "null" },
      body: new URLSearchParams({ email: agent.email, password: agent.password }).toString(),
    });
    expect(sandboxed.status, "a null Origin nobody vouches for is refused").toBe(403);
  });

  it("leaves the public survey form alone (participants have no session)", async () => {
    const res = await app.request("http://localhost/s/no-such-survey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "null", "sec-fetch-site": "cross-site" },
      body: "grade=8",
    });
    expect(res.status).toBe(404);
  });
});

describe("audit log", () => {
  it("records sign-ins, and failed sign-ins without keeping an unknown typed email", async () => {
    await login({ email: "audit-probe@test.example", password: "x" }, { "x-test-client": "192.0.2.55" });
    const dump = JSON.stringify(await db.all(sql`SELECT * FROM audit_log`));
    expect(dump).not.toContain("audit-probe");
    const failed = await db.all<{ action: string; actor: string | null; count: number }>(
      sql`SELECT action, actor, count FROM audit_log WHERE action = 'login_failed' AND details_json LIKE '%"client"%' ORDER BY id DESC LIMIT 1`,
    );
    expect(failed).toEqual([{ action: "login_failed", actor: null, count: 1 }]);
    const logins = await db.all(sql`SELECT 1 FROM audit_log WHERE action = 'login' AND user_id = ${agent.id}`);
    expect(logins.length).toBeGreaterThan(0);
  });
});

describe("caching", () => {
  it("keeps signed-in data out of caches", async () => {
    const cookie = await signIn(app, agent);
    for (const path of ["/api/me", "/api/events", "/admin"]) {
      const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
  });
});
