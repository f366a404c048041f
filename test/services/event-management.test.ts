import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { insertProgramme, insertTheme } from "../../src/queries/programmes";
import { insertTestResponse } from "../../src/queries/test-responses";
import { serviceContext } from "../../src/services/context";
import { addQuestion, createEvent, eventById } from "../../src/services/event-actions";
import { cancelEvent, deleteEvent, deletionLosses, duplicateEvent, uncancelEvent } from "../../src/services/event-management";
import { staffPrincipal } from "../helpers/accounts";
import { addComments } from "../helpers/comment-fixture";
import { auditLines, outcomeOf } from "../helpers/service-calls";
import { createTestDb } from "../helpers/test-db";

// Managing whole days through the service on a real in-memory database with the real migrations:
// what a duplicate copies (and never copies), cancelling and taking it back, and who may delete a
// day that has answers, after confirming what. Each test names the mutant of
// src/services/event-management.ts it holds in place.

const NOW = Date.parse("2019-09-10T09:00:00Z");
let db: Db;
let national: SessionPrincipal;
let agent: SessionPrincipal;
let programmeId: number;
let themeId: number;
let otherProgrammeId: number;
let otherThemeId: number;
const deps = () => serviceContext(db, { now: () => NOW });
const create = async (changes: Partial<Parameters<typeof createEvent>[2]> = {}) =>
  eventById(
    deps(),
    await createEvent(deps(), national, {
      programmeId,
      regionCode: "16",
      date: "2019-09-04",
      themeId,
      title: "Syyspäivä",
      location: "Kokkola",
      attendance: 40,
      ...changes,
    }),
  );
const clearAudit = () => db.run(sql`DELETE FROM audit_log`);
const questionRows = (setId: number | null) =>
  db.all<Record<string, unknown>>(
    sql`SELECT position, kind, required, text_fi, text_sv, text_en, scale_min, scale_max, scale_step, options_json, max_length FROM question WHERE set_id = ${setId} ORDER BY position`,
  );
const addTestAnswer = (surveyId: number, id: string) => insertTestResponse(db, { id, surveyId, submittedAt: NOW, lang: "fi", answers: [] });

beforeEach(async () => {
  db = await createTestDb();
  national = await staffPrincipal(db, "national");
  agent = await staffPrincipal(db, "agent", ["16"]);
  programmeId = await insertProgramme(db, { name: "Ohjelma", startsOn: null, endsOn: null, surveyCloseDays: 14 });
  themeId = await insertTheme(db, { programmeId, nameFi: "Teema", nameSv: "Tema", nameEn: "Theme" });
  otherProgrammeId = await insertProgramme(db, { name: "Toinen", startsOn: null, endsOn: null, surveyCloseDays: null });
  otherThemeId = await insertTheme(db, { programmeId: otherProgrammeId, nameFi: "Muu", nameSv: "Annan", nameEn: "Other" });
});

describe("duplicateEvent", () => {
  it("copies the day's programme, region, theme, texts and language unless changed, never its head count (kills: each ?? and ternary of the copy, attendance ?? null)", async () => {
    const source = await create({ titleSv: "Höstdag", locationEn: "Kokkola town", mainLang: "sv" });
    const same = await eventById(deps(), await duplicateEvent(deps(), national, source, { date: "2019-10-02" }));
    expect(same).toMatchObject({
      programmeId,
      regionCode: "16",
      date: "2019-10-02",
      themeId,
      title: "Syyspäivä",
      titleSv: "Höstdag",
      titleEn: null,
      location: "Kokkola",
      locationSv: null,
      locationEn: "Kokkola town",
      mainLang: "sv",
      attendance: null,
    });
    expect(same.slug).not.toBe(source.slug);
    const moved = await eventById(
      deps(),
      await duplicateEvent(deps(), national, source, {
        programmeId: otherProgrammeId,
        regionCode: null,
        themeId: otherThemeId,
        title: "Kevätpäivä",
        titleSv: null,
        titleEn: "Spring day",
        location: null,
        locationSv: "Karleby",
        locationEn: null,
        mainLang: "en",
        attendance: 12,
      }),
    );
    expect(moved).toMatchObject({
      programmeId: otherProgrammeId,
      regionCode: null,
      date: "2019-09-04",
      themeId: otherThemeId,
      title: "Kevätpäivä",
      titleSv: null,
      titleEn: "Spring day",
      location: null,
      locationSv: "Karleby",
      locationEn: null,
      mainLang: "en",
      attendance: 12,
      // The other programme has no default closing: a new day's rule, not the source's window.
      closesAt: null,
    });
    const noTheme = await eventById(deps(), await duplicateEvent(deps(), national, source, { themeId: null }));
    expect(noTheme.themeId).toBeNull();
  });

  it("never copies answers, test answers, a published result or a cancellation (kills: copying more than createEvent's fields)", async () => {
    const source = await create();
    await addComments(db, source.surveyId, [{ text: "Hyvä", grade: 9 }]);
    await addTestAnswer(source.surveyId, "00000000-0000-4000-8000-00000000aaaa");
    await db.run(sql`UPDATE event SET reported_grade_mean = 8.5, cancelled_at = ${NOW} WHERE id = ${source.id}`);
    const copy = await eventById(deps(), await duplicateEvent(deps(), national, await eventById(deps(), source.id), {}));
    expect(copy).toMatchObject({ responseCount: 0, reportedGradeMean: null, cancelledAt: null });
    expect(await deletionLosses(deps(), copy)).toEqual({
      responses: 0,
      comments: 0,
      testAnswers: 0,
      published: false,
      needsConfirmation: false,
    });
  });

  it("copies every own question into one new set, texts as written (a fallback stays a fallback) (kills: the copy's set re-read, writtenTexts, the options' map, q.options.length === 0)", async () => {
    const source = await create();
    await addQuestion(deps(), national, source, { kind: "grade", required: true, text: { fi: "Arvosana?", sv: "Betyg?", en: "" } });
    const withSet = await eventById(deps(), source.id);
    await addQuestion(deps(), national, withSet, {
      kind: "choice",
      required: false,
      text: { fi: "Valitse", sv: "", en: "" },
      options: [
        { value: "a", fi: "Aamu", sv: "", en: "Morning" },
        { value: "b", fi: "Ilta", sv: "", en: "" },
      ],
    });
    await addQuestion(deps(), national, withSet, { kind: "text", required: false, text: { fi: "Kerro", sv: "", en: "" }, maxLength: 80 });
    const copy = await eventById(deps(), await duplicateEvent(deps(), agent, await eventById(deps(), source.id), {}));
    expect(copy.extraQuestionSetId).not.toBeNull();
    expect(copy.extraQuestionSetId).not.toBe(withSet.extraQuestionSetId);
    expect(await questionRows(copy.extraQuestionSetId)).toEqual(await questionRows(withSet.extraQuestionSetId));
    expect((await questionRows(copy.extraQuestionSetId)).map((r) => [r.position, r.text_sv, r.options_json])).toEqual([
      [1, "Betyg?", null],
      [
        2,
        "",
        JSON.stringify([
          { value: "a", fi: "Aamu", sv: "", en: "Morning" },
          { value: "b", fi: "Ilta", sv: "", en: "" },
        ]),
      ],
      [3, "", null],
    ]);
    // The source's questions are still its own.
    expect(await questionRows(withSet.extraQuestionSetId)).toHaveLength(3);
  });

  it("gives a day without own questions a copy without an own set (kills: extraQuestionSetId !== null → true)", async () => {
    const source = await create();
    const copy = await eventById(deps(), await duplicateEvent(deps(), national, source, {}));
    expect(copy.extraQuestionSetId).toBeNull();
  });

  it("lets an agent copy only into a region they write (kills: the copy's region not going through createEvent's check)", async () => {
    const source = await create();
    expect(await outcomeOf(duplicateEvent(deps(), agent, source, { regionCode: "01" }))).toBe("forbidden");
    expect(await outcomeOf(duplicateEvent(deps(), agent, source, { regionCode: null }))).toBe("forbidden");
    expect(await outcomeOf(duplicateEvent(deps(), agent, source, {}))).toBe("ok");
  });

  it("audits the copy's creation and where it came from, by whom, in the copy's region (kills: the event_duplicated line's fields)", async () => {
    const source = await create({ title: "Syyspäivä", titleEn: "Autumn day", mainLang: "en" });
    await clearAudit();
    const same = await duplicateEvent(deps(), agent, source, {});
    const moved = await duplicateEvent(deps(), national, source, { regionCode: "01", date: "2019-12-01" });
    const lines = (await auditLines(db)).filter((l) => l.action === "event_duplicated");
    expect(lines).toEqual([
      {
        userId: agent.userId,
        actor: null,
        action: "event_duplicated",
        regionCode: "16",
        target: `event:${same}`,
        details: { from: source.id, fromTitle: "Autumn day", date: "2019-09-04" },
      },
      {
        userId: national.userId,
        actor: null,
        action: "event_duplicated",
        regionCode: "01",
        target: `event:${moved}`,
        details: { from: source.id, fromTitle: "Autumn day", date: "2019-12-01" },
      },
    ]);
    expect((await auditLines(db)).map((l) => l.action)).toEqual(["event_created", "event_duplicated", "event_created", "event_duplicated"]);
  });
});

describe("cancelEvent and uncancelEvent", () => {
  it("cancels now and takes it back, each once, with an audit line each (kills: the early returns' conditions, cancelledAt now/null, the audit lines)", async () => {
    const day = await create({ titleSv: "Höstdag", mainLang: "sv" });
    await clearAudit();
    await uncancelEvent(deps(), agent, day); // not cancelled: nothing to take back
    expect(await auditLines(db)).toEqual([]);
    await cancelEvent(deps(), agent, day);
    const cancelled = await eventById(deps(), day.id);
    expect(cancelled.cancelledAt).toBe(NOW);
    await cancelEvent(deps(), national, cancelled); // already cancelled: the first time stands
    await uncancelEvent(deps(), national, cancelled);
    expect((await eventById(deps(), day.id)).cancelledAt).toBeNull();
    const details = { title: "Höstdag", date: "2019-09-04" };
    expect(await auditLines(db)).toEqual([
      { userId: agent.userId, actor: null, action: "event_cancelled", regionCode: "16", target: `event:${day.id}`, details },
      { userId: national.userId, actor: null, action: "event_uncancelled", regionCode: "16", target: `event:${day.id}`, details },
    ]);
  });

  it("keeps the first cancellation's time when cancelled again (kills: cancelledAt !== null → false)", async () => {
    const day = await create();
    await db.run(sql`UPDATE event SET cancelled_at = ${NOW - 86_400_000} WHERE id = ${day.id}`);
    await cancelEvent(deps(), national, await eventById(deps(), day.id));
    expect((await eventById(deps(), day.id)).cancelledAt).toBe(NOW - 86_400_000);
  });
});

describe("deletionLosses", () => {
  it("counts responses, comments and test answers, and asks for confirmation beyond test answers (kills: needsConfirmation's || → &&, counted > 0 → >= 0)", async () => {
    const day = await create();
    await addTestAnswer(day.surveyId, "00000000-0000-4000-8000-00000000aaa1");
    await addTestAnswer(day.surveyId, "00000000-0000-4000-8000-00000000aaa2");
    expect(await deletionLosses(deps(), day)).toEqual({
      responses: 0,
      comments: 0,
      testAnswers: 2,
      published: false,
      needsConfirmation: false,
    });
    await addComments(db, day.surveyId, [{ text: "Hyvä" }, { text: "Kiva", grade: 8 }, { text: "" }]);
    expect(await deletionLosses(deps(), await eventById(deps(), day.id))).toEqual({
      responses: 3,
      comments: 2,
      testAnswers: 2,
      published: false,
      needsConfirmation: true,
    });
  });

  it("counts an archived day's kept figures and a published result as losses (kills: Math.max → Math.min, published's !== null)", async () => {
    const archived = await create();
    await db.run(sql`UPDATE survey SET response_count = 7, archived_at = ${NOW} WHERE id = ${archived.surveyId}`);
    expect(await deletionLosses(deps(), await eventById(deps(), archived.id))).toMatchObject({ responses: 7, needsConfirmation: true });
    const published = await create();
    await db.run(sql`UPDATE event SET reported_grade_mean = 8.5 WHERE id = ${published.id}`);
    expect(await deletionLosses(deps(), await eventById(deps(), published.id))).toEqual({
      responses: 0,
      comments: 0,
      testAnswers: 0,
      published: true,
      needsConfirmation: true,
    });
  });
});

describe("deleteEvent", () => {
  it("lets whoever writes the region delete a day with test answers only, and audits it (kills: the confirmation condition → true, the audit line)", async () => {
    const day = await create({ titleEn: "Autumn day", mainLang: "en" });
    await addTestAnswer(day.surveyId, "00000000-0000-4000-8000-00000000aaa3");
    await clearAudit();
    const losses = await deleteEvent(deps(), agent, day, undefined);
    expect(losses).toMatchObject({ responses: 0, testAnswers: 1, needsConfirmation: false });
    expect(await outcomeOf(eventById(deps(), day.id))).toBe("not_found");
    expect(await db.all(sql`SELECT id FROM test_response`)).toEqual([]);
    expect(await auditLines(db)).toEqual([
      {
        userId: agent.userId,
        actor: null,
        action: "event_deleted",
        regionCode: "16",
        target: `event:${day.id}`,
        details: { title: "Autumn day", date: "2019-09-04", responses: 0, comments: 0 },
      },
    ]);
  });

  it("lets only the national team delete a day with answers, and only with the number of responses now (kills: !isNational, confirmResponses !== responses)", async () => {
    const day = await create();
    await addQuestion(deps(), national, day, { kind: "likert", required: false, text: { fi: "Samaa mieltä?", sv: "", en: "" } });
    await addComments(db, day.surveyId, [{ text: "Hyvä" }, { text: "Kiva" }]);
    const answered = await eventById(deps(), day.id);
    await clearAudit();
    const refusal = await deleteEvent(deps(), agent, answered, 2).catch((e: { code: string; fields: unknown }) => e);
    expect(refusal).toMatchObject({
      code: "forbidden",
      fields: [{ key: "event", code: "has_answers", message: "only the national team may delete a day with answers" }],
    });
    expect(await outcomeOf(deleteEvent(deps(), national, answered, undefined))).toBe("conflict:confirmResponses/confirm");
    const stale = await deleteEvent(deps(), national, answered, 1).catch((e: { fields: { message: string }[] }) => e.fields[0]!.message);
    expect(stale).toBe("the day has 2 responses and 2 comments: confirm with confirmResponses=2");
    expect(await outcomeOf(deleteEvent(deps(), national, answered, 3))).toBe("conflict:confirmResponses/confirm");
    expect(await auditLines(db)).toEqual([]);
    expect((await eventById(deps(), day.id)).responseCount).toBe(2);

    expect(await deleteEvent(deps(), national, answered, 2)).toMatchObject({ responses: 2, comments: 2 });
    expect(await outcomeOf(eventById(deps(), day.id))).toBe("not_found");
    // Everything that hung on the day went with it, its own question set too.
    expect(await db.all(sql`SELECT id FROM response`)).toEqual([]);
    expect(await db.all(sql`SELECT id FROM question_set WHERE id = ${answered.extraQuestionSetId}`)).toEqual([]);
    expect((await auditLines(db)).map((l) => [l.userId, l.action, l.details])).toEqual([
      [national.userId, "event_deleted", { title: "Syyspäivä", date: "2019-09-04", responses: 2, comments: 2 }],
    ]);
  });

  it("asks the national team to confirm deleting a published day without answers, with 0 (kills: needsConfirmation's published part)", async () => {
    const day = await create();
    await db.run(sql`UPDATE event SET reported_grade_mean = 8.5 WHERE id = ${day.id}`);
    const published = await eventById(deps(), day.id);
    expect(await outcomeOf(deleteEvent(deps(), agent, published, 0))).toBe("forbidden:event/has_answers");
    expect(await outcomeOf(deleteEvent(deps(), national, published, undefined))).toBe("conflict:confirmResponses/confirm");
    expect(await outcomeOf(deleteEvent(deps(), national, published, 0))).toBe("ok");
  });
});
