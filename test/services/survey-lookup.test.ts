import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { event, survey } from "../../src/db/schema";
import { addEventQuestion } from "../../src/queries/event-questions";
import { findSurveyVersion } from "../../src/queries/survey-by-slug";
import { cachedSurveyLookup, SURVEY_CACHE_TTL_MS } from "../../src/services/survey-lookup";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createRemoteTestDb } from "../helpers/remote-test-db";
import { createTestDb } from "../helpers/test-db";

// The public survey's cache through the service on real databases with the real migrations: the
// embedded one in memory, and a remote one over Hrana (as the Worker has it) for the cached copy a
// submission may use. What may be old (the day's text, for the TTL) and what never is (the window,
// a published or cancelled day, the questions, a survey gone). Each test names the mutant of
// src/services/survey-lookup.ts it holds in place.

const TTL = SURVEY_CACHE_TTL_MS;
const T0 = Date.parse("2019-09-04T14:00:00Z");
let db: Db;
let clock: number;
let day: TestSurvey;
const setTitle = (s: TestSurvey, title: string) => db.update(event).set({ title }).where(eq(event.id, s.eventId));
const addDayQuestion = async (s: TestSurvey, text: string) => {
  const [row] = await db.select({ extra: survey.extraQuestionSetId }).from(survey).where(eq(survey.id, s.surveyId));
  await addEventQuestion(
    db,
    { surveyId: s.surveyId, eventId: s.eventId, extraSetId: row!.extra },
    { kind: "text", required: false, textFi: text, textSv: text, textEn: text, scale: null, optionsJson: null, maxLength: 500 },
  );
};

beforeEach(async () => {
  db = await createTestDb();
  clock = T0;
  day = await createTestSurvey(db);
  await setTitle(day, "Ensimmäinen otsikko");
});

describe("cachedSurveyLookup on the embedded database", () => {
  it("reuses the day's text for the TTL and loads it again once it has passed (kills: now + ttl → −, expiresAt > now → >=/true/false, the default version read)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    expect((await lookup(day.slug))?.survey.event.title).toBe("Ensimmäinen otsikko");
    await setTitle(day, "Korjattu otsikko");
    clock = T0 + TTL - 1;
    const cached = (await lookup(day.slug))!;
    expect(cached.survey.event.title).toBe("Ensimmäinen otsikko");
    expect(cached.checked).toBe(true);
    clock = T0 + TTL;
    expect((await lookup(day.slug))?.survey.event.title).toBe("Korjattu otsikko");
  });

  it("shows the window, a published result and a cancellation at once, on the cached copy (kills: the window object of shown, entry.value.version = version, the value kept after loading)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    const first = (await lookup(day.slug))!;
    expect(first.survey).toMatchObject({ opensAt: null, closesAt: null, published: false, cancelled: false });
    await setTitle(day, "Korjattu otsikko");
    await db
      .update(survey)
      .set({ opensAt: T0 - 7_000, closesAt: T0 - 1 })
      .where(eq(survey.id, day.surveyId));
    await db.update(event).set({ reportedGradeMean: 8.5, cancelledAt: T0 }).where(eq(event.id, day.eventId));
    const again = (await lookup(day.slug))!;
    expect(again.survey).toMatchObject({ opensAt: T0 - 7_000, closesAt: T0 - 1, published: true, cancelled: true });
    expect(again.version).toEqual(await findSurveyVersion(db, day.slug));
    expect(again.survey.event.title, "the day's text is still the cached copy's").toBe("Ensimmäinen otsikko");
    expect(again.formPages).toBe(first.formPages);
  });

  it("a changed question set drops the cached copy: a day question added is asked at once (kills: questionsKey === → true)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    expect((await lookup(day.slug))!.survey.questions.map((q) => q.key)).not.toContain("day_1");
    await addDayQuestion(day, "Päivän oma kysymys");
    const again = (await lookup(day.slug))!;
    expect(again.survey.questions.map((q) => q.key)).toContain("day_1");
    expect(again.version.questionsKey).toBe((await findSurveyVersion(db, day.slug))!.questionsKey);
  });

  it("a survey whose slug is gone is unknown at once; an unknown slug is not remembered (kills: !version → false, found ? … : forget → true)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    expect(await lookup(day.slug)).not.toBeNull();
    await db.update(survey).set({ slug: "renamed-survey" }).where(eq(survey.id, day.surveyId));
    expect(await lookup(day.slug)).toBeNull();
    expect((await lookup("renamed-survey"))?.survey.surveyId).toBe(day.surveyId);
    await db.update(survey).set({ slug: day.slug }).where(eq(survey.id, day.surveyId));
    expect((await lookup(day.slug))?.survey.surveyId).toBe(day.surveyId);
    expect(await lookup("made-later")).toBeNull();
    const later = await createTestSurvey(db, { slug: "made-later" });
    expect((await lookup("made-later"))?.survey.surveyId).toBe(later.surveyId);
  });

  it("simultaneous lookups of a cold slug share one load (kills: entry && !entry.value → false)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    const [a, b] = await Promise.all([lookup(day.slug), lookup(day.slug)]);
    expect(a!.formPages).toBe(b!.formPages);
    expect([a!.checked, b!.checked]).toEqual([true, true]);
  });

  it("a load that failed is forgotten: the next lookup loads again (kills: the rejection handler → () => undefined)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    // A choice question whose options cannot be read makes the load throw.
    const options = (await db.all<{ options: string }>(sql`SELECT options_json AS options FROM question WHERE key = 'sector'`))[0]!.options;
    await db.run(sql`UPDATE question SET options_json = 'not json' WHERE key = 'sector'`);
    await expect(lookup(day.slug)).rejects.toThrow();
    await db.run(sql`UPDATE question SET options_json = ${options} WHERE key = 'sector'`);
    expect((await lookup(day.slug))?.survey.surveyId).toBe(day.surveyId);
  });

  it("holds at most 500 surveys, dropping the oldest first (kills: size >= MAX → >, true, false)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    // 500 more days and surveys in two statements (day's programme, slugs bulk-0 … bulk-499).
    await db.run(sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
      INSERT INTO event (programme_id, region_code, date, title, location)
      SELECT (SELECT programme_id FROM event WHERE id = ${day.eventId}), '16', '2019-09-04', 'bulk-' || i, 'Kokkola' FROM n`);
    await db.run(sql`INSERT INTO survey (event_id, slug, question_set_id)
      SELECT id, title, 1 FROM event WHERE title LIKE 'bulk-%'`);
    const slugs = [day.slug, ...Array.from({ length: 500 }, (_, i) => `bulk-${i}`)];
    // Loaded in this order (each lookup starts its load at once), so bulk-0 … are the oldest after the day.
    await Promise.all(slugs.slice(0, 500).map((slug) => lookup(slug)));
    await setTitle(day, "Uusi 0");
    await db.update(event).set({ title: "Uusi 1" }).where(eq(event.title, "bulk-0"));
    // The 501st survey pushes out the oldest entry, and only that one.
    await lookup(slugs[500]!);
    expect((await lookup(slugs[1]!))?.survey.event.title).toBe("bulk-0");
    expect((await lookup(slugs[0]!))?.survey.event.title).toBe("Uusi 0");
  });

  it("cached is a lookup here, where the write does not check the version (kills: !versionCheckedInWrite → false)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    await lookup(day.slug);
    await db
      .update(survey)
      .set({ closesAt: T0 - 1 })
      .where(eq(survey.id, day.surveyId));
    expect(await lookup.cached(day.slug)).toMatchObject({ checked: true, survey: { closesAt: T0 - 1 } });
  });

  it("remember keeps the entry for a version of the same questions and drops it otherwise (kills: remember's conditions)", async () => {
    const lookup = cachedSurveyLookup(db, () => clock);
    const { version } = (await lookup(day.slug))!;
    await setTitle(day, "Korjattu otsikko");
    lookup.remember(day.slug, { ...version, closesAt: T0 + 1 });
    expect((await lookup(day.slug))?.survey.event.title).toBe("Ensimmäinen otsikko");
    lookup.remember(day.slug, { ...version, questionsKey: "1/9/1/99" });
    expect((await lookup(day.slug))?.survey.event.title).toBe("Korjattu otsikko");
    await setTitle(day, "Kolmas otsikko");
    lookup.remember(day.slug, null);
    expect((await lookup(day.slug))?.survey.event.title).toBe("Kolmas otsikko");
    expect(() => lookup.remember("never-looked-up", version)).not.toThrow();
  });
});

describe("cachedSurveyLookup on a remote database (the Worker's)", () => {
  let remote: Awaited<ReturnType<typeof createRemoteTestDb>>;
  let remoteDay: TestSurvey;
  beforeAll(async () => {
    remote = await createRemoteTestDb();
  });
  afterAll(async () => {
    await remote?.close();
  });
  beforeEach(async () => {
    remoteDay = await createTestSurvey(remote.db);
  });

  it("cached gives the cached copy at any age, unchecked, with the newest version remembered; a cold slug is loaded and checked (kills: entry ? … : load, checked false/true, remember's version)", async () => {
    const lookup = cachedSurveyLookup(remote.db, () => clock);
    const cold = (await lookup.cached(remoteDay.slug))!;
    expect(cold.checked).toBe(true);
    await remote.db
      .update(survey)
      .set({ closesAt: T0 - 1 })
      .where(eq(survey.id, remoteDay.surveyId));
    clock = T0 + 10 * TTL;
    const warm = (await lookup.cached(remoteDay.slug))!;
    expect(warm).toMatchObject({ checked: false, survey: { closesAt: null } });
    expect(warm.formPages).toBe(cold.formPages);
    const newer = (await findSurveyVersion(remote.db, remoteDay.slug))!;
    lookup.remember(remoteDay.slug, newer);
    expect(await lookup.cached(remoteDay.slug)).toMatchObject({ checked: false, survey: { closesAt: T0 - 1 }, version: newer });
    lookup.remember(remoteDay.slug, null);
    const reloaded = (await lookup.cached(remoteDay.slug))!;
    expect(reloaded.checked).toBe(true);
    expect(reloaded.formPages).not.toBe(cold.formPages);
    expect(await lookup.cached("no-such-survey")).toBeNull();
  });

  it("a version with a new question set, told by a write, drops the copy: the next cached read loads the new questions, checked (kills: remember's questionsKey === → true)", async () => {
    const lookup = cachedSurveyLookup(remote.db, () => clock);
    expect((await lookup.cached(remoteDay.slug))!.survey.questions.map((q) => q.key)).not.toContain("day_1");
    const [row] = await remote.db.select({ extra: survey.extraQuestionSetId }).from(survey).where(eq(survey.id, remoteDay.surveyId));
    await addEventQuestion(
      remote.db,
      { surveyId: remoteDay.surveyId, eventId: remoteDay.eventId, extraSetId: row!.extra },
      { kind: "text", required: false, textFi: "Uusi", textSv: "Ny", textEn: "New", scale: null, optionsJson: null, maxLength: 500 },
    );
    lookup.remember(remoteDay.slug, await findSurveyVersion(remote.db, remoteDay.slug));
    const next = (await lookup.cached(remoteDay.slug))!;
    expect(next.checked).toBe(true);
    expect(next.survey.questions.map((q) => q.key)).toContain("day_1");
  });
});
