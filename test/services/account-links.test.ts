import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { ACCOUNT_LINK_LIFETIME_MS } from "../../src/domain/account-links";
import { inviteNewUser, newPasswordLink, openAccountLink, setPasswordWithLink } from "../../src/services/account-links";
import { serviceContext } from "../../src/services/context";
import { MAX_FAILURES_PER_CLIENT, signIn, startSession } from "../../src/services/sign-in";
import { createTestUser, type TestUser, testPrincipal } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// One-time links through the service on a real in-memory database with the real migrations: which
// kind of link an account gets, when it expires, that it works once, that guesses spend the
// address's sign-in budget, and the audit lines. Each test names the mutant of
// src/services/account-links.ts it holds in place.

const SECRET = "service-account-links-secret-0123456789";
const NOW = Date.parse("2019-09-04T08:00:00Z");
const NEW_PASSWORD = "my own chosen passphrase 42";
let db: Db;
let national: SessionPrincipal;
let person: TestUser;
let clock: number;
const deps = () => ({ ...serviceContext(db, { now: () => clock }), identifierSecret: SECRET });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const audit = () =>
  db.all<{ user_id: number; action: string; target: string; details_json: string | null }>(
    sql`SELECT user_id, action, target, details_json FROM audit_log ORDER BY id`,
  );

beforeEach(async () => {
  db = await createTestDb();
  clock = NOW;
  const admin = await createTestUser(db, "national");
  national = testPrincipal({ userId: admin.id, email: admin.email, name: "N", role: "national", regions: [] });
  person = await createTestUser(db, "agent", ["16"]);
});

describe("issuing links", () => {
  it("a new account gets an invitation for 7 days; an account with a password a reset for 1 day (kills: the kind's condition, createdAt − lifetime, the inviter on the account's audit line)", async () => {
    const invited = await inviteNewUser(deps(), national, {
      email: "kutsuttu@test.example",
      name: "Kutsuttu",
      role: "viewer",
      regions: ["16"],
      allRegions: false,
    });
    expect(invited).toMatchObject({ kind: "invitation", expiresAt: NOW + ACCOUNT_LINK_LIFETIME_MS.invitation });
    // The new account's audit line names who invited them (kills: { userId: principal.userId } → {}).
    expect((await audit()).find((l) => l.action === "user_created" && l.target === `user:${invited.userId}`)?.user_id).toBe(
      national.userId,
    );
    // Their first link lost: a new one is an invitation again, and the old one stops working.
    const again = await newPasswordLink(deps(), national, invited.userId);
    expect(again.kind).toBe("invitation");
    expect(await codeOf(openAccountLink(deps(), invited.token, null))).toBe("gone");
    const reset = await newPasswordLink(deps(), national, person.id);
    expect(reset).toMatchObject({ userId: person.id, kind: "reset", expiresAt: NOW + ACCOUNT_LINK_LIFETIME_MS.reset });
    expect(await openAccountLink(deps(), reset.token, null)).toEqual({ email: person.email, kind: "reset" });
    const lines = (await audit()).filter((l) => l.action === "account_link_created");
    expect(lines.at(-1)).toEqual({
      user_id: national.userId,
      action: "account_link_created",
      target: `user:${person.id}`,
      details_json: JSON.stringify({ link: "reset" }),
    });
  });

  it("refuses a link for a disabled account (kills: target.disabled → false)", async () => {
    await db.run(sql`UPDATE user SET disabled = 1 WHERE id = ${person.id}`);
    expect(await codeOf(newPasswordLink(deps(), national, person.id))).toBe("conflict");
  });

  it("a link expires at its time (kills: the expiry arithmetic)", async () => {
    const reset = await newPasswordLink(deps(), national, person.id);
    clock = reset.expiresAt + 1;
    expect(await codeOf(openAccountLink(deps(), reset.token, null))).toBe("gone");
  });
});

describe("using a link", () => {
  it("sets the password, signs the person in, ends their other sessions, and works once (kills: the spent check, the audit line)", async () => {
    await startSession(deps(), person.id);
    const reset = await newPasswordLink(deps(), national, person.id);
    const used = await setPasswordWithLink(deps(), "en", { token: reset.token, password: NEW_PASSWORD, clientAddress: null });
    expect(used.userId).toBe(person.id);
    const sessions = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM session WHERE user_id = ${person.id}`);
    expect(sessions[0]!.n).toBe(1);
    expect(await codeOf(signIn(deps(), { email: person.email, password: NEW_PASSWORD, clientAddress: null }))).toBe("ok");
    expect(await codeOf(setPasswordWithLink(deps(), "en", { token: reset.token, password: NEW_PASSWORD, clientAddress: null }))).toBe(
      "gone",
    );
    expect((await audit()).find((l) => l.action === "account_link_used")).toEqual({
      user_id: person.id,
      action: "account_link_used",
      target: `user:${person.id}`,
      details_json: JSON.stringify({ link: "reset" }),
    });
  });

  it("of two requests with one link at once (a double submit), one wins and the other is told gone (kills: userId === null → false, the 'gone' code)", async () => {
    const reset = await newPasswordLink(deps(), national, person.id);
    const use = () => codeOf(setPasswordWithLink(deps(), "en", { token: reset.token, password: NEW_PASSWORD, clientAddress: null }));
    // Both find the link live before either spends it: the password hashing between the two awaits
    // lets the second request in, as a second click would on the server.
    expect((await Promise.all([use(), use()])).sort()).toEqual(["gone", "ok"]);
    expect((await audit()).filter((l) => l.action === "account_link_used")).toHaveLength(1);
  });

  it("a password the policy refuses leaves the link unspent, naming the field 'password'", async () => {
    const reset = await newPasswordLink(deps(), national, person.id);
    await expect(setPasswordWithLink(deps(), "en", { token: reset.token, password: "short", clientAddress: null })).rejects.toMatchObject({
      fields: [{ key: "password", code: "password_too_short" }],
    });
    expect(await openAccountLink(deps(), reset.token, null)).toEqual({ email: person.email, kind: "reset" });
  });

  it("answers gone for a malformed or unknown token (kills: !link || !tokenHash → &&, the token check)", async () => {
    expect(await codeOf(openAccountLink(deps(), "not-a-token", null))).toBe("gone");
    expect(await codeOf(openAccountLink(deps(), "A".repeat(43), null))).toBe("gone");
  });

  it(`guesses spend the address's budget of ${MAX_FAILURES_PER_CLIENT}; a working link gives its attempt back (kills: key && count > limit → ||, >=, true/false)`, async () => {
    const reset = await newPasswordLink(deps(), national, person.id);
    const address = "203.0.113.9";
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT - 1; i++)
      expect(await codeOf(openAccountLink(deps(), "A".repeat(43), address))).toBe("gone");
    // The limit-th attempt is still looked at, and a working link gives it back.
    expect(await codeOf(openAccountLink(deps(), reset.token, address))).toBe("ok");
    expect(await codeOf(openAccountLink(deps(), "A".repeat(43), address))).toBe("gone");
    expect(await codeOf(openAccountLink(deps(), reset.token, address))).toBe("rate_limited");
    // Without a known address nothing is counted.
    expect(await codeOf(openAccountLink(deps(), reset.token, null))).toBe("ok");
  });
});
