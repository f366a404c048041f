import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { insertProgramme, insertTheme } from "../../src/queries/programmes";
import { serviceContext } from "../../src/services/context";
import {
  addQuestion,
  changeEvent,
  changeQuestion,
  closeSurvey,
  createEvent,
  eventById,
  eventQuestions,
  openSurvey,
  ownQuestion,
  removeQuestion,
  scheduleSurvey,
} from "../../src/services/event-actions";
import { staffPrincipal } from "../helpers/accounts";
import { addComments } from "../helpers/comment-fixture";
import { auditLines, outcomeOf } from "../helpers/service-calls";
import { createTestDb } from "../helpers/test-db";

// What staff do to an academy day, through the service on a real in-memory database with the real
// migrations: who may create or move a day into which region, what a new or changed day stores, the
// survey window's rules, the day's own questions until the first answer, and the audit line of
// each action (action, region, target, by whom, details). Each test names the mutant of
// src/services/event-actions.ts it holds in place.

const NOW = Date.parse("2019-09-04T09:00:00Z");
let db: Db;
let national: SessionPrincipal;
let agent: SessionPrincipal;
let viewer: SessionPrincipal;
let programmeId: number;
let themeId: number;
let otherProgrammeId: number;
let otherThemeId: number;
const deps = () => serviceContext(db, { now: () => NOW });

const newDay = (changes: Partial<Parameters<typeof createEvent>[2]> = {}) => ({
  programmeId,
  regionCode: "16" as string | null,
  date: "2019-09-04",
  themeId: null as number | null,
  title: "Syyspäivä",
  location: "Kokkola",
  attendance: 40 as number | null,
  ...changes,
});
const create = async (changes: Partial<Parameters<typeof createEvent>[2]> = {}, by: SessionPrincipal = national) =>
  eventById(deps(), await createEvent(deps(), by, newDay(changes)));
const clearAudit = () => db.run(sql`DELETE FROM audit_log`);
const publish = (eventId: number) => db.run(sql`UPDATE event SET reported_grade_mean = 8.5 WHERE id = ${eventId}`);
const gradeQuestion = { kind: "grade" as const, required: false, text: { fi: "Arvosana päivälle?", sv: "", en: "" } };

beforeEach(async () => {
  db = await createTestDb();
  national = await staffPrincipal(db, "national");
  agent = await staffPrincipal(db, "agent", ["16"]);
  viewer = await staffPrincipal(db, "viewer", [], { allRegions: true });
  programmeId = await insertProgramme(db, { name: "Ohjelma", startsOn: null, endsOn: null, surveyCloseDays: 3 });
  themeId = await insertTheme(db, { programmeId, nameFi: "Teema", nameSv: "Tema", nameEn: "Theme" });
  otherProgrammeId = await insertProgramme(db, { name: "Toinen", startsOn: null, endsOn: null, surveyCloseDays: null });
  otherThemeId = await insertTheme(db, { programmeId: otherProgrammeId, nameFi: "Muu", nameSv: "Annan", nameEn: "Other" });
});

describe("eventById", () => {
  it("answers the stored day, and not_found for an id that has none (kills: the !event check → false/true)", async () => {
    const day = await create();
    expect((await eventById(deps(), day.id)).title).toBe("Syyspäivä");
    expect(await outcomeOf(eventById(deps(), day.id + 100))).toBe("not_found");
  });
});

describe("createEvent", () => {
  it("lets a region agent create days only in their regions and never a national day; viewers none; national any (kills: requireWriteRegion removed)", async () => {
    expect(await outcomeOf(createEvent(deps(), agent, newDay({ regionCode: "16" })))).toBe("ok");
    expect(await outcomeOf(createEvent(deps(), agent, newDay({ regionCode: "01" })))).toBe("forbidden");
    expect(await outcomeOf(createEvent(deps(), agent, newDay({ regionCode: null })))).toBe("forbidden");
    expect(await outcomeOf(createEvent(deps(), viewer, newDay({ regionCode: "16" })))).toBe("forbidden");
    expect(await outcomeOf(createEvent(deps(), national, newDay({ regionCode: null })))).toBe("ok");
    expect(await outcomeOf(createEvent(deps(), national, newDay({ regionCode: "01" })))).toBe("ok");
    // The refused ones wrote nothing.
    expect((await auditLines(db)).map((l) => [l.userId, l.regionCode])).toEqual([
      [agent.userId, "16"],
      [national.userId, null],
      [national.userId, "01"],
    ]);
  });

  it("names each unknown reference, in the form's order (kills: each !found.x → false, the field list emptied, the filter and length check)", async () => {
    expect(await outcomeOf(createEvent(deps(), national, newDay({ programmeId: 999 })))).toBe("validation_failed:programmeId/unknown");
    expect(await outcomeOf(createEvent(deps(), national, newDay({ regionCode: "99" })))).toBe("validation_failed:regionCode/unknown");
    // A theme of another programme is unknown in this one.
    expect(await outcomeOf(createEvent(deps(), national, newDay({ themeId: otherThemeId })))).toBe("validation_failed:themeId/unknown");
    expect(await outcomeOf(createEvent(deps(), national, newDay({ programmeId: 999, regionCode: "99", themeId: themeId })))).toBe(
      "validation_failed:programmeId/unknown,regionCode/unknown,themeId/unknown",
    );
    const fields = await createEvent(deps(), national, newDay({ programmeId: 999, regionCode: "99", themeId })).catch(
      (e: { fields: unknown }) => e.fields,
    );
    expect(fields).toEqual([
      { key: "programmeId", code: "unknown", message: "programme not found" },
      { key: "regionCode", code: "unknown", message: "region not found" },
      { key: "themeId", code: "unknown", message: "theme not found in this programme" },
    ]);
    expect(await auditLines(db)).toEqual([]);
  });

  it("stores the day as given, with a 16-letter short address and its programme's default closing (kills: SLUG_LENGTH, surveyCloseDays ?? null, the stored fields)", async () => {
    const day = await create({ themeId, attendance: 0, date: "2019-09-04", location: " Kokkola ", titleSv: "Höstdag" });
    expect(day).toMatchObject({
      programmeId,
      regionCode: "16",
      date: "2019-09-04",
      themeId,
      attendance: 0,
      title: "Syyspäivä",
      titleSv: "Höstdag",
      titleEn: null,
      location: "Kokkola",
      locationSv: null,
      mainLang: "fi",
      opensAt: null,
      responseCount: 0,
    });
    expect(day.slug).toMatch(/^[A-Za-z0-9]{16}$/);
    // Three days after the day at 23.59 Helsinki summer time (UTC+3).
    expect(day.closesAt).toBe(Date.parse("2019-09-07T20:59:00Z"));
    // A programme without a default closing leaves the survey open.
    const open = await create({ programmeId: otherProgrammeId });
    expect(open.closesAt).toBeNull();
  });

  it("gives the day the region's main language unless the form names one (kills: input.mainLang ?? → &&, regionMainLang not asked)", async () => {
    await db.run(sql`UPDATE region SET main_lang = 'sv' WHERE code = '16'`);
    expect((await create({ title: null, titleSv: "Höstdag" })).mainLang).toBe("sv");
    expect((await create({ mainLang: "en", titleEn: "Autumn day" })).mainLang).toBe("en");
    expect((await create({ regionCode: "01" })).mainLang).toBe("fi");
  });

  it("refuses a day without a title in any language, even when the form's check was passed by (kills: requireTitle removed)", async () => {
    expect(await outcomeOf(createEvent(deps(), national, newDay({ title: "  ", titleSv: null, titleEn: "" })))).toBe(
      "validation_failed:title/required",
    );
    const fields = await createEvent(deps(), national, newDay({ title: null })).catch((e: { fields: unknown }) => e.fields);
    expect(fields).toEqual([{ key: "title", code: "required", message: "a title is needed in at least one language" }]);
    expect(await outcomeOf(createEvent(deps(), national, newDay({ title: null, titleEn: "Autumn day" })))).toBe("ok");
  });

  it("audits the creation by whom, in which region, with the title in the day's main language and the date (kills: the audit line's fields)", async () => {
    await db.run(sql`UPDATE region SET main_lang = 'sv' WHERE code = '16'`);
    const day = await create({ title: "Syyspäivä", titleSv: "Höstdag", date: "2019-10-01" }, agent);
    expect(await auditLines(db)).toEqual([
      {
        userId: agent.userId,
        actor: null,
        action: "event_created",
        regionCode: "16",
        target: `event:${day.id}`,
        details: { title: "Höstdag", date: "2019-10-01" },
      },
    ]);
  });
});

describe("changeEvent", () => {
  it("lets an agent change their own day without naming a region, but not move it to a region they do not write (kills: regionCode !== undefined → true/false)", async () => {
    const day = await create();
    expect(await outcomeOf(changeEvent(deps(), agent, day, { attendance: 12 }))).toBe("ok");
    expect((await eventById(deps(), day.id)).attendance).toBe(12);
    expect(await outcomeOf(changeEvent(deps(), agent, day, { regionCode: "01" }))).toBe("forbidden");
    expect(await outcomeOf(changeEvent(deps(), agent, day, { regionCode: null }))).toBe("forbidden");
    expect(await outcomeOf(changeEvent(deps(), viewer, day, { regionCode: "16" }))).toBe("forbidden");
    expect((await eventById(deps(), day.id)).regionCode).toBe("16");
    expect(await outcomeOf(changeEvent(deps(), national, day, { regionCode: null }))).toBe("ok");
    expect((await eventById(deps(), day.id)).regionCode).toBeNull();
  });

  it("checks a new theme against the day's programme, or the new one (kills: programmeId ?? → &&, the themeId and regionCode ternaries)", async () => {
    const day = await create({ themeId });
    expect(await outcomeOf(changeEvent(deps(), national, day, { themeId: otherThemeId }))).toBe("validation_failed:themeId/unknown");
    // The day's own theme is not in the other programme: a programme change alone is refused, with a theme of it accepted.
    expect(await outcomeOf(changeEvent(deps(), national, day, { programmeId: otherProgrammeId }))).toBe(
      "validation_failed:themeId/unknown",
    );
    expect(await outcomeOf(changeEvent(deps(), national, day, { programmeId: otherProgrammeId, themeId: otherThemeId }))).toBe("ok");
    expect(await outcomeOf(changeEvent(deps(), national, day, { regionCode: "99" }))).toBe("validation_failed:regionCode/unknown");
    expect(await eventById(deps(), day.id)).toMatchObject({ programmeId: otherProgrammeId, themeId: otherThemeId, regionCode: "16" });
    // A theme can be taken away.
    await changeEvent(deps(), national, await eventById(deps(), day.id), { themeId: null });
    expect((await eventById(deps(), day.id)).themeId).toBeNull();
  });

  it("merges changed texts over the stored ones, language by language (kills: pick's condition, the .some → .every, text !== undefined → ===)", async () => {
    const day = await create({ title: "Syyspäivä", titleSv: "Höstdag", location: "Kokkola", locationEn: "Kokkola town" });
    await changeEvent(deps(), national, day, { titleEn: "Autumn day" });
    expect(await eventById(deps(), day.id)).toMatchObject({
      title: "Syyspäivä",
      titleSv: "Höstdag",
      titleEn: "Autumn day",
      location: "Kokkola",
      locationEn: "Kokkola town",
    });
    await changeEvent(deps(), national, await eventById(deps(), day.id), { title: null, locationEn: null });
    expect(await eventById(deps(), day.id)).toMatchObject({ title: "", titleSv: "Höstdag", locationEn: null, location: "Kokkola" });
    // Every text given at once replaces every text.
    await changeEvent(deps(), national, await eventById(deps(), day.id), {
      title: "Uusi",
      titleSv: "Ny",
      titleEn: "New",
      location: "Oulu",
      locationSv: "Uleåborg",
      locationEn: "Oulu city",
    });
    expect(await eventById(deps(), day.id)).toMatchObject({
      title: "Uusi",
      titleSv: "Ny",
      titleEn: "New",
      location: "Oulu",
      locationSv: "Uleåborg",
      locationEn: "Oulu city",
    });
  });

  it("leaves stored texts alone on a change that names none: a day written before today's title rule keeps its head count editable (kills: text !== undefined → true)", async () => {
    const day = await create();
    // As an older row or an import may be: no title in any language, a place with spaces around it.
    await db.run(sql`UPDATE event SET title = '', location = ' Kokkola ' WHERE id = ${day.id}`);
    const legacy = await eventById(deps(), day.id);
    expect(await outcomeOf(changeEvent(deps(), agent, legacy, { attendance: 30 }))).toBe("ok");
    expect(await eventById(deps(), day.id)).toMatchObject({ attendance: 30, title: "", location: " Kokkola " });
  });

  it("refuses a change that would leave the day without any title (kills: requireTitle in changedTexts removed)", async () => {
    const day = await create({ title: "Syyspäivä", titleSv: null });
    expect(await outcomeOf(changeEvent(deps(), national, day, { title: " " }))).toBe("validation_failed:title/required");
    expect((await eventById(deps(), day.id)).title).toBe("Syyspäivä");
    expect(await auditLines(db)).toHaveLength(1);
  });

  it("audits the change as given, against the day's region (kills: the audit's action, regionCode, target, details)", async () => {
    const day = await create();
    await clearAudit();
    await changeEvent(deps(), agent, day, { attendance: 25, date: "2019-09-05" });
    await changeEvent(deps(), national, await eventById(deps(), day.id), { regionCode: "01" });
    expect(await auditLines(db)).toEqual([
      {
        userId: agent.userId,
        actor: null,
        action: "event_updated",
        regionCode: "16",
        target: `event:${day.id}`,
        details: { attendance: 25, date: "2019-09-05" },
      },
      {
        userId: national.userId,
        actor: null,
        action: "event_updated",
        regionCode: "01",
        target: `event:${day.id}`,
        details: { regionCode: "01" },
      },
    ]);
    expect(await eventById(deps(), day.id)).toMatchObject({ attendance: 25, date: "2019-09-05", title: "Syyspäivä" });
  });
});

describe("the survey window", () => {
  it("opening takes a future opening back to now, keeps a past one, clears the closing, and is refused on a published day (kills: the opensAt ternary, requireNotPublished)", async () => {
    const later = await create();
    await scheduleSurvey(deps(), national, later, { opensAt: "2019-09-05T09:00:00Z", closesAt: "2019-09-06T09:00:00Z" });
    await openSurvey(deps(), national, await eventById(deps(), later.id));
    expect(await eventById(deps(), later.id)).toMatchObject({ opensAt: NOW, closesAt: null });

    const earlier = await create();
    await scheduleSurvey(deps(), national, earlier, { opensAt: "2019-09-01T09:00:00Z" });
    await openSurvey(deps(), national, await eventById(deps(), earlier.id));
    expect(await eventById(deps(), earlier.id)).toMatchObject({ opensAt: Date.parse("2019-09-01T09:00:00Z"), closesAt: null });

    const never = await create();
    await openSurvey(deps(), national, never);
    expect(await eventById(deps(), never.id)).toMatchObject({ opensAt: null, closesAt: null });

    await publish(never.id);
    const error = await openSurvey(deps(), national, await eventById(deps(), never.id)).catch((e: { code: string; fields: unknown }) => e);
    expect(error).toMatchObject({
      code: "conflict",
      fields: [{ key: "survey", code: "published", message: "the day has a published result; its survey stays closed" }],
    });
  });

  it("closing closes now and audits it; opening audits too (kills: closesAt: deps.now(), the audit actions)", async () => {
    const day = await create();
    await clearAudit();
    await closeSurvey(deps(), agent, day);
    expect((await eventById(deps(), day.id)).closesAt).toBe(NOW);
    await openSurvey(deps(), agent, await eventById(deps(), day.id));
    expect(await auditLines(db)).toEqual([
      { userId: agent.userId, actor: null, action: "survey_closed", regionCode: "16", target: `event:${day.id}`, details: null },
      { userId: agent.userId, actor: null, action: "survey_opened", regionCode: "16", target: `event:${day.id}`, details: null },
    ]);
  });

  it("schedules only the ends given, null clearing one, none changing nothing (kills: toMs's conditions, the spreads of opensAt and closesAt → true/false)", async () => {
    const day = await create();
    const closing = day.closesAt;
    await scheduleSurvey(deps(), national, day, { opensAt: "2019-09-04T12:00:00+03:00" });
    expect(await eventById(deps(), day.id)).toMatchObject({ opensAt: Date.parse("2019-09-04T09:00:00Z"), closesAt: closing });
    await scheduleSurvey(deps(), national, await eventById(deps(), day.id), { closesAt: null });
    expect(await eventById(deps(), day.id)).toMatchObject({ opensAt: Date.parse("2019-09-04T09:00:00Z"), closesAt: null });
    await scheduleSurvey(deps(), national, await eventById(deps(), day.id), { opensAt: null, closesAt: "2019-09-10T00:00:00Z" });
    expect(await eventById(deps(), day.id)).toMatchObject({ opensAt: null, closesAt: Date.parse("2019-09-10T00:00:00Z") });
    // Neither end named: nothing changes, and no error (was drizzle's "No values to set", a 500 on PATCH /api/events/:id/survey).
    expect(await outcomeOf(scheduleSurvey(deps(), national, await eventById(deps(), day.id), {}))).toBe("ok");
    expect(await eventById(deps(), day.id)).toMatchObject({ opensAt: null, closesAt: Date.parse("2019-09-10T00:00:00Z") });
  });

  it("refuses a closing at or before the opening, the stored end counting when only one is given (kills: <= → <, the final ternaries, each null check, finalOpens !== null → true)", async () => {
    const day = await create(); // closes 2019-09-07T20:59Z by default
    const order = "validation_failed:closesAt/order";
    const fields = await scheduleSurvey(deps(), national, day, { opensAt: "2019-09-08T00:00:00Z" }).catch(
      (e: { fields: unknown }) => e.fields,
    );
    expect(fields).toEqual([{ key: "closesAt", code: "order", message: "closesAt must be after opensAt" }]);
    expect(await outcomeOf(scheduleSurvey(deps(), national, day, { opensAt: "2019-09-07T20:59:00Z" }))).toBe(order);
    expect(await outcomeOf(scheduleSurvey(deps(), national, day, { opensAt: "2019-09-08T00:00:00Z" }))).toBe(order);
    expect(await outcomeOf(scheduleSurvey(deps(), national, day, { opensAt: "2019-09-07T20:58:59Z" }))).toBe("ok");
    const opened = await eventById(deps(), day.id);
    expect(await outcomeOf(scheduleSurvey(deps(), national, opened, { closesAt: "2019-09-07T20:58:59Z" }))).toBe(order);
    expect(await outcomeOf(scheduleSurvey(deps(), national, opened, { closesAt: "2019-09-01T00:00:00Z" }))).toBe(order);
    // Without an opening or a closing, any other end is fine (even one before 1970: no end is not 0).
    const unopened = await create();
    expect(await outcomeOf(scheduleSurvey(deps(), national, unopened, { closesAt: "1969-12-31T00:00:00Z" }))).toBe("ok");
    expect(await outcomeOf(scheduleSurvey(deps(), national, opened, { opensAt: null, closesAt: "2019-09-01T00:00:00Z" }))).toBe("ok");
    expect(
      await outcomeOf(
        scheduleSurvey(deps(), national, await eventById(deps(), day.id), { opensAt: "2019-09-30T00:00:00Z", closesAt: null }),
      ),
    ).toBe("ok");
    expect(await eventById(deps(), day.id)).toMatchObject({ opensAt: Date.parse("2019-09-30T00:00:00Z"), closesAt: null });
  });

  it("refuses to schedule a published day, and audits a schedule with the ends as given (kills: requireNotPublished, the audit's details)", async () => {
    const day = await create();
    await clearAudit();
    await scheduleSurvey(deps(), agent, day, { opensAt: "2019-09-04T12:00:00+03:00", closesAt: null });
    expect(await auditLines(db)).toEqual([
      {
        userId: agent.userId,
        actor: null,
        action: "survey_scheduled",
        regionCode: "16",
        target: `event:${day.id}`,
        details: { opensAt: "2019-09-04T12:00:00+03:00", closesAt: null },
      },
    ]);
    await publish(day.id);
    expect(await outcomeOf(scheduleSurvey(deps(), national, await eventById(deps(), day.id), { closesAt: null }))).toBe(
      "conflict:survey/published",
    );
  });
});

describe("the day's own questions", () => {
  it("lists the core set, then the day's own, locked once a real answer is in (kills: extraQuestionSetId === null → false, responseCount > 0 → >= 0)", async () => {
    const day = await create();
    const before = await eventQuestions(deps(), day);
    expect(before.locked).toBe(false);
    expect(before.day).toEqual([]);
    expect(before.core.length).toBeGreaterThan(0);
    expect(before.core.map((q) => q.key)).toContain("grade");
    const id = await addQuestion(deps(), national, day, gradeQuestion);
    const after = await eventQuestions(deps(), await eventById(deps(), day.id));
    expect(after.day.map((q) => q.id)).toEqual([id]);
    expect(after.core).toEqual(before.core);
    await addComments(db, day.surveyId, [{ text: "Hyvä" }]);
    expect((await eventQuestions(deps(), await eventById(deps(), day.id))).locked).toBe(true);
  });

  it("finds one of the day's own questions, never a core one or another day's (kills: ownQuestion's find and not_found)", async () => {
    const day = await create();
    const other = await create();
    expect(await outcomeOf(ownQuestion(deps(), day, 1))).toBe("not_found");
    const id = await addQuestion(deps(), national, day, gradeQuestion);
    const otherId = await addQuestion(deps(), national, other, gradeQuestion);
    const found = await ownQuestion(deps(), await eventById(deps(), day.id), id);
    expect(found).toMatchObject({ locked: false, question: { id, kind: "grade" } });
    expect(await outcomeOf(ownQuestion(deps(), await eventById(deps(), day.id), otherId))).toBe("not_found");
    const core = (await eventQuestions(deps(), day)).core[0]!.id;
    expect(await outcomeOf(ownQuestion(deps(), await eventById(deps(), day.id), core))).toBe("not_found");
    await addComments(db, day.surveyId, [{ text: "Hyvä" }]);
    expect((await ownQuestion(deps(), await eventById(deps(), day.id), id)).locked).toBe(true);
  });

  it("stores each kind's scale, options and text limit (kills: storedQuestion's fields, maxLength ?? 2000, the kind conditions)", async () => {
    const day = await create();
    const grade = await addQuestion(deps(), national, day, { ...gradeQuestion, required: true });
    const current = () => eventById(deps(), day.id);
    const likert = await addQuestion(deps(), national, await current(), {
      kind: "likert",
      required: false,
      text: { fi: "Samaa mieltä?", sv: "", en: "" },
    });
    const text = await addQuestion(deps(), national, await current(), {
      kind: "text",
      required: false,
      text: { fi: "Kerro", sv: "Berätta", en: "" },
    });
    const short = await addQuestion(deps(), national, await current(), {
      kind: "text",
      required: false,
      text: { fi: "Lyhyesti", sv: "", en: "" },
      maxLength: 50,
    });
    const choice = await addQuestion(deps(), national, await current(), {
      kind: "choice",
      required: false,
      text: { fi: "Valitse", sv: "", en: "Choose" },
      options: [
        { value: "a", fi: "Aamu", sv: "", en: "Morning" },
        { value: "b", fi: "Ilta", sv: "", en: "Evening" },
      ],
    });
    const rows = await db.all<Record<string, unknown>>(
      sql`SELECT id, kind, required, text_fi, text_sv, text_en, scale_min, scale_max, scale_step, options_json, max_length FROM question WHERE set_id = ${(await current()).extraQuestionSetId} ORDER BY position`,
    );
    expect(rows).toEqual([
      {
        id: grade,
        kind: "grade",
        required: 1,
        text_fi: "Arvosana päivälle?",
        text_sv: "",
        text_en: "",
        scale_min: 4,
        scale_max: 10,
        scale_step: 1,
        options_json: null,
        max_length: null,
      },
      {
        id: likert,
        kind: "likert",
        required: 0,
        text_fi: "Samaa mieltä?",
        text_sv: "",
        text_en: "",
        scale_min: 1,
        scale_max: 5,
        scale_step: 1,
        options_json: null,
        max_length: null,
      },
      {
        id: text,
        kind: "text",
        required: 0,
        text_fi: "Kerro",
        text_sv: "Berätta",
        text_en: "",
        scale_min: null,
        scale_max: null,
        scale_step: null,
        options_json: null,
        max_length: 2000,
      },
      {
        id: short,
        kind: "text",
        required: 0,
        text_fi: "Lyhyesti",
        text_sv: "",
        text_en: "",
        scale_min: null,
        scale_max: null,
        scale_step: null,
        options_json: null,
        max_length: 50,
      },
      {
        id: choice,
        kind: "choice",
        required: 0,
        text_fi: "Valitse",
        text_sv: "",
        text_en: "Choose",
        scale_min: null,
        scale_max: null,
        scale_step: null,
        options_json: JSON.stringify([
          { value: "a", fi: "Aamu", sv: "", en: "Morning" },
          { value: "b", fi: "Ilta", sv: "", en: "Evening" },
        ]),
        max_length: null,
      },
    ]);
  });

  it("changes and removes only the day's own questions, and audits each (kills: the not_found conditions, the audit lines)", async () => {
    const day = await create();
    await clearAudit();
    expect(await outcomeOf(changeQuestion(deps(), national, day, 1, gradeQuestion))).toBe("not_found");
    expect(await outcomeOf(removeQuestion(deps(), national, day, 1))).toBe("not_found");
    const id = await addQuestion(deps(), agent, day, gradeQuestion);
    const withSet = await eventById(deps(), day.id);
    // A core question's id is not the day's, even once the day has its own set.
    expect(await outcomeOf(changeQuestion(deps(), national, withSet, 1, gradeQuestion))).toBe("not_found");
    expect(await outcomeOf(removeQuestion(deps(), national, withSet, 1))).toBe("not_found");
    await changeQuestion(deps(), agent, withSet, id, { kind: "text", required: true, text: { fi: "Kerro lisää", sv: "", en: "" } });
    expect(await db.all(sql`SELECT kind, required, text_fi, max_length FROM question WHERE id = ${id}`)).toEqual([
      { kind: "text", required: 1, text_fi: "Kerro lisää", max_length: 2000 },
    ]);
    await removeQuestion(deps(), agent, withSet, id);
    expect(await db.all(sql`SELECT id FROM question WHERE id = ${id}`)).toEqual([]);
    const target = `event:${day.id}`;
    expect(await auditLines(db)).toEqual([
      { userId: agent.userId, actor: null, action: "question_added", regionCode: "16", target, details: { questionId: id, kind: "grade" } },
      {
        userId: agent.userId,
        actor: null,
        action: "question_changed",
        regionCode: "16",
        target,
        details: { questionId: id, kind: "text" },
      },
      { userId: agent.userId, actor: null, action: "question_removed", regionCode: "16", target, details: { questionId: id } },
    ]);
  });

  it("refuses to add, change or remove a question once the survey has a real answer (kills: requireNoAnswers removed, > 0 → >= 0)", async () => {
    const day = await create();
    const id = await addQuestion(deps(), national, day, gradeQuestion);
    await addComments(db, day.surveyId, [{ text: "Hyvä" }]);
    const answered = await eventById(deps(), day.id);
    const refused = "conflict:questions/has_answers";
    const fields = await addQuestion(deps(), national, answered, gradeQuestion).catch((e: { fields: unknown }) => e.fields);
    expect(fields).toEqual([{ key: "questions", code: "has_answers", message: "the survey already has answers" }]);
    expect(await outcomeOf(addQuestion(deps(), national, answered, gradeQuestion))).toBe(refused);
    expect(await outcomeOf(changeQuestion(deps(), national, answered, id, gradeQuestion))).toBe(refused);
    expect(await outcomeOf(removeQuestion(deps(), national, answered, id))).toBe(refused);
    expect(await db.all(sql`SELECT id FROM question WHERE set_id = ${answered.extraQuestionSetId}`)).toEqual([{ id }]);
  });
});
