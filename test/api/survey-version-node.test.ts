import { eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNodeEnv } from "../../src/config/node-env";
import { createDb, type Db } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { event, survey } from "../../src/db/schema";
import { startNodeServer, type RunningServer } from "../../src/node";
import { addEventQuestion } from "../../src/queries/event-questions";
import { databaseFileOf } from "../../src/queries/survey-version-statement";
import { createTestSurvey } from "../helpers/factories";

// The Node entry on an embedded file reads each survey's version (window, published and cancelled
// state, question sets) through a statement prepared once on a connection of its own, once per
// event-loop turn for all requests waiting for it (src/queries/survey-version-statement.ts,
// src/http/read-per-turn.ts). These tests change a survey from another connection, as a second
// process would (the CLI, a second server), and expect the very next request to see it: no read
// is ever kept from before the request arrived.
let dir: string;
let server: RunningServer;
let client: Client;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palaute-version-"));
  const url = `file:${join(dir, "palaute.db")}`;
  server = await startNodeServer(parseNodeEnv({ PORT: "0", HOST: "127.0.0.1", LIBSQL_URL: url, DEMO_DATA: "off" }), { quiet: true });
  client = await openNodeDatabase({ url });
  db = createDb(client);
});

afterAll(async () => {
  await server?.close();
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (slug: string) => fetch(`${server.url}/s/${slug}?lang=en`, { headers: { accept: "text/html" } });
const answer = (slug: string) =>
  fetch(`${server.url}/s/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ answers: { grade: 8 } }),
  });

describe("the survey's state on the Node server, changed by another connection", () => {
  it("closes, reopens, cancels and publishes at once, for views and answers", async () => {
    const day = await createTestSurvey(db);
    expect((await form(day.slug)).status).toBe(200);

    await db
      .update(survey)
      .set({ closesAt: Date.now() - 1 })
      .where(eq(survey.id, day.surveyId));
    const closed = await form(day.slug);
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain("The survey is closed");
    expect((await answer(day.slug)).status).toBe(410);

    await db.update(survey).set({ closesAt: null }).where(eq(survey.id, day.surveyId));
    expect((await form(day.slug)).status).toBe(200);
    expect((await answer(day.slug)).status).toBe(201);

    await db.update(event).set({ cancelledAt: Date.now() }).where(eq(event.id, day.eventId));
    expect((await form(day.slug)).status).toBe(410);
    await db.update(event).set({ cancelledAt: null, reportedGradeMean: 8.5 }).where(eq(event.id, day.eventId));
    expect((await form(day.slug)).status).toBe(410);
    expect((await answer(day.slug)).status).toBe(410);
  });

  it("shows a day question added after the form was first shown on the next view", async () => {
    const day = await createTestSurvey(db);
    expect(await (await form(day.slug)).text()).not.toContain("Own question of the day");
    const [row] = await db.select({ extra: survey.extraQuestionSetId }).from(survey).where(eq(survey.id, day.surveyId));
    await addEventQuestion(
      db,
      { surveyId: day.surveyId, eventId: day.eventId, extraSetId: row?.extra ?? null },
      {
        kind: "text",
        required: false,
        textFi: "Päivän oma kysymys",
        textSv: "Dagens egen fråga",
        textEn: "Own question of the day",
        scale: null,
        optionsJson: null,
        maxLength: 500,
      },
    );
    expect(await (await form(day.slug)).text()).toContain("Own question of the day");
  });

  it("answers many views at once, each with the state as it is", async () => {
    const day = await createTestSurvey(db);
    const views = await Promise.all(Array.from({ length: 20 }, () => form(day.slug)));
    expect(views.map((v) => v.status)).toEqual(Array(20).fill(200));
    const ids = await Promise.all(views.map(async (v) => /name="submission_id" value="([^"]+)"/.exec(await v.text())?.[1]));
    expect(new Set(ids).size).toBe(20);
    await db
      .update(survey)
      .set({ closesAt: Date.now() - 1 })
      .where(eq(survey.id, day.surveyId));
    const after = await Promise.all(Array.from({ length: 20 }, () => form(day.slug)));
    expect(after.map((v) => v.status)).toEqual(Array(20).fill(410));
  });

  it("does not know a slug that does not exist, nor one created a moment ago before it exists", async () => {
    const slug = `later-${crypto.randomUUID().slice(0, 8)}`;
    expect((await form(slug)).status).toBe(404);
    await createTestSurvey(db, { slug });
    expect((await form(slug)).status).toBe(200);
  });
});

describe("databaseFileOf", () => {
  it("names the file of a file: URL and nothing for the rest", () => {
    expect(databaseFileOf("file:data/palaute.db")).toBe("data/palaute.db");
    expect(databaseFileOf("file:/var/lib/palaute.db")).toBe("/var/lib/palaute.db");
    expect(databaseFileOf("file:///var/lib/palaute%20x.db")).toBe("/var/lib/palaute x.db");
    expect(databaseFileOf("file::memory:")).toBeNull();
    expect(databaseFileOf(":memory:")).toBeNull();
    expect(databaseFileOf("file:data/palaute.db?mode=ro")).toBeNull();
    expect(databaseFileOf("libsql://palaute.turso.io")).toBeNull();
    expect(databaseFileOf("http://127.0.0.1:8080")).toBeNull();
  });
});
