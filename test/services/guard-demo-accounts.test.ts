import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { hashPassword } from "../../src/auth/password";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { insertUser } from "../../src/queries/users";
import { serviceContext } from "../../src/services/context";
import { guardDemoAccounts } from "../../src/services/guard-demo-accounts";
import { startSession } from "../../src/services/sign-in";
import { auditLines } from "../helpers/service-calls";
import { createTestDb } from "../helpers/test-db";

// The start-up guard against demo sign-ins with published passwords, on a real in-memory database
// with the real migrations (src/node.ts calls it before listening): fine on a server only this
// computer reaches, refused with what to do on one others reach, or switched off when asked. Each
// test names the mutant of src/services/guard-demo-accounts.ts it holds in place.

const EXPOSURE = "HOST=0.0.0.0 lets other computers connect";
let db: Db;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const ids = new Map<string, number>();

/** The demo accounts as the demo seed makes them: flagged demo, with their published passwords unless `password` says otherwise. */
async function seedDemoUsers(password: (email: string) => string | undefined = () => undefined, isDemo = true) {
  for (const demo of DEMO_USERS) {
    const id = await insertUser(db, {
      email: demo.email,
      name: demo.name,
      role: demo.role,
      regions: [...demo.regions],
      passwordHash: await hashPassword(password(demo.email) ?? demo.password),
      isDemo,
    });
    ids.set(demo.email, id);
  }
}
const disabled = async () =>
  (await db.all<{ email: string }>(sql`SELECT email FROM user WHERE disabled = 1 ORDER BY id`)).map((r) => r.email);
const sessionsOf = async (id: number) => (await db.all(sql`SELECT id FROM session WHERE user_id = ${id}`)).length;
const [national, agent, municipal] = DEMO_USERS.map((u) => u.email) as [string, string, string];

beforeEach(async () => {
  db = await createTestDb();
  ids.clear();
});

describe("guardDemoAccounts", () => {
  it("is fine without demo accounts, even on an exposed server (kills: usable.length === 0 → false)", async () => {
    expect(await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: false })).toEqual({ outcome: "ok", usable: [] });
    expect(await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: true })).toEqual({ outcome: "ok", usable: [] });
  });

  it("lists the usable demo sign-ins, with their ids, on a server only this computer reaches (kills: exposure === null → false, the usable list)", async () => {
    await seedDemoUsers();
    const guard = await guardDemoAccounts(deps(), { exposure: null, disable: true });
    expect(guard.outcome).toBe("ok");
    if (guard.outcome !== "ok") return;
    expect(guard.usable.map((u) => [u.email, u.id, u.password])).toEqual(DEMO_USERS.map((u) => [u.email, ids.get(u.email), u.password]));
    expect(await disabled()).toEqual([]);
  });

  it("counts only demo accounts that still have their published password and are enabled (kills: the find's condition, verifyPassword's &&, the enabled filter)", async () => {
    await seedDemoUsers((email) => (email === agent ? "a new password nobody published" : undefined));
    await db.run(sql`UPDATE user SET disabled = 1 WHERE email = ${municipal}`);
    const guard = await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: false });
    expect(guard).toMatchObject({ outcome: "refused" });
    if (guard.outcome === "refused") expect(guard.message).toContain(`(${national}),`);
    // The same addresses on real accounts (not flagged demo) are nobody's business here.
    db = await createTestDb();
    await seedDemoUsers(undefined, false);
    expect(await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: false })).toEqual({ outcome: "ok", usable: [] });
  });

  it("refuses to start on an exposed server, saying why and what to do, and changes nothing (kills: the refusal's text, options.disable → true)", async () => {
    await seedDemoUsers();
    const guard = await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: false });
    expect(guard).toEqual({
      outcome: "refused",
      message: [
        `Refusing to start: this database has demo sign-ins whose passwords are published (${national}, ${agent}, ${municipal}), and ${EXPOSURE}.`,
        "Anyone who can reach the server could sign in with them. Choose one:",
        "  - keep it on this computer only: unset HOST and PUBLIC_URL (the default listens on 127.0.0.1);",
        "  - keep the demo data but switch its sign-ins off: start with DEMO_ACCOUNTS=disable;",
        "  - give each demo account a new password: npm run user:passwd -- --email <email>;",
        "  - for a real deployment, start from an empty database with DEMO_DATA=off and create the first",
        "    national user with npm run user:add -- --email <you> --role national.",
      ].join("\n"),
    });
    expect(await disabled()).toEqual([]);
    expect(await auditLines(db)).toEqual([]);
  });

  it("switches the usable demo sign-ins off when asked, ends their sessions and audits each (kills: options.disable → false, the loop, the audit line, the message)", async () => {
    await seedDemoUsers((email) => (email === agent ? "a new password nobody published" : undefined));
    const nationalId = ids.get(national)!;
    const agentId = ids.get(agent)!;
    await startSession(deps(), nationalId);
    await startSession(deps(), agentId);
    const guard = await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: true });
    expect(guard).toEqual({
      outcome: "disabled",
      emails: [national, municipal],
      message: `Demo sign-ins disabled (DEMO_ACCOUNTS=disable, ${EXPOSURE}): ${national}, ${municipal}.`,
    });
    expect(await disabled()).toEqual([national, municipal]);
    expect(await sessionsOf(nationalId)).toBe(0);
    // The agent's password was changed: its account and session stay.
    expect(await sessionsOf(agentId)).toBe(1);
    const details = { disabled: true, reason: "demo account on an exposed server" };
    expect(await auditLines(db)).toEqual([
      { userId: null, actor: "startup", action: "user_updated", regionCode: null, target: `user:${nationalId}`, details },
      { userId: null, actor: "startup", action: "user_updated", regionCode: null, target: `user:${ids.get(municipal)}`, details },
    ]);
    // Next start: nothing usable is left.
    expect(await guardDemoAccounts(deps(), { exposure: EXPOSURE, disable: false })).toEqual({ outcome: "ok", usable: [] });
  });
});
