import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { NO_PASSWORD, verifyPassword } from "../../src/auth/password";
import { newSessionToken, sha256Hex } from "../../src/auth/tokens";
import type { Db } from "../../src/db/client";
import { ACCOUNT_LINK_LIFETIME_MS } from "../../src/domain/account-links";
import { formatDateTime, t } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { serviceContext } from "../../src/services/context";
import { setAccountPassword } from "../../src/services/passwords";
import { MAX_FAILURES_PER_CLIENT } from "../../src/services/sign-in";
import { asBrowser, createTestUser, signIn, type TestUser } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// One-time invitation and reset links (issue 16 item 7): made by the national team only, shown
// once, stored only as a SHA-256 hash, single use, expiring; using one signs the person in and ends
// every other session. The clock is the app's (createApp's `now`), moved by the tests.

const START = Date.parse("2026-12-02T08:00:00Z");
let clock = START;
let db: Db;
let app: ReturnType<typeof createApp>;
let nationalUser: TestUser;
let national: string;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => clock, clientAddress: (req) => req.headers.get("x-test-client") });
  nationalUser = await createTestUser(db, "national");
  national = await signIn(app, nationalUser);
});

beforeEach(() => {
  clock = START;
});

const FORM = { "content-type": "application/x-www-form-urlencoded" };

function postForm(path: string, cookie: string, form: Record<string, string | string[]>, extra: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one);
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: asBrowser(cookie, { ...FORM, ...extra }),
    body: body.toString(),
  });
}

/** The link on the page that shows it once. */
function linkIn(html: string): string {
  const match = /id="account-link" type="text" readonly="" value="(http:\/\/localhost\/set-password\/([A-Za-z0-9_-]{43}))"/.exec(html);
  if (!match) throw new Error(`no link on the page: ${html.slice(0, 400)}`);
  return match[1]!;
}

const pathOf = (link: string) => new URL(link).pathname;
const tokenOf = (link: string) => pathOf(link).split("/").pop()!;
let unique = 0;

async function invite(role = "agent", regions = ["16"]) {
  const email = `kutsuttu${++unique}@kunta.fi`;
  const res = await postForm("/admin/users?lang=en", national, { name: `Kutsuttu ${unique}`, email, role, regions, password: "" });
  const html = await res.text();
  expect(res.status, html.slice(0, 300)).toBe(200);
  const [row] = await db.all<{ id: number }>(sql`SELECT id FROM user WHERE email = ${email}`);
  return { email, id: row!.id, link: linkIn(html), html };
}

function open(link: string, lang = "en", headers: Record<string, string> = {}) {
  return app.request(`${link}?lang=${lang}`, { headers });
}

function setPassword(link: string, password: string, repeat = password, lang = "en", headers: Record<string, string> = {}) {
  return app.request(`${link}?lang=${lang}`, {
    method: "POST",
    headers: { ...FORM, origin: "http://localhost", ...headers },
    body: new URLSearchParams({ password, repeatPassword: repeat }).toString(),
  });
}

const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0]!;
const me = (cookie: string) => app.request("http://localhost/api/me", { headers: { cookie } });

describe("invitation links", () => {
  it("the national team invites a new person: an account without a password, and a link shown once with its expiry", async () => {
    const { email, id, link, html } = await invite("agent", ["16", "15"]);
    expect(link).toMatch(/^http:\/\/localhost\/set-password\/[A-Za-z0-9_-]{43}$/);
    const expires = formatDateTime("en", START + ACCOUNT_LINK_LIFETIME_MS.invitation);
    expect(html).toContain(t("en", "admin.link.once", { expires }).replaceAll("'", "&#39;"));
    expect(html).toContain('src="/assets/copy-link.js"');
    expect(html).toContain(t("en", "admin.link.copy"));
    const [account] = await db.all<{ password_hash: string; role: string }>(sql`SELECT password_hash, role FROM user WHERE id = ${id}`);
    expect(account).toEqual({ password_hash: NO_PASSWORD, role: "agent" });
    const regions = await db.all<{ region_code: string }>(sql`SELECT region_code FROM user_region WHERE user_id = ${id} ORDER BY 1`);
    expect(regions.map((r) => r.region_code)).toEqual(["15", "16"]);
    const [stored] = await db.all<{ kind: string; expires_at: number; created_by: number }>(
      sql`SELECT kind, expires_at, created_by FROM account_link WHERE user_id = ${id}`,
    );
    expect(stored).toEqual({ kind: "invitation", expires_at: START + ACCOUNT_LINK_LIFETIME_MS.invitation, created_by: nationalUser.id });
    // Nobody can sign in to it before the person chooses a password; sign-in says only "wrong".
    const login = await app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost" },
      body: JSON.stringify({ email, password: NO_PASSWORD }),
    });
    expect(login.status).toBe(401);
    expect((await login.json()).error.code).toBe("invalid_credentials");
  });

  it("stores only the SHA-256 of the token, never the token, in the link table or the audit log", async () => {
    const { id, link } = await invite();
    const token = tokenOf(link);
    const rows = await db.all<Record<string, unknown>>(sql`SELECT * FROM account_link WHERE user_id = ${id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(await sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const audit = await db.all<Record<string, unknown>>(sql`SELECT * FROM audit_log WHERE target = ${`user:${id}`}`);
    expect(audit.map((a) => a.action)).toEqual(["user_created", "account_link_created"]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(await sha256Hex(token));
  });

  it("opens a page in fi, sv and en that names the account, and never caches it", async () => {
    const { email, link } = await invite();
    for (const lang of LANGS) {
      const res = await open(link, lang);
      const html = await res.text();
      expect(res.status, html.slice(0, 300)).toBe(200);
      expect(html).toContain(t(lang, "setPassword.title.invitation"));
      expect(html).toContain(email);
      expect(html).toContain('autocomplete="new-password"');
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("refuses a password the policy refuses, in the reader's language, and the link still works afterwards", async () => {
    const { email, link } = await invite();
    for (const lang of LANGS) {
      const weak = await setPassword(link, email, email, lang);
      expect(weak.status).toBe(422);
      const html = await weak.text();
      expect(html).toContain(t(lang, "password.problem.is_email"));
      expect(html).not.toContain(`value="${email}" aria`);
      const short = await setPassword(link, "lyhyt", "lyhyt", lang);
      expect(await short.text()).toContain(t(lang, "password.problem.too_short"));
    }
    const mismatch = await setPassword(link, "kolme iloista kirahvia", "kolme iloista kirahvib", "sv");
    expect(mismatch.status).toBe(422);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain(t("sv", "password.change.mismatch"));
    expect(mismatchHtml).not.toContain("kolme iloista");
    expect((await open(link)).status).toBe(200);
  });

  it("setting the password signs the person in, and the same link never works again", async () => {
    const { email, id, link } = await invite();
    const done = await setPassword(link, "kolme iloista kirahvia");
    expect(done.status, await done.clone().text()).toBe(303);
    expect(done.headers.get("location")).toBe("/admin?lang=en");
    const cookie = cookieOf(done);
    const who = await me(cookie);
    expect(who.status).toBe(200);
    expect((await who.json()).user.id).toBe(id);
    await signIn(app, { email, password: "kolme iloista kirahvia" });
    const [row] = await db.all<{ password_hash: string }>(sql`SELECT password_hash FROM user WHERE id = ${id}`);
    expect(await verifyPassword("kolme iloista kirahvia", row!.password_hash)).toBe(true);

    const again = await open(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain(t("en", "setPassword.invalidBody"));
    const reuse = await setPassword(link, "neljä iloista kirahvia");
    expect(reuse.status).toBe(410);
    await expect(signIn(app, { email, password: "neljä iloista kirahvia" })).rejects.toThrow(/401/);
    const audit = await db.all<{ action: string; user_id: number }>(
      sql`SELECT action, user_id FROM audit_log WHERE target = ${`user:${id}`} AND action = 'account_link_used'`,
    );
    expect(audit).toEqual([{ action: "account_link_used", user_id: id }]);
  });

  it("of two requests racing with one link, exactly one sets the password", async () => {
    const { link } = await invite();
    const statuses = await Promise.all([setPassword(link, "ensimmäinen kirahvi"), setPassword(link, "toinen kirahvi tässä")]).then((all) =>
      all.map((r) => r.status),
    );
    expect(statuses.sort()).toEqual([303, 410]);
  });

  it(`expires after ${ACCOUNT_LINK_LIFETIME_MS.invitation / 86_400_000} days`, async () => {
    const { link } = await invite();
    clock = START + ACCOUNT_LINK_LIFETIME_MS.invitation - 1;
    expect((await open(link)).status).toBe(200);
    clock = START + ACCOUNT_LINK_LIFETIME_MS.invitation;
    expect((await open(link)).status).toBe(410);
    expect((await setPassword(link, "kolme iloista kirahvia")).status).toBe(410);
  });

  it("used, expired, unknown and malformed links get the same page, which tells nothing about the account", async () => {
    const used = await invite();
    expect((await setPassword(used.link, "kolme iloista kirahvia")).status).toBe(303);
    const expired = await invite();
    const unknown = `http://localhost/set-password/${newSessionToken()}`;
    const malformed = "http://localhost/set-password/abc%3Cscript%3E";
    clock = START + ACCOUNT_LINK_LIFETIME_MS.invitation;
    const bodies: string[] = [];
    for (const link of [used.link, expired.link, unknown, malformed]) {
      const res = await open(link, "fi");
      expect(res.status, link).toBe(410);
      const html = await res.text();
      expect(html).not.toContain(used.email);
      expect(html).not.toContain(expired.email);
      expect(html).not.toContain("<script>");
      bodies.push(html.replaceAll(pathOf(link), "LINK").replaceAll("/set-password/abc%3Cscript%3E", "LINK"));
    }
    expect(new Set(bodies).size, "one page for every dead link").toBe(1);
    expect(bodies[0]).toContain(t("fi", "setPassword.invalidTitle"));
  });

  it("does not work for an account disabled after the link was made", async () => {
    const { id, link } = await invite();
    expect(
      (await postForm(`/admin/users/${id}?lang=en`, national, { name: "Kutsuttu", role: "agent", regions: "16", disabled: "on" })).status,
    ).toBe(303);
    expect((await open(link)).status).toBe(410);
  });

  it("an invitation for an email that has an account is refused on the form, and makes no link", async () => {
    const { email } = await invite();
    const before = await db.all(sql`SELECT * FROM account_link`);
    const res = await postForm("/admin/users?lang=en", national, { name: "Again", email, role: "viewer", password: "" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(t("en", "admin.error.emailTaken"));
    expect(await db.all(sql`SELECT * FROM account_link`)).toHaveLength(before.length);
  });

  it("a form from another site cannot use a link", async () => {
    const { link } = await invite();
    const res = await setPassword(link, "kolme iloista kirahvia", "kolme iloista kirahvia", "en", { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await open(link)).status).toBe(200);
  });
});

describe("reset links", () => {
  async function resetLink(userId: number, cookie = national) {
    const res = await postForm(`/admin/users/${userId}/password-link?lang=en`, cookie, {});
    const html = await res.text();
    expect(res.status, html.slice(0, 300)).toBe(200);
    return { link: linkIn(html), html };
  }

  it("replace a forgotten password: sessions end everywhere, the old password stops working, the person is signed in", async () => {
    const person = await createTestUser(db, "viewer", ["16"]);
    const phone = await signIn(app, person);
    const laptop = await signIn(app, person);
    const { link, html } = await resetLink(person.id);
    expect(html).toContain(t("en", "admin.link.title.reset", { name: `Test viewer ${person.email.match(/viewer(\d+)/)![1]}` }));
    const [stored] = await db.all<{ kind: string; expires_at: number }>(
      sql`SELECT kind, expires_at FROM account_link WHERE user_id = ${person.id}`,
    );
    expect(stored).toEqual({ kind: "reset", expires_at: START + ACCOUNT_LINK_LIFETIME_MS.reset });
    // Until the link is used, nothing changes for the person.
    expect((await me(phone)).status).toBe(200);
    await signIn(app, person);

    const done = await setPassword(link, "uusi pitkä salasana tähän");
    expect(done.status).toBe(303);
    expect((await me(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(cookieOf(done))).status).toBe(200);
    await expect(signIn(app, person)).rejects.toThrow(/401/);
    await signIn(app, { email: person.email, password: "uusi pitkä salasana tähän" });
  });

  it(`expire after ${ACCOUNT_LINK_LIFETIME_MS.reset / 3_600_000} hours`, async () => {
    const person = await createTestUser(db, "agent", ["16"]);
    const { link } = await resetLink(person.id);
    clock = START + ACCOUNT_LINK_LIFETIME_MS.reset - 1;
    expect((await open(link)).status).toBe(200);
    clock = START + ACCOUNT_LINK_LIFETIME_MS.reset;
    expect((await open(link)).status).toBe(410);
  });

  it("a newer link voids the older unused ones", async () => {
    const person = await createTestUser(db, "agent", ["16"]);
    const first = await resetLink(person.id);
    const second = await resetLink(person.id);
    expect((await open(first.link)).status).toBe(410);
    expect((await open(second.link)).status).toBe(200);
  });

  it("a password set another way (own change, the national team, the CLI's service) voids unused links", async () => {
    const person = await createTestUser(db, "agent", ["16"]);
    const { link } = await resetLink(person.id);
    await setAccountPassword(serviceContext(db, { now: () => clock }), "en", {
      email: person.email,
      password: "ihan uusi salasana",
      by: "cli",
    });
    expect((await open(link)).status).toBe(410);
  });

  it("for someone who never set a password, the user page makes a fresh invitation (a week), not a day-long reset", async () => {
    const { id, link } = await invite();
    const fresh = await resetLink(id);
    expect(fresh.html).toContain(t("en", "admin.link.intro.invitation", { email: "" }).slice(0, 30));
    expect((await open(link)).status).toBe(410);
    const kinds = await db.all<{ kind: string; expires_at: number }>(
      sql`SELECT kind, expires_at FROM account_link WHERE user_id = ${id} AND used_at IS NULL`,
    );
    expect(kinds).toEqual([{ kind: "invitation", expires_at: START + ACCOUNT_LINK_LIFETIME_MS.invitation }]);
  });

  it("the user page offers the link in each language, with the lifetimes from their one definition", async () => {
    const person = await createTestUser(db, "agent", ["16"]);
    for (const lang of LANGS) {
      const res = await app.request(`http://localhost/admin/users/${person.id}?lang=${lang}`, { headers: asBrowser(national) });
      const html = await res.text();
      expect(html).toContain(`action="/admin/users/${person.id}/password-link?lang=${lang}"`);
      expect(html).toContain(t(lang, "admin.user.linkHint", { hours: 24, days: 7 }));
    }
  });

  it("an unknown account is 404", async () => {
    const res = await postForm("/admin/users/999999/password-link?lang=en", national, {});
    expect(res.status).toBe(404);
  });
});

describe("who may make links", () => {
  it.each(["agent", "viewer"] as const)("a %s may not invite or make a reset link", async (role) => {
    const someone = await createTestUser(db, role, ["16"]);
    const cookie = await signIn(app, someone);
    const target = await createTestUser(db, "viewer", ["16"]);
    const before = (await db.all(sql`SELECT * FROM account_link`)).length;
    const invited = await postForm("/admin/users?lang=en", cookie, {
      name: "X",
      email: `x${++unique}@kunta.fi`,
      role: "agent",
      regions: "16",
      password: "",
    });
    expect(invited.status).toBe(403);
    expect((await postForm(`/admin/users/${target.id}/password-link?lang=en`, cookie, {})).status).toBe(403);
    expect(await db.all(sql`SELECT * FROM account_link`)).toHaveLength(before);
  });

  it("someone signed out is sent to sign in", async () => {
    const res = await app.request("http://localhost/admin/users/1/password-link", {
      method: "POST",
      headers: { ...FORM, origin: "http://localhost" },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login\?/);
  });
});

describe("guessing links is limited like signing in", () => {
  it(`${MAX_FAILURES_PER_CLIENT} dead links per address and window, after which links and sign-in both answer 429`, async () => {
    const client = { "x-test-client": "198.51.100.7" };
    const { link } = await invite();
    // A working link gives its attempt back.
    for (let i = 0; i < 5; i++) expect((await open(link, "en", client)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT + 2; i++)
      statuses.push((await open(`http://localhost/set-password/${newSessionToken()}`, "en", client)).status);
    expect(statuses.filter((s) => s === 410)).toHaveLength(MAX_FAILURES_PER_CLIENT);
    expect(statuses.slice(MAX_FAILURES_PER_CLIENT)).toEqual([429, 429]);
    const blocked = await open(link, "sv", client);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain(t("sv", "setPassword.rateLimitedTitle"));
    const login = await app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost", ...client },
      body: JSON.stringify({ email: nationalUser.email, password: nationalUser.password }),
    });
    expect(login.status, "the same budget as sign-in").toBe(429);
    // Another address is not affected, and the window passes.
    expect((await open(link, "en", { "x-test-client": "198.51.100.8" })).status).toBe(200);
    clock = START + 15 * 60 * 1000;
    expect((await open(link, "en", client)).status).toBe(200);
  });
});
