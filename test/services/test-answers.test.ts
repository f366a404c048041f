import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { type EventRow, getEvent } from "../../src/queries/events";
import { serviceContext } from "../../src/services/context";
import { answerInTestMode, countTestAnswers, testSurvey, wipeTestAnswers } from "../../src/services/test-answers";
import { createTestUser, testPrincipal } from "../helpers/accounts";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Test mode called directly on a real in-memory database with the real migrations: a test answer is
// checked like a real one, stored apart (never a response, answer or tally), counted per day, and
// wiped per day with an audit line; a real answer (sent through the real survey route) is never
// touched. Each test names the mutant of src/services/test-answers.ts it holds in place.

const NOW = Date.parse("2019-09-04T15:00:00Z");
let db: Db;
let day: TestSurvey;
let otherDay: TestSurvey;
let event: EventRow;
const deps = () => serviceContext(db, { now: () => NOW });
const raw = (answers: Record<string, unknown>) => new Map(Object.entries(answers).map(([key, value]) => [key, [value]]));
const testRows = () =>
  db.all<{ id: string; survey_id: number; submitted_at: number; lang: string; answers_json: string }>(
    sql`SELECT id, survey_id, submitted_at, lang, answers_json FROM test_response ORDER BY id`,
  );
const realCounts = async () =>
  (
    await db.all<{ responses: number; answers: number; tallies: number }>(
      sql`SELECT (SELECT count(*) FROM response) AS responses, (SELECT count(*) FROM answer) AS answers,
        (SELECT coalesce(sum(count), 0) FROM answer_tally) AS tallies`,
    )
  )[0];

beforeEach(async () => {
  db = await createTestDb();
  // Not open yet: test mode works before the survey opens, as the staff use it.
  day = await createTestSurvey(db, { regionCode: "16", opensAt: NOW + 86_400_000 });
  otherDay = await createTestSurvey(db, { regionCode: "16" });
  event = (await getEvent(db, day.eventId))!;
});

const agent16 = async () => {
  const user = await createTestUser(db, "agent", ["16"]);
  return testPrincipal({ userId: user.id, email: user.email, name: "A", role: "agent", regions: ["16"] });
};

describe("testSurvey", () => {
  it("reads the day's survey fresh, with its questions, whether or not it is open (kills: the found survey → null/undefined)", async () => {
    const survey = await testSurvey(deps(), event);
    expect(survey).toMatchObject({ surveyId: day.surveyId, opensAt: NOW + 86_400_000 });
    expect(survey.questions.map((q) => q.key)).toEqual(["grade", "usefulness", "sector", "good", "improve"]);
  });

  it("answers not_found for a day whose survey address names no survey (kills: !survey → false, the throw removed)", async () => {
    await expect(testSurvey(deps(), { ...event, slug: "no-such-survey" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("answerInTestMode", () => {
  it("stores a valid test answer apart with its id, time, language and typed values; no response, answer or tally (kills: the stored object's fields, ok → false)", async () => {
    const before = await realCounts();
    const result = await answerInTestMode(deps(), event, {
      submissionId: "test-0001",
      lang: "sv",
      answers: raw({ grade: "9", good: "Bra dag" }),
    });
    expect(result).toEqual({ ok: true });
    expect(await testRows()).toEqual([
      {
        id: "test-0001",
        survey_id: day.surveyId,
        submitted_at: NOW,
        lang: "sv",
        answers_json: JSON.stringify([
          { key: "grade", num: 9, text: null },
          { key: "good", num: null, text: "Bra dag" },
        ]),
      },
    ]);
    expect(await realCounts()).toEqual(before);
    expect(before).toEqual({ responses: 0, answers: 0, tallies: 0 });
  });

  it("refuses an invalid test answer with the survey and every error, storing nothing (kills: !validation.ok → false/true, the error object → {})", async () => {
    const result = await answerInTestMode(deps(), event, {
      submissionId: "test-0002",
      lang: "fi",
      answers: raw({ grade: "11", good: "Pidetään" }),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ key: "grade", code: "out_of_range", params: { min: 4, max: 10 } }]);
    expect(!result.ok && result.survey.surveyId).toBe(day.surveyId);
    expect(await testRows()).toEqual([]);
  });
});

describe("countTestAnswers and wipeTestAnswers", () => {
  it("count and wipe one day's test answers only, leave real answers alone, and say who wiped how many in the audit log (kills: the count's survey, the audit fields, the returned count)", async () => {
    for (const id of ["t-1", "t-2", "t-3"])
      expect(await answerInTestMode(deps(), event, { submissionId: id, lang: "fi", answers: raw({ grade: "8" }) })).toEqual({ ok: true });
    const other = (await getEvent(db, otherDay.eventId))!;
    await answerInTestMode(deps(), other, { submissionId: "t-other", lang: "fi", answers: raw({ grade: "7" }) });
    const real = await createApp({ db }).request(`/s/${otherDay.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 6 } }),
    });
    expect(real.status).toBe(201);

    expect(await countTestAnswers(deps(), event)).toBe(3);
    expect(await countTestAnswers(deps(), other)).toBe(1);
    const agent = await agent16();
    expect(await wipeTestAnswers(deps(), agent, event)).toBe(3);
    expect(await countTestAnswers(deps(), event)).toBe(0);
    expect((await testRows()).map((r) => r.id)).toEqual(["t-other"]);
    expect(await realCounts()).toEqual({ responses: 1, answers: 1, tallies: 1 });
    const audit = await db.all(sql`SELECT user_id, action, region_code, target, details_json, at FROM audit_log`);
    expect(audit).toEqual([
      {
        user_id: agent.userId,
        action: "test_answers_deleted",
        region_code: "16",
        target: `event:${day.eventId}`,
        details_json: '{"count":3}',
        at: NOW,
      },
    ]);
  });
});
