import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { DEMO_SURVEY_SLUG, seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { createTestDb } from "../helpers/test-db";

let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  const seeded = await seedDemoDataIfEmpty(db);
  // The count npm start prints is the count stored.
  const [stored] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM response`);
  expect(seeded).toEqual({ seeded: true, days: 54, responses: stored!.n });
  expect(seeded.responses).toBeGreaterThan(0);
});

describe("demo data", () => {
  it("has the two published Keski-Pohjanmaa days as real reported results with their source, not demo, not invented responses", async () => {
    const rows = await db.all<{
      date: string;
      attendance: number;
      mean: number;
      theme: string;
      responses: number;
      is_demo: number;
      source: string;
    }>(sql`
      SELECT e.date, e.attendance, e.reported_grade_mean AS mean, t.name_fi AS theme, e.is_demo, e.reported_source AS source,
             (SELECT count(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.event_id = e.id) AS responses
      FROM event e JOIN theme t ON t.id = e.theme_id WHERE e.region_code = '16' ORDER BY e.date`);
    expect(rows).toEqual([
      {
        date: "2019-09-04",
        attendance: 47,
        mean: 8.5,
        theme: "Uudenlainen johtaminen",
        responses: 0,
        is_demo: 0,
        source: expect.stringMatching(/^LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti .*4\.9\.2019/),
      },
      {
        date: "2019-11-06",
        attendance: 59,
        mean: 8.0,
        theme: "Uusi vaikuttavuus",
        responses: 0,
        is_demo: 0,
        source: expect.stringMatching(/^LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti .*6\.11\.2019/),
      },
    ]);
  });

  it("closes the published days' surveys: a published result is final", async () => {
    const rows = await db.all<{ closed: number }>(
      sql`SELECT s.closes_at IS NOT NULL AS closed FROM event e JOIN survey s ON s.event_id = e.id WHERE e.reported_grade_mean IS NOT NULL`,
    );
    expect(rows).toEqual([{ closed: 1 }, { closed: 1 }]);
  });

  it("has the national kick-off, Pohjanmaa's first day and days with responses in every other region", async () => {
    const national = await db.all(sql`SELECT date, location FROM event WHERE region_code IS NULL`);
    expect(national).toEqual([{ date: "2019-03-20", location: "Helsinki" }]);
    const pohjanmaa = await db.all<{ date: string }>(sql`SELECT date FROM event WHERE region_code = '15' ORDER BY date LIMIT 1`);
    expect(pohjanmaa[0]!.date).toBe("2019-05-09");
    const regionsWithResponses = await db.all<{ n: number }>(sql`
      SELECT count(DISTINCT e.region_code) AS n FROM event e JOIN survey s ON s.event_id = e.id JOIN response r ON r.survey_id = s.id`);
    expect(regionsWithResponses[0]!.n).toBe(17);
  });

  it("gives every synthetic day an open survey, all flagged demo", async () => {
    const rows = await db.all<{ days: number; surveys: number; demo: number }>(sql`
      SELECT count(*) AS days, count(s.id) AS surveys, sum(e.is_demo) AS demo FROM event e LEFT JOIN survey s ON s.event_id = e.id
      WHERE s.closes_at IS NULL AND s.opens_at IS NULL`);
    expect(rows[0]).toEqual({ days: 52, surveys: 52, demo: 52 });
  });

  it("is reproducible and is never added twice", async () => {
    const other = await createTestDb();
    await seedDemoDataIfEmpty(other);
    const fingerprint = (d: Db) =>
      d.all(
        sql`SELECT r.id, r.submitted_at, a.question_id, a.num_value, a.text_value FROM answer a JOIN response r ON r.id = a.response_id ORDER BY 1, 3`,
      );
    expect(await fingerprint(other)).toEqual(await fingerprint(db));
    expect(await seedDemoDataIfEmpty(db)).toEqual({ seeded: false, days: 0, responses: 0 });
  });

  it("labels the demo survey as demo data in the participant's language", async () => {
    const app = createApp({ db });
    for (const [lang, label] of [
      ["fi", "Esimerkkiaineisto"],
      ["sv", "Exempeldata"],
      ["en", "Demo data"],
    ] as const) {
      const html = await (await app.request(`/s/${DEMO_SURVEY_SLUG}?lang=${lang}`)).text();
      expect(html, lang).toContain(label);
    }
  });
});
