import { beforeAll, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { recordAudit } from "../../src/queries/audit";
import { auditEntries, auditLogPage } from "../../src/services/audit-log";
import { isReady } from "../../src/services/health";
import { serviceContext } from "../../src/services/context";
import { allRegions, regionNames, regionsWithAccess } from "../../src/services/regions";
import { createTestUser } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";

// The small reading services (regions, health, audit-log) on a real in-memory database with the real
// migrations. Each test names the mutants it holds in place.

let db: Db;
const person = (role: SessionPrincipal["role"], regions: string[] = [], allRegions = false): SessionPrincipal => ({
  userId: 1,
  email: "p@test.example",
  name: "P",
  role,
  regions,
  allRegions,
  area: null,
  sessionId: "s",
});

beforeAll(async () => {
  db = await createTestDb();
});

describe("regionsWithAccess", () => {
  it("write where the person writes, read where they only read, none elsewhere (kills: each branch of the access ternary)", async () => {
    const access = (p: SessionPrincipal) =>
      regionsWithAccess({ db }, p).then((rows) => Object.fromEntries(rows.map((r) => [r.code, r.access])));
    const agent = await access(person("agent", ["16"]));
    expect([agent["16"], agent["01"]]).toEqual(["write", "none"]);
    const viewer = await access(person("viewer", ["16"]));
    expect([viewer["16"], viewer["01"]]).toEqual(["read", "none"]);
    expect(Object.values(await access(person("national"))).every((a) => a === "write")).toBe(true);
  });

  it("allRegions lists every region in code order", async () => {
    const codes = (await allRegions({ db })).map((r) => r.code);
    expect(codes).toHaveLength(18); // the reference regions of migrations/0001
    expect(codes).toEqual([...codes].sort());
  });

  it("regionNames speaks the asked language", async () => {
    expect((await regionNames({ db }, "sv")).get("16")).toBe("Mellersta Österbotten");
    expect((await regionNames({ db }, "fi")).get("16")).toBe("Keski-Pohjanmaa");
  });
});

describe("serviceContext", () => {
  it("logs to the given log, and to nothing without one (kills: given.log ?? → &&)", () => {
    const lines: Record<string, unknown>[] = [];
    serviceContext(db, { log: (entry) => lines.push(entry) }).log({ event: "x" });
    expect(lines).toEqual([{ event: "x" }]);
    expect(() => serviceContext(db).log({ event: "y" })).not.toThrow();
  });
});

describe("isReady", () => {
  it("is true on a migrated database, false on an empty one and on a closed one (kills: the catch → true / removed)", async () => {
    expect(await isReady({ db })).toBe(true);
    const empty = await openNodeDatabase({ url: ":memory:" });
    expect(await isReady({ db: createDb(empty) })).toBe(false);
    empty.close();
    expect(await isReady({ db: createDb(empty) })).toBe(false);
  });
});

describe("auditLogPage", () => {
  it("names the days an entry speaks of (target, an export's ?event=, retention's days) and pages on (kills: eventIdsOf's branches, olderThan)", async () => {
    const days = await Promise.all([1, 2, 3, 4].map(() => createTestSurvey(db)));
    const user = await createTestUser(db, "national");
    // Ids of two digits and more, so "event:12" is read whole.
    while ((await createTestSurvey(db)).eventId < 12);
    const [a, b, c, d] = days.map((x) => x.eventId) as [number, number, number, number];
    const twelve = 12;
    // Only a whole target names a day: not one with text before or after it.
    await recordAudit(db, { at: 0, userId: user.id, action: "event_updated", target: `event:${twelve}` });
    await recordAudit(db, { at: 0, userId: user.id, action: "event_updated", target: `xevent:${d}` });
    await recordAudit(db, { at: 0, userId: user.id, action: "event_updated", target: `event:${d}x` });
    await recordAudit(db, { at: 1, userId: user.id, action: "event_updated", target: `event:${a}` });
    await recordAudit(db, { at: 2, userId: user.id, action: "export", details: { query: { event: String(b) } } });
    await recordAudit(db, { at: 3, actor: "cli", action: "responses_deleted", target: "before:2020-01-01", details: { days: [c, 0, -1] } });
    await recordAudit(db, { at: 4, actor: "cli", action: "responses_deleted", target: "event:x", details: { days: "not a list" } });
    const page = await auditLogPage({ db }, { limit: 10 });
    expect([...page.events.keys()].sort((x, y) => x - y)).toEqual([a, b, c, twelve]);
    expect(page.events.has(d)).toBe(false);
    expect(page.people.get(user.id)).toBe(`Test national ${user.email.match(/\d+/)![0]} <${user.email}>`);
    expect(page.olderThan).toBeNull();
    const first = await auditLogPage({ db }, { limit: 3 });
    expect(first.entries.map((e) => e.at)).toEqual([4, 3, 2]);
    expect(first.olderThan).toBe(first.entries[2]!.id);
    const next = await auditEntries({ db }, { limit: 3, before: first.olderThan! });
    expect(next.map((e) => e.at)).toEqual([1, 0, 0]);
  });
});
