import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../src/db/client";
import { survey as surveyTable } from "../../src/db/schema";
import { addEventQuestion } from "../../src/queries/event-questions";
import { loadPublicSurvey, type PublicSurvey, type SurveyVersion } from "../../src/queries/survey-by-slug";
import { serviceContext } from "../../src/services/context";
import { answerSubmitter, participantState, windowOf } from "../../src/services/survey-answers";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createRemoteTestDb } from "../helpers/remote-test-db";
import { createTestDb } from "../helpers/test-db";

// The submit use case called directly on real databases with the real migrations: in memory (the
// embedded file's group writer) and a remote one over Hrana, where the write checks the survey's
// version itself (src/queries/store-response.ts storeResponseIfUnchanged): which states take
// answers, what is stored, a retry, a reused id, a cached copy judged again on what the write
// found. Each test names the mutant of src/services/survey-answers.ts it holds in place.

const NOW = Date.parse("2019-09-04T12:00:00Z");
let db: Db;
let day: TestSurvey;
// As the survey route has it: the survey with the version read for this request.
const surveyOf = async (s: TestSurvey) => ({ ...(await loadPublicSurvey(db, s.slug))!, checked: true });
// RawAnswers as the route reads them: each field's values.
const submit = async (survey: Awaited<ReturnType<typeof surveyOf>>, submissionId: string, answers: Record<string, unknown>) =>
  answerSubmitter(serviceContext(db, { now: () => NOW }))(survey, {
    submissionId,
    lang: "fi",
    answers: new Map(Object.entries(answers).map(([key, value]) => [key, [value]])),
  });
const stored = async (on: Db = db) =>
  on.all<{ id: string; survey_id: number; submitted_at: number; lang: string }>(
    sql`SELECT id, survey_id, submitted_at, lang FROM response`,
  );
const storedAnswers = (on: Db, responseId: string) =>
  on.all<{ key: string; num_value: number | null; text_value: string | null }>(
    sql`SELECT q.key, a.num_value, a.text_value FROM answer a JOIN question q ON q.id = a.question_id
      WHERE a.response_id = ${responseId} ORDER BY q.key`,
  );

beforeEach(async () => {
  db = await createTestDb();
  day = await createTestSurvey(db);
});

describe("participantState", () => {
  const base = { opensAt: null, closesAt: null, published: false, cancelled: false } as const;
  const state = (s: Partial<PublicSurvey>) => participantState({ ...base, ...s } as PublicSurvey, NOW);
  it("a cancelled day is cancelled even when published; a published one is closed for good even when its window is open (kills: each condition → true/false)", () => {
    expect(state({})).toBe("open");
    expect(state({ cancelled: true, published: true })).toBe("cancelled");
    expect(state({ published: true })).toBe("published");
    expect(state({ closesAt: NOW })).toBe("closed");
    expect(state({ opensAt: NOW + 1 })).toBe("not_open");
  });
});

describe("answerSubmitter", () => {
  it("stores valid answers once with the time and language, and answers a retry as a repeat (kills: the stored fields, the status)", async () => {
    const survey = await surveyOf(day);
    expect(await submit(survey, "submission-0001", { grade: 8 })).toEqual({ status: "created", id: "submission-0001" });
    expect(await submit(survey, "submission-0001", { grade: 8 })).toEqual({ status: "repeat", id: "submission-0001" });
    expect(await stored()).toEqual([{ id: "submission-0001", survey_id: day.surveyId, submitted_at: NOW, lang: "fi" }]);
  });

  it("a submission id reused by the same survey with other answers is a repeat: the first answers stay, nothing is lost or doubled (the 200 a retry gets)", async () => {
    const survey = await surveyOf(day);
    expect(await submit(survey, "submission-0005", { grade: 8, good: "Ensimmäinen" })).toEqual({
      status: "created",
      id: "submission-0005",
    });
    expect(await submit(survey, "submission-0005", { grade: 5, good: "Toinen" })).toEqual({ status: "repeat", id: "submission-0005" });
    expect(await storedAnswers(db, "submission-0005")).toEqual([
      { key: "good", num_value: null, text_value: "Ensimmäinen" },
      { key: "grade", num_value: 8, text_value: null },
    ]);
    expect(await stored()).toHaveLength(1);
  });

  it("refuses a submission id already stored for another survey as a conflict (kills: the conflict check → false)", async () => {
    const other = await createTestSurvey(db);
    await submit(await surveyOf(other), "submission-0002", { grade: 8 });
    await expect(submit(await surveyOf(day), "submission-0002", { grade: 8 })).rejects.toMatchObject({ code: "submission_conflict" });
  });

  it("returns the errors of invalid answers and stores nothing (kills: !validation.ok → false)", async () => {
    const result = await submit(await surveyOf(day), "submission-0003", { grade: 11 });
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.errors.map((e) => e.key)).toEqual(["grade"]);
    expect(await stored()).toEqual([]);
  });

  it("does not take answers for a closed day, naming its state (kills: state !== 'open' → false)", async () => {
    const closed = await createTestSurvey(db, { closesAt: NOW - 1000 });
    expect(await submit(await surveyOf(closed), "submission-0004", { grade: 8 })).toMatchObject({ status: "unavailable", state: "closed" });
    expect(await stored()).toEqual([]);
  });
});

describe("answerSubmitter on the embedded file", () => {
  it("simultaneous submissions go through the group writer: ten answers, fewer writes, each answered with its own id (kills: checkedInWrite ? … → true)", async () => {
    const survey = await surveyOf(day);
    const submitter = answerSubmitter(serviceContext(db, { now: () => NOW }));
    // Observed, not replaced: the calls go through to the real client.
    const batch = vi.spyOn(db.$client, "batch");
    const ids = Array.from({ length: 10 }, (_, i) => `group-${i}`);
    const results = await Promise.all(
      ids.map((submissionId) => submitter(survey, { submissionId, lang: "fi", answers: new Map([["grade", ["8"]]]) })),
    );
    const writes = batch.mock.calls.length;
    batch.mockRestore();
    expect(results).toEqual(ids.map((id) => ({ status: "created", id })));
    expect((await stored()).map((r) => r.id).sort()).toEqual(ids);
    expect(writes, `${writes} write batches for 10 submissions`).toBeLessThan(5);
  });
});

describe("windowOf", () => {
  it("carries exactly the version's window and states (kills: the object → {})", () => {
    const version: SurveyVersion = { opensAt: 1, closesAt: 2, published: true, cancelled: false, questionsKey: "1/-/0/0" };
    expect(windowOf(version)).toEqual({ opensAt: 1, closesAt: 2, published: true, cancelled: false });
  });
});

describe("answerSubmitter on a remote database (the version checked in the write)", () => {
  let remote: Awaited<ReturnType<typeof createRemoteTestDb>>;
  let rday: TestSurvey;
  beforeAll(async () => {
    remote = await createRemoteTestDb();
  });
  afterAll(async () => {
    await remote?.close();
  });
  beforeEach(async () => {
    rday = await createTestSurvey(remote.db);
  });
  // As the Worker has it: an isolate's cached copy (checked false) or one read for this request.
  const copyOf = async (s: TestSurvey, checked: boolean) => ({ ...(await loadPublicSurvey(remote.db, s.slug))!, checked });
  const submitRemote = (
    found: Awaited<ReturnType<typeof copyOf>>,
    submissionId: string,
    answers: Record<string, unknown>,
    onVersion?: (version: SurveyVersion | null) => void,
  ) =>
    answerSubmitter(serviceContext(remote.db, { now: () => NOW }))(found, {
      submissionId,
      lang: "sv",
      answers: new Map(Object.entries(answers).map(([key, value]) => [key, [value]])),
      ...(onVersion && { onVersion }),
    });
  const closeAt = (s: TestSurvey, closesAt: number) =>
    remote.db.update(surveyTable).set({ closesAt }).where(eq(surveyTable.id, s.surveyId));
  const ofDay = async (s: TestSurvey) => (await stored(remote.db)).filter((r) => r.survey_id === s.surveyId);

  it("stores through the checked write; a reused id is a repeat for the same survey (first answers kept) and a conflict for another", async () => {
    const found = await copyOf(rday, false);
    expect(await submitRemote(found, "r-0001", { grade: 9, good: "Bra" })).toEqual({ status: "created", id: "r-0001" });
    expect(await submitRemote(found, "r-0001", { grade: 4, good: "Annat" })).toEqual({ status: "repeat", id: "r-0001" });
    expect(await storedAnswers(remote.db, "r-0001")).toEqual([
      { key: "good", num_value: null, text_value: "Bra" },
      { key: "grade", num_value: 9, text_value: null },
    ]);
    expect(await ofDay(rday)).toEqual([{ id: "r-0001", survey_id: rday.surveyId, submitted_at: NOW, lang: "sv" }]);
    const other = await createTestSurvey(remote.db);
    await expect(submitRemote(await copyOf(other, false), "r-0001", { grade: 9 })).rejects.toMatchObject({ code: "submission_conflict" });
  });

  it("a cached copy of a survey closed since: judged again on the window the write found, refused with it, nothing stored, the cache told (kills: the changed branch, checked = true, the window taken from the version, onVersion)", async () => {
    const found = await copyOf(rday, false);
    await closeAt(rday, NOW - 1);
    const seen: (SurveyVersion | null)[] = [];
    const result = await submitRemote(found, "r-0002", { grade: 8, good: "Kiitos" }, (v) => seen.push(v));
    expect(result).toMatchObject({ status: "unavailable", state: "closed", survey: { surveyId: rday.surveyId, closesAt: NOW - 1 } });
    expect(seen).toEqual([{ ...found.version, closesAt: NOW - 1 }]);
    expect(await ofDay(rday)).toEqual([]);
  });

  it("a cached copy whose window moved but is still open: stored at the second write, with no listener given (kills: write >= MAX_WRITES → true, onVersion?.() → onVersion())", async () => {
    const found = await copyOf(rday, false);
    await closeAt(rday, NOW + 60_000);
    expect(await submitRemote(found, "r-0003", { grade: 7 })).toEqual({ status: "created", id: "r-0003" });
    expect((await ofDay(rday)).map((r) => r.id)).toEqual(["r-0003"]);
  });

  it("a cached copy never refuses on its own: a copy that looks closed, or answers it finds invalid, are stale, to be looked up again (kills: checked ? … : stale → true)", async () => {
    const found = await copyOf(rday, false);
    const closedCopy = { ...found, survey: { ...found.survey, closesAt: NOW - 1 } };
    expect(await submitRemote(closedCopy, "r-0004", { grade: 8 })).toEqual({ status: "stale" });
    expect(await submitRemote(found, "r-0005", { grade: 11 })).toEqual({ status: "stale" });
    const checked = await copyOf(rday, true);
    expect(await submitRemote(checked, "r-0005", { grade: 11 })).toMatchObject({ status: "invalid", errors: [{ key: "grade" }] });
    expect(await ofDay(rday)).toEqual([]);
  });

  it("questions changed since the copy was cached, or the survey gone: stale, nothing stored, the cache told (kills: questionsKey !== → ===/false, version === null → false)", async () => {
    const found = await copyOf(rday, false);
    const [row] = await remote.db
      .select({ extra: surveyTable.extraQuestionSetId })
      .from(surveyTable)
      .where(eq(surveyTable.id, rday.surveyId));
    await addEventQuestion(
      remote.db,
      { surveyId: rday.surveyId, eventId: rday.eventId, extraSetId: row!.extra },
      {
        kind: "text",
        required: true,
        textFi: "Pakollinen",
        textSv: "Obligatorisk",
        textEn: "Required",
        scale: null,
        optionsJson: null,
        maxLength: 500,
      },
    );
    const seen: (SurveyVersion | null)[] = [];
    expect(await submitRemote(found, "r-0006", { grade: 8 }, (v) => seen.push(v))).toEqual({ status: "stale" });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.questionsKey).not.toBe(found.version.questionsKey);
    expect(await ofDay(rday)).toEqual([]);

    const gone = await createTestSurvey(remote.db);
    const goneCopy = await copyOf(gone, false);
    await remote.db.delete(surveyTable).where(eq(surveyTable.id, gone.surveyId));
    const told: (SurveyVersion | null)[] = [];
    expect(await submitRemote(goneCopy, "r-0007", { grade: 8 }, (v) => told.push(v))).toEqual({ status: "stale" });
    expect(told).toEqual([null]);
  });
});
