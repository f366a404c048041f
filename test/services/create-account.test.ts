import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { NO_PASSWORD, verifyPassword } from "../../src/auth/password";
import { insertArea } from "../../src/queries/areas";
import { getUser } from "../../src/queries/users";
import { serviceContext } from "../../src/services/context";
import { createAccount, createAccountWithoutPassword, requireAreaForRole, requireKnownRegions } from "../../src/services/create-account";
import { staffPrincipal } from "../helpers/accounts";
import { auditLines, outcomeOf } from "../helpers/service-calls";
import { createTestDb } from "../helpers/test-db";

// New accounts through the service on a real in-memory database with the real migrations (staff
// pages, the API, `npm run user:add` and invitation links all come here): known regions, an area for
// the role that reads by area, a free address, the password policy in the reader's language, what is
// stored, and the audit line by whom. Each test names the mutant of src/services/create-account.ts
// it holds in place.

let db: Db;
let areaId: number;
let adminId: number;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const PASSWORD = "a long enough passphrase 9";
const account = (changes: Partial<Parameters<typeof createAccount>[2]> = {}) => ({
  email: "uusi@test.example",
  name: "Uusi Agentti",
  role: "agent" as const,
  regions: ["16", "17"],
  allRegions: false,
  password: PASSWORD,
  ...changes,
});
const storedHash = async (id: number) =>
  (await db.all<{ password_hash: string }>(sql`SELECT password_hash FROM user WHERE id = ${id}`))[0]!.password_hash;

beforeEach(async () => {
  db = await createTestDb();
  areaId = await insertArea(db, { nameFi: "Alue", nameSv: "Område", nameEn: "Area", source: null, regions: ["16"] });
  adminId = (await staffPrincipal(db, "national")).userId;
});

describe("requireKnownRegions and requireAreaForRole", () => {
  it("names every unknown region code, and lets none or known ones pass (kills: the filter's !, the length check, the message)", async () => {
    const refused = await requireKnownRegions({ db }, ["16", "98", "01", "99"]).catch((e: { code: string; fields: unknown }) => e);
    expect(refused).toMatchObject({
      code: "validation_failed",
      fields: [{ key: "regions", code: "unknown", message: "unknown regions: 98, 99" }],
    });
    expect(await outcomeOf(requireKnownRegions({ db }, ["16", "01"]))).toBe("ok");
    expect(await outcomeOf(requireKnownRegions({ db }, []))).toBe("ok");
    expect(await outcomeOf(requireKnownRegions({ db }, undefined))).toBe("ok");
  });

  it("needs an existing area for a municipal agent only (kills: areaId !== null → true, the getArea check, needsArea's condition)", async () => {
    expect(await outcomeOf(requireAreaForRole({ db }, "municipal", null))).toBe("validation_failed:areaId/required");
    expect(await outcomeOf(requireAreaForRole({ db }, "municipal", areaId + 1))).toBe("validation_failed:areaId/unknown");
    expect(await outcomeOf(requireAreaForRole({ db }, "agent", areaId + 1))).toBe("validation_failed:areaId/unknown");
    expect(await outcomeOf(requireAreaForRole({ db }, "municipal", areaId))).toBe("ok");
    const messages = async (role: "municipal", id: number | null) =>
      requireAreaForRole({ db }, role, id).catch((e: { fields: { message: string }[] }) => e.fields.map((f) => f.message));
    expect(await messages("municipal", null)).toEqual(["a municipal agent needs an area"]);
    expect(await messages("municipal", areaId + 1)).toEqual(["area not found"]);
    for (const role of ["national", "agent", "viewer"] as const) expect(await outcomeOf(requireAreaForRole({ db }, role, null))).toBe("ok");
  });
});

describe("createAccount", () => {
  it("stores the role, regions, flag and area as given, with a hash of the password (kills: the stored account, hashPassword's input)", async () => {
    const id = await createAccount(deps(), "en", account(), { userId: adminId });
    expect(await getUser(db, id)).toMatchObject({
      email: "uusi@test.example",
      name: "Uusi Agentti",
      role: "agent",
      regions: ["16", "17"],
      allRegions: false,
      areaId: null,
      disabled: false,
    });
    expect(await verifyPassword(PASSWORD, await storedHash(id))).toBe(true);
    expect(await storedHash(id)).not.toContain(PASSWORD);
    const viewer = await createAccount(
      deps(),
      "en",
      account({ email: "katsoja@test.example", role: "viewer", regions: [], allRegions: true }),
      "cli",
    );
    expect(await getUser(db, viewer)).toMatchObject({ role: "viewer", regions: [], allRegions: true });
    const municipal = await createAccount(
      deps(),
      "en",
      account({ email: "kunta@test.example", role: "municipal", regions: [], areaId }),
      "cli",
    );
    expect(await getUser(db, municipal)).toMatchObject({ role: "municipal", areaId });
  });

  it("refuses unknown regions, a municipal agent without an area, a taken address and a weak password (kills: each check removed)", async () => {
    await createAccount(deps(), "en", account(), "cli");
    expect(await outcomeOf(createAccount(deps(), "en", account({ email: "toinen@test.example", regions: ["99"] }), "cli"))).toBe(
      "validation_failed:regions/unknown",
    );
    expect(
      await outcomeOf(createAccount(deps(), "en", account({ email: "toinen@test.example", role: "municipal", regions: [] }), "cli")),
    ).toBe("validation_failed:areaId/required");
    const taken = await createAccount(deps(), "en", account({ name: "Sama osoite" }), "cli").catch(
      (e: { code: string; fields: unknown }) => e,
    );
    expect(taken).toMatchObject({ code: "conflict", fields: [{ key: "email", code: "taken", message: "a user with this email exists" }] });
    expect(await outcomeOf(createAccount(deps(), "en", account({ email: "toinen@test.example", password: "short one" }), "cli"))).toBe(
      "validation_failed:password/password_too_short",
    );
    // The policy checks the password against this account's own address.
    expect(
      await outcomeOf(createAccount(deps(), "en", account({ email: "pitkanimi@test.example", password: "pitkanimi@test.example" }), "cli")),
    ).toBe("validation_failed:password/password_is_email");
    expect((await auditLines(db)).map((l) => l.action)).toEqual(["user_created"]);
  });

  it("words a refused password in the reader's language (kills: lang not passed on)", async () => {
    const message = (lang: "fi" | "en") =>
      createAccount(deps(), lang, account({ password: "short one" }), "cli").catch(
        (e: { fields: { message: string }[] }) => e.fields[0]!.message,
      );
    expect(await message("en")).toBe("The password must have at least 12 characters.");
    expect(await message("fi")).toBe("Salasanassa on oltava vähintään 12 merkkiä.");
  });

  it("audits the new account with its address, role, regions and area, by the person or the command line (kills: the audit line, area's &&, by === 'cli')", async () => {
    const agent = await createAccount(deps(), "en", account(), { userId: adminId });
    const municipal = await createAccount(
      deps(),
      "en",
      account({ email: "kunta@test.example", role: "municipal", regions: [], areaId }),
      "cli",
    );
    expect(await auditLines(db)).toEqual([
      {
        userId: adminId,
        actor: null,
        action: "user_created",
        regionCode: null,
        target: `user:${agent}`,
        details: { email: "uusi@test.example", role: "agent", regions: ["16", "17"] },
      },
      {
        userId: null,
        actor: "cli",
        action: "user_created",
        regionCode: null,
        target: `user:${municipal}`,
        details: { email: "kunta@test.example", role: "municipal", regions: [], area: areaId },
      },
    ]);
  });
});

describe("createAccountWithoutPassword", () => {
  it("stores an account nobody can sign in to yet, after the same checks, and audits it (kills: NO_PASSWORD, each check removed)", async () => {
    const id = await createAccountWithoutPassword(
      deps(),
      { email: "kutsuttu@test.example", name: "Kutsuttu", role: "viewer", regions: ["16"], allRegions: false },
      { userId: adminId },
    );
    expect(await storedHash(id)).toBe(NO_PASSWORD);
    expect(await getUser(db, id)).toMatchObject({ role: "viewer", regions: ["16"] });
    const invite = (changes: Partial<Parameters<typeof createAccountWithoutPassword>[1]>) =>
      outcomeOf(
        createAccountWithoutPassword(
          deps(),
          { email: "toinen@test.example", name: "T", role: "agent", regions: ["16"], allRegions: false, ...changes },
          "cli",
        ),
      );
    expect(await invite({ regions: ["99"] })).toBe("validation_failed:regions/unknown");
    expect(await invite({ role: "municipal", areaId: null })).toBe("validation_failed:areaId/required");
    expect(await invite({ role: "municipal", areaId: areaId + 1 })).toBe("validation_failed:areaId/unknown");
    expect(await invite({ email: "kutsuttu@test.example" })).toBe("conflict:email/taken");
    expect(await auditLines(db)).toEqual([
      {
        userId: adminId,
        actor: null,
        action: "user_created",
        regionCode: null,
        target: `user:${id}`,
        details: { email: "kutsuttu@test.example", role: "viewer", regions: ["16"] },
      },
    ]);
  });
});
