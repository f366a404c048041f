import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { getEvent, type EventRow } from "../../src/queries/events";
import { commentCategories, createCommentCategory, tagComment } from "../../src/services/comment-categories";
import { commentReferencer, exploreComments } from "../../src/services/comment-explorer";
import { serviceContext } from "../../src/services/context";
import { createTestUser, testPrincipal } from "../helpers/accounts";
import { addComments, repeat } from "../helpers/comment-fixture";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// Comment categories through the service on a real in-memory database with the real migrations:
// the national team's list and its audit line, and tagging one released comment of a day by its
// ref (ids de-duplicated and sorted, unknown ids refused in the reader's language, a withheld
// list's or another day's comment not found, a cancelled day's still taggable), each tagging
// audited without the comment's text. Each test names the mutant of
// src/services/comment-categories.ts it holds in place.

const SECRET = "categories-test-secret";
const NOW = Date.parse("2019-12-01T10:00:00Z");
let db: Db;
let dayA: EventRow;
let dayB: EventRow;
let principal: SessionPrincipal;
let goodQuestion: number;
const deps = () => ({ ...serviceContext(db, { now: () => NOW }), identifierSecret: SECRET });
const audit = () =>
  db.all<{ user_id: number; action: string; region_code: string | null; target: string | null; details_json: string; at: number }>(
    sql`SELECT user_id, action, region_code, target, details_json, at FROM audit_log ORDER BY id`,
  );
const tags = () =>
  db.all<{ response_id: string; question_id: number; category_id: number }>(
    sql`SELECT response_id, question_id, category_id FROM comment_tag ORDER BY response_id, category_id`,
  );
const refsOf = async (event: EventRow) =>
  (await exploreComments(deps(), principal, { event: event.id })).comments.items.map((c) => ({ ref: c.ref, text: c.text }));
const newCategory = (fi: string, sv: string, en: string) => createCommentCategory(deps(), principal, { fi, sv, en });

beforeEach(async () => {
  db = await createTestDb();
  const a = await createTestSurvey(db, { regionCode: "16", date: "2019-09-04" });
  const b = await createTestSurvey(db, { regionCode: "16", date: "2019-11-06" });
  // Day A: five different comments (released); its "improve" list holds 4 (withheld whole).
  await addComments(db, a.surveyId, [
    ...["Aamu", "Bussi", "Cafe", "Dialogi", "Esitys"].map((text) => ({ text, grade: 9 })),
    ...repeat(4, (i) => ({ text: `Salainen ${i}`, grade: 8, question: "improve" as const })),
  ]);
  await addComments(
    db,
    b.surveyId,
    repeat(5, (i) => ({ text: `Toinen päivä ${i}`, grade: 9 })),
  );
  dayA = (await getEvent(db, a.eventId))!;
  dayB = (await getEvent(db, b.eventId))!;
  const user = await createTestUser(db, "national");
  principal = testPrincipal({ userId: user.id, email: user.email, name: "N", role: "national" });
  goodQuestion = (await db.all<{ id: number }>(sql`SELECT id FROM question WHERE set_id = 1 AND key = 'good'`))[0]!.id;
});

describe("the category list", () => {
  it("a new category is returned with its names, listed oldest first, and audited with its id (kills: the audit line's fields, the returned names)", async () => {
    const first = await newCategory("Koulutus", "Utbildning", "Training");
    const second = await newCategory("Aikataulu", "Tidtabell", "Schedule");
    expect(first).toEqual({ id: expect.any(Number), name: { fi: "Koulutus", sv: "Utbildning", en: "Training" } });
    expect(await commentCategories(deps())).toEqual([first, second]);
    expect(second.id).toBeGreaterThan(first.id);
    expect(await audit()).toEqual([
      {
        user_id: principal.userId,
        action: "comment_category_created",
        region_code: null,
        target: null,
        details_json: JSON.stringify({ category: first.id }),
        at: NOW,
      },
      {
        user_id: principal.userId,
        action: "comment_category_created",
        region_code: null,
        target: null,
        details_json: JSON.stringify({ category: second.id }),
        at: NOW,
      },
    ]);
  });
});

describe("tagComment", () => {
  it("tags exactly the comment its ref names, with the ids de-duplicated and sorted, and audits the day and question, never the text (kills: ref === → !==, the set and sort, the audit fields)", async () => {
    const [x, y] = [await newCategory("X", "X", "X"), await newCategory("Y", "Y", "Y")];
    const target = (await refsOf(dayA)).find((c) => c.text === "Cafe")!;
    const result = await tagComment(deps(), principal, dayA, { ref: target.ref, categories: [y.id, x.id, y.id] }, "fi");
    expect(result).toEqual({ categories: [x.id, y.id] });
    const [cafe] = await db.all<{ id: string }>(sql`SELECT response_id AS id FROM answer WHERE text_value = 'Cafe'`);
    expect(await tags()).toEqual([
      { response_id: cafe!.id, question_id: goodQuestion, category_id: x.id },
      { response_id: cafe!.id, question_id: goodQuestion, category_id: y.id },
    ]);
    const line = (await audit()).at(-1)!;
    expect(line).toEqual({
      user_id: principal.userId,
      action: "comment_tagged",
      region_code: "16",
      target: `event:${dayA.id}`,
      details_json: JSON.stringify({ question: "good", categories: [x.id, y.id] }),
      at: NOW,
    });
    expect(line.details_json).not.toContain("Cafe");
    // An empty list removes the tags.
    expect(await tagComment(deps(), principal, dayA, { ref: target.ref, categories: [] }, "fi")).toEqual({ categories: [] });
    expect(await tags()).toEqual([]);
  });

  it("refuses an unknown category in the reader's language, storing nothing (kills: known.length !== categories.length → false/true, the field error's key, code and message)", async () => {
    const x = await newCategory("X", "X", "X");
    const target = (await refsOf(dayA))[0]!;
    await expect(tagComment(deps(), principal, dayA, { ref: target.ref, categories: [x.id, x.id + 100] }, "sv")).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ key: "categories", code: "unknown", message: "Kontrollera det här fältet." }],
    });
    expect(await tags()).toEqual([]);
  });

  it("a ref of another day, an unknown ref, or a comment of a withheld list is not found (kills: the day filter, !target → false, the release rule)", async () => {
    const x = await newCategory("X", "X", "X");
    const ofB = (await refsOf(dayB))[0]!.ref;
    await expect(tagComment(deps(), principal, dayA, { ref: ofB, categories: [x.id] }, "fi")).rejects.toMatchObject({ code: "not_found" });
    await expect(tagComment(deps(), principal, dayA, { ref: "0".repeat(32), categories: [x.id] }, "fi")).rejects.toMatchObject({
      code: "not_found",
    });
    const [withheld] = await db.all<{ id: string; question_id: number }>(
      sql`SELECT response_id AS id, question_id FROM answer WHERE text_value = 'Salainen 0'`,
    );
    const ref = await (await commentReferencer(SECRET))({ responseId: withheld!.id, questionId: withheld!.question_id });
    await expect(tagComment(deps(), principal, dayA, { ref, categories: [x.id] }, "fi")).rejects.toMatchObject({ code: "not_found" });
    expect(await tags()).toEqual([]);
  });

  it("a cancelled day's released comments can still be tagged (kills: includeCancelled → false, regions 'all' → '')", async () => {
    const x = await newCategory("X", "X", "X");
    const target = (await refsOf(dayA))[1]!;
    await db.run(sql`UPDATE event SET cancelled_at = ${NOW} WHERE id = ${dayA.id}`);
    const cancelled = (await getEvent(db, dayA.id))!;
    expect(await tagComment(deps(), principal, cancelled, { ref: target.ref, categories: [x.id] }, "fi")).toEqual({ categories: [x.id] });
    expect(await tags()).toHaveLength(1);
  });
});
