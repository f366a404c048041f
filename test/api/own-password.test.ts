import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { verifyPassword } from "../../src/auth/password";
import { createDb, type Db } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { t } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { MAX_FAILURES_PER_ACCOUNT } from "../../src/services/sign-in";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db });
});

function changeOwn(cookie: string, body: unknown, lang = "en") {
  return app.request("http://localhost/api/me/password", {
    method: "POST",
    headers: asBrowser(cookie, { "content-type": "application/json", "accept-language": lang }),
    body: JSON.stringify(body),
  });
}

describe("changing one's own password (API)", () => {
  it("needs the current password, keeps this session, ends the others, and is audited", async () => {
    const user = await createTestUser(db, "agent", ["16"]);
    const here = await signIn(app, user);
    const elsewhere = await signIn(app, user);
    const res = await changeOwn(here, { currentPassword: user.password, newPassword: "kolme iloista kirahvia" });
    expect(res.status, await res.text()).toBe(204);
    expect((await app.request("http://localhost/api/me", { headers: { cookie: here } })).status).toBe(200);
    expect((await app.request("http://localhost/api/me", { headers: { cookie: elsewhere } })).status).toBe(401);
    await expect(signIn(app, user)).rejects.toThrow(/401/);
    await signIn(app, { email: user.email, password: "kolme iloista kirahvia" });
    const audit = await db.all<{ action: string; user_id: number }>(
      sql`SELECT action, user_id FROM audit_log WHERE action = 'password_changed' AND user_id = ${user.id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it("refuses a wrong current password (in the reader's language) and changes nothing", async () => {
    const user = await createTestUser(db, "viewer", ["16"]);
    const cookie = await signIn(app, user);
    const res = await changeOwn(cookie, { currentPassword: "this is not it", newPassword: "kolme iloista kirahvia" }, "sv");
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual([
      { key: "currentPassword", code: "wrong", message: t("sv", "password.change.wrongCurrent") },
    ]);
    const [row] = await db.all<{ password_hash: string }>(sql`SELECT password_hash FROM user WHERE id = ${user.id}`);
    expect(await verifyPassword(user.password, row!.password_hash)).toBe(true);
  });

  it.each([
    ["twelve spaces", " ".repeat(12), "blank"],
    ["the email", "{email}", "is_email"],
    ["one character twelve times", "zzzzzzzzzzzz", "repeated"],
    ["a common one", "Salasana2019!", "common"],
    ["eleven characters", "abcdefghijk", "too_short"],
  ])("refuses a new password that is %s, saying why in fi, sv and en", async (_name, password, problem) => {
    const user = await createTestUser(db, "viewer", ["16"]);
    const cookie = await signIn(app, user);
    for (const lang of LANGS) {
      const res = await changeOwn(cookie, { currentPassword: user.password, newPassword: password.replace("{email}", user.email) }, lang);
      expect(res.status).toBe(422);
      expect((await res.json()).error.fields[0]).toEqual({
        key: "newPassword",
        code: `password_${problem}`,
        message: t(lang, `password.problem.${problem}` as never),
      });
    }
  });

  it(`limits guesses of the current password through an open session to ${MAX_FAILURES_PER_ACCOUNT}`, async () => {
    const user = await createTestUser(db, "viewer", ["16"]);
    const cookie = await signIn(app, user);
    const statuses = await Promise.all(
      Array.from(
        { length: 30 },
        async (_, i) => (await changeOwn(cookie, { currentPassword: `guess number ${i}`, newPassword: "kolme iloista kirahvia" })).status,
      ),
    );
    expect(statuses.filter((s) => s === 422).length, statuses.join()).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429).length, statuses.join()).toBeGreaterThanOrEqual(30 - MAX_FAILURES_PER_ACCOUNT);
  });
});

describe("changing one's own password (staff page)", () => {
  async function post(cookie: string, form: Record<string, string>) {
    return app.request("http://localhost/admin/password?lang=fi", {
      method: "POST",
      headers: asBrowser(cookie, { "content-type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams(form).toString(),
    });
  }

  it("shows the form to anyone signed in, says what is wrong, never echoes a password, and confirms the change", async () => {
    const user = await createTestUser(db, "viewer", ["16"]);
    const cookie = await signIn(app, user);
    const page = await app.request("http://localhost/admin/password?lang=sv", { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(t("sv", "password.change.title"));
    expect(html).toContain('autocomplete="current-password"');

    const mismatch = await post(cookie, {
      currentPassword: user.password,
      newPassword: "kolme iloista kirahvia",
      repeatPassword: "kolme iloista kirahvib",
    });
    expect(mismatch.status).toBe(422);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain(t("fi", "password.change.mismatch"));
    expect(mismatchHtml).not.toContain("kolme iloista");
    expect(mismatchHtml).not.toContain(user.password);

    const weak = await post(cookie, { currentPassword: user.password, newPassword: user.email, repeatPassword: user.email });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain(t("fi", "password.problem.is_email"));

    const done = await post(cookie, {
      currentPassword: user.password,
      newPassword: "kolme iloista kirahvia",
      repeatPassword: "kolme iloista kirahvia",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/password?lang=fi&done=passwordChanged");
    const after = await app.request(`http://localhost${done.headers.get("location")}`, { headers: { cookie } });
    expect(await after.text()).toContain(t("fi", "admin.done.passwordChanged"));
  });
});

describe("passwords the national team sets", () => {
  it("follow the policy, with its message on the users page", async () => {
    const national = await createTestUser(db, "national");
    const cookie = await signIn(app, national);
    const target = await createTestUser(db, "viewer", ["16"]);
    const put = await app.request(`http://localhost/api/users/${target.id}/password`, {
      method: "PUT",
      headers: asBrowser(cookie, { "content-type": "application/json", "accept-language": "fi" }),
      body: JSON.stringify({ password: "a".repeat(12) }),
    });
    expect(put.status).toBe(422);
    expect((await put.json()).error.fields[0].message).toBe(t("fi", "password.problem.repeated"));
    const form = await app.request("http://localhost/admin/users?lang=sv", {
      method: "POST",
      headers: asBrowser(cookie, { "content-type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams({
        email: "uusi.ihminen@kunta.fi",
        name: "Uusi",
        role: "viewer",
        regions: "16",
        password: "uusi.ihminen@kunta.fi",
      }).toString(),
    });
    expect(form.status).toBe(422);
    expect(await form.text()).toContain(t("sv", "password.problem.is_email"));
  });
});

describe("the CLI scripts use the same services", () => {
  it("user:add creates an account with a generated password that passes the policy, and user:passwd replaces it; both audited as cli", async () => {
    const dir = mkdtempSync(join(tmpdir(), "palaute-cli-"));
    const env = { ...process.env, LIBSQL_URL: `file:${join(dir, "cli.db")}` };
    try {
      const run = (script: string, args: string[]) =>
        execFileSync(process.execPath, ["--import", "tsx", script, ...args], { env, encoding: "utf8" });
      const added = run("scripts/user-add.ts", ["--email", "cli.person@kunta.fi", "--role", "agent", "--region", "16"]);
      const first = /: (\S+)$/m.exec(added.trim())![1]!;
      // Two open sessions of the person, which the new password must end.
      const before = await openNodeDatabase({ url: env.LIBSQL_URL });
      for (const id of ["session-a", "session-b"])
        await createDb(before).run(
          sql`INSERT INTO session (id, user_id, created_at, expires_at) SELECT ${id}, id, 0, ${Date.now() + 3_600_000} FROM user WHERE email = 'cli.person@kunta.fi'`,
        );
      before.close();
      const changed = run("scripts/user-passwd.ts", ["--email", "cli.person@kunta.fi"]);
      const second = /: (\S+)$/m.exec(changed.trim())![1]!;
      expect(second).not.toBe(first);
      const client = await openNodeDatabase({ url: env.LIBSQL_URL });
      const cliDb = createDb(client);
      const [row] = await cliDb.all<{ password_hash: string }>(sql`SELECT password_hash FROM user WHERE email = 'cli.person@kunta.fi'`);
      expect(await verifyPassword(second, row!.password_hash)).toBe(true);
      expect(await cliDb.all(sql`SELECT id FROM session`), "user:passwd signs the person out everywhere").toEqual([]);
      const audit = await cliDb.all<{ action: string; actor: string }>(sql`SELECT action, actor FROM audit_log ORDER BY id`);
      expect(audit).toEqual([
        { action: "user_created", actor: "cli" },
        { action: "user_password_set", actor: "cli" },
      ]);
      client.close();
      expect(() => run("scripts/user-add.ts", ["--email", "cli.person@kunta.fi", "--role", "viewer"])).toThrow(/already has an account/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
