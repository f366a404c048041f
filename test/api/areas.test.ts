// Cooperation areas (issue 13 item 6) and programmes side by side (item 7): the area API and its
// rules, an area's pooled figure against a hand count, who sees which area, and two programmes by
// theme and region. Interval fixtures: Python 3.11 + NumPy + SciPy 1.10.1 (Debian), the one-way
// method-of-moments variance components written out with numpy over the raw grades and
// scipy.stats.t.ppf(0.975, k − 1); the script is in the comment at AREA_CI.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AreasStatsResponse, ProgrammeComparisonResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { event, programme, theme, user } from "../../src/db/schema";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

const NOW = Date.parse("2019-12-01T12:00:00Z");
let db: Db;
let app: ReturnType<typeof createApp>;
let national: string;

async function call(method: string, path: string, cookie: string, body?: unknown) {
  const res = await app.request(`http://localhost${path}`, {
    method,
    headers: asBrowser(cookie, body === undefined ? {} : { "content-type": "application/json" }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith("{") ? JSON.parse(text) : null };
}

async function get<T>(path: string, cookie = national): Promise<T> {
  const res = await call("GET", path, cookie);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.json as T;
}

async function answer(slug: string, grades: readonly number[]) {
  for (const grade of grades) {
    const res = await app.request(`/s/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade } }),
    });
    expect(res.status).toBe(201);
  }
}

/** A day with the given grades, in a region (null: national), programme and theme. */
async function day(region: string | null, date: string, grades: readonly number[], programmeId: number, themeId: number) {
  const made = await createTestSurvey(db, { regionCode: region, date, attendance: 40 });
  await db.update(event).set({ programmeId, themeId }).where(eq(event.id, made.eventId));
  await answer(made.slug, grades);
  return made.eventId;
}

let p1: number;
let p2: number;
let areaX: number;
let areaY: number;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  national = await signIn(app, await createTestUser(db, "national"));
  // Programme 1 (the factory's) and its theme; programme 2 with a theme of the same Finnish name and one of its own.
  await createTestSurvey(db, { regionCode: "01", date: "2018-01-01" }).then((s) => db.delete(event).where(eq(event.id, s.eventId)));
  const [first] = await db.select().from(programme);
  p1 = first!.id;
  const [t1] = await db.select().from(theme).where(eq(theme.programmeId, p1));
  const [second] = await db.insert(programme).values({ name: "Akatemia 2021" }).returning();
  p2 = second!.id;
  const [t2] = await db
    .insert(theme)
    .values({ programmeId: p2, nameFi: "testiteema ", nameSv: "Testtema", nameEn: "Test theme" })
    .returning();
  const [t3] = await db
    .insert(theme)
    .values({ programmeId: p2, nameFi: "Vain toisessa", nameSv: "Bara i andra", nameEn: "Only in the second" })
    .returning();

  // Programme 1: region 13 two days, region 16 one day and one published day, region 15 one day.
  await day("13", "2019-09-02", [8, 9, 10], p1, t1!.id);
  await day("13", "2019-09-10", [6, 7], p1, t1!.id);
  await day("16", "2019-09-12", [7, 7, 8, 8], p1, t1!.id);
  const published = await day("16", "2019-11-06", [], p1, t1!.id);
  const put = await call("PUT", `/api/events/${published}/published-result`, national, { mean: 8.5, source: "Raportti 2019" });
  expect(put.status, put.text).toBe(200);
  await day("15", "2019-09-20", [4, 4], p1, t1!.id);
  // Programme 2: region 13 one day, a national day.
  await day("13", "2021-09-02", [9, 9], p2, t2!.id);
  await day(null, "2021-03-20", [10], p2, t3!.id);

  const x = await call("POST", "/api/areas", national, { nameFi: "Keski", nameSv: "Mellersta", nameEn: "Central", regions: ["13", "16"] });
  expect(x.status, x.text).toBe(201);
  areaX = x.json.area.id;
  const y = await call("POST", "/api/areas", national, {
    nameFi: "Länsi",
    nameSv: "Väst",
    nameEn: "West",
    regions: ["15"],
    source: "Päätös 1/2019",
  });
  expect(y.status, y.text).toBe(201);
  areaY = y.json.area.id;
});

describe("the area API", () => {
  it("creates an area with its names, regions, source and demo flag, and lists it", async () => {
    const created = await call("POST", "/api/areas", national, {
      nameFi: "Pohjoinen",
      nameSv: "Norr",
      nameEn: "North",
      regions: ["19", "17"],
      isDemo: true,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.area).toEqual({
      id: expect.any(Number),
      name: { fi: "Pohjoinen", sv: "Norr", en: "North" },
      regions: ["17", "19"],
      isDemo: true,
      source: null,
      users: 0,
    });
    const { areas } = await get<{ areas: { id: number; source: string | null }[] }>("/api/areas");
    expect(areas.find((a) => a.id === areaY)?.source).toBe("Päätös 1/2019");
    expect(areas.map((a) => a.id)).toContain(created.json.area.id);
    const removed = await call("DELETE", `/api/areas/${created.json.area.id}`, national);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.json.deleted.regions).toEqual(["17", "19"]);
  });

  it("keeps a region in one area: another area's region is a 422 naming it, and so is an unknown or repeated one", async () => {
    const taken = await call("POST", "/api/areas", national, { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["16", "19"] });
    expect(taken.status, taken.text).toBe(422);
    expect(taken.json.error.fields).toEqual([expect.objectContaining({ key: "regions", code: "in_other_area" })]);
    expect(taken.json.error.fields[0].message).toContain("16");
    for (const regions of [["99"], ["19", "19"], []]) {
      const bad = await call("POST", "/api/areas", national, { nameFi: "A", nameSv: "A", nameEn: "A", regions });
      expect(bad.status, `${regions}: ${bad.text}`).toBe(422);
    }
    // Changing an area may keep its own regions and move into a free one.
    const kept = await call("PATCH", `/api/areas/${areaY}`, national, { regions: ["15", "14"] });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.json.area.regions).toEqual(["14", "15"]);
    const back = await call("PATCH", `/api/areas/${areaY}`, national, { regions: ["15"], nameEn: "West" });
    expect(back.json.area.regions).toEqual(["15"]);
    expect((await call("PATCH", `/api/areas/${areaY}`, national, { regions: ["13"] })).status).toBe(422);
    expect((await call("PATCH", "/api/areas/99999", national, { nameEn: "X" })).status).toBe(404);
    expect((await call("DELETE", "/api/areas/99999", national)).status).toBe(404);
  });

  it("writes each change to the audit log, shown in words", async () => {
    const page = await app.request("http://localhost/admin/audit?lang=en", { headers: asBrowser(national) });
    const html = await page.text();
    expect(html).toContain("Created a cooperation area");
    expect(html).toContain("Changed a cooperation area");
    expect(html).toContain("Deleted a cooperation area");
    expect(html).toContain(`href="/admin/areas/${areaX}?lang=en">Central</a>`);
  });
});

describe("accounts scoped to an area", () => {
  it("refuses a municipal agent without an area, and an unknown area, on the field areaId", async () => {
    const base = { email: "kunta1@test.example", name: "Kunta", role: "municipal", password: "a long enough password" };
    const none = await call("POST", "/api/users", national, base);
    expect(none.status, none.text).toBe(422);
    expect(none.json.error.fields).toEqual([expect.objectContaining({ key: "areaId", code: "required" })]);
    const unknown = await call("POST", "/api/users", national, { ...base, areaId: 99999 });
    expect(unknown.json.error.fields).toEqual([expect.objectContaining({ key: "areaId", code: "unknown" })]);
    const made = await call("POST", "/api/users", national, { ...base, areaId: areaX });
    expect(made.status, made.text).toBe(201);
    expect(made.json.user).toMatchObject({ role: "municipal", areaId: areaX, regions: [] });
    // Taking the area away from a municipal agent is refused; moving them to another is not.
    expect((await call("PATCH", `/api/users/${made.json.user.id}`, national, { areaId: null })).status).toBe(422);
    const moved = await call("PATCH", `/api/users/${made.json.user.id}`, national, { areaId: areaY });
    expect(moved.json.user.areaId).toBe(areaY);
  });

  it("ends the municipal agent's area reading when the area is deleted", async () => {
    const doomed = await call("POST", "/api/areas", national, { nameFi: "Itä", nameSv: "Öst", nameEn: "East", regions: ["12"] });
    const person = await createTestUser(db, "municipal");
    await db.update(user).set({ areaId: doomed.json.area.id }).where(eq(user.id, person.id));
    const cookie = await signIn(app, person);
    expect((await get<{ user: { readableRegions: string[] } }>("/api/me", cookie)).user.readableRegions).toEqual(["12"]);
    expect((await call("DELETE", `/api/areas/${doomed.json.area.id}`, national)).status).toBe(200);
    const me = await get<{ user: { readableRegions: string[]; areaId: number | null; readsArea: number | null } }>("/api/me", cookie);
    expect(me.user).toMatchObject({ readableRegions: [], areaId: null, readsArea: null });
  });
});

// Area X = regions 13 and 16: day A (13) grades 8, 9, 10; day B (13) 6, 7; day C (16) 7, 7, 8, 8;
// day D (16) published 8,5 with no n. Region 15 (area Y) has 4, 4 and must not leak into X.
// N = 9, Σx = 70, mean 70/9; k = 3 answered days.
// AREA_CI from: days=[[8,9,10],[6,7],[7,7,8,8]]; msw=Σ within SS/(N−k); msb=Σnᵢ(ȳᵢ−ȳ)²/(k−1);
// n0=(N−Σnᵢ²/N)/(k−1); sb=max(0,(msb−msw)/n0); se=√(sb·Σnᵢ²/N²+msw/N); ȳ ± t.ppf(0.975, 2)·se.
const AREA_SE = 0.7012063949773099;
const AREA_CI = [4.760730168197412, 10.794825387358143];

describe("an area's pooled figure", () => {
  it("equals the hand count: n 9, mean 70/9, k 3 days, the day-clustered interval, the published day apart", async () => {
    // Programme 1 only: programme 2's day in region 13 (9, 9) belongs to the area too, in another programme.
    const stats = await get<AreasStatsResponse>(`/api/stats/areas?programme=${p1}`);
    const x = stats.areas.find((a) => a.id === areaX)!;
    expect(x.regions).toEqual(["13", "16"]);
    expect(x.events).toBe(4);
    expect(x.responses).toBe(9);
    expect(x.grade).toMatchObject({ n: 9, days: 3, source: "mixed", ciDf: 2, ciWithheld: null });
    expect(x.grade.mean).toBeCloseTo(70 / 9, 12);
    expect(x.grade.se).toBeCloseTo(AREA_SE, 9);
    expect(x.grade.ci95![0]).toBeCloseTo(AREA_CI[0]!, 6);
    expect(x.grade.ci95![1]).toBeCloseTo(AREA_CI[1]!, 6);
    expect(x.grade.published).toEqual({ days: 1, meanOfMeans: 8.5, points: [{ date: "2019-11-06", region: "16", mean: 8.5, n: null }] });
    expect(x.isDemo).toBe(false);
  });

  it("gives a one-day area its day's figure with no interval under 10 answers (region 15: 4, 4)", async () => {
    const y = (await get<AreasStatsResponse>("/api/stats/areas")).areas.find((a) => a.id === areaY)!;
    expect(y.grade).toMatchObject({ n: 2, mean: 4, days: 1, ci95: null, ciWithheld: "too_few_respondents", smallN: true });
    expect(y.source).toBe("Päätös 1/2019");
  });

  it("applies the dashboard filters: only September leaves out the published November day", async () => {
    const x = (await get<AreasStatsResponse>("/api/stats/areas?from=2019-09-01&to=2019-09-30")).areas.find((a) => a.id === areaX)!;
    expect(x.grade).toMatchObject({ n: 9, days: 3, source: "responses", published: null });
  });

  it("is shown only to a person who reads every region of the area", async () => {
    const municipal = await createTestUser(db, "municipal");
    await db.update(user).set({ areaId: areaX }).where(eq(user.id, municipal.id));
    const own = await get<AreasStatsResponse>("/api/stats/areas", await signIn(app, municipal));
    expect(own.areas.map((a) => a.id)).toEqual([areaX]);
    // Both programmes: 9 answers of programme 1 and 2 of programme 2 (region 13, 9 and 9).
    expect(own.areas[0]!.grade).toMatchObject({ n: 11, days: 4 });
    expect(own.areas[0]!.grade.mean).toBeCloseTo(88 / 11, 12);
    expect(own.hiddenAreas).toBeGreaterThanOrEqual(1);
    // An agent of region 16 alone reads no area whole: area X would reveal region 13.
    const agent = await get<AreasStatsResponse>("/api/stats/areas", await signIn(app, await createTestUser(db, "agent", ["16"])));
    expect(agent.areas).toEqual([]);
  });
});

describe("two programmes side by side", () => {
  it("compares overall, by theme (matched by Finnish name) and by region, each side a pool with k days", async () => {
    const c = await get<ProgrammeComparisonResponse>(`/api/stats/programmes?programme=${p1}&compare=${p2}`);
    expect(c.programmes.map((p) => p.id)).toEqual([p1, p2]);
    // Programme 1: days A, B, C, E answered (n 11, Σx 78), D published beside them.
    expect(c.overall[0].grade).toMatchObject({ n: 11, days: 4, source: "mixed" });
    expect(c.overall[0].grade.mean).toBeCloseTo(78 / 11, 12);
    expect(c.overall[1].grade).toMatchObject({ n: 3, days: 2, source: "responses", ciWithheld: "too_few_days" });
    expect(c.overall[1].grade.mean).toBeCloseTo(28 / 3, 12);

    const themes = c.themes.map((t) => ({
      name: t.name.fi,
      a: t.figures[0] && { n: t.figures[0].grade.n, days: t.figures[0].grade.days },
      b: t.figures[1] && { n: t.figures[1].grade.n, mean: t.figures[1].grade.mean },
    }));
    expect(themes).toEqual([
      { name: "Testiteema", a: { n: 11, days: 4 }, b: { n: 2, mean: 9 } },
      { name: "Vain toisessa", a: null, b: { n: 1, mean: 10 } },
    ]);

    const regions = c.regions.map((r) => ({
      code: r.code,
      a: r.figures[0] && {
        n: r.figures[0].grade.n,
        mean: r.figures[0].grade.mean,
        days: r.figures[0].grade.days,
        source: r.figures[0].grade.source,
      },
      b: r.figures[1] && { n: r.figures[1].grade.n, mean: r.figures[1].grade.mean },
    }));
    expect(regions).toEqual([
      { code: null, a: null, b: { n: 1, mean: 10 } },
      { code: "13", a: { n: 5, mean: 8, days: 2, source: "responses" }, b: { n: 2, mean: 9 } },
      { code: "15", a: { n: 2, mean: 4, days: 1, source: "responses" }, b: null },
      { code: "16", a: { n: 4, mean: 7.5, days: 1, source: "mixed" }, b: null },
    ]);
    expect(c.regions.find((r) => r.code === "16")!.figures[0]!.grade.published?.points).toEqual([
      { date: "2019-11-06", region: "16", mean: 8.5, n: null },
    ]);
    expect(c.regions[1]!.name).toMatchObject({ fi: "Keski-Suomi" });
  });

  it("refuses the same programme twice, a missing one (422) and an unknown one (404)", async () => {
    expect((await call("GET", `/api/stats/programmes?programme=${p1}&compare=${p1}`, national)).status).toBe(422);
    expect((await call("GET", `/api/stats/programmes?programme=${p1}`, national)).status).toBe(422);
    expect((await call("GET", `/api/stats/programmes?programme=${p1}&compare=99999`, national)).status).toBe(404);
  });
});

describe("the staff pages for areas", () => {
  async function form(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => [v].flat().map((one) => [k, one])));
    return app.request(`http://localhost${path}`, {
      method: "POST",
      headers: asBrowser(national, { "content-type": "application/x-www-form-urlencoded" }),
      body: body.toString(),
    });
  }

  it("lists the areas with their regions and marks a demo area in fi, sv and en", async () => {
    const demo = await call("POST", "/api/areas", national, {
      nameFi: "Esimerkki",
      nameSv: "Exempel",
      nameEn: "Example",
      regions: ["11"],
      isDemo: true,
    });
    for (const [lang, name, badge, region] of [
      ["fi", "Esimerkki", "Esimerkkiaineisto", "Pohjois-Savo"],
      ["sv", "Exempel", "Exempeldata", "Norra Savolax"],
      ["en", "Example", "Demo data", "North Savo"],
    ] as const) {
      const res = await app.request(`http://localhost/admin/areas?lang=${lang}`, { headers: asBrowser(national) });
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain(`${name} <span class="badge">${badge}</span>`);
      expect(html, lang).toContain(region);
      expect(html).toContain("Päätös 1/2019");
    }
    await call("DELETE", `/api/areas/${demo.json.area.id}`, national);
  });

  it("creates an area from the form, says what is wrong in the reader's language, changes and deletes it", async () => {
    const wrong = await form("/admin/areas?lang=en", { nameFi: "", nameSv: "S", nameEn: "E", regions: ["16"] });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("Name in Finnish");
    const taken = await (await form("/admin/areas?lang=en", { nameFi: "F", nameSv: "S", nameEn: "E", regions: ["16"] })).text();
    expect(taken).toContain("A region already belongs to another area");
    const made = await form("/admin/areas?lang=fi", { nameFi: "Kaakko", nameSv: "Sydost", nameEn: "South-east", regions: ["08", "09"] });
    expect(made.status).toBe(303);
    const { areas } = await get<{ areas: { id: number; name: { fi: string }; regions: string[] }[] }>("/api/areas");
    const created = areas.find((a) => a.name.fi === "Kaakko")!;
    expect(created.regions).toEqual(["08", "09"]);
    const edit = await app.request(`http://localhost/admin/areas/${created.id}?lang=sv`, { headers: asBrowser(national) });
    expect(await edit.text()).toContain('value="Sydost"');
    const saved = await form(`/admin/areas/${created.id}?lang=fi`, {
      nameFi: "Kaakko",
      nameSv: "Sydost",
      nameEn: "South-east",
      regions: ["08"],
      source: "Päätös 2/2019",
    });
    expect(saved.status).toBe(303);
    expect(
      (await get<{ area: unknown; areas: { id: number; regions: string[]; source: string | null }[] }>("/api/areas")).areas.find(
        (a) => a.id === created.id,
      ),
    ).toMatchObject({
      regions: ["08"],
      source: "Päätös 2/2019",
    });
    const deleted = await form(`/admin/areas/${created.id}/delete?lang=fi`, {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/admin/areas?lang=fi&done=areaDeleted");
  });

  it("offers the area on the account form and saves it", async () => {
    const page = await (await app.request("http://localhost/admin/users?lang=en", { headers: asBrowser(national) })).text();
    expect(page).toContain('name="areaId"');
    expect(page).toContain(`<option value="${areaX}">Central</option>`);
    const res = await form("/admin/users?lang=en", {
      email: "kunta-form@test.example",
      name: "Kunta",
      role: "municipal",
      areaId: String(areaX),
      password: "a long enough password",
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const missing = await form("/admin/users?lang=en", {
      email: "kunta-form2@test.example",
      name: "K",
      role: "municipal",
      areaId: "",
      password: "a long enough password",
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Choose a cooperation area for the municipal agent.");
  });
});
