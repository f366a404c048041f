import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { getEvent, type EventRow } from "../../src/queries/events";
import { serviceContext } from "../../src/services/context";
import {
  createDisplayLink,
  DISPLAY_TOKEN,
  displayLinkCreatedAt,
  eventForDisplayToken,
  revokeDisplayLink,
} from "../../src/services/presenter-display";
import { createTestUser, testPrincipal } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// A day's display link through the service on a real in-memory database with the real migrations:
// the token opens the day until it is replaced or revoked, and each real change leaves an audit
// line. Each test names the mutant of src/services/presenter-display.ts it holds in place.

const NOW = Date.parse("2019-09-04T08:00:00Z");
let db: Db;
let day: EventRow;
let principal: SessionPrincipal;
const deps = () => serviceContext(db, { now: () => NOW });
const audit = () =>
  db.all<{ user_id: number; action: string; region_code: string | null; target: string; details_json: string | null }>(
    sql`SELECT user_id, action, region_code, target, details_json FROM audit_log ORDER BY id`,
  );

beforeEach(async () => {
  db = await createTestDb();
  day = (await getEvent(db, (await createTestSurvey(db, { regionCode: "16" })).eventId))!;
  const user = await createTestUser(db, "agent", ["16"]);
  principal = testPrincipal({ userId: user.id, email: user.email, name: "A", role: "agent", regions: ["16"] });
});

describe("display links", () => {
  it("a new link opens the day; a second one replaces it and says so (kills: replaced → true/false/===, the audit strings)", async () => {
    const first = await createDisplayLink(deps(), principal, day);
    expect(first).toMatch(DISPLAY_TOKEN);
    expect((await eventForDisplayToken(deps(), first))?.id).toBe(day.id);
    expect(await displayLinkCreatedAt(deps(), day)).toBe(NOW);
    const second = await createDisplayLink(deps(), principal, day);
    expect(await eventForDisplayToken(deps(), first)).toBeNull();
    expect((await eventForDisplayToken(deps(), second))?.id).toBe(day.id);
    const line = { user_id: principal.userId, action: "display_link_created", region_code: "16", target: `event:${day.id}` };
    expect(await audit()).toEqual([
      { ...line, details_json: JSON.stringify({ replaced: false }) },
      { ...line, details_json: JSON.stringify({ replaced: true }) },
    ]);
  });

  it("revoking ends the link and is audited once; revoking nothing answers false and audits nothing (kills: if (revoked) → true/false)", async () => {
    const token = await createDisplayLink(deps(), principal, day);
    expect(await revokeDisplayLink(deps(), principal, day)).toBe(true);
    expect(await eventForDisplayToken(deps(), token)).toBeNull();
    expect(await displayLinkCreatedAt(deps(), day)).toBeNull();
    expect(await revokeDisplayLink(deps(), principal, day)).toBe(false);
    expect((await audit()).slice(1)).toEqual([
      { user_id: principal.userId, action: "display_link_revoked", region_code: "16", target: `event:${day.id}`, details_json: null },
    ]);
  });

  it("does not look up a token of the wrong shape, nor find an unknown one (kills: the shape check → false, the regex's anchors)", async () => {
    const token = await createDisplayLink(deps(), principal, day);
    expect(await eventForDisplayToken(deps(), `${token}x`)).toBeNull();
    expect(await eventForDisplayToken(deps(), token.slice(1))).toBeNull();
    expect(await eventForDisplayToken(deps(), "A".repeat(43))).toBeNull();
    expect(DISPLAY_TOKEN.test(`x${"A".repeat(43)}`)).toBe(false);
    expect(DISPLAY_TOKEN.test(`${"A".repeat(43)}x`)).toBe(false);
    expect(DISPLAY_TOKEN.test(`${"A".repeat(42)}.`)).toBe(false);
    expect(DISPLAY_TOKEN.test("aZ09_-".repeat(8).slice(0, 43))).toBe(true);
  });
});
