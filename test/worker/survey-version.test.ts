import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { survey } from "../../src/db/schema";
import { addEventQuestion, removeEventQuestion } from "../../src/queries/event-questions";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { startRoundTripProxy, type RoundTripProxy } from "../support/round-trip-proxy";
import { startWorker, startWorkerDatabase, type RunningWorker, type WorkerDatabase } from "./harness";

// On the Worker a submission uses the survey the isolate has cached, of any age, and its write
// stores only while the survey is still at the version the answers were judged against
// (src/queries/store-response.ts storeResponseIfUnchanged). These pin down that a change made
// after the form was cached takes effect at once, exactly as on Node (test/api/survey-cache.test.ts),
// and that nothing a participant typed is lost when the survey closed meanwhile.

let database: WorkerDatabase;
let proxy: RoundTripProxy;
let worker: RunningWorker;

beforeAll(async () => {
  database = await startWorkerDatabase();
  proxy = await startRoundTripProxy(database.url);
  worker = await startWorker({ LIBSQL_URL: proxy.url });
});

afterAll(async () => {
  await worker?.close();
  await proxy?.close();
  await database?.close();
});

const getForm = (slug: string) => worker.fetch(`/s/${slug}?lang=en`, { headers: { accept: "text/html" } });
const postJson = (slug: string, body: unknown) =>
  worker.fetch(`/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });

async function stored(surveyId: number): Promise<{ responses: number; answers: number }> {
  const [row] = await database.db.all<{ responses: number; answers: number }>(
    sql`SELECT (SELECT count(*) FROM response WHERE survey_id = ${surveyId}) AS responses,
      (SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.survey_id = ${surveyId}) AS answers`,
  );
  return row!;
}

async function cachedForm(): Promise<TestSurvey> {
  const day = await createTestSurvey(database.db);
  expect((await getForm(day.slug)).status).toBe(200);
  return day;
}

describe("Worker: a submission checks the survey's version in its write", () => {
  it("refuses a survey closed after its form was cached, shows the typed text back, and takes it again when reopened", async () => {
    const day = await cachedForm();
    await database.db
      .update(survey)
      .set({ closesAt: Date.now() - 1 })
      .where(eq(survey.id, day.surveyId));

    proxy.reset();
    const typed = "Kiitos, tämä oli hyödyllinen päivä";
    const res = await worker.fetch(`/s/${day.slug}?lang=en`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grade: "8", good: typed, lang: "en" }).toString(),
    });
    const html = await res.text();
    expect(res.status, html).toBe(410);
    expect(html).toContain("The survey is closed");
    expect(html).toContain(typed);
    expect(proxy.counted().sequential, "the refused write is still one round trip").toBe(1);
    expect(await stored(day.surveyId)).toEqual({ responses: 0, answers: 0 });
    expect((await postJson(day.slug, { answers: { grade: 8 } })).status).toBe(410);

    await database.db.update(survey).set({ closesAt: null }).where(eq(survey.id, day.surveyId));
    const again = await postJson(day.slug, { answers: { grade: 8, good: typed } });
    expect(again.status, await again.clone().text()).toBe(201);
    expect(await stored(day.surveyId)).toEqual({ responses: 1, answers: 2 });
  });

  it("stores each answer once, answers a retry 200 and an id reused for another survey 409", async () => {
    const day = await cachedForm();
    const other = await cachedForm();
    const id = crypto.randomUUID();
    const body = { submission_id: id, answers: { grade: 9, usefulness: 5, good: "Hyvä" } };
    expect((await postJson(day.slug, body)).status).toBe(201);
    const retry = await postJson(day.slug, body);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id });
    expect((await postJson(other.slug, body)).status).toBe(409);
    expect(await stored(day.surveyId)).toEqual({ responses: 1, answers: 3 });
    expect(await stored(other.surveyId)).toEqual({ responses: 0, answers: 0 });
  });

  it("takes an answer to a day question added after the form was cached, and refuses one to a removed question", async () => {
    const day = await cachedForm();
    const extraSetOf = async () =>
      (await database.db.select({ id: survey.extraQuestionSetId }).from(survey).where(eq(survey.id, day.surveyId)))[0]!.id;
    const add = async (n: number) =>
      addEventQuestion(
        database.db,
        { surveyId: day.surveyId, eventId: day.eventId, extraSetId: await extraSetOf() },
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
    const withDayAnswer = await postJson(day.slug, { answers: { grade: 7, day_1: "Oma vastaus" } });
    const body = await withDayAnswer.json();
    // The cached copy had no such question: checked again against the survey as it is now.
    expect(withDayAnswer.status, JSON.stringify(body)).toBe(201);
    expect(await stored(day.surveyId)).toEqual({ responses: 1, answers: 2 });

    // Now cached with both questions; the write sees the question set changed under it.
    expect(await removeEventQuestion(database.db, (await extraSetOf())!, second)).toBe(true);
    const refused = await postJson(day.slug, { answers: { grade: 7, day_2: "Oma vastaus" } });
    const refusal = await refused.json();
    expect(refused.status, JSON.stringify(refusal)).toBe(422);
    expect(refusal.error.fields).toEqual([expect.objectContaining({ key: "day_2", code: "unknown_question" })]);
    expect(await stored(day.surveyId)).toEqual({ responses: 1, answers: 2 });
  });
});
