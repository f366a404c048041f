import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { user } from "../db/schema";

/** The demo accounts among `emails` that still exist and are enabled, with their password hashes. */
export async function enabledDemoAccounts(
  db: Db,
  emails: readonly string[],
): Promise<{ id: number; email: string; passwordHash: string }[]> {
  return db
    .select({ id: user.id, email: user.email, passwordHash: user.passwordHash })
    .from(user)
    .where(and(inArray(user.email, [...emails]), eq(user.isDemo, true), eq(user.disabled, false)));
}

export async function disableDemoAccounts(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length > 0)
    await db
      .update(user)
      .set({ disabled: true })
      .where(and(inArray(user.id, [...ids]), eq(user.isDemo, true)));
}
