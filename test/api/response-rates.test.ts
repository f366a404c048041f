import { beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse, RegionsStatsResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestDb } from "../helpers/test-db";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";

// Response rates: a day whose survey has not run is left out (not 0 %), a closed survey with no
// answers is a real 0 %, a rate above 100 % is shown flagged and left out of the pooled rate.

const NOW = Date.parse("2019-12-01T12:00:00Z");
let db: Db;
let app: ReturnType<typeof createApp>;
let cookie: string;
const ids: Record<string, number> = {};

async function answer(slug: string, count: number) {
  for (let i = 0; i < count; i++) {
    const res = await app.request(`/s/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 8 } }),
    });
    expect(res.status).toBe(201);
  }
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  cookie = await signIn(app, await createTestUser(db, "national"));
  const normal = await createTestSurvey(db, { regionCode: "07", date: "2019-09-02", attendance: 40 });
  await answer(normal.slug, 20);
  const over = await createTestSurvey(db, { regionCode: "07", date: "2019-09-03", attendance: 10 });
  await answer(over.slug, 15);
  const notRun = await createTestSurvey(db, { regionCode: "07", date: "2019-11-30", attendance: 50 });
  const closedEmpty = await createTestSurvey(db, { regionCode: "07", date: "2019-09-05", attendance: 30, closesAt: NOW - 1000 });
  Object.assign(ids, { normal: normal.eventId, over: over.eventId, notRun: notRun.eventId, closedEmpty: closedEmpty.eventId });
});

async function get<T>(path: string): Promise<T> {
  const res = await app.request(`http://localhost${path}`, { headers: asBrowser(cookie) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

describe("response rates", () => {
  it("per day: counted, flagged above 100 %, left out before the survey has run", async () => {
    const { events } = await get<EventsResponse>("/api/events?region=07");
    const event = (id: number) => events.find((e) => e.id === id)!;
    expect(event(ids.normal!)).toMatchObject({ responseRate: 0.5, rateStatus: "counted" });
    expect(event(ids.over!)).toMatchObject({ responseRate: 1.5, rateStatus: "over_100" });
    expect(event(ids.notRun!)).toMatchObject({ responseRate: null, rateStatus: "not_run" });
    expect(event(ids.closedEmpty!)).toMatchObject({ responseRate: 0, rateStatus: "counted" });
  });

  it("pooled: (20 + 0) / (40 + 30), the day above 100 % left out and counted in a note", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions");
    const region = stats.regions.find((r) => r.code === "07")!;
    expect(region.responseRate).toBeCloseTo(20 / 70, 12);
    expect(region.rateExcludedOver100).toBe(1);
  });

  it("the CSVs flag the day and count the days left out", async () => {
    const events = await (
      await app.request("http://localhost/api/export/events.csv?region=07&lang=en", { headers: asBrowser(cookie) })
    ).text();
    const over = events.split("\r\n").find((line) => line.startsWith('"2019-09-03"'))!;
    expect(over).toContain('"over 100 %: check the head count"');
    const regions = await (await app.request("http://localhost/api/export/regions.csv?lang=en", { headers: asBrowser(cookie) })).text();
    const [header, ...lines] = regions.split("\r\n");
    const column = header!.split(";").indexOf('"Days left out of the response rate (above 100 %)"');
    expect(column, header).toBeGreaterThan(0);
    const row = lines.find((line) => line.includes("Päijät-Häme") || line.includes("Päijänne Tavastia"))!;
    expect(row.split(";")[column], row).toBe("1");
  });
});
