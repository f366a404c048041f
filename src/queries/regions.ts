import { asc } from "drizzle-orm";
import type { Db } from "../db/client";
import { region } from "../db/schema";

export async function listRegions(db: Db) {
  return db.select().from(region).orderBy(asc(region.code));
}
