import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { insertArea } from "../../src/queries/areas";
import { insertProgramme, insertTheme } from "../../src/queries/programmes";
import { createSession } from "../../src/queries/sessions";
import { areasForSession, programmesForSession, regionsForSession, themesForSession } from "../../src/services/reference-lists";
import { createTestUser } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// The reference lists each dashboard loads first, read in one batch with the session's principal,
// on a real in-memory database with the real migrations. What was read for a session that is not
// live (unknown, expired) must not reach anyone. Each test names the mutants it holds in place.

let db: Db;
const NOW = 1_800_000_000_000;
const deps = () => ({ db, now: () => NOW });
let agentSession: string;
let programmeA: number;
let programmeB: number;

beforeAll(async () => {
  db = await createTestDb();
  const agent = await createTestUser(db, "agent", ["16"]);
  agentSession = "live-agent-session";
  await createSession(db, { id: agentSession, userId: agent.id, now: NOW - 1000, ttlMs: 60_000 });
  // Expired one millisecond ago: the lists must answer as for nobody.
  await createSession(db, { id: "expired-session", userId: agent.id, now: NOW - 60_001, ttlMs: 60_000 });
  programmeA = await insertProgramme(db, { name: "Ohjelma A", startsOn: "2019-01-01", endsOn: null });
  programmeB = await insertProgramme(db, { name: "Ohjelma B", startsOn: "2020-01-01", endsOn: null });
  await insertTheme(db, { programmeId: programmeA, nameFi: "Teema A", nameSv: "Tema A", nameEn: "Theme A" });
  await insertTheme(db, { programmeId: programmeB, nameFi: "Teema B", nameSv: "Tema B", nameEn: "Theme B" });
  await insertArea(db, { nameFi: "Alue", nameSv: "Område", nameEn: "Area", source: null, regions: ["16", "15"] });
});

describe("reference lists with the session's principal", () => {
  it("regions: each with the signed-in agent's access, and the principal beside them (kills: principal && → ||, the read list → [], now() unused)", async () => {
    const live = await regionsForSession(deps(), agentSession);
    expect(live?.principal).toMatchObject({ role: "agent", regions: ["16"], sessionId: agentSession });
    const access = Object.fromEntries((live?.regions ?? []).map((r) => [r.code, r.access]));
    expect(Object.keys(access)).toHaveLength(18);
    expect([access["16"], access["01"]]).toEqual(["write", "none"]);
  });

  it("programmes: every programme for a live session (kills: the read list → [], the object → {})", async () => {
    const live = await programmesForSession(deps(), agentSession);
    expect(live?.principal.sessionId).toBe(agentSession);
    expect(live?.programmes.map((p) => p.name)).toEqual(expect.arrayContaining(["Ohjelma A", "Ohjelma B"]));
  });

  it("themes: every theme, or one programme's only (kills: programmeId not passed on)", async () => {
    const all = await themesForSession(deps(), agentSession, undefined);
    expect(all?.themes.map((t) => t.nameFi)).toEqual(expect.arrayContaining(["Teema A", "Teema B"]));
    const one = await themesForSession(deps(), agentSession, programmeB);
    expect(one?.themes.map((t) => t.nameFi)).toEqual(["Teema B"]);
    expect(one?.principal.role).toBe("agent");
  });

  it("areas: with their member regions, sorted, and accounts counted (kills: areaRowsFrom's input → [], the object → {})", async () => {
    const live = await areasForSession(deps(), agentSession);
    expect(live?.principal.sessionId).toBe(agentSession);
    expect(live?.areas).toEqual([expect.objectContaining({ nameFi: "Alue", nameSv: "Område", regions: ["15", "16"], users: 0 })]);
  });

  it("an unknown or expired session gets null from every list, and nothing read for it (kills: principal && → ||, true)", async () => {
    for (const id of ["no-such-session", "expired-session"]) {
      expect(await regionsForSession(deps(), id)).toBeNull();
      expect(await programmesForSession(deps(), id)).toBeNull();
      expect(await themesForSession(deps(), id, undefined)).toBeNull();
      expect(await areasForSession(deps(), id)).toBeNull();
    }
  });

  it("a session is judged at the time now() gives, not at the clock's (kills: deps.now() replaced)", async () => {
    // Live at NOW, expired one minute later.
    const later = { db, now: () => NOW + 60_000 };
    expect(await regionsForSession(later, agentSession)).toBeNull();
    expect(await areasForSession(later, agentSession)).toBeNull();
  });
});
