import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { accountLink, user } from "../db/schema";
import type { AccountLinkKind } from "../domain/account-links";

export async function insertAccountLink(
  db: Db,
  link: { tokenHash: string; userId: number; kind: AccountLinkKind; createdBy: number | null; createdAt: number; expiresAt: number },
): Promise<void> {
  await db.insert(accountLink).values(link);
}

/** Marks every unused link of the person as spent (a newer link replaces them; a used one ends them). */
export async function voidUnusedAccountLinks(db: Db, userId: number, now: number): Promise<void> {
  await db
    .update(accountLink)
    .set({ usedAt: now })
    .where(and(eq(accountLink.userId, userId), isNull(accountLink.usedAt)));
}

/**
 * The account an unused, unexpired link opens, or null: unknown, used, expired and disabled are one
 * answer. Looked up by the SHA-256 of the token, so the stored value is never compared with the
 * secret itself, and an index lookup's timing tells nothing useful about a 256-bit token.
 */
export async function findLiveAccountLink(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ userId: number; email: string; kind: AccountLinkKind } | null> {
  const [row] = await db
    .select({ userId: user.id, email: user.email, kind: accountLink.kind })
    .from(accountLink)
    .innerJoin(user, eq(user.id, accountLink.userId))
    .where(and(eq(accountLink.tokenHash, tokenHash), isNull(accountLink.usedAt), gt(accountLink.expiresAt, now), eq(user.disabled, false)))
    .limit(1);
  return row ?? null;
}

/**
 * Spends a live link in one statement and returns whose it was, or null when it was no longer live:
 * of two requests racing with the same link, exactly one gets the account.
 */
export async function spendAccountLink(db: Db, tokenHash: string, now: number): Promise<number | null> {
  const [row] = await db
    .update(accountLink)
    .set({ usedAt: now })
    .where(and(eq(accountLink.tokenHash, tokenHash), isNull(accountLink.usedAt), gt(accountLink.expiresAt, now)))
    .returning({ userId: accountLink.userId });
  return row?.userId ?? null;
}
