import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { serviceContext } from "../../src/services/context";
import { eventList, type EventListOptions } from "../../src/services/event-list";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// eventList called directly on a real in-memory database with the real migrations: who may create a
// day (the staff list's "new day" button), a search term as typed, and an empty result. Each test
// names the mutant of src/services/event-list.ts it holds in place.

let db: Db;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T12:00:00Z") });
const options = (given: Partial<EventListOptions> = {}): EventListOptions => ({ sort: "date_desc", page: 1, ...given });
const principal = (role: SessionPrincipal["role"], regions: string[] = [], allRegions = false): SessionPrincipal => ({
  userId: 1,
  email: `${role}@test.example`,
  name: role,
  role,
  regions,
  allRegions,
  area: null,
  sessionId: "s",
});

beforeAll(async () => {
  db = await createTestDb();
  const day = await createTestSurvey(db, { regionCode: "16", date: "2019-09-04" });
  await db.run(sql`UPDATE event SET location = 'Kokkola kampus' WHERE id = ${day.eventId}`);
  await createTestSurvey(db, { regionCode: "01", date: "2019-09-05" });
});

describe("eventList", () => {
  it("lets the national team and an agent create days, never a viewer (kills: canCreate → true/false, && for ||, every for some, the callback)", async () => {
    expect((await eventList(deps(), principal("national"), options())).canCreate).toBe(true);
    expect((await eventList(deps(), principal("agent", ["16"]), options())).canCreate).toBe(true);
    expect((await eventList(deps(), principal("viewer", ["16"]), options())).canCreate).toBe(false);
    expect((await eventList(deps(), principal("viewer", [], true), options())).canCreate).toBe(false);
  });

  it("searches for the term without the spaces around it (kills: options.q?.trim() → options.q)", async () => {
    const found = await eventList(deps(), principal("national"), options({ q: "  kampus  " }));
    expect(found.events.map((e) => e.regionCode)).toEqual(["16"]);
  });

  it("keeps cancelled days on the list, and 'national' lists the national days only (kills: includeCancelled → false, the national-region conditions)", async () => {
    const cancelled = await createTestSurvey(db, { regionCode: "16", date: "2019-09-10" });
    await db.run(sql`UPDATE event SET cancelled_at = 1 WHERE id = ${cancelled.eventId}`);
    const nationalDay = await createTestSurvey(db, { regionCode: null, date: "2019-09-11" });
    const all = await eventList(deps(), principal("national"), options());
    expect(all.events.map((e) => e.id)).toEqual(expect.arrayContaining([cancelled.eventId, nationalDay.eventId]));
    const national = await eventList(deps(), principal("national"), options({ region: "national" }));
    expect(national.events.map((e) => e.id)).toEqual([nationalDay.eventId]);
    const region16 = await eventList(deps(), principal("national"), options({ region: "16" }));
    expect(region16.events.every((e) => e.regionCode === "16")).toBe(true);
    expect(region16.events.map((e) => e.id)).toContain(cancelled.eventId);
  });

  it("answers an empty page when nothing matches (kills: [] → ['Stryker was here'])", async () => {
    const found = await eventList(deps(), principal("national"), options({ q: "no such day anywhere" }));
    expect(found.events).toEqual([]);
    expect(found.window.offset).toBe(0);
  });

  it("offers an agent only their regions in the filter, the national team every region", async () => {
    const agent = await eventList(deps(), principal("agent", ["16"]), options());
    expect(agent.filterRegions.map((r) => r.code)).toEqual(["16"]);
    expect(agent.events.length).toBeGreaterThan(0);
    expect(agent.events.map((e) => e.regionCode)).not.toContain("01");
    const national = await eventList(deps(), principal("national"), options());
    expect(national.filterRegions.length).toBe(national.regions.length);
    expect(national.regions.length).toBeGreaterThan(10);
  });
});
