import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommentExplorerResponse } from "../../src/api-types";
import type { Db } from "../../src/db/client";
import { serviceContext } from "../../src/services/context";
import { commentReferencer, type ExplorerSelection, explorerPage, exploreComments } from "../../src/services/comment-explorer";
import { testPrincipal } from "../helpers/accounts";
import { addComments, repeat } from "../helpers/comment-fixture";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The comment explorer through the service on a real in-memory database with the real migrations,
// days built with exact cell sizes (k = 5): who reads which region's comments, what a selection
// releases (a day's list under k withheld whole, a result under k hidden), the order (text, day,
// then the keyed hash, never arrival), the terms and the contrasts counted by hand, and category
// counts under the k rule. Each test names the mutant of src/services/comment-explorer.ts it holds
// in place.

const SECRET = "explorer-test-secret";
let db: Db;
const day: Record<"a" | "b" | "late16" | "c01" | "late01" | "d15" | "national", number> = {
  a: 0,
  b: 0,
  late16: 0,
  c01: 0,
  late01: 0,
  d15: 0,
  national: 0,
};
let goodQuestion: number;
let categories: number[];
const deps = () => ({ ...serviceContext(db), identifierSecret: SECRET });
const national = testPrincipal({ userId: 1, email: "n@test.example", name: "N", role: "national" });
const agent16 = testPrincipal({ userId: 2, email: "a@test.example", name: "A", role: "agent", regions: ["16"] });
const agent1601 = testPrincipal({ userId: 3, email: "b@test.example", name: "B", role: "agent", regions: ["01", "16"] });
const YEAR_2019 = { from: "2019-01-01", to: "2019-12-31" } as const;
const explore = (principal: typeof national, selection: ExplorerSelection) => exploreComments(deps(), principal, selection);
const texts = (figures: CommentExplorerResponse) => figures.comments.items.map((c) => c.text);
/** The ref as the explorer's rule defines it, computed here with node:crypto: HMAC-SHA-256 of
 *  "comment:<response id>:<question id>" under the secret, its first 32 hex characters. */
const expectedRef = (responseId: string, questionId: number) =>
  createHmac("sha256", SECRET).update(`comment:${responseId}:${questionId}`).digest("hex").slice(0, 32);
const responsesOf = async (eventId: number, text: string) =>
  (
    await db.all<{ id: string }>(
      sql`SELECT r.id FROM response r JOIN survey s ON s.id = r.survey_id JOIN answer a ON a.response_id = r.id
        WHERE s.event_id = ${eventId} AND a.text_value = ${text}`,
    )
  ).map((row) => row.id);

beforeAll(async () => {
  db = await createTestDb();
  const make = async (region: string | null, date: string, comments: Parameters<typeof addComments>[2]) => {
    const s = await createTestSurvey(db, { regionCode: region, date });
    await addComments(db, s.surveyId, comments);
    return s.eventId;
  };
  // Day A (16): 6 identical praises graded 9, 5 complaints of haste graded 8 (7–8), 5 of coffee
  // graded 5 (4–6): every language × band cell holds k or more. Its "improve" list holds 4: withheld.
  day.a = await make("16", "2019-09-04", [
    ...repeat(6, () => ({ text: "Hyvä päivä", grade: 9 })),
    ...repeat(5, () => ({ text: "Kiire", grade: 8 })),
    ...repeat(5, () => ({ text: "Huono kahvi", grade: 5 })),
    ...repeat(4, () => ({ text: "Lisää taukoja", grade: 9, question: "improve" as const })),
  ]);
  // Day B (16): the same praise, graded 10: identical texts of two days.
  day.b = await make(
    "16",
    "2019-11-06",
    repeat(5, () => ({ text: "Hyvä päivä", grade: 10 })),
  );
  day.late16 = await make(
    "16",
    "2020-02-01",
    repeat(5, () => ({ text: "Myöhäinen", grade: 8 })),
  );
  day.c01 = await make(
    "01",
    "2019-10-01",
    repeat(5, () => ({ text: "Uusimaa kiittää", grade: 9 })),
  );
  day.late01 = await make(
    "01",
    "2020-03-01",
    repeat(5, () => ({ text: "Uusimaa myöhemmin", grade: 9 })),
  );
  day.d15 = await make(
    "15",
    "2019-10-02",
    repeat(5, () => ({ text: "Pohjanmaa kiittää", grade: 9 })),
  );
  day.national = await make(
    null,
    "2019-03-20",
    repeat(5, () => ({ text: "Kansallinen avaus", grade: 9 })),
  );
  goodQuestion = (await db.all<{ id: number }>(sql`SELECT id FROM question WHERE set_id = 1 AND key = 'good'`))[0]!.id;
  for (const [fi, sv, en] of [
    ["Koulutus", "Utbildning", "Training"],
    ["Aikataulu", "Tidtabell", "Schedule"],
  ])
    await db.run(sql`INSERT INTO comment_category (name_fi, name_sv, name_en) VALUES (${fi}, ${sv}, ${en})`);
  categories = (await db.all<{ id: number }>(sql`SELECT id FROM comment_category ORDER BY id`)).map((row) => row.id);
  // Day B's five praises: all in the first category, four also in the second, written second first.
  const praisesB = await responsesOf(day.b, "Hyvä päivä");
  for (const [i, responseId] of praisesB.entries()) {
    if (i < 4)
      await db.run(
        sql`INSERT INTO comment_tag (response_id, question_id, category_id) VALUES (${responseId}, ${goodQuestion}, ${categories[1]})`,
      );
    await db.run(
      sql`INSERT INTO comment_tag (response_id, question_id, category_id) VALUES (${responseId}, ${goodQuestion}, ${categories[0]})`,
    );
  }
});

describe("who reads which comments", () => {
  it("a reader of one region gets its released comments and the national days', never another region's (kills: the regions of the day filter)", async () => {
    const figures = await explore(agent16, {});
    // A 16 + B 5 + late16 5 + national 5; A's "improve" list of 4 withheld.
    expect(figures.comments).toMatchObject({ suppressed: false, n: 31, withheldLists: 1 });
    expect(new Set(figures.comments.items.map((c) => c.eventId))).toEqual(new Set([day.a, day.b, day.late16, day.national]));
    expect(figures.minCell).toBe(5);
  });

  it("asking for another region is forbidden; the national team may ask for any (kills: each condition of the forbidden check → true/false)", async () => {
    await expect(explore(agent16, { region: "01" })).rejects.toMatchObject({ code: "forbidden" });
    const capital = await explore(national, { region: "01" });
    expect(capital.comments.n).toBe(10);
    expect(new Set(texts(capital))).toEqual(new Set(["Uusimaa kiittää", "Uusimaa myöhemmin"]));
    expect((await explore(agent16, { region: "16" })).comments.n).toBe(26);
  });
});

describe("what a selection releases, and in which order", () => {
  it("orders by text, then by day, then by the keyed hash: never by arrival (kills: the comparator's mutants)", async () => {
    const figures = await explore(agent16, { region: "16", ...YEAR_2019 });
    const refsOf = async (eventId: number) => (await responsesOf(eventId, "Hyvä päivä")).map((id) => expectedRef(id, goodQuestion)).sort();
    const [firstDay, secondDay] = day.a < day.b ? [day.a, day.b] : [day.b, day.a];
    expect(figures.comments.items.map((c) => [c.text, c.eventId, c.ref])).toEqual([
      ...repeat(5, () => ["Huono kahvi", day.a, expect.any(String)]),
      ...(await refsOf(firstDay)).map((ref) => ["Hyvä päivä", firstDay, ref]),
      ...(await refsOf(secondDay)).map((ref) => ["Hyvä päivä", secondDay, ref]),
      ...repeat(5, () => ["Kiire", day.a, expect.any(String)]),
    ]);
  });

  it("names each comment by the keyed hash of its answer, with its day, region, question, shown language and no category (kills: the item's fields, the ref's text and length)", async () => {
    const figures = await explore(agent16, { event: day.a });
    // The first item: of the five identical coffee comments, the one with the smallest ref.
    const [first] = (await responsesOf(day.a, "Huono kahvi"))
      .map((id) => ({ id, ref: expectedRef(id, goodQuestion) }))
      .sort((x, y) => (x.ref < y.ref ? -1 : 1));
    expect(figures.comments.items[0]).toEqual({
      ref: first!.ref,
      text: "Huono kahvi",
      date: "2019-09-04",
      eventId: day.a,
      region: "16",
      question: "good",
      lang: "fi",
      categories: [],
    });
    const refs = figures.comments.items.map((c) => c.ref);
    expect(new Set(refs).size).toBe(16);
    expect(refs.every((ref) => /^[0-9a-f]{32}$/.test(ref))).toBe(true);
    const referencer = await commentReferencer(SECRET);
    expect(await referencer({ responseId: first!.id, questionId: goodQuestion })).toBe(first!.ref);
  });

  it("filters respondents by grade band within the released cells (kills: respondentFilter → {})", async () => {
    const low = await explore(agent16, { region: "16", band: "4-6" });
    expect(texts(low)).toEqual(repeat(5, () => "Huono kahvi"));
    // 7–8: day A's haste and the late day, graded 8.
    expect((await explore(agent16, { region: "16", band: "7-8" })).comments.n).toBe(10);
    expect((await explore(agent16, { region: "16", language: "sv" })).comments).toMatchObject({ suppressed: true, n: null, items: [] });
  });

  it("searches the released comments and hides a result under k whole (kills: q ?? '', the search filter, the suppressed branch)", async () => {
    expect(texts(await explore(agent16, { region: "16", q: "kahvi" }))).toEqual(repeat(5, () => "Huono kahvi"));
    const few = await explore(agent16, { region: "16", q: "taukoja" });
    expect(few.comments).toEqual({ suppressed: true, n: null, withheldLists: 1, items: [] });
    expect(few.terms).toEqual([]);
    expect(few.categories.map((c) => c.n)).toEqual([null, null]);
  });
});

describe("terms, phrases and categories", () => {
  it("counts each term and phrase used by k comments or more, by hand (kills: the word/phrase kinds, the term objects)", async () => {
    const figures = await explore(agent16, { region: "16", ...YEAR_2019 });
    // 11 × "Hyvä päivä", 5 × "Kiire", 5 × "Huono kahvi".
    expect(figures.terms).toEqual([
      { label: "hyvä", count: 11 },
      { label: "päivä", count: 11 },
      { label: "huono", count: 5 },
      { label: "kahvi", count: 5 },
      { label: "kiire", count: 5 },
    ]);
    expect(figures.phrases).toEqual([
      { label: "hyvä päivä", count: 11 },
      { label: "huono kahvi", count: 5 },
    ]);
  });

  it("counts the shown comments in each category, hiding a count under k, ids in order (kills: the category filter, parseIds, the suppress of the count)", async () => {
    const dayB = await explore(agent16, { event: day.b });
    expect(dayB.comments.items.map((c) => c.categories)).toEqual(expect.arrayContaining([[categories[0], categories[1]], [categories[0]]]));
    expect(dayB.comments.items.filter((c) => c.categories.length === 2)).toHaveLength(4);
    expect(dayB.categories).toEqual([
      { id: categories[0], name: { fi: "Koulutus", sv: "Utbildning", en: "Training" }, n: 5 },
      { id: categories[1], name: { fi: "Aikataulu", sv: "Tidtabell", en: "Schedule" }, n: null },
    ]);
    // Day A's comments carry no category: both counts are 0, shown as hidden.
    expect((await explore(agent16, { event: day.a })).categories.map((c) => c.n)).toEqual([null, null]);
  });
});

describe("contrasts", () => {
  it("low grades (4–6 and 7–8) against high (9–10), with the scores computed by hand (kills: LOW_BANDS, the band filters, the totals)", async () => {
    const figures = await explore(agent16, { region: "16", ...YEAR_2019, compare: "grade" });
    expect(figures.contrast).toMatchObject({ by: "grade", a: { n: 10 }, b: { n: 11 } });
    const terms = new Map(figures.contrast!.terms.map((t) => [t.label, t]));
    // "päivä": A 0 of 10, B 11 of 11. Chi-square 21·(0·0 − 10·11)² / (10·11·11·10) = 21;
    // log odds ratio ln((0.5·0.5) / (10.5·11.5)).
    expect(terms.get("päivä")).toEqual({
      label: "päivä",
      countA: 0,
      countB: 11,
      chiSquare: expect.closeTo(21, 10),
      logOddsRatio: expect.closeTo(Math.log(0.25 / 120.75), 10),
      leans: "b",
    });
    // "kahvi": A 5 of 10, B 0 of 11. Chi-square 21·(5·11)² / (10·11·5·16) = 7.21875; ln(5.5·11.5 / (5.5·0.5)) = ln 23.
    expect(terms.get("kahvi")).toEqual({
      label: "kahvi",
      countA: 5,
      countB: 0,
      chiSquare: expect.closeTo(7.21875, 10),
      logOddsRatio: expect.closeTo(Math.log(23), 10),
      leans: "a",
    });
    expect((await explore(agent16, { region: "16" })).contrast).toBeNull();
  });

  it("a region against the rest of the country: other regions' days of the same period, never national days, never a region the reader cannot read (kills: the rest's filters)", async () => {
    const all = await explore(national, { region: "16", ...YEAR_2019, compare: "region" });
    // A (16) + B (5) against 01's and 15's 2019 days (5 each); not the national day, not 2020.
    expect(all.contrast).toMatchObject({ by: "region", a: { n: 21 }, b: { n: 10 } });
    const terms = new Map(all.contrast!.terms.map((t) => [t.label, [t.countA, t.countB, t.leans]]));
    expect(terms.get("kiittää")).toEqual([0, 10, "b"]);
    expect(terms.get("päivä")).toEqual([11, 0, "a"]);
    const partial = await explore(agent1601, { region: "16", ...YEAR_2019, compare: "region" });
    expect(partial.contrast).toMatchObject({ by: "region", a: { n: 21 }, b: { n: 5 } });
    const empty = await explore(national, { region: "15", compare: "region", ...YEAR_2019, band: "4-6" });
    expect(empty.contrast).toMatchObject({ a: { n: null }, b: { n: 5 } });
  });

  it("a region contrast without a region is a validation error (kills: the region === undefined check)", async () => {
    await expect(explore(national, { compare: "region" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("explorerPage", () => {
  it("offers the readable regions and names the selected day only to a reader of it (kills: the regions filter, day && canRead)", async () => {
    const mine = await explorerPage(deps(), agent16, { event: day.a });
    expect(mine.choices.regions.map((r) => r.code)).toEqual(["16"]);
    expect(mine.choices.day).toMatchObject({ id: day.a, date: "2019-09-04", location: "Kokkola", mainLang: "fi" });
    expect(mine.categories).toEqual([
      { id: categories[0], name: { fi: "Koulutus", sv: "Utbildning", en: "Training" } },
      { id: categories[1], name: { fi: "Aikataulu", sv: "Tidtabell", en: "Schedule" } },
    ]);
    expect(mine.figures.comments.n).toBe(16);
    const other = await explorerPage(deps(), agent16, { event: day.c01 });
    expect(other.choices.day).toBeNull();
    expect(other.figures.comments.items).toEqual([]);
    const none = await explorerPage(deps(), national, {});
    expect(none.choices.day).toBeNull();
    expect(none.choices.regions.length).toBeGreaterThan(2);
    expect(none.choices.programmes.map((p) => p.name)).toEqual(["Test programme"]);
    expect(none.choices.themes.map((t) => t.nameFi)).toEqual(["Testiteema"]);
  });
});
