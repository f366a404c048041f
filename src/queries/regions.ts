import { asc } from "drizzle-orm";
import type { Db } from "../db/client";
import { region } from "../db/schema";

/** Every region in code order: the statement, for a batch with others (one round trip). */
export function regionsQuery(db: Db) {
  return db.select().from(region).orderBy(asc(region.code));
}

export async function listRegions(db: Db) {
  return regionsQuery(db);
}
