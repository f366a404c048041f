import { asc, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { region } from "../db/schema";
import { jsonRead, type JsonRead } from "./json-rows";

/** Every region in code order: the statement, for a batch with others (one round trip). */
export function regionsQuery(db: Db) {
  return db.select().from(region).orderBy(asc(region.code));
}

export interface RegionNames {
  readonly code: string;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

/** listRegions' rows (code and names only) as a read to go in one statement with others (readTogether). */
export function regionNamesRead(): JsonRead<RegionNames> {
  return jsonRead(
    "regionNames",
    () =>
      sql`SELECT ${region.code} AS code, ${region.nameFi} AS nameFi, ${region.nameSv} AS nameSv, ${region.nameEn} AS nameEn FROM ${region} ORDER BY ${region.code}`,
    { code: "text", nameFi: "text", nameSv: "text", nameEn: "text" },
    (v) => ({ code: v[0] as string, nameFi: v[1] as string, nameSv: v[2] as string, nameEn: v[3] as string }),
  );
}

export async function listRegions(db: Db) {
  return regionsQuery(db);
}
