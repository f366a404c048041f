import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Readable survey addresses (issue 16 item 3): chosen on the day's page, validated, unique
// whatever the case, never a short code, a reserved word or another survey's slug; /s/<alias> leads
// to the survey, and a replaced alias keeps leading to it and can never be taken by another survey.

let db: Db;
let app: ReturnType<typeof createApp>;
let agent16: string;
let agent15: string;
let viewer16: string;
const NOW = Date.parse("2019-09-04T12:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  agent16 = await signIn(app, await createTestUser(db, "agent", ["16"]));
  agent15 = await signIn(app, await createTestUser(db, "agent", ["15"]));
  viewer16 = await signIn(app, await createTestUser(db, "viewer", ["16"]));
});

function setSlug(survey: TestSurvey, slug: string, cookie = agent16, lang = "fi") {
  return app.request(`http://localhost/admin/events/${survey.eventId}/slug?lang=${lang}`, {
    method: "POST",
    headers: asBrowser(cookie, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams({ slug }).toString(),
  });
}

async function saved(res: Response): Promise<void> {
  const text = await res.text();
  expect(res.status, text.slice(0, 3000)).toBe(303);
  expect(res.headers.get("location")).toContain("done=slugSaved");
}

async function refused(res: Response, message: string): Promise<void> {
  const html = await res.text();
  expect(res.status, html.slice(0, 500)).toBe(422);
  expect(html).toContain(message);
  expect(html).toContain('aria-invalid="true"');
}

function open(path: string) {
  return app.request(`http://localhost${path}`, { headers: { accept: "text/html" } });
}

describe("choosing a readable address", () => {
  it("leads /s/<alias> (any case) to the survey, keeping the query, and shows it on the day's page", async () => {
    const survey = await createTestSurvey(db);
    await saved(await setSlug(survey, "Kick-Off-Oulu"));
    for (const typed of ["kick-off-oulu", "KICK-OFF-OULU"]) {
      const res = await open(`/s/${typed}?lang=sv`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/s/${survey.slug}?lang=sv`);
    }
    const page = await (
      await app.request(`http://localhost/admin/events/${survey.eventId}?lang=fi`, { headers: asBrowser(agent16, { accept: "text/html" }) })
    ).text();
    expect(page).toContain("http://localhost/s/kick-off-oulu");
    const [audit] = await db.all<{ details_json: string }>(
      sql`SELECT details_json FROM audit_log WHERE action = 'survey_slug_changed' AND target = ${`event:${survey.eventId}`}`,
    );
    expect(JSON.parse(audit!.details_json)).toEqual({ previousSlug: null, slug: "kick-off-oulu" });
  });

  it("keeps a replaced address leading to the same survey, and no other survey can take it", async () => {
    const survey = await createTestSurvey(db);
    const other = await createTestSurvey(db);
    await saved(await setSlug(survey, "syyspaiva-2019"));
    await saved(await setSlug(survey, "syyspaiva-kokkola"));
    for (const alias of ["syyspaiva-2019", "syyspaiva-kokkola"]) {
      expect((await open(`/s/${alias}`)).headers.get("location")).toBe(`/s/${survey.slug}`);
    }
    await refused(await setSlug(other, "syyspaiva-2019"), "Osoite on jo käytössä");
    await refused(await setSlug(other, "Syyspaiva-Kokkola"), "Osoite on jo käytössä");
    // The survey itself may take its old address back.
    await saved(await setSlug(survey, "syyspaiva-2019"));
    const rows = await db.all<{ alias: string; retired: number }>(
      sql`SELECT alias, retired_at IS NOT NULL AS retired FROM survey_alias WHERE survey_id = ${survey.surveyId} ORDER BY alias`,
    );
    expect(rows).toEqual([
      { alias: "syyspaiva-2019", retired: 0 },
      { alias: "syyspaiva-kokkola", retired: 1 },
    ]);
    // Removing it keeps the old links working too.
    await saved(await setSlug(survey, ""));
    expect((await open("/s/syyspaiva-2019")).headers.get("location")).toBe(`/s/${survey.slug}`);
    const actions = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'survey_slug_changed' AND target = ${`event:${survey.eventId}`}`,
    );
    expect(actions[0]!.n).toBe(4);
  });

  it("cannot take another survey's own slug, compared case-insensitively", async () => {
    await createTestSurvey(db, { slug: "Vanha-Linkki-2019" });
    const survey = await createTestSurvey(db);
    await refused(await setSlug(survey, "vanha-linkki-2019"), "Osoite on jo käytössä");
  });

  it.each([
    ["abc", "fi", "Osoitteen pituuden on oltava 4–40 merkkiä."],
    ["kick off", "en", "Use only lower-case letters a–z, digits and single hyphens"],
    ["päivä", "sv", "Använd bara små bokstäver a–z"],
    ["admin", "fi", "Tämä sana on varattu"],
    ["ab-12cd", "en", "Six-letter addresses are kept for short codes"],
  ])("refuses %j with a message in %s, keeping what was typed", async (typed, lang, message) => {
    const survey = await createTestSurvey(db);
    const res = await setSlug(survey, typed, agent16, lang);
    const html = await res.clone().text();
    await refused(res, message);
    expect(html).toContain(`value="${typed}"`);
    const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM survey_alias WHERE survey_id = ${survey.surveyId}`);
    expect(row!.n).toBe(0);
  });

  it("is for those who may change the day", async () => {
    const survey = await createTestSurvey(db);
    expect((await setSlug(survey, "viewer-slug", viewer16)).status).toBe(403);
    expect((await setSlug(survey, "other-region", agent15)).status).toBe(403);
    const res = await app.request(`http://localhost/admin/events/${survey.eventId}/slug?lang=fi`, {
      method: "POST",
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      body: "slug=anon-slug",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("goes with a deleted day, as does its display link, so the address is free again", async () => {
    const survey = await createTestSurvey(db);
    const other = await createTestSurvey(db);
    await saved(await setSlug(survey, "poistuva-paiva"));
    const display = await app.request(`http://localhost/admin/events/${survey.eventId}/display?lang=fi`, {
      method: "POST",
      headers: asBrowser(agent16, { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }),
      body: "",
    });
    expect(display.status).toBe(200);
    const deleted = await app.request(`http://localhost/api/events/${survey.eventId}`, { method: "DELETE", headers: asBrowser(agent16) });
    expect(deleted.status, await deleted.text()).toBe(200);
    const left = await db.all<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM survey_alias WHERE survey_id = ${survey.surveyId}) + (SELECT count(*) FROM presenter_display WHERE event_id = ${survey.eventId}) AS n`,
    );
    expect(left[0]!.n).toBe(0);
    expect((await open("/s/poistuva-paiva")).status).toBe(404);
    await saved(await setSlug(other, "poistuva-paiva"));
  });

  it("leaves short codes and unknown addresses as they were", async () => {
    const survey = await createTestSurvey(db);
    const [row] = await db.all<{ short_code: string }>(sql`SELECT short_code FROM survey WHERE id = ${survey.surveyId}`);
    expect((await open(`/s/${row!.short_code.toLowerCase()}`)).headers.get("location")).toBe(`/s/${survey.slug}`);
    expect((await open("/s/no-such-address")).status).toBe(404);
  });
});
