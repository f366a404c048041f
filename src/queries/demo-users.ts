import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { user } from "../db/schema";

/** Which of the given demo accounts still exist and are enabled (so printing them is still true). */
export async function existingDemoEmails(db: Db, emails: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ email: user.email })
    .from(user)
    .where(and(inArray(user.email, [...emails]), eq(user.isDemo, true), eq(user.disabled, false)));
  return rows.map((r) => r.email);
}
