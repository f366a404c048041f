import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { serviceContext } from "../../src/services/context";
import { sha256Hex } from "../../src/auth/tokens";
import { SESSION_TTL_MS } from "../../src/http/session";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_CLIENT,
  SIGN_IN_WINDOW_MS,
  signIn,
  signOut,
  startSession,
} from "../../src/services/sign-in";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// signIn called directly (as the route and the Worker call it) on a real in-memory database with the
// real migrations: the rules a sign-in decides that the HTTP tests do not read back (how the typed
// address is normalised, whom a refusal is recorded against, in which window, and the per-address
// limit's exact edge). Each rule names the mutant of src/services/sign-in.ts it holds in place.

const SECRET = "service-sign-in-test-secret-0123456789";
const WINDOW_START = Date.parse("2019-09-04T08:00:00Z"); // a 15-minute boundary
let db: Db;
let user: TestUser;
let clock: number;

const deps = () => ({ ...serviceContext(db, { now: () => clock }), identifierSecret: SECRET });
const attempt = (email: string, password: string, clientAddress: string | null = "192.0.2.1") =>
  signIn(deps(), { email, password, clientAddress });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const auditRows = () =>
  db.all<{ action: string; user_id: number | null; actor: string | null; count: number; details_json: string | null }>(
    sql`SELECT action, user_id, actor, count, details_json FROM audit_log ORDER BY id`,
  );

beforeEach(async () => {
  db = await createTestDb();
  user = await createTestUser(db, "national");
  clock = WINDOW_START + 60_000;
});

describe("signIn", () => {
  it("takes the address as typed with spaces and capitals (kills: the trim/toLowerCase of input.email removed)", async () => {
    const result = await attempt(`  ${user.email.toUpperCase()}  `, user.password);
    expect(result.userId).toBe(user.id);
    expect(await auditRows()).toEqual([{ action: "login", user_id: user.id, actor: user.email, count: 1, details_json: null }]);
  });

  it("records a wrong password against the account it names, an unknown address against no one (kills: userId → found?.id && null)", async () => {
    expect(await codeOf(attempt(user.email, "not the password at all"))).toBe("invalid_credentials");
    expect(await codeOf(attempt("nobody@test.example", "not the password at all"))).toBe("invalid_credentials");
    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.user_id])).toEqual([
      ["login_failed", user.id],
      ["login_failed", null],
    ]);
  });

  it("counts refusals of one window in one row, whatever minute they come (kills: windowStart → now + now % window)", async () => {
    await codeOf(attempt(user.email, "wrong password one"));
    clock = WINDOW_START + 9 * 60_000;
    await codeOf(attempt(user.email, "wrong password two"));
    let rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(2);
    expect(JSON.parse(rows[0]!.details_json!).window).toBe("2019-09-04T08:00:00.000Z");
    // The next quarter hour starts a row of its own.
    clock = WINDOW_START + 16 * 60_000;
    await codeOf(attempt(user.email, "wrong password three"));
    rows = await auditRows();
    expect(rows.map((r) => r.count)).toEqual([2, 1]);
    expect(JSON.parse(rows[1]!.details_json!).window).toBe("2019-09-04T08:15:00.000Z");
  });

  it(`lets one address make exactly ${MAX_FAILURES_PER_CLIENT} attempts in a window, refuses the next (kills: clientAttempts >= limit)`, async () => {
    // Different unknown addresses each time, so only the per-client counter can stop them.
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT - 1; i++) {
      expect(await codeOf(attempt(`guess${i}@test.example`, "wrong password"))).toBe("invalid_credentials");
    }
    // The limit-th attempt is still checked, and a right password then succeeds.
    expect(await codeOf(attempt(user.email, user.password))).toBe("ok");
    // A success gives its attempt back; fill the window to the limit again, then one more is refused.
    expect(await codeOf(attempt("guess-last@test.example", "wrong password"))).toBe("invalid_credentials");
    expect(await codeOf(attempt(user.email, user.password))).toBe("rate_limited");
    // Another address is not affected.
    expect(await codeOf(attempt(user.email, user.password, "192.0.2.2"))).toBe("ok");
    // The refusal is recorded for the address alone, against no account.
    const limited = (await auditRows()).filter((r) => r.action === "login_rate_limited");
    expect(limited.map((r) => r.user_id)).toEqual([null]);
  });

  it(`lets one account be tried exactly ${MAX_FAILURES_PER_ACCOUNT} times in a window, refuses the next and records it against the account (kills: accountAttempts >= limit, → false)`, async () => {
    // Each try from another address, so only the per-account counter can stop them.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect(await codeOf(attempt(user.email, "wrong password", `198.51.100.${i}`))).toBe("invalid_credentials");
    }
    expect(await codeOf(attempt(user.email, user.password, "198.51.100.200"))).toBe("ok");
    expect(await codeOf(attempt(user.email, "wrong password", "198.51.100.201"))).toBe("invalid_credentials");
    expect(await codeOf(attempt(user.email, user.password, "198.51.100.202"))).toBe("rate_limited");
    const limited = (await auditRows()).filter((r) => r.action === "login_rate_limited");
    expect(limited.map((r) => [r.user_id, r.count])).toEqual([[user.id, 1]]);
  });
});

describe("signIn, the rest of what it decides", () => {
  const sessionRows = () =>
    db.all<{ id: string; user_id: number; created_at: number; expires_at: number }>(
      sql`SELECT id, user_id, created_at, expires_at FROM session ORDER BY created_at`,
    );
  const counters = () => db.all<{ key: string; count: number }>(sql`SELECT key, count FROM rate_limit ORDER BY key`);
  const detailKeys = (action: string) =>
    auditRows().then((rows) => rows.filter((r) => r.action === action).map((r) => Object.keys(JSON.parse(r.details_json!)).sort()));

  it("refuses the right password of a disabled account as if it were wrong, against the account (kills: !found.disabled → true, !ok || !found → &&)", async () => {
    await db.run(sql`UPDATE user SET disabled = 1 WHERE id = ${user.id}`);
    expect(await codeOf(attempt(user.email, user.password))).toBe("invalid_credentials");
    expect(await sessionRows()).toEqual([]);
    expect((await auditRows()).map((r) => [r.action, r.user_id])).toEqual([["login_failed", user.id]]);
  });

  it("opens a twelve-hour session under the token's hash, gives the attempts back, and clears expired sessions and spent counters (kills: the second batch's statements)", async () => {
    const other = await createTestUser(db, "viewer");
    await db.run(
      sql`INSERT INTO session (id, user_id, created_at, expires_at) VALUES ('old', ${other.id}, 0, ${clock - 1}), ('live', ${other.id}, 0, ${clock + 1})`,
    );
    await db.run(
      sql`INSERT INTO rate_limit (key, window_start, count) VALUES ('spent', ${clock - SIGN_IN_WINDOW_MS - 1}, 3), ('current', ${clock - SIGN_IN_WINDOW_MS}, 2)`,
    );
    const { token, userId } = await attempt(user.email, user.password);
    expect(userId).toBe(user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const sessions = await sessionRows();
    expect(sessions.map((s) => s.id).sort()).toEqual(["live", await sha256Hex(token)].sort());
    expect(sessions.find((s) => s.id !== "live")).toEqual({
      id: await sha256Hex(token),
      user_id: user.id,
      created_at: clock,
      expires_at: clock + SESSION_TTL_MS,
    });
    expect(SESSION_TTL_MS).toBe(12 * 60 * 60 * 1000);
    // The account's and the address's counters are back at 0; the spent one is gone, the one still in its window kept.
    const left = await counters();
    expect(left.map((c) => c.key)).not.toContain("spent");
    expect(left.find((c) => c.key === "current")?.count).toBe(2);
    expect(left.filter((c) => c.key.startsWith("account:") || c.key.startsWith("client:")).map((c) => c.count)).toEqual([0, 0]);
  });

  it("without a known client address counts the account alone, and still limits it (kills: the clientKey conditions, client?.[0]?.count ?? 0)", async () => {
    expect(await codeOf(attempt(user.email, user.password, null))).toBe("ok");
    expect((await counters()).map((c) => c.key.split(":")[0])).toEqual(["account"]);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect(await codeOf(attempt(user.email, "wrong password", null))).toBe("invalid_credentials");
    expect(await codeOf(attempt(user.email, user.password, null))).toBe("rate_limited");
    expect(await detailKeys("login_failed")).toEqual([["account", "window"]]);
    expect(await detailKeys("login_rate_limited")).toEqual([["account", "window"]]);
  });

  it("keeps a refusal per address free of the account, one per account with both, each email under its own key (kills: accountHash: null → accountHash, the email: and address: prefixes)", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) await codeOf(attempt(`guess${i}@test.example`, "wrong password"));
    expect(await codeOf(attempt(user.email, "wrong password"))).toBe("rate_limited");
    expect(await detailKeys("login_rate_limited")).toEqual([["client", "window"]]);
    // Thirty different emails: thirty account counters and one address counter.
    const keys = (await counters()).map((c) => c.key);
    expect(keys.filter((k) => k.startsWith("account:"))).toHaveLength(MAX_FAILURES_PER_CLIENT + 1);
    expect(keys.filter((k) => k.startsWith("client:"))).toHaveLength(1);
    expect(keys.join()).not.toContain("test.example");
    expect(keys.join()).not.toContain("192.0.2.1");
  });
});

describe("startSession", () => {
  it("opens a twelve-hour session for the person under the token's hash (kills: startSession's fields)", async () => {
    const token = await startSession(deps(), user.id);
    expect(await db.all(sql`SELECT id, user_id, created_at, expires_at FROM session`)).toEqual([
      { id: await sha256Hex(token), user_id: user.id, created_at: clock, expires_at: clock + SESSION_TTL_MS },
    ]);
  });
});

describe("signOut", () => {
  const sessions = async () => (await db.all<{ id: string }>(sql`SELECT id FROM session WHERE user_id = ${user.id}`)).map((r) => r.id);
  it("ends this session only, or with everywhere every session, and audits which (kills: the everywhere conditions, the audit strings)", async () => {
    await attempt(user.email, user.password);
    await attempt(user.email, user.password);
    const [first, second] = await sessions();
    const principal = {
      userId: user.id,
      email: user.email,
      name: "N",
      role: "national" as const,
      regions: [],
      allRegions: false,
      area: null,
    };
    await signOut(deps(), { ...principal, sessionId: first! }, { everywhere: false });
    expect(await sessions()).toEqual([second]);
    await attempt(user.email, user.password);
    await signOut(deps(), { ...principal, sessionId: second! }, { everywhere: true });
    expect(await sessions()).toEqual([]);
    const lines = (await auditRows()).filter((r) => r.action.startsWith("logout"));
    expect(lines.map((r) => [r.action, r.user_id])).toEqual([
      ["logout", user.id],
      ["logout_everywhere", user.id],
    ]);
  });
});
