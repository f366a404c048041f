import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { presenterDisplay } from "../db/schema";

/** Stores a day's display link (its token's hash), replacing the one it had: the old link stops working. */
export async function replacePresenterDisplay(db: Db, eventId: number, tokenHash: string, now: number): Promise<void> {
  await db
    .insert(presenterDisplay)
    .values({ eventId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: presenterDisplay.eventId, set: { tokenHash, createdAt: now } });
}

/** Revokes a day's display link; true when it had one. */
export async function deletePresenterDisplay(db: Db, eventId: number): Promise<boolean> {
  const deleted = await db
    .delete(presenterDisplay)
    .where(eq(presenterDisplay.eventId, eventId))
    .returning({ eventId: presenterDisplay.eventId });
  return deleted.length > 0;
}

/** The day a display token (by its hash) belongs to, or null for an unknown or revoked one. */
export async function findEventIdByDisplayToken(db: Db, tokenHash: string): Promise<number | null> {
  const [row] = await db
    .select({ eventId: presenterDisplay.eventId })
    .from(presenterDisplay)
    .where(eq(presenterDisplay.tokenHash, tokenHash))
    .limit(1);
  return row?.eventId ?? null;
}

/** When the day's display link was made, or null when it has none. */
export async function presenterDisplayCreatedAt(db: Db, eventId: number): Promise<number | null> {
  const [row] = await db
    .select({ createdAt: presenterDisplay.createdAt })
    .from(presenterDisplay)
    .where(eq(presenterDisplay.eventId, eventId))
    .limit(1);
  return row?.createdAt ?? null;
}
