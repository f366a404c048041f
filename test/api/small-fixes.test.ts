import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Issue 16's small things, as people meet them: one mistake is "1 korjattava kohta", and a failed
// sign-in is headed as a failed sign-in, not "check your answers".

let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db, now: () => Date.parse("2019-09-04T12:00:00Z") });
});

const form = (path: string, fields: Record<string, string>) =>
  app.request(`http://localhost${path}`, {
    method: "POST",
    headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

describe("small things", () => {
  it.each([
    ["fi", "Lomakkeessa on 1 korjattava kohta."],
    ["sv", "Formuläret har 1 punkt att rätta."],
    ["en", "The form has 1 thing to fix."],
  ])("one mistake on the survey is counted in the singular (%s)", async (lang, text) => {
    const survey = await createTestSurvey(db);
    const res = await form(`/s/${survey.slug}`, { lang, grade: "11" });
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(422);
    expect(html).toContain(text);
  });

  it.each([
    ["fi", "Kirjautuminen ei onnistunut"],
    ["sv", "Inloggningen misslyckades"],
    ["en", "Sign-in failed"],
  ])("a failed sign-in is headed as such (%s)", async (lang, heading) => {
    const res = await form(`/login?lang=${lang}`, { email: "nobody@test.example", password: "not the password", next: "/admin" });
    const html = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).not.toContain("Tarkista vastauksesi");
  });

  it("lets an optional choice be taken back with 'prefer not to say', which stores no answer", async () => {
    const survey = await createTestSurvey(db);
    const page = await (await app.request(`http://localhost/s/${survey.slug}?lang=fi`)).text();
    expect(page).toMatch(/<input type="radio" id="q-sector-none" name="sector" value=""\/?>/);
    expect(page).toContain("En halua vastata");
    expect(page, "never for a required question").not.toContain('id="q-grade-none"');

    const kept = await (await form(`/s/${survey.slug}`, { lang: "fi", grade: "11", sector: "" })).text();
    expect(kept).toMatch(/id="q-sector-none" name="sector" value="" checked/);
    expect(kept).not.toMatch(/value="ngo" checked/);

    const id = crypto.randomUUID();
    const sent = await form(`/s/${survey.slug}`, { submission_id: id, lang: "fi", grade: "8", sector: "" });
    expect(sent.status).toBe(303);
    const stored = await db.all<{ key: string }>(
      sql`SELECT q.key FROM answer a JOIN question q ON q.id = a.question_id WHERE a.response_id = ${id}`,
    );
    expect(stored.map((r) => r.key)).toEqual(["grade"]);
  });
});
