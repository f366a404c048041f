// The national comparison on the demo data, checked against a recount from the stored answers
// (never from the rollups the API reads): k days, the day-clustered interval, "the rest of the
// country" without the region itself or the kick-off, the funnel flags, theme adjustment, the
// trend's theme mix and change, small-n states and the CSV columns that carry the caveats.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse, RegionsStatsResponse, TrendResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { addClusterSums, clusteredMean, eventSums, NO_CLUSTER_SUMS, type ClusterSums } from "../../src/domain/stats/clustered-pool";
import { funnelPoint, yardstick } from "../../src/domain/stats/funnel";
import { signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let app: ReturnType<typeof createApp>;
let national: string;
let agent: string;

interface RawEvent {
  region: string | null;
  themeId: number | null;
  n: number;
  sum: number;
  sumSq: number;
}

let rawEvents: RawEvent[];

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoDataIfEmpty(db);
  app = createApp({ db });
  national = await signIn(app, DEMO_USERS[0]);
  agent = await signIn(app, DEMO_USERS[1]);
  // Per day straight from the answers table.
  rawEvents = await db.all<RawEvent>(sql`
    SELECT e.region_code AS region, e.theme_id AS themeId, count(*) AS n, sum(a.num_value) AS sum, sum(a.num_value * a.num_value) AS sumSq
    FROM answer a JOIN question q ON q.id = a.question_id AND q.key = 'grade'
    JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id JOIN event e ON e.id = s.event_id
    GROUP BY e.id`);
});

async function get<T>(path: string, cookie = national): Promise<T> {
  const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const poolOf = (events: readonly RawEvent[]): ClusterSums =>
  events.map((d) => eventSums(d.n, d.sum, d.sumSq)).reduce(addClusterSums, NO_CLUSTER_SUMS);

describe("GET /api/stats/regions: regions against the rest of the country", () => {
  it("gives each region k days and a day-clustered interval equal to a recount from the answers", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions");
    for (const r of stats.regions) {
      const own = rawEvents.filter((d) => d.region === r.code);
      const expected = clusteredMean(poolOf(own));
      expect(r.grade.days, r.code).toBe(own.length);
      expect(r.grade.n, r.code).toBe(expected.n);
      if (expected.ci95 === null) expect(r.grade.ci95).toBeNull();
      else {
        expect(r.grade.ci95![0]).toBeCloseTo(expected.ci95[0], 9);
        expect(r.grade.ci95![1]).toBeCloseTo(expected.ci95[1], 9);
        expect(r.grade.ciDf).toBe(own.length - 1);
      }
    }
    // 17 regions × 3 days and the kick-off: the national interval is on 51 df.
    expect(stats.national!.days).toBe(rawEvents.length);
    expect(stats.national!.ciDf).toBe(rawEvents.length - 1);
  });

  it("never puts a region (or the national kick-off) in its own yardstick", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions");
    const kickoff = rawEvents.filter((d) => d.region === null);
    expect(kickoff.length, "the demo has a national kick-off with answers").toBeGreaterThan(0);
    for (const r of stats.regions) {
      const rest = rawEvents.filter((d) => d.region !== null && d.region !== r.code);
      const n = rest.reduce((sum, d) => sum + d.n, 0);
      expect(r.comparison!.rest.n, r.code).toBe(n);
      expect(r.comparison!.rest.days, r.code).toBe(rest.length);
      expect(r.comparison!.rest.mean!).toBeCloseTo(rest.reduce((sum, d) => sum + d.sum, 0) / n, 12);
      const point = funnelPoint(poolOf(rawEvents.filter((d) => d.region === r.code)), yardstick(poolOf(rest))!);
      if (point === null) expect(r.comparison!.funnel).toBeNull();
      else {
        expect(r.comparison!.funnel!.z).toBeCloseTo(point.z, 9);
        expect(r.comparison!.funnel!.flag).toBe(point.flag);
      }
    }
  });

  it("ranks only regions with 2 days and 30 answers: Keski-Pohjanmaa (published days only) is listed apart", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions");
    const kp = stats.regions.find((r) => r.code === "16")!;
    expect(kp.comparison).toMatchObject({ rankable: false, funnel: null, adjusted: { mean: null, missingThemes: [1, 2, 3] } });
    expect(stats.regions.filter((r) => r.comparison!.rankable)).toHaveLength(17);
    // No region differs on the demo data beyond chance at 99.8 %.
    expect(
      stats.regions.filter((r) => r.comparison!.funnel?.flag === "above_998" || r.comparison!.funnel?.flag === "below_998"),
    ).toHaveLength(0);
    expect(stats.funnel.regionsOnFunnel).toBe(17);
    expect(stats.funnel.curve.length).toBeGreaterThan(10);
  });

  it("standardises to the national theme mix: weights are each theme's share of the answers", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions");
    const themed = rawEvents.filter((d) => d.themeId !== null);
    const total = themed.reduce((sum, d) => sum + d.n, 0);
    for (const m of stats.themeMix) {
      expect(m.weight).toBeCloseTo(themed.filter((d) => d.themeId === m.themeId).reduce((sum, d) => sum + d.n, 0) / total, 12);
    }
    const uusimaa = stats.regions.find((r) => r.code === "01")!;
    const cellMean = (themeId: number) => {
      const events = rawEvents.filter((d) => d.region === "01" && d.themeId === themeId);
      return events.reduce((s, d) => s + d.sum, 0) / events.reduce((s, d) => s + d.n, 0);
    };
    const expected = stats.themeMix.reduce((sum, m) => sum + m.weight * cellMean(m.themeId), 0);
    expect(uusimaa.comparison!.adjusted.mean!).toBeCloseTo(expected, 12);
    expect(uusimaa.comparison!.adjusted.missingThemes).toEqual([]);
  });

  it("shows an agent the comparison of their own region only", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions", agent);
    expect(stats.regions.map((r) => r.code)).toEqual(["16"]);
  });
});

describe("small numbers", () => {
  it("gives a day under 10 answers no interval and says why", async () => {
    const event = await createTestSurvey(db, { regionCode: "15", date: "2019-12-01" });
    for (const grade of [8, 8, 8, 8, 8]) {
      const res = await app.request(`/s/${event.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade } }),
      });
      expect(res.status).toBe(201);
    }
    const { events } = await get<EventsResponse>("/api/events?region=15");
    const e = events.find((x) => x.id === event.eventId)!;
    expect(e.grade).toMatchObject({ n: 5, mean: 8, sd: 0, ci95: null, ciWithheld: "too_few_respondents", smallN: false });
  });
});

describe("GET /api/stats/trend: theme kept apart from time", () => {
  it("says the terms differ in theme mix, and gives the change with its day-level interval", async () => {
    const trend = await get<TrendResponse>("/api/stats/trend?interval=term&programme=1");
    expect(trend.keys).toEqual(["2019-spring", "2019-autumn"]);
    expect(trend.themeMixDiffers).toBe(true);
    expect(trend.themes.map((s) => s.themeId)).toEqual([1, 2, 3]);
    const change = trend.series[0]!.change!;
    const [spring, autumn] = trend.series[0]!.points;
    expect(change.difference).toBeCloseTo(autumn!.mean! - spring!.mean!, 12);
    // Counted in days, the spring → autumn rise is within chance (the interval covers 0).
    expect(change.ci95![0]).toBeLessThan(0);
    expect(change.ci95![1]).toBeGreaterThan(0);
  });
});

describe("CSV exports keep the caveats", () => {
  it("regions.csv: k days, why an interval is missing, the yardstick, the funnel, adjusted figures and the demo flag", async () => {
    const text = await (await app.request("http://localhost/api/export/regions.csv?lang=en", { headers: { cookie: national } })).text();
    const [header, ...rows] = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((line) => line.split(";").map((cell) => cell.replace(/^"|"$/g, "")));
    for (const column of [
      "Response rate (%)",
      "Days with answers (k)",
      "No confidence interval because",
      "Rest of the country, mean",
      "Funnel plot result",
      "Ranked",
      "Theme-adjusted mean",
      "No adjusted figure: themes missing",
      "Demo data",
    ]) {
      expect(header, column).toContain(column);
    }
    const uusimaa = rows.find((r) => r[0] === "Uusimaa")!;
    expect(uusimaa[header!.indexOf("Days with answers (k)")]).toBe("3");
    expect(uusimaa[header!.indexOf("Demo data")]).toBe("yes");
    const kp = rows.find((r) => r[0] === "Central Ostrobothnia")!;
    expect(kp[header!.indexOf("Ranked")]).toBe("no");
  });

  it("trend.csv writes terms in words in the reader's language", async () => {
    const text = await (
      await app.request("http://localhost/api/export/trend.csv?lang=sv&interval=term", { headers: { cookie: national } })
    ).text();
    expect(text).not.toContain("2019-autumn");
    expect(text).toMatch(/[Hh]östen 2019|[Hh]öst 2019/);
  });
});
