import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "@libsql/client";
import { createDb } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { storeResponse } from "../../src/queries/store-response";
import { createTestSurvey } from "../helpers/factories";

// Acknowledging a response is a promise that it is on disk. That rests on per-connection pragmas,
// which silently vanish if the client opens another connection (after a failed transaction, in a
// pool), so check them on the connection the app really writes with, after the write paths ran.
let dir: string;
let client: Client;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palaute-durability-"));
});

afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pragma(name: string): Promise<unknown> {
  const result = await client.execute(`PRAGMA ${name}`);
  return Object.values(result.rows[0] ?? {})[0];
}

describe("embedded database durability settings", () => {
  it("keep WAL, synchronous=FULL and foreign keys through migrations, a write and a failed (repeat) write", async () => {
    client = await openNodeDatabase({ url: `file:${join(dir, "durable.db")}` });
    const db = createDb(client);
    await runMigrations(db);
    const { surveyId } = await createTestSurvey(db);
    const input = { id: crypto.randomUUID(), surveyId, submittedAt: Date.now(), lang: "fi" as const, answers: [] };
    expect((await storeResponse(db, input)).status).toBe("created");
    expect((await storeResponse(db, input)).status, "the retry goes through the failed-batch path").toBe("repeat");

    expect(await pragma("journal_mode")).toBe("wal");
    // 2 = FULL: the WAL is fsynced at every COMMIT, so an acknowledged response survives power loss too.
    expect(await pragma("synchronous")).toBe(2);
    expect(await pragma("foreign_keys")).toBe(1);
  });
});
