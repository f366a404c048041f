import { createDb, type Db } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";

/** A real libSQL database in memory with the real migrations: what the app runs on, minus the disk. */
export async function createTestDb(): Promise<Db> {
  const client = await openNodeDatabase({ url: ":memory:" });
  const db = createDb(client);
  await runMigrations(db);
  return db;
}
