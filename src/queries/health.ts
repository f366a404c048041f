import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/** Migrated and answering: the reference data that the first migration adds is there. */
export async function databaseIsReady(db: Db): Promise<boolean> {
  const rows = await db.all<{ ready: number }>(sql`SELECT count(*) AS ready FROM region`);
  return (rows[0]?.ready ?? 0) > 0;
}
