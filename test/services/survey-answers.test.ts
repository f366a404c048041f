import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { loadPublicSurvey, type PublicSurvey } from "../../src/queries/survey-by-slug";
import { serviceContext } from "../../src/services/context";
import { answerSubmitter, participantState } from "../../src/services/survey-answers";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The submit use case called directly on a real in-memory database with the real migrations (the
// real response writer): which states take answers, what is stored, a retry, a reused id. Each test
// names the mutant of src/services/survey-answers.ts it holds in place.

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
const stored = async () =>
  db.all<{ id: string; survey_id: number; submitted_at: number; lang: string }>(
    sql`SELECT id, survey_id, submitted_at, lang FROM response`,
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
