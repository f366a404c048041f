import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimit } from "../db/schema";

/**
 * Counts one attempt for `key` and returns the count in the current fixed window, in one statement
 * (insert or update, returning the new count). Concurrent attempts are serialised by the database,
 * so each sees a distinct count and no burst gets past a limit checked against the result; a read
 * followed by a later write would let a whole burst read the same low count.
 */
export async function countAttempt(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const [row] = await countAttemptQuery(db, key, windowMs, now);
  return row!.count;
}

/** countAttempt's statement, for a batch with others (one round trip); returns [{ count }]. */
export function countAttemptQuery(db: Db, key: string, windowMs: number, now: number) {
  return db
    .insert(rateLimit)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`CASE WHEN ${now} - ${rateLimit.windowStart} >= ${windowMs} THEN 1 ELSE ${rateLimit.count} + 1 END`,
        windowStart: sql`CASE WHEN ${now} - ${rateLimit.windowStart} >= ${windowMs} THEN ${now} ELSE ${rateLimit.windowStart} END`,
      },
    })
    .returning({ count: rateLimit.count });
}

/** Takes one attempt back (a sign-in that succeeded does not use up an attempt). */
export async function uncountAttempt(db: Db, key: string): Promise<void> {
  await uncountAttemptQuery(db, key);
}

/** uncountAttempt's statement, for a batch. */
export function uncountAttemptQuery(db: Db, key: string) {
  return db
    .update(rateLimit)
    .set({ count: sql`${rateLimit.count} - 1` })
    .where(and(eq(rateLimit.key, key), gt(rateLimit.count, 0)));
}

/** Forgets counters whose window has passed: they would otherwise stay forever, one per address and email tried. */
export function deleteSpentHits(db: Db, windowMs: number, now: number) {
  return db.delete(rateLimit).where(lt(rateLimit.windowStart, now - windowMs));
}
