import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { t } from "../../src/domain/i18n";
import { asBrowser, signIn } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

// A results page for every day, the national kick-off included.

let db: Db;
let app: ReturnType<typeof createApp>;
let national: string;
let agentKp: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoDataIfEmpty(db);
  app = createApp({ db });
  national = await signIn(app, DEMO_USERS[0]!);
  agentKp = await signIn(app, DEMO_USERS.find((u) => u.email === "agentti.kp@palaute.example")!);
});

async function page(path: string, cookie: string, status = 200): Promise<string> {
  const res = await app.request(`http://localhost${path}`, { headers: asBrowser(cookie, { accept: "text/html" }) });
  const html = await res.text();
  expect(res.status, html.slice(0, 400)).toBe(status);
  return html;
}

const eventId = async (where: ReturnType<typeof sql>) => (await db.all<{ id: number }>(sql`SELECT id FROM event WHERE ${where}`))[0]!.id;

describe("the day results page", () => {
  it("renders the national kick-off: 212 participants, 120 responses, 57 %, the distribution and other questions", async () => {
    const id = await eventId(sql`region_code IS NULL AND date = '2019-03-20'`);
    const html = await page(`/admin/events/${id}/results?lang=fi`, agentKp);
    expect(html).toContain("LAPE-Akatemian valtakunnallinen aloitus");
    expect(html).toContain("<dd>212</dd>");
    expect(html).toContain("<dd>120</dd>");
    expect(html).toContain("<dd>57\u00a0%</dd>"); // 120 / 212 = 56.6 %
    expect(html).toContain(t("fi", "results.distribution.caption", { n: 120 }));
    const grades = await db.all<{ v: number; c: number }>(sql`
      SELECT a.num_value AS v, count(*) AS c FROM answer a JOIN question q ON q.id = a.question_id AND q.key = 'grade'
      JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id WHERE s.event_id = ${id} GROUP BY 1`);
    for (const g of grades) expect(html, `grade ${g.v}`).toMatch(new RegExp(`<th scope="row">${g.v}</th><td class="num">${g.c}</td>`));
    expect(html).toContain("Kuinka hyödyllinen"); // the usefulness question
    expect(html).toContain(t("fi", "results.compare.noTheme"));
    expect(html).toContain(t("fi", "dash.comments.title"));
  });

  it("renders a published Keski-Pohjanmaa day with its source and the theme's figure for the rest of the country", async () => {
    const id = await eventId(sql`region_code = '16' AND date = '2019-09-04'`);
    const html = await page(`/admin/events/${id}/results?lang=sv`, agentKp);
    expect(html).toContain("8,5*");
    expect(html).toContain("LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti");
    expect(html).not.toContain(t("sv", "demo.badge"));
    expect(html).toContain(t("sv", "results.compare.rest"));
    // 17 other regions have a day of this theme.
    expect(html).toContain(t("sv", "results.compare.scope", { days: 17, regions: 17 }));
    expect(html).toContain(t("sv", "dash.comments.reported"));
  });

  it("compares a day with the rest of the country, never a pool containing itself", async () => {
    const [event] = await db.all<{ id: number; theme: number }>(
      sql`SELECT id, theme_id AS theme FROM event WHERE region_code = '19' ORDER BY date LIMIT 1`,
    );
    const others = await db.all<{ n: number; sum: number }>(sql`
      SELECT sum(s.grade_n) AS n, sum(s.grade_sum) AS sum FROM event e JOIN survey s ON s.event_id = e.id
      WHERE e.theme_id = ${event!.theme} AND e.region_code IS NOT NULL AND e.region_code <> '19' AND e.reported_grade_mean IS NULL`);
    const html = await page(`/admin/events/${event!.id}/results?lang=en`, national);
    const rest =
      /<th scope="row">Other regions, same theme<\/th><td class="num">([\d.]+)<\/td><td class="num">[^<]*<\/td><td class="num">(\d+)<\/td>/.exec(
        html,
      );
    expect(rest, html.slice(html.indexOf("compare-heading"), html.indexOf("compare-heading") + 1500)).not.toBeNull();
    expect(Number(rest![2])).toBe(others[0]!.n);
    expect(rest![1]).toBe((others[0]!.sum / others[0]!.n).toFixed(1));
  });

  it("withholds the rest of the country from a reader of some regions when the yardstick rule does (one other region), not from the national team", async () => {
    // A theme held only by Keski-Pohjanmaa (its published 6.11.2019 day) and by one Lapland day.
    const [theme] = await db.all<{ id: number }>(sql`
      INSERT INTO theme (programme_id, name_fi, name_sv, name_en) SELECT programme_id, 'Koe', 'Prov', 'Trial' FROM event WHERE region_code = '16' AND date = '2019-11-06' RETURNING id`);
    const kpEvent = await eventId(sql`region_code = '16' AND date = '2019-11-06'`);
    const lapland = await eventId(sql`region_code = '19' ORDER BY date DESC LIMIT 1`);
    await db.run(sql`UPDATE event SET theme_id = ${theme!.id} WHERE id IN (${kpEvent}, ${lapland})`);
    const agentHtml = await page(`/admin/events/${kpEvent}/results?lang=en`, agentKp);
    expect(agentHtml).toContain(t("en", "yardstick.tooFewRegions"));
    expect(agentHtml).not.toContain(t("en", "results.compare.rest"));
    const nationalHtml = await page(`/admin/events/${kpEvent}/results?lang=en`, national);
    expect(nationalHtml).toContain(t("en", "results.compare.rest"));
    expect(nationalHtml).toContain(t("en", "results.compare.scope", { days: 1, regions: 1 }));
  });

  it("hides comment lists under 5 and small sector cells, as the dashboards do", async () => {
    const id = await eventId(sql`region_code = '19' ORDER BY date LIMIT 1`);
    const html = await page(`/admin/events/${id}/results?lang=fi`, national);
    const sectors = await db.all<{ c: number }>(sql`
      SELECT count(*) AS c FROM answer a JOIN question q ON q.id = a.question_id AND q.key = 'sector'
      JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id WHERE s.event_id = ${id} GROUP BY a.text_value`);
    if (sectors.some((s) => s.c < 5)) expect(html).toContain(t("fi", "dash.suppressed.short"));
    const comments = await db.all<{ key: string; c: number }>(sql`
      SELECT q.key, count(*) AS c FROM answer a JOIN question q ON q.id = a.question_id AND q.kind = 'text'
      JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id WHERE s.event_id = ${id} AND a.text_value IS NOT NULL GROUP BY 1`);
    if (comments.some((c) => c.c < 5)) expect(html).toContain(t("fi", "dash.suppressed.comments"));
  });

  it("is another region's day: 403 for the Keski-Pohjanmaa agent", async () => {
    const id = await eventId(sql`region_code = '19' ORDER BY date LIMIT 1`);
    await page(`/admin/events/${id}/results`, agentKp, 403);
  });

  it("is linked from the day list and the day's staff page", async () => {
    const id = await eventId(sql`region_code IS NULL`);
    // The national kick-off is the oldest day: the list's "national days" filter finds it on page 1.
    expect(await page("/admin?lang=fi&region=national", national)).toContain(`href="/admin/events/${id}/results?lang=fi"`);
    expect(await page(`/admin/events/${id}?lang=fi`, national)).toContain(`href="/admin/events/${id}/results?lang=fi"`);
  });
});
