import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { event, survey } from "../../src/db/schema";
import { addEventQuestion, removeEventQuestion } from "../../src/queries/event-questions";
import { SURVEY_CACHE_TTL_MS } from "../../src/services/survey-lookup";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The public survey routes reuse a survey's day text and rendered form for SURVEY_CACHE_TTL_MS
// (src/services/survey-lookup.ts); these tests pin down what that may and may not change for participants.
const START = Date.parse("2019-09-04T14:00:00Z");

let db: Db;
let clock: number;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await createTestDb();
  clock = START;
  app = createApp({ db, now: () => clock });
});

async function extraSetOf(surveyId: number): Promise<number | null> {
  const [row] = await db.select({ id: survey.extraQuestionSetId }).from(survey).where(eq(survey.id, surveyId));
  return row?.id ?? null;
}

const getForm = (slug: string, lang = "fi") => app.request(`/s/${slug}?lang=${lang}`, { headers: { accept: "text/html" } });
const postJson = (slug: string, body: unknown) =>
  app.request(`/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });

describe("the survey cache", () => {
  it("refuses a survey closed early at once, and takes it again when reopened", async () => {
    const eventRow = await createTestSurvey(db);
    expect((await getForm(eventRow.slug)).status).toBe(200);
    await db
      .update(survey)
      .set({ closesAt: clock - 1 })
      .where(eq(survey.id, eventRow.surveyId));

    const page = await getForm(eventRow.slug, "en");
    expect(page.status, await page.clone().text()).toBe(410);
    expect(await page.text()).toContain("The survey is closed");
    const posted = await postJson(eventRow.slug, { answers: { grade: 8 } });
    expect(posted.status, await posted.clone().text()).toBe(410);

    await db.update(survey).set({ closesAt: null }).where(eq(survey.id, eventRow.surveyId));
    expect((await getForm(eventRow.slug)).status).toBe(200);
    expect((await postJson(eventRow.slug, { answers: { grade: 8 } })).status).toBe(201);
  });

  it("asks day questions added after the form was first shown, and refuses answers to a removed one, at once", async () => {
    const eventRow = await createTestSurvey(db);
    expect(await (await getForm(eventRow.slug)).text()).not.toContain("Päivän oma kysymys");
    const add = async (n: number) =>
      addEventQuestion(
        db,
        { surveyId: eventRow.surveyId, eventId: eventRow.eventId, extraSetId: await extraSetOf(eventRow.surveyId) },
        {
          kind: "text",
          required: false,
          textFi: `Päivän oma kysymys ${n}`,
          textSv: `Dagens egen fråga ${n}`,
          textEn: `The day's own question ${n}`,
          scale: null,
          optionsJson: null,
          maxLength: 500,
        },
      );
    await add(1);
    const second = await add(2);
    const html = await (await getForm(eventRow.slug)).text();
    expect(html).toContain("Päivän oma kysymys 1");
    expect(html).toContain("Päivän oma kysymys 2");
    expect((await postJson(eventRow.slug, { answers: { grade: 8, day_1: "Hyvä" } })).status).toBe(201);

    expect(await removeEventQuestion(db, (await extraSetOf(eventRow.surveyId))!, second)).toBe(true);
    const refused = await postJson(eventRow.slug, { answers: { grade: 8, day_2: "Hyvä" } });
    const body = await refused.json();
    expect(refused.status, JSON.stringify(body)).toBe(422);
    expect(body.error.fields).toEqual([expect.objectContaining({ key: "day_2", code: "unknown_question" })]);
    expect(await (await getForm(eventRow.slug)).text()).not.toContain("Päivän oma kysymys 2");
  });

  it("closes a survey at its scheduled time exactly, cached or not", async () => {
    const eventRow = await createTestSurvey(db, { closesAt: clock + 1000 });
    expect((await getForm(eventRow.slug)).status).toBe(200);
    clock += 999;
    expect((await postJson(eventRow.slug, { answers: { grade: 9 } })).status).toBe(201);
    clock += 1;
    expect((await getForm(eventRow.slug)).status).toBe(410);
    expect((await postJson(eventRow.slug, { answers: { grade: 9 } })).status).toBe(410);
  });

  it("does not remember an unknown slug: a survey created after a 404 works at once", async () => {
    const slug = `later-${crypto.randomUUID().slice(0, 8)}`;
    expect((await getForm(slug)).status).toBe(404);
    await createTestSurvey(db, { slug });
    expect((await getForm(slug)).status).toBe(200);
  });

  it("shows an edited day after the TTL", async () => {
    const eventRow = await createTestSurvey(db);
    expect(await (await getForm(eventRow.slug)).text()).not.toContain("Uusi otsikko");
    await db.update(event).set({ title: "Uusi otsikko" }).where(eq(event.id, eventRow.eventId));
    clock += SURVEY_CACHE_TTL_MS;
    expect(await (await getForm(eventRow.slug)).text()).toContain("Uusi otsikko");
  });
});

describe("the pre-rendered form", () => {
  it("gives every view its own submission id and is otherwise the same page", async () => {
    const eventRow = await createTestSurvey(db);
    const [a, b] = await Promise.all([getForm(eventRow.slug, "sv"), getForm(eventRow.slug, "sv")]);
    const [htmlA, htmlB] = [await a!.text(), await b!.text()];
    const idOf = (html: string) => /name="submission_id" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(idOf(htmlA), htmlA).toBeDefined();
    expect(idOf(htmlA)).not.toBe(idOf(htmlB));
    expect(htmlA.replace(idOf(htmlA)!, "ID")).toBe(htmlB.replace(idOf(htmlB)!, "ID"));
    expect(htmlA).toContain('<html lang="sv">');
    expect(a!.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(a!.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(a!.headers.get("cache-control")).toBe("no-store");
  });

  it("renders each language separately", async () => {
    const eventRow = await createTestSurvey(db);
    expect(await (await getForm(eventRow.slug, "fi")).text()).toContain("Kokonaisarvosana päivälle");
    expect(await (await getForm(eventRow.slug, "en")).text()).toContain("Overall grade for the day");
    expect(await (await getForm(eventRow.slug, "fi")).text()).toContain("Kokonaisarvosana päivälle");
  });
});
