// Node-only: drizzle's migrator reads the SQL files from disk. Used by the Node entry at start,
// by tests (against in-memory, file and remote databases) and by `npm run db:migrate` for deploys,
// so every database gets the same migrations the same way.
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
