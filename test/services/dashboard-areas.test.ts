import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceContext } from "../../src/services/context";
import { areasFigures } from "../../src/services/dashboard-areas";
import { testPrincipal } from "../helpers/accounts";
import { figuresWorld, type FiguresWorld } from "../helpers/figures-fixture";

// Cooperation areas' figures (src/services/dashboard-areas.ts) on a real in-memory database with
// the real migrations, answers sent through the real survey route (test/helpers/figures-fixture.ts;
// expected values worked out by hand from its table). Here a02 is a demo day and "Pohjoinen" a demo
// area. Each test names the rule, and the mutants, it holds in place.

const NOW = Date.parse("2020-01-15T12:00:00Z");
let w: FiguresWorld;
const deps = () => serviceContext(w.db, { now: () => NOW });
const national = testPrincipal({ userId: 1, email: "n@test.example", name: "N", role: "national" });
const viewer16 = testPrincipal({ userId: 2, email: "v@test.example", name: "V", role: "viewer", regions: ["16"] });
const viewerNorth = testPrincipal({ userId: 3, email: "w@test.example", name: "W", role: "viewer", regions: ["16", "17"] });
const term = { interval: "term" as const };

beforeAll(async () => {
  w = await figuresWorld();
  await w.db.run(sql`UPDATE event SET is_demo = 1 WHERE id = ${w.days.a02.eventId}`);
  await w.db.run(sql`UPDATE area SET is_demo = 1 WHERE id = ${w.areas.north}`);
});

describe("areasFigures", () => {
  it("each area pools its regions' days, its published day apart, and an empty area is counted hidden (kills: the area's fields, regions.length > 0)", async () => {
    const r = await areasFigures(deps(), national, term);
    expect(r.hiddenAreas).toBe(1);
    expect(r.areas.map((a) => a.id)).toEqual([w.areas.south, w.areas.north]);
    const [south, north] = r.areas;
    // Etelä {01, 02, 04}: a01, a02, a04 (published 8.5 of 30), b01. Answered n 15, Σ 25 + 37 + 45 = 107;
    // attendance 8 + 6 + 40 + 5 = 59, responses 5 + 5 + 2 + 5 = 17; the rate leaves the published
    // day out: 15 / 19.
    expect(south).toMatchObject({
      name: { fi: "Etelä", sv: "Etelä sv", en: "Etelä en" },
      regions: ["01", "02", "04"],
      isDemo: false,
      source: "Liitto",
      hasDemoDays: true,
      events: 4,
      attendance: 59,
      responses: 17,
      rateExcludedOver100: 0,
    });
    expect(south!.responseRate).toBeCloseTo(15 / 19, 12);
    expect(south!.grade).toMatchObject({ n: 15, source: "mixed", published: { days: 1, meanOfMeans: 8.5 } });
    expect(south!.grade.mean).toBeCloseTo(107 / 15, 12);
    // Pohjoinen {16, 17}: 16's four days, n 18, Σ 130, attendance 30; no published day of its own.
    expect(north).toMatchObject({
      regions: ["16", "17"],
      isDemo: true,
      source: null,
      hasDemoDays: false,
      events: 4,
      attendance: 30,
      responses: 18,
    });
    expect(north!.responseRate).toBe(0.6);
    expect(north!.grade).toMatchObject({ n: 18, source: "responses", published: null });
    expect(north!.grade.mean).toBeCloseTo(130 / 18, 12);
  });

  it("an area with a region the reader may not read is hidden and counted, never shown in part (kills: canReadArea's filter → true, the early return's count)", async () => {
    expect(await areasFigures(deps(), viewer16, term)).toEqual({ areas: [], hiddenAreas: 3 });
    const r = await areasFigures(deps(), viewerNorth, term);
    expect(r.areas.map((a) => a.id)).toEqual([w.areas.north]);
    expect(r.hiddenAreas).toBe(2);
  });

  it("applies the period, theme and programme (kills: the filter's from, to, themeId, programmeId)", async () => {
    const events = async (q: Parameters<typeof areasFigures>[2]) =>
      (await areasFigures(deps(), national, q)).areas.map((a) => [a.name.fi, a.events, a.grade.n]);
    expect(await events({ ...term, programme: w.programmes.b })).toEqual([
      ["Etelä", 1, 5],
      ["Pohjoinen", 1, 5],
    ]);
    expect(await events({ ...term, from: "2019-10-01" })).toEqual([
      ["Etelä", 1, 5],
      ["Pohjoinen", 2, 10],
    ]);
    expect(await events({ ...term, to: "2019-09-30" })).toEqual([
      ["Etelä", 3, 10],
      ["Pohjoinen", 2, 8],
    ]);
    expect(await events({ ...term, theme: w.themes.a2 })).toEqual([
      ["Etelä", 0, 0],
      ["Pohjoinen", 1, 2],
    ]);
  });
});
