import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/** A consistent, compacted copy of the whole database in a new file (SQLite's VACUUM INTO). */
export async function backupInto(db: Db, path: string): Promise<void> {
  await db.run(sql`VACUUM INTO ${path}`);
}
