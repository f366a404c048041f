import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { getEvent } from "../../src/queries/events";
import { serviceContext } from "../../src/services/context";
import { liveFiguresReader } from "../../src/services/live-figures";
import { deleteAnswers } from "../../src/services/retention";
import type { EventRow } from "../../src/queries/events";
import { createTestSurvey, type TestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// The presenter view's figures through the service on a real in-memory database with the real
// migrations, answers sent through the real survey route: the cache of one released step lasts its
// TTL and no longer, a cancelled day shows none, an archived day shows its kept tallies. Each test
// names the mutant of src/services/live-figures.ts it holds in place.

const TTL = 5_000;
const T0 = Date.parse("2026-01-15T10:00:00Z");
let db: Db;
let day: TestSurvey;
let clock: number;

const read = async (reader: ReturnType<typeof liveFiguresReader>) => reader((await getEvent(db, day.eventId))!, "fi");

beforeEach(async () => {
  db = await createTestDb();
  clock = T0;
  day = await createTestSurvey(db, { date: "2019-09-04" });
  const app = createApp({ db });
  for (let i = 0; i < 5; i++) {
    const res = await app.request(`/s/${day.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade: 8 } }),
    });
    expect(res.status).toBeLessThan(400);
  }
});

const answerAll = async (s: TestSurvey, grades: number[]) => {
  const app = createApp({ db });
  for (const grade of grades) {
    const res = await app.request(`/s/${s.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: { grade } }),
    });
    expect(res.status).toBeLessThan(400);
  }
};

// Changes the stored grades under the reader's feet, so a cached step shows the old mean.
const setAllGrades = (value: number) =>
  db.run(sql`UPDATE answer SET num_value = ${value} WHERE question_id IN (SELECT id FROM question WHERE key = 'grade')`);

describe("liveFiguresReader", () => {
  it("reuses a step's counts for the TTL and reads them again once it has passed (kills: expiresAt > now → >=, true, false; + ttl → − ttl)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    expect((await read(reader)).grade).toMatchObject({ n: 5, mean: 8 });
    await setAllGrades(6);
    clock = T0 + TTL - 1;
    expect((await read(reader)).grade?.mean).toBe(8);
    clock = T0 + TTL;
    expect((await read(reader)).grade?.mean).toBe(6);
  });

  it("names the day, and shows no figures below k answers (kills: the event object → {}, the empty counts → {})", async () => {
    const few = await createTestSurvey(db, { date: "2019-09-05" });
    const app = createApp({ db });
    for (let i = 0; i < 3; i++)
      await app.request(`/s/${few.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: { grade: 9 } }),
      });
    const event = (await getEvent(db, few.eventId))!;
    const figures = await liveFiguresReader(serviceContext(db, { now: () => clock }), TTL)(event, "fi");
    expect(figures).toMatchObject({
      event: { id: few.eventId, title: event.title, date: "2019-09-05" },
      responses: 3,
      released: 0,
      grade: null,
    });
  });

  it("a cancelled day shows its count but no figures (kills: cancelled ? 0 → released as counted)", async () => {
    await db.run(sql`UPDATE event SET cancelled_at = ${T0} WHERE id = ${day.eventId}`);
    const figures = await read(liveFiguresReader(serviceContext(db, { now: () => clock }), TTL));
    expect(figures).toMatchObject({ cancelled: true, responses: 5, released: 0, grade: null });
  });

  it("an archived day shows the tallies retention kept (kills: the archived branch of the counts and of the cache key)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    expect((await read(reader)).grade?.mean).toBe(8);
    await deleteAnswers(serviceContext(db, { now: () => clock }), { before: "2020-01-01" }, { dryRun: false });
    const figures = await read(reader);
    expect(figures.released).toBe(5);
    expect(figures.grade).toMatchObject({ n: 5, mean: 8 });
  });

  it("keeps each day's counts apart within the TTL (kills: the cache key's survey id → '')", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    const other = await createTestSurvey(db, { date: "2019-09-05" });
    await answerAll(other, [6, 6, 6, 6, 6]);
    expect((await read(reader)).grade).toMatchObject({ n: 5, mean: 8 });
    const second = await reader((await getEvent(db, other.eventId))!, "fi");
    expect(second.grade).toMatchObject({ n: 5, mean: 6 });
  });

  it("reads a new step at once, within the TTL of the last (kills: the key's step → one key per day, archivedAt === null → false, !== null)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    expect((await read(reader)).grade).toMatchObject({ n: 5, mean: 8 });
    await answerAll(day, [4, 4, 4, 4, 4]);
    // Ten answers: 8 ×5 and 4 ×5, mean 6, read at the same instant as the first five.
    expect((await read(reader)).grade).toMatchObject({ n: 10, mean: 6 });
  });

  it("an archived day's kept tallies replace the released step at once (kills: archivedAt === null → true in the cache key)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    await answerAll(day, [4, 4]);
    // Seven answers: the released step is the first five (8 ×5, mean 8) …
    expect((await read(reader)).grade).toMatchObject({ n: 5, mean: 8 });
    await deleteAnswers(serviceContext(db, { now: () => clock }), { before: "2020-01-01" }, { dryRun: false });
    // … and once archived, the kept tallies of all seven: (5·8 + 2·4) / 7 = 48 / 7, at the same instant.
    const archived = await read(reader);
    expect(archived.grade?.n).toBe(7);
    expect(archived.grade?.mean).toBeCloseTo(48 / 7, 12);
  });

  it("holds a step read a moment ago while another day is read (kills: the bound's size >= 200 → true, < 200)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    const other = await createTestSurvey(db, { date: "2019-09-05" });
    await answerAll(other, [6, 6, 6, 6, 6]);
    expect((await read(reader)).grade?.mean).toBe(8);
    await reader((await getEvent(db, other.eventId))!, "fi");
    await setAllGrades(6);
    expect((await read(reader)).grade?.mean).toBe(8);
  });

  it("forgets the oldest step after 200 others, not before (kills: the bound → false, size > 200)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    expect((await read(reader)).grade?.mean).toBe(8);
    await setAllGrades(6);
    // 199 more days (surveys with no answers stored: their counts are empty) fill the cache to 200
    // entries with the first still in it; the 201st evicts the oldest, the first day's step.
    const base = (await getEvent(db, day.eventId))!;
    const fake = (i: number): EventRow => ({ ...base, id: 100_000 + i, surveyId: 100_000 + i, responseCount: 5 });
    for (let i = 0; i < 199; i++) await reader(fake(i), "fi");
    expect((await read(reader)).grade?.mean).toBe(8);
    await reader(fake(199), "fi");
    expect((await read(reader)).grade?.mean).toBe(6);
  });

  it("forgets a failed read so the next poll reads again (kills: the catch's delete → () => undefined)", async () => {
    const reader = liveFiguresReader(serviceContext(db, { now: () => clock }), TTL);
    const event = (await getEvent(db, day.eventId))!;
    await db.run(sql`ALTER TABLE answer RENAME TO answer_away`);
    await expect(reader(event, "fi")).rejects.toThrow();
    await db.run(sql`ALTER TABLE answer_away RENAME TO answer`);
    expect((await reader(event, "fi")).grade).toMatchObject({ n: 5, mean: 8 });
  });
});
