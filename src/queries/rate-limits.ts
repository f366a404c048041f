import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimit } from "../db/schema";

/** How many hits `key` has in the current fixed window (0 when the window has passed). */
export async function currentCount(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const [row] = await db.select().from(rateLimit).where(eq(rateLimit.key, key)).limit(1);
  return row && now - row.windowStart < windowMs ? row.count : 0;
}

/** Adds one hit, starting a new window when the old one has passed; one statement, so concurrent hits all count. */
export async function addHit(db: Db, key: string, windowMs: number, now: number): Promise<void> {
  await db
    .insert(rateLimit)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`CASE WHEN ${now} - ${rateLimit.windowStart} >= ${windowMs} THEN 1 ELSE ${rateLimit.count} + 1 END`,
        windowStart: sql`CASE WHEN ${now} - ${rateLimit.windowStart} >= ${windowMs} THEN ${now} ELSE ${rateLimit.windowStart} END`,
      },
    });
}

export async function clearHits(db: Db, key: string): Promise<void> {
  await db.delete(rateLimit).where(eq(rateLimit.key, key));
}

/** Forgets counters whose window has passed: they would otherwise stay forever, one per address and email tried. */
export async function deleteSpentHits(db: Db, windowMs: number, now: number): Promise<void> {
  await db.delete(rateLimit).where(lt(rateLimit.windowStart, now - windowMs));
}
