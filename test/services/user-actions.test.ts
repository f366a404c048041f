import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { insertArea } from "../../src/queries/areas";
import { getUser } from "../../src/queries/users";
import { serviceContext } from "../../src/services/context";
import { startSession } from "../../src/services/sign-in";
import { allAccounts, changeUser, createUser, revokeUserSessions } from "../../src/services/user-actions";
import { createTestUser, type TestUser, testPrincipal } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// The national team's account changes through the service on a real in-memory database with the
// real migrations: which changes end the person's sessions at once, the area rule with the stored
// role or area filled in, and the audit line. Each test names the mutant of src/services/user-actions.ts
// it holds in place.

let db: Db;
let national: SessionPrincipal;
let person: TestUser;
let areaId: number;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const sessions = async (userId: number) =>
  (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM session WHERE user_id = ${userId}`))[0]!.n;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string; fields?: { key: string; code: string }[] }) =>
      error.fields ? `${error.code}:${error.fields.map((f) => `${f.key}/${f.code}`).join()}` : (error.code ?? String(error)),
  );

beforeEach(async () => {
  db = await createTestDb();
  const admin = await createTestUser(db, "national");
  national = testPrincipal({ userId: admin.id, email: admin.email, name: "N", role: "national", regions: [] });
  person = await createTestUser(db, "agent", ["16"]);
  areaId = await insertArea(db, { nameFi: "Alue", nameSv: "Område", nameEn: "Area", source: null, regions: ["16"] });
});

describe("changeUser", () => {
  it.each([
    [{ role: "viewer" as const }, 0],
    [{ regions: ["01"] }, 0],
    [{ disabled: true }, 0],
    [{ name: "Uusi Nimi" }, 1],
    [{ disabled: false }, 1],
  ])("%o leaves %i of the person's sessions (kills: each part of the sessions condition → false, || → &&)", async (changes, left) => {
    await startSession(deps(), person.id);
    await changeUser(deps(), national, person.id, changes);
    expect(await sessions(person.id)).toBe(left);
  });

  it("an area change alone ends the sessions too (kills: areaId !== undefined → false)", async () => {
    const municipal = await createTestUser(db, "agent", ["16"]);
    await changeUser(deps(), national, municipal.id, { role: "municipal", areaId });
    const other = await insertArea(db, { nameFi: "Toinen", nameSv: "Annat", nameEn: "Other", source: null, regions: ["01"] });
    await startSession(deps(), municipal.id);
    await changeUser(deps(), national, municipal.id, { areaId: other });
    expect(await sessions(municipal.id)).toBe(0);
  });

  it("checks the area rule with the stored role or area when the change leaves one out (kills: ?? before.role, the areaId ternary, the condition → false)", async () => {
    expect(await codeOf(changeUser(deps(), national, person.id, { role: "municipal" }))).toBe("validation_failed:areaId/required");
    expect(await codeOf(changeUser(deps(), national, person.id, { role: "municipal", areaId }))).toBe("ok");
    // The stored role is municipal now: removing the area alone is refused, naming the role kept.
    expect(await codeOf(changeUser(deps(), national, person.id, { areaId: null }))).toBe("validation_failed:areaId/required");
    // The stored area counts when only the role is given again.
    expect(await codeOf(changeUser(deps(), national, person.id, { role: "municipal", name: "Kunta Agentti" }))).toBe("ok");
    expect(await codeOf(changeUser(deps(), national, person.id, { areaId: 999 }))).toBe("validation_failed:areaId/unknown");
    expect((await getUser(db, person.id))?.areaId).toBe(areaId);
  });

  it("refuses an unknown account and unknown regions, and audits what changed", async () => {
    expect(await codeOf(changeUser(deps(), national, 9999, { name: "X" }))).toBe("not_found");
    expect(await codeOf(changeUser(deps(), national, person.id, { regions: ["99"] }))).toBe("validation_failed:regions/unknown");
    await changeUser(deps(), national, person.id, { name: "Uusi Nimi" });
    const lines = await db.all<{ user_id: number; action: string; target: string; details_json: string }>(
      sql`SELECT user_id, action, target, details_json FROM audit_log ORDER BY id`,
    );
    expect(lines).toEqual([
      { user_id: national.userId, action: "user_updated", target: `user:${person.id}`, details_json: '{"name":"Uusi Nimi"}' },
    ]);
  });
});

describe("createUser and allAccounts", () => {
  it("creates the account on behalf of the national user and lists it without its password (kills: the wrappers' bodies)", async () => {
    const id = await createUser(
      deps(),
      national,
      {
        email: "uusi@test.example",
        name: "Uusi",
        role: "viewer",
        regions: ["16"],
        allRegions: false,
        areaId: null,
        password: "a long enough passphrase 9",
      },
      "en",
    );
    const listed = (await allAccounts({ db })).find((u) => u.id === id);
    expect(listed).toMatchObject({ email: "uusi@test.example", role: "viewer", regions: ["16"] });
    expect(JSON.stringify(listed)).not.toContain("passphrase");
    const [line] = await db.all<{ user_id: number; action: string }>(sql`SELECT user_id, action FROM audit_log`);
    expect(line).toEqual({ user_id: national.userId, action: "user_created" });
  });
});

describe("revokeUserSessions", () => {
  it("ends every session, says how many, and audits it", async () => {
    await startSession(deps(), person.id);
    await startSession(deps(), person.id);
    expect(await revokeUserSessions(deps(), national, person.id)).toBe(2);
    expect(await sessions(person.id)).toBe(0);
    const lines = await db.all<{ action: string; target: string; details_json: string | null }>(
      sql`SELECT action, target, details_json FROM audit_log`,
    );
    expect(lines).toEqual([{ action: "logout_everywhere", target: `user:${person.id}`, details_json: null }]);
    expect(await codeOf(revokeUserSessions(deps(), national, 9999))).toBe("not_found");
  });
});
