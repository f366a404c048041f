import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { insertArea } from "../../src/queries/areas";
import { serviceContext } from "../../src/services/context";
import { areaReport, nationalReport, regionReport, reportableAreas } from "../../src/services/reports";
import { testPrincipal } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The printable reports through the service on a real in-memory database with the real migrations,
// answers sent through the real survey route: each report holds the days of its period only, a
// region's report its own days, an area's report its member regions, and each is refused to a
// reader who may not read all it pools. Expected figures are counted by hand from the grades below.
// Each test names the mutant of src/services/reports.ts it holds in place.

const NOW = Date.parse("2020-06-01T12:00:00Z");
const PERIOD = { from: "2019-01-01", to: "2019-12-31" } as const;
let db: Db;
let themeId: number;
const days: Record<string, number> = {};
let westCoast: number;
let capital: number;
let emptyArea: number;
const deps = () => serviceContext(db, { now: () => NOW });
const national = testPrincipal({ userId: 1, email: "n@test.example", name: "N", role: "national" });
const agent16 = testPrincipal({ userId: 2, email: "a@test.example", name: "A", role: "agent", regions: ["16"] });
const agent01 = testPrincipal({ userId: 4, email: "c@test.example", name: "C", role: "agent", regions: ["01"] });
const agent1516 = testPrincipal({ userId: 3, email: "b@test.example", name: "B", role: "agent", regions: ["15", "16"] });

beforeAll(async () => {
  db = await createTestDb();
  const app = createApp({ db, now: () => NOW });
  const day = async (name: string, region: string, date: string, grades: readonly number[]) => {
    const made = await createTestSurvey(db, { regionCode: region, date, attendance: 40 });
    for (const grade of grades) {
      const res = await app.request(`/s/${made.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade } }),
      });
      expect(res.status).toBe(201);
    }
    days[name] = made.eventId;
  };
  await day("16a", "16", "2019-09-04", [8, 8, 9, 9, 10]);
  await day("16b", "16", "2019-11-06", [6, 7, 7, 8, 7]);
  await day("16late", "16", "2020-02-01", [4, 4, 4, 4, 4]);
  await day("15", "15", "2019-10-01", [9, 9, 9, 9, 9]);
  await day("01", "01", "2019-10-02", [5, 5, 6, 6, 7]);
  themeId = (await db.all<{ id: number }>(sql`SELECT id FROM theme`))[0]!.id;
  await db.run(sql`UPDATE event SET theme_id = ${themeId}`);
  westCoast = await insertArea(db, {
    nameFi: "Länsirannikko",
    nameSv: "Västkusten",
    nameEn: "West coast",
    regions: ["15", "16"],
    source: null,
  });
  capital = await insertArea(db, { nameFi: "Pääkaupunki", nameSv: "Huvudstad", nameEn: "Capital", regions: ["01"], source: null });
  emptyArea = await insertArea(db, { nameFi: "Tyhjä", nameSv: "Tom", nameEn: "Empty", regions: [], source: null });
});

const regionOf = <R extends { code: string }>(r: { regions: readonly R[] }, code: string) => r.regions.find((row) => row.code === code);

describe("nationalReport", () => {
  it("pools every region's days of the period only, with the themes of the same period (kills: the query object → {}, the period left out)", async () => {
    const report = await nationalReport(deps(), national as SessionPrincipal, PERIOD);
    expect(report.period).toEqual(PERIOD);
    expect(report.generatedAt).toBe(NOW);
    // 2019: 16a + 16b (n 10, mean 79 / 10), 15 (n 5, mean 9), 01 (n 5, mean 5.8); 16late is 2020.
    expect(regionOf(report.regions, "16")).toMatchObject({ events: 2, responses: 10, grade: { n: 10 } });
    expect(regionOf(report.regions, "16")!.grade.mean).toBeCloseTo(7.9, 10);
    expect(regionOf(report.regions, "01")).toMatchObject({ events: 1, responses: 5 });
    expect(report.regions.national).toMatchObject({ events: 4, responses: 20 });
    expect(report.regions.national!.mean).toBeCloseTo((79 + 45 + 29) / 20, 10);
    expect(report.themes.themes).toEqual([expect.objectContaining({ id: themeId, events: 4, responses: 20 })]);
  });
});

describe("regionReport", () => {
  it("holds the region's own days of the period, its pooled row and its themes (kills: region left out of the query, the period left out)", async () => {
    const report = await regionReport(deps(), agent16, "16", PERIOD, "fi", "http://localhost");
    expect(report.period).toEqual(PERIOD);
    expect(report.generatedAt).toBe(NOW);
    expect(report.region).toMatchObject({ code: "16", events: 2, responses: 10, grade: { n: 10 } });
    expect(report.region.grade.mean).toBeCloseTo(7.9, 10);
    expect(report.events.map((e) => e.id).sort((a, b) => a - b)).toEqual([days["16a"], days["16b"]].sort((a, b) => a! - b!));
    expect(report.themes.themes).toEqual([expect.objectContaining({ id: themeId, events: 2, responses: 10 })]);
    expect(report.themes.cells.map((c) => c.region)).toEqual(["16"]);
    expect(report.yardstick).toBeDefined();
  });

  it("the pooled row is the whole period's, not only the region filter's days (kills: the regions query's period → {})", async () => {
    const all = await regionReport(deps(), national, "16", {}, "fi", "http://localhost");
    expect(all.region).toMatchObject({ events: 3, responses: 15 });
    expect(all.events).toHaveLength(3);
  });

  it("is forbidden for a region the reader may not read, and not found for a region that does not exist (kills: !canRead → false, !stats → false)", async () => {
    await expect(regionReport(deps(), agent16, "01", PERIOD, "fi", "http://localhost")).rejects.toMatchObject({ code: "forbidden" });
    await expect(regionReport(deps(), national, "99", PERIOD, "fi", "http://localhost")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("areaReport", () => {
  it("pools the area's member regions over the period and lists only them (kills: the members filter, the period left out)", async () => {
    const report = await areaReport(deps(), agent1516, westCoast, PERIOD);
    expect(report.period).toEqual(PERIOD);
    expect(report.generatedAt).toBe(NOW);
    // 16a + 16b + 15: n 15, mean (79 + 45) / 15.
    expect(report.area).toMatchObject({ id: westCoast, regions: ["15", "16"], events: 3, responses: 15, grade: { n: 15 } });
    expect(report.area.grade.mean).toBeCloseTo(124 / 15, 10);
    expect(report.regions.map((r) => [r.code, r.events])).toEqual([
      ["15", 1],
      ["16", 2],
    ]);
    // The national team reads every region: the area's report still lists its members only.
    expect((await areaReport(deps(), national, westCoast, PERIOD)).regions.map((r) => r.code)).toEqual(["15", "16"]);
  });

  it("404 for an unknown area and for one without regions, 403 unless the reader reads every member region (kills: !row, !area, !canReadArea → false)", async () => {
    await expect(areaReport(deps(), national, 9_999, PERIOD)).rejects.toMatchObject({ code: "not_found" });
    await expect(areaReport(deps(), national, emptyArea, PERIOD)).rejects.toMatchObject({ code: "not_found" });
    await expect(areaReport(deps(), agent16, westCoast, PERIOD)).rejects.toMatchObject({ code: "forbidden" });
    expect((await areaReport(deps(), agent01, capital, PERIOD)).area).toMatchObject({ id: capital, events: 1, responses: 5 });
  });
});

describe("reportableAreas", () => {
  it("offers the areas with regions whose every region the reader reads (kills: regions.length > 0 → >= 0, true; canReadArea → true)", async () => {
    expect(await reportableAreas(deps(), agent16)).toEqual([]);
    expect((await reportableAreas(deps(), agent1516)).map((a) => a.id)).toEqual([westCoast]);
    expect((await reportableAreas(deps(), national)).map((a) => a.id).sort((a, b) => a - b)).toEqual(
      [westCoast, capital].sort((a, b) => a - b),
    );
  });
});
