import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { PASSWORD_PROBLEM_CODES, passwordFieldProblem } from "../../src/services/password-rule";
import { changeOwnPassword, setAccountPassword } from "../../src/services/passwords";
import { serviceContext } from "../../src/services/context";
import { MAX_FAILURES_PER_ACCOUNT, signIn, startSession } from "../../src/services/sign-in";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// Setting and changing passwords, called directly on a real in-memory database with the real
// migrations (the CLI's `npm run user:passwd` path runs in a child process in own-password.test.ts,
// where Stryker cannot see it). Each test names the mutant of src/services/passwords.ts or
// password-rule.ts it holds in place.

const SECRET = "service-passwords-test-secret-0123456789";
const NEW_PASSWORD = "a brand new long passphrase 7";
let db: Db;
let user: TestUser;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const canSignIn = (email: string, password: string) =>
  codeOf(signIn({ ...deps(), identifierSecret: SECRET }, { email, password, clientAddress: null }));
const sessionCount = async (userId: number) =>
  (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM session WHERE user_id = ${userId}`))[0]!.n;
const audit = () =>
  db.all<{ action: string; user_id: number | null; actor: string | null; target: string | null }>(
    sql`SELECT action, user_id, actor, target FROM audit_log ORDER BY id`,
  );

beforeEach(async () => {
  db = await createTestDb();
  user = await createTestUser(db, "agent", ["16"]);
});

describe("setAccountPassword", () => {
  it("from the command line: sets the password, ends every session, audits the actor 'cli' (kills the CLI branch's mutants)", async () => {
    await startSession(deps(), user.id);
    expect(await sessionCount(user.id)).toBe(1);
    expect(await setAccountPassword(deps(), "en", { email: user.email, password: NEW_PASSWORD, by: "cli" })).toBe(user.id);
    expect(await sessionCount(user.id)).toBe(0);
    expect(await canSignIn(user.email, user.password)).toBe("invalid_credentials");
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe("ok");
    expect((await audit())[0]).toEqual({ action: "user_password_set", user_id: null, actor: "cli", target: `user:${user.id}` });
  });

  it("by a national user: audits that user, not 'cli'", async () => {
    const national = await createTestUser(db, "national");
    await setAccountPassword(deps(), "en", { email: user.email, password: NEW_PASSWORD, by: { userId: national.id } });
    expect((await audit())[0]).toEqual({ action: "user_password_set", user_id: national.id, actor: null, target: `user:${user.id}` });
  });

  it("answers null for an unknown address and writes nothing (kills: the id === null check → false)", async () => {
    expect(await setAccountPassword(deps(), "en", { email: "nobody@test.example", password: NEW_PASSWORD, by: "cli" })).toBeNull();
    expect(await audit()).toEqual([]);
  });

  it("refuses a password the policy refuses, naming the field 'password'", async () => {
    await expect(setAccountPassword(deps(), "en", { email: user.email, password: "short", by: "cli" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ key: "password", code: "password_too_short" }],
    });
  });
});

describe("changeOwnPassword", () => {
  const principalOf = (u: TestUser, sessionId: string): SessionPrincipal => ({
    userId: u.id,
    email: u.email,
    name: "Test",
    role: "agent",
    regions: ["16"],
    allRegions: false,
    area: null,
    sessionId,
  });
  const change = (u: TestUser, currentPassword: string) =>
    codeOf(changeOwnPassword(deps(), "en", principalOf(u, "session"), { currentPassword, newPassword: NEW_PASSWORD }));

  it("names the field of each refusal: a wrong current password, a new one the policy refuses (kills: the fields' strings)", async () => {
    await expect(
      changeOwnPassword(deps(), "en", principalOf(user, "session"), { currentPassword: "not my password", newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      fields: [{ key: "currentPassword", code: "wrong", message: expect.stringMatching(/current password/i) }],
    });
    await expect(
      changeOwnPassword(deps(), "en", principalOf(user, "session"), { currentPassword: user.password, newPassword: "short" }),
    ).rejects.toMatchObject({
      fields: [{ key: "newPassword", code: "password_too_short", message: "The password must have at least 12 characters." }],
    });
  });

  it(`allows ${MAX_FAILURES_PER_ACCOUNT} wrong current passwords in a window, refuses the next try even when right (kills: count >= limit)`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await change(user, "not my password")).toBe("validation_failed");
    expect(await change(user, user.password)).toBe("rate_limited");
  });

  it("counts each person's tries apart (kills: the attempt key's template → '')", async () => {
    const other = await createTestUser(db, "agent", ["16"]);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await change(other, "not my password");
    expect(await change(user, user.password)).toBe("ok");
    expect((await audit()).at(-1)).toEqual({ action: "password_changed", user_id: user.id, actor: null, target: `user:${user.id}` });
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe("ok");
  });
});

describe("PASSWORD_PROBLEM_CODES", () => {
  it("lists every problem the policy gives, as the forms word field codes password_<problem> (kills: each code → '')", () => {
    const email = "maija.meikalainen@kunta.fi";
    const examples = ["   ", "short", "x".repeat(1025), email, "abcabcabcabcabc", "password1234"];
    const codes = examples.map((password) => passwordFieldProblem("en", "password", password, email)?.code);
    expect(codes).toEqual(PASSWORD_PROBLEM_CODES.map((problem) => `password_${problem}`));
    expect(passwordFieldProblem("en", "password", NEW_PASSWORD, email)).toBeNull();
  });
});
