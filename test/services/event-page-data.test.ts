import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { programme, survey } from "../../src/db/schema";
import { addEventQuestion } from "../../src/queries/event-questions";
import { getEvent, type EventRow } from "../../src/queries/events";
import { listRegions } from "../../src/queries/regions";
import { serviceContext } from "../../src/services/context";
import { eventFormOptions, eventPageData, requireEventFormOptions } from "../../src/services/event-page-data";
import { createDisplayLink } from "../../src/services/presenter-display";
import { chooseReadableSlug } from "../../src/services/readable-slugs";
import { answerInTestMode } from "../../src/services/test-answers";
import { createTestUser, testPrincipal } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// What a day's staff page and the day form are given, read through the service on a real in-memory
// database with the real migrations: the form's options by who may write where, and the day page's
// parts that only a writer sees (the form, test answers, the display link) beside those everyone
// sees. Each test names the mutant of src/services/event-page-data.ts it holds in place.

const NOW = Date.parse("2019-09-04T08:00:00Z");
let db: Db;
let day: EventRow;
let national: SessionPrincipal;
let agent16: SessionPrincipal;
const viewer16 = testPrincipal({ userId: 3, email: "v@test.example", name: "V", role: "viewer", regions: ["16"] });
const agent01 = testPrincipal({ userId: 4, email: "a01@test.example", name: "A01", role: "agent", regions: ["01"] });
const deps = () => serviceContext(db, { now: () => NOW });
const codes = (regions: readonly { code: string }[]) => regions.map((r) => r.code);

beforeEach(async () => {
  db = await createTestDb();
  // A programme listed before the day's own (same start, lower id): the day's must be found by its id.
  await db.insert(programme).values({ name: "Aiempi ohjelma" });
  const created = await createTestSurvey(db, { regionCode: "16" });
  const n = await createTestUser(db, "national");
  const a = await createTestUser(db, "agent", ["16"]);
  national = testPrincipal({ userId: n.id, email: n.email, name: "N", role: "national" });
  agent16 = testPrincipal({ userId: a.id, email: a.email, name: "A", role: "agent", regions: ["16"] });
  const [row] = await db.select({ extra: survey.extraQuestionSetId }).from(survey).where(eq(survey.id, created.surveyId));
  await addEventQuestion(
    db,
    { surveyId: created.surveyId, eventId: created.eventId, extraSetId: row!.extra },
    {
      kind: "text",
      required: false,
      textFi: "Mitä jäi mieleen?",
      textSv: "Vad minns du?",
      textEn: "What stays with you?",
      scale: null,
      optionsJson: null,
      maxLength: 500,
    },
  );
  day = (await getEvent(db, created.eventId))!;
});

describe("eventFormOptions", () => {
  it("an agent is offered their own regions and no national day; the national team every region and national days (kills: the writable filter, allowNational)", async () => {
    const all = await listRegions(db);
    const mine = (await eventFormOptions(deps(), agent16))!;
    expect(codes(mine.regions)).toEqual(["16"]);
    expect(mine.allowNational).toBe(false);
    expect(mine.programmes.map((p) => p.name)).toEqual(["Aiempi ohjelma", "Test programme"]);
    expect(mine.themes.map((t) => t.nameFi)).toEqual(["Testiteema"]);
    const everything = (await eventFormOptions(deps(), national))!;
    expect(codes(everything.regions)).toEqual(codes(all));
    expect(everything.regions.length).toBeGreaterThan(1);
    expect(everything.allowNational).toBe(true);
  });

  it("a viewer may create no day: null, and requireEventFormOptions answers forbidden (kills: writable.length === 0 && !allowNational → ||, false; the throw)", async () => {
    expect(await eventFormOptions(deps(), viewer16)).toBeNull();
    await expect(requireEventFormOptions(deps(), viewer16)).rejects.toMatchObject({ code: "forbidden" });
    expect(codes((await requireEventFormOptions(deps(), agent16)).regions)).toEqual(["16"]);
  });
});

describe("eventPageData", () => {
  beforeEach(async () => {
    await answerInTestMode(deps(), day, { submissionId: "t-1", lang: "fi", answers: new Map([["grade", ["8"]]]) });
    await answerInTestMode(deps(), day, { submissionId: "t-2", lang: "fi", answers: new Map([["grade", ["9"]]]) });
    await createDisplayLink(deps(), agent16, day);
    expect(await chooseReadableSlug(deps(), agent16, day, "kokkola-syksy")).toEqual({ ok: true, alias: "kokkola-syksy" });
  });

  it("a writer of the day sees the form, the test answers' count and when the display link was made, beside what everyone sees (kills: each writes ? … : … → false)", async () => {
    const data = await eventPageData(deps(), agent16, day);
    expect(codes(data.regions)).toEqual(codes(await listRegions(db)));
    expect(data.programmeName).toBe("Test programme");
    expect(data.core.map((q) => q.key)).toEqual(["grade", "usefulness", "sector", "good", "improve"]);
    expect(data.own.map((q) => [q.key, q.text.sv])).toEqual([["day_1", "Vad minns du?"]]);
    expect(codes(data.formOptions!.regions)).toEqual(["16"]);
    expect(data.testAnswers).toBe(2);
    expect(data.readableSlug).toBe("kokkola-syksy");
    expect(data.displayCreatedAt).toBe(NOW);
  });

  it("a reader who may not change the day gets no form, no test answers and no display link, but the same day (kills: writes → true, canWrite's region)", async () => {
    for (const reader of [viewer16, agent01]) {
      const data = await eventPageData(deps(), reader, day);
      expect(data).toMatchObject({ formOptions: null, testAnswers: 0, displayCreatedAt: null, readableSlug: "kokkola-syksy" });
      expect(data.programmeName).toBe("Test programme");
      expect(data.own).toHaveLength(1);
    }
  });

  it('a day whose programme is not listed names none (kills: the ?? "" fallback)', async () => {
    expect((await eventPageData(deps(), viewer16, { ...day, programmeId: 9_999 })).programmeName).toBe("");
  });
});
