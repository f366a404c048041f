import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  EventsResponse,
  RegionsStatsResponse,
  TrendResponse,
  QuestionStatsResponse,
  CommentsResponse,
  ThemesStatsResponse,
} from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { createTestDb } from "../helpers/test-db";
import { signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";

let db: Db;
let app: ReturnType<typeof createApp>;
let agent: string;
let national: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoDataIfEmpty(db);
  app = createApp({ db });
  agent = await signIn(app, DEMO_USERS[1]);
  national = await signIn(app, DEMO_USERS[0]);
});

async function get<T>(path: string, cookie: string): Promise<T> {
  const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Independent of the app: plain arithmetic over the stored answers. */
async function rawGrades(eventId: number): Promise<number[]> {
  const rows = await db.all<{ v: number }>(sql`
    SELECT a.num_value AS v FROM answer a JOIN question q ON q.id = a.question_id AND q.key = 'grade'
    JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id WHERE s.event_id = ${eventId}`);
  return rows.map((r) => r.v);
}

describe("GET /api/events", () => {
  it("shows the Keski-Pohjanmaa days with 47 and 59 participants and grades 8.5 and 8.0, as reported results", async () => {
    const { events } = await get<EventsResponse>("/api/events?region=16", agent);
    const byDate = Object.fromEntries(events.map((e) => [e.date, e]));
    expect(byDate["2019-09-04"]).toMatchObject({ attendance: 47, grade: { source: "reported", mean: 8.5, n: null, ci95: null } });
    expect(byDate["2019-11-06"]).toMatchObject({ attendance: 59, grade: { source: "reported", mean: 8.0, n: null, ci95: null } });
    expect(byDate["2019-09-04"]!.theme!.name).toBe("Uudenlainen johtaminen");
  });

  it("gives every day with responses the mean, SD, median and full distribution of its stored answers", async () => {
    const { events } = await get<EventsResponse>("/api/events", national);
    const withResponses = events.filter((e) => e.grade.source === "responses");
    expect(withResponses.length).toBe(52);
    for (const e of withResponses.slice(0, 10)) {
      const grades = await rawGrades(e.id);
      const n = grades.length;
      const mean = grades.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(grades.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const sorted = [...grades].sort((a, b) => a - b);
      const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(e.grade.n).toBe(n);
      expect(e.responses).toBe(n);
      expect(e.grade.mean).toBeCloseTo(mean, 10);
      expect(e.grade.sd).toBeCloseTo(sd, 10);
      expect(e.grade.median).toBe(median);
      for (let g = 4; g <= 10; g++)
        expect(e.grade.distribution![String(g)], `${e.id} grade ${g}`).toBe(grades.filter((x) => x === g).length);
      expect(e.responseRate).toBeCloseTo(n / e.attendance!, 10);
      // the CI is symmetric around the mean and narrower than ±3 SD/√n (t < 3 for n > 9)
      const [lo, hi] = e.grade.ci95!;
      expect((lo + hi) / 2).toBeCloseTo(mean, 10);
      if (n > 9) expect(hi - mean).toBeLessThan((3 * sd) / Math.sqrt(n));
    }
  });

  it("computes the 95% CI with Student's t, checked by hand for an 11-answer day (t(10) = 2.2281)", async () => {
    const event = await createTestSurvey(db, { regionCode: "16", date: "2019-10-01", attendance: 20 });
    const grades = [8, 9, 9, 10, 7, 8, 8, 9, 6, 10, 9];
    for (const grade of grades) {
      const res = await app.request(`/s/${event.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade } }),
      });
      expect(res.status).toBe(201);
    }
    // mean 93/11 = 8.454545; Σ(x−m)² = 14.727273; sd = √(14.727273/10) = 1.213560; se = 0.365902; t·se = 0.815273
    const { events } = await get<EventsResponse>("/api/events?region=16&from=2019-10-01&to=2019-10-01", agent);
    const e = events.find((x) => x.id === event.eventId)!;
    expect(e.grade.mean).toBeCloseTo(8.454545, 5);
    expect(e.grade.sd).toBeCloseTo(1.21356, 5);
    expect(e.grade.ci95![0]).toBeCloseTo(8.454545 - 0.815273, 4);
    expect(e.grade.ci95![1]).toBeCloseTo(8.454545 + 0.815273, 4);
    expect(e.grade.distribution).toEqual({ "4": 0, "5": 0, "6": 1, "7": 1, "8": 3, "9": 4, "10": 2 });
    expect(e.responseRate).toBeCloseTo(11 / 20, 10);
    await db.run(sql`DELETE FROM event WHERE id = ${event.eventId}`);
  });
});

describe("GET /api/stats/regions", () => {
  it("compares all 18 regions for the national team, pooling by respondents", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions", national);
    expect(stats.regions).toHaveLength(18);
    const kp = stats.regions.find((r) => r.code === "16")!;
    // Only published days, no respondent counts: the mean of the published means over 2 days, no CI.
    expect(kp).toMatchObject({
      events: 2,
      attendance: 106,
      responses: 0,
      grade: { mean: 8.25, source: "reported", ci95: null, sd: null, eventsPooled: 2, published: { days: 2, meanOfMeans: 8.25 } },
    });
    const lappi = stats.regions.find((r) => r.code === "19")!;
    const all = (
      await Promise.all((await get<EventsResponse>("/api/events?region=19", national)).events.map((e) => rawGrades(e.id)))
    ).flat();
    expect(lappi.grade.n).toBe(all.length);
    expect(lappi.grade.mean).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 10);
    // The country mixes both: the answered figure keeps its CI, the two published days stand beside it.
    expect(stats.national).toMatchObject({ source: "mixed", published: { days: 2 } });
    expect(stats.national!.ci95).not.toBeNull();
    expect(stats.national!.events).toBe(54);
  });

  it("shows an agent only their own regions, with the national yardstick", async () => {
    const stats = await get<RegionsStatsResponse>("/api/stats/regions", agent);
    expect(stats.regions.map((r) => r.code)).toEqual(["16"]);
    expect(stats.national!.events).toBe(54);
  });
});

describe("GET /api/stats/trend", () => {
  it("fills every term in the range and leaves terms without days as gaps, not zeros", async () => {
    const trend = await get<TrendResponse>("/api/stats/trend?interval=term&from=2018-01-01&to=2019-12-31&regions=15,19", national);
    expect(trend.keys).toEqual(["2018-spring", "2018-autumn", "2019-spring", "2019-autumn"]);
    expect(trend.series.map((s) => s.region)).toEqual([null, "15", "19"]);
    for (const s of trend.series) {
      expect(s.points[0]).toBeNull();
      expect(s.points[1]).toBeNull();
      expect(s.points[3]!.mean).toBeGreaterThan(4);
    }
  });

  it("refuses another region's trend to an agent", async () => {
    const res = await app.request("http://localhost/api/stats/trend?regions=15", { headers: { cookie: agent } });
    expect(res.status).toBe(403);
  });

  it("rejects unknown intervals and malformed filters with 422", async () => {
    for (const q of ["interval=week", "from=2019-13-01", "regions=1x", "theme=abc", "colour=red"]) {
      const res = await app.request(`http://localhost/api/stats/trend?${q}`, { headers: { cookie: national } });
      expect(res.status, q).toBe(422);
    }
  });
});

describe("themes, questions and comments", () => {
  it("gives a region × theme table", async () => {
    const stats = await get<ThemesStatsResponse>("/api/stats/themes?programme=1", national);
    expect(stats.themes.map((t) => t.names.fi)).toEqual(["Uudenlainen johtaminen", "Uusi vaikuttavuus", "Lapsi- ja perhelähtöisyys"]);
    expect(stats.cells.filter((c) => c.region === "15")).toHaveLength(3);
  });

  it("gives per-question results and suppresses small sector cells", async () => {
    const { events } = await get<EventsResponse>("/api/events?region=19", national);
    const stats = await get<QuestionStatsResponse>(`/api/stats/questions?event=${events[0]!.id}`, national);
    expect(stats.questions.map((q) => q.key)).toEqual(["grade", "usefulness", "sector"]);
    const sector = stats.questions.find((q) => q.kind === "choice")!;
    if (sector.kind !== "choice") throw new Error("sector is a choice question");
    for (const o of sector.options) {
      if (o.suppressed) expect(o.n).toBeNull();
      else expect(o.n).toBeGreaterThanOrEqual(5);
    }
  });

  it("lists comments unlinkably (sorted by text, the day's date, no time), and hides a list with fewer than 5", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    const post = (answers: Record<string, unknown>, at: number, lang = "fi") =>
      createApp({ db, now: () => at }).request(`/s/${event.slug}?lang=${lang}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers, lang }),
      });
    const texts = ["c hyvä", "a hyvä", "e hyvä", "b hyvä", "f hyvä", "d bra"];
    for (let i = 0; i < 6; i++)
      await post(
        { grade: 8, good: texts[i], ...(i < 2 && { improve: '=HYPERLINK("http://x","click")' }) },
        Date.parse("2019-09-04T20:59:00Z") + i * 60_000,
        i === 5 ? "sv" : "fi",
      );
    const { questions } = await get<CommentsResponse>(`/api/events/${event.eventId}/comments`, agent);
    const good = questions.find((q) => q.key === "good")!;
    expect(good.suppressed).toBe(false);
    // Not in arrival order, no time (answers came on both sides of Helsinki midnight), and the
    // day's only Swedish speaker (and so, by complement, the Finnish ones) without a language.
    expect(good.comments).toEqual([...texts].sort().map((text) => ({ text, date: "2019-09-04", lang: null })));
    const csv = await (
      await app.request(`http://localhost/api/export/comments.csv?event=${event.eventId}&lang=en`, { headers: { cookie: agent } })
    ).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"Question";"Comment";"Date";"Language"');
    expect(lines.filter((l) => l.includes("hyvä") || l.includes("bra")).every((l) => l.endsWith(';"2019-09-04";"language hidden"'))).toBe(
      true,
    );
    expect(csv).not.toMatch(/T\d\d:\d\d/);
    const improve = questions.find((q) => q.key === "improve")!;
    expect(improve).toMatchObject({ suppressed: true, n: null, comments: [] });
    const res = await app.request(`http://localhost/api/events/${event.eventId}/comments`, {
      headers: { cookie: await signIn(app, { email: "x", password: "y" }).catch(() => "") },
    });
    expect(res.status).toBe(401);
  });
});

describe("CSV exports", () => {
  it("open in Finnish Excel: BOM, ';', decimal comma, and parse back to the screen's figures", async () => {
    const res = await app.request("http://localhost/api/export/events.csv?region=16&lang=fi", { headers: { cookie: agent } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the BOM, as Excel does
    const rows = text.trim().split("\r\n").map(parseCsvLine);
    expect(rows[0]).toEqual([
      "Päivämäärä",
      "Alue",
      "Teema",
      "Otsikko",
      "Osallistujat",
      "Vastaukset",
      "Vastausprosentti (%)",
      "Lähde",
      "n",
      "Keskiarvo",
      "Keskihajonta",
      "95 % luottamusväli, alaraja",
      "95 % luottamusväli, yläraja",
      "Mediaani",
      "Ei luottamusväliä, koska",
      "Vastausprosentti yli 100 %",
      "Vastaukset poistettu",
      "Esimerkkiaineistoa",
    ]);
    const sept = rows.find((r) => r[0] === "2019-09-04")!;
    expect([sept[1], sept[4], sept[7], sept[9]]).toEqual(["Keski-Pohjanmaa", "47", "julkaistu tulos", "8,5"]);
    const audit = await db.all(sql`SELECT 1 FROM audit_log WHERE action = 'export' AND target = 'events'`);
    expect(audit.length).toBe(1);
  });

  it("keeps a formula-looking comment as text", async () => {
    const event = await createTestSurvey(db, { regionCode: "16" });
    for (let i = 0; i < 5; i++) {
      await app.request(`/s/${event.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade: 9, good: '=HYPERLINK("http://x","click")' } }),
      });
    }
    const text = await (
      await app.request(`http://localhost/api/export/comments.csv?event=${event.eventId}`, { headers: { cookie: agent } })
    ).text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
  });

  it("refuses another region's export", async () => {
    const res = await app.request("http://localhost/api/export/events.csv?region=15", { headers: { cookie: agent } });
    expect(res.status).toBe(403);
  });
});

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
        if (line[i] === '"') i++;
        value += line[i];
        i++;
      }
      cells.push(value);
      i += 2;
    } else {
      const end = line.indexOf(";", i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}
