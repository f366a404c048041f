import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse, RegionsStatsResponse, ThemesStatsResponse, TrendResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { asBrowser, signIn } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// Published figures in every pooled view: a region whose days are all published shows them as
// such (mean of the published means over k days, no CI); a mixed pool keeps the answered figure
// with its CI and lists the published days apart. Keski-Pohjanmaa's two real days (8,5 and 8,0)
// are the case the agent sees.

let db: Db;
let app: ReturnType<typeof createApp>;
let agentKp: string;
let national: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoDataIfEmpty(db);
  app = createApp({ db });
  agentKp = await signIn(app, DEMO_USERS.find((u) => u.email === "agentti.kp@palaute.example")!);
  national = await signIn(app, DEMO_USERS[0]!);
});

async function get<T>(path: string, cookie: string): Promise<T> {
  const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
  const text = await res.text();
  expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return JSON.parse(text) as T;
}

const KP_POINTS = [
  { date: "2019-09-04", region: "16", mean: 8.5, n: null },
  { date: "2019-11-06", region: "16", mean: 8.0, n: null },
];

describe("a region whose days are all published", () => {
  it("shows Keski-Pohjanmaa's summary as the mean of 8.5 and 8.0 over 2 days, labelled published, with no CI", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions", agentKp);
    const kp = stats.regions.find((r) => r.code === "16")!;
    // (8.5 + 8.0) / 2 = 8.25; no answered day behind it (days 0), so no day-clustered interval either.
    expect(kp.grade).toEqual({
      n: 0,
      mean: 8.25,
      sd: null,
      ci95: null,
      source: "reported",
      eventsPooled: 2,
      excludedUnknownN: 0,
      smallN: false,
      days: 0,
      se: null,
      ciDf: null,
      ciWithheld: null,
      published: { days: 2, meanOfMeans: 8.25, points: KP_POINTS },
    });
    expect(kp.responseRate).toBeNull();
  });

  it("shows both days in the trend by month, each as its own published point", async () => {
    const trend = await get<TrendResponse>("/api/stats/trend?interval=month&regions=16", agentKp);
    const series = trend.series.find((s) => s.region === "16")!;
    const at = (key: string) => series.points[trend.keys.indexOf(key)];
    expect(at("2019-09")).toMatchObject({ mean: 8.5, source: "reported", ci95: null, published: { days: 1, points: [KP_POINTS[0]] } });
    expect(at("2019-11")).toMatchObject({ mean: 8.0, source: "reported", ci95: null, published: { days: 1, points: [KP_POINTS[1]] } });
    expect(at("2019-10")).toBeNull(); // no day that month: a gap, not a zero
  });

  it("shows both days in the heat map as published cells", async () => {
    const themes = await get<ThemesStatsResponse>("/api/stats/themes?region=16", agentKp);
    const cells = themes.cells
      .filter((c) => c.region === "16")
      .map((c) => ({ theme: c.themeId, mean: c.grade.mean, source: c.grade.source, ci: c.grade.ci95 }));
    expect(cells).toEqual([
      { theme: 1, mean: 8.5, source: "reported", ci: null },
      { theme: 2, mean: 8.0, source: "reported", ci: null },
    ]);
  });

  it("lists each day with its published figure and its source, not as demo", async () => {
    const { events } = await get<EventsResponse>("/api/events?region=16", agentKp);
    expect(events.map((e) => ({ date: e.date, mean: e.grade.mean, source: e.grade.source, isDemo: e.isDemo }))).toEqual([
      { date: "2019-11-06", mean: 8.0, source: "reported", isDemo: false },
      { date: "2019-09-04", mean: 8.5, source: "reported", isDemo: false },
    ]);
    for (const e of events) expect(e.reported!.source).toMatch(/^LAPE-Akatemia 2019, Keski-Pohjanmaa/);
  });
});

describe("a mixed pool", () => {
  it("keeps the country's answered figure and CI exactly as without the published days, and lists those days apart", async () => {
    const all = await get<RegionsStatsResponse>("/api/stats/regions", national);
    // The same pool without Keski-Pohjanmaa's days: the answered part must not move.
    const rest = await db.all<{ n: number; sum: number }>(
      sql`SELECT sum(s.grade_n) AS n, sum(s.grade_sum) AS sum FROM survey s JOIN event e ON e.id = s.event_id WHERE e.reported_grade_mean IS NULL`,
    );
    expect(all.national!.n).toBe(rest[0]!.n);
    expect(all.national!.mean).toBeCloseTo(rest[0]!.sum / rest[0]!.n, 12);
    expect(all.national).toMatchObject({ source: "mixed", eventsPooled: 52, published: { days: 2, meanOfMeans: 8.25, points: KP_POINTS } });
    expect(all.national!.ci95).not.toBeNull();
  });

  it("never lets answers collected on a published day into a pool", async () => {
    // Answers that arrived before the result was published stay, shown beside it, but pool nowhere.
    const [event] = await db.all<{ id: number; survey: number }>(
      sql`SELECT e.id, s.id AS survey FROM event e JOIN survey s ON s.event_id = e.id WHERE e.region_code = '16' AND e.date = '2019-09-04'`,
    );
    const before = await get<RegionsStatsResponse>("/api/stats/regions", national);
    await db.run(
      sql`INSERT INTO response (id, survey_id, submitted_at, lang) VALUES ('11111111-1111-4111-8111-111111111111', ${event!.survey}, 0, 'fi')`,
    );
    await db.run(
      sql`INSERT INTO answer (response_id, question_id, num_value) SELECT '11111111-1111-4111-8111-111111111111', id, 4 FROM question WHERE set_id = 1 AND key = 'grade'`,
    );
    try {
      const after = await get<RegionsStatsResponse>("/api/stats/regions", national);
      expect(after.regions.find((r) => r.code === "16")!.grade).toEqual(before.regions.find((r) => r.code === "16")!.grade);
      expect(after.national!.mean).toBe(before.national!.mean);
      const { events } = await get<EventsResponse>("/api/events?region=16", national);
      const shown = events.find((e) => e.id === event!.id)!;
      expect(shown).toMatchObject({
        grade: { source: "reported", mean: 8.5 },
        collected: { source: "responses", n: 1, mean: 4 },
        conflict: true,
      });
    } finally {
      await db.run(sql`DELETE FROM response WHERE id = '11111111-1111-4111-8111-111111111111'`);
    }
  });

  it("refuses the new published-result route to a signed-out caller", async () => {
    const res = await app.request("http://localhost/api/events/2/published-result", {
      method: "PUT",
      headers: asBrowser("", { "content-type": "application/json" }),
      body: "{}",
    });
    expect(res.status).toBe(401);
  });
});
