// The cooperation area's printable report (issue 17 item 4): its figures are the very ones
// GET /api/stats/areas gives for the same area and period (never a second definition), its member
// regions' rows those of GET /api/stats/regions; only a reader of every member region opens it.
import { beforeAll, describe, expect, it } from "vitest";
import type { AreasStatsResponse, RegionsStatsResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { formatNumber, t } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { insertArea } from "../../src/queries/areas";
import { ci, mean } from "../../src/views/figure-text";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

const NOW = Date.parse("2020-06-01T12:00:00Z");
const PERIOD = "from=2019-01-01&to=2019-12-31";
let db: Db;
let app: ReturnType<typeof createApp>;
let national: string;
let agent16: string;
let agent1516: string;
let areaMain: number;
let areaPublished: number;
let emptyArea: number;

const request = (path: string, cookie: string, init: RequestInit = {}) =>
  app.request(`http://localhost${path}`, { ...init, headers: asBrowser(cookie, (init.headers as Record<string, string>) ?? {}) });

async function json<T>(path: string): Promise<T> {
  const res = await request(path, national);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The page's text as a reader sees it: no tags, entities decoded, single spaces. */
async function pageText(path: string, cookie = national): Promise<string> {
  const res = await request(path, cookie);
  const html = await res.text();
  expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(200);
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function day(region: string, date: string, grades: readonly number[]) {
  const made = await createTestSurvey(db, { regionCode: region, date, attendance: 40 });
  for (const grade of grades) {
    const res = await app.request(`/s/${made.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade } }),
    });
    expect(res.status).toBe(201);
  }
  return made.eventId;
}

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  national = await signIn(app, await createTestUser(db, "national"));
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  agent1516 = await signIn(app, await createTestUser(db, "agent", ["15", "16"]));
  areaMain = await insertArea(db, {
    nameFi: "Länsirannikko",
    nameSv: "Västkusten",
    nameEn: "West coast",
    regions: ["15", "16"],
    source: "Testilähde 2019",
  });
  areaPublished = await insertArea(db, {
    nameFi: "Esimerkki",
    nameSv: "Exempel",
    nameEn: "Example",
    regions: ["02"],
    source: null,
    isDemo: true,
  });
  emptyArea = await insertArea(db, { nameFi: "Tyhjä", nameSv: "Tom", nameEn: "Empty", regions: [], source: null });
  // Three days in the period (12 + 10 + 11 = 33 answers), one after it that the report leaves out.
  await day("15", "2019-03-01", [8, 9, 7, 8, 9, 10, 8, 7, 9, 8, 8, 9]);
  await day("16", "2019-04-01", [6, 7, 8, 7, 7, 8, 6, 9, 7, 8]);
  await day("16", "2019-05-01", [9, 9, 10, 8, 9, 9, 10, 8, 9, 9, 9]);
  await day("15", "2020-02-01", [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
  // Region 02's only day has a published result and no answers: the area's pool is published-only.
  const published = await createTestSurvey(db, { regionCode: "02", date: "2019-06-01", attendance: 30 });
  const res = await request(`/api/events/${published.eventId}/published-result`, national, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mean: 8.2, n: 20, source: "Raportti 2019" }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
});

describe("GET /admin/reports/area", () => {
  it("shows the area's figure exactly as GET /api/stats/areas gives it, and its member regions as /api/stats/regions", async () => {
    const stats = await json<AreasStatsResponse>(`/api/stats/areas?${PERIOD}`);
    const regions = await json<RegionsStatsResponse>(`/api/stats/regions?${PERIOD}`);
    const area = stats.areas.find((a) => a.id === areaMain)!;
    // Hand count: three days in the period, 33 answers; the 2020 day is outside it.
    expect(area.events).toBe(3);
    expect(area.grade.n).toBe(33);
    expect(area.grade.days).toBe(3);
    expect(area.grade.source).toBe("responses");
    const html = await (await request(`/admin/reports/area?area=${areaMain}&lang=en`, national)).text();
    expect(html).not.toContain('class="badge"');
    for (const lang of LANGS) {
      const text = await pageText(`/admin/reports/area?area=${areaMain}&${PERIOD}&lang=${lang}`);
      expect(text).toContain(t(lang, "report.area.title", { area: area.name[lang] }));
      expect(text).toContain(`${mean(lang, area.grade.mean)} (${t(lang, "report.figure.nk", { n: formatNumber(lang, 33), k: 3 })})`);
      expect(text).toContain(ci(lang, area.grade));
      expect(text).toContain(t(lang, "dash.areas.source", { source: "Testilähde 2019" }));
      expect(text).toContain(t(lang, "dash.areas.pooling"));
      expect(text).toContain(t(lang, "report.caveats"));
      for (const code of ["15", "16"]) {
        const r = regions.regions.find((x) => x.code === code)!;
        expect(text).toContain(r.name[lang]);
        expect(text).toContain(
          `${mean(lang, r.grade.mean)} · ${t(lang, "report.figure.nk", { n: formatNumber(lang, r.grade.n), k: r.grade.days })}`,
        );
      }
    }
  });

  it("labels a pool of published results only, and a demo area", async () => {
    const stats = await json<AreasStatsResponse>(`/api/stats/areas?${PERIOD}`);
    const area = stats.areas.find((a) => a.id === areaPublished)!;
    expect(area.grade.source).toBe("reported");
    const text = await pageText(`/admin/reports/area?area=${areaPublished}&${PERIOD}&lang=en`);
    expect(text).toContain(`${mean("en", area.grade.mean)}* (${t("en", "report.figure.nk", { n: t("en", "dash.nUnknown"), k: 1 })})`);
    expect(text).toContain(t("en", "dash.note.pooledReported"));
    const html = await (await request(`/admin/reports/area?area=${areaPublished}&lang=en`, national)).text();
    expect(html).toContain(`<span class="badge">${t("en", "demo.badge")}</span>`);
    // The member region's row says n is not known and k is its one published day (not "0" and "0").
    expect(html).toContain(`<td class="num">${t("en", "dash.nUnknown")}</td><td class="num">1</td>`);
    expect(text).toContain(t("en", "dash.areas.demoNote"));
    expect(text).toContain(t("en", "dash.areas.noSource"));
  });

  it("opens only for a reader of every member region: 403 for an agent of one of them, 404 for an unknown area", async () => {
    expect((await request(`/admin/reports/area?area=${areaMain}`, agent16)).status).toBe(403);
    expect((await request(`/admin/reports/area?area=${areaMain}`, agent1516)).status).toBe(200);
    expect((await request("/admin/reports/area?area=999999", national)).status).toBe(404);
    expect((await request(`/admin/reports/area?area=${emptyArea}`, national)).status).toBe(404);
    // The start page offers only the areas the person reads whole.
    const forAgent = await (await request("/admin/reports?lang=en", agent16)).text();
    expect(forAgent).not.toContain(`value="${areaMain}"`);
    expect(forAgent).toContain(t("en", "report.index.noAreas"));
    const forNational = await (await request("/admin/reports?lang=en", national)).text();
    expect(forNational).toContain(`<option value="${areaMain}">West coast</option>`);
    expect(forNational).toContain('action="/admin/reports/area"');
  });

  it("answers a bad query with a 422 page", async () => {
    for (const q of ["", "area=abc", "area=0", `area=${areaMain}&from=2019-02-30`, `area=${areaMain}&region=16`]) {
      const res = await request(`/admin/reports/area?${q}`, national);
      expect(res.status, q).toBe(422);
      expect(res.headers.get("content-type"), q).toContain("text/html");
    }
  });
});
