import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { getEvent } from "../../src/queries/events";
import { serviceContext } from "../../src/services/context";
import { liveFiguresReader } from "../../src/services/live-figures";
import { deleteAnswers } from "../../src/services/retention";
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
});
