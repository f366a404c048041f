import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import type { Principal } from "../auth/authorize";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { areaRegion, session, user, userRegion } from "../db/schema";

/** The new session's statement: awaited, or put in a batch with others (one round trip). */
export function createSession(db: Db, input: { id: string; userId: number; now: number; ttlMs: number }) {
  return db.insert(session).values({ id: input.id, userId: input.userId, createdAt: input.now, expiresAt: input.now + input.ttlMs });
}

/**
 * The signed-in person for a session id (hash of the cookie): one statement with the person's
 * regions and area's regions as JSON lists. Every staff request starts with it, and on the Worker
 * each statement that waits for another is a round trip, so it is also handed out as a statement
 * for a batch with a read that does not depend on who asks (findPrincipalWith).
 */
export function principalBySessionQuery(db: Db, sessionId: string, now: number) {
  return db
    .select({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      allRegions: user.allRegions,
      areaId: user.areaId,
      regions: sql<string>`(SELECT json_group_array(${userRegion.regionCode}) FROM ${userRegion} WHERE ${userRegion.userId} = ${user.id})`,
      areaRegions: sql<string>`(SELECT json_group_array(${areaRegion.regionCode}) FROM ${areaRegion} WHERE ${areaRegion.areaId} = ${user.areaId})`,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.id, sessionId), gt(session.expiresAt, now), eq(user.disabled, false)))
    .limit(1);
}

export type SessionPrincipalRow = Principal & { sessionId: string };

/** principalBySessionQuery's rows as the principal, or null when unknown, expired or disabled. */
function principalFromRows(rows: Awaited<ReturnType<typeof principalBySessionQuery>>, sessionId: string): SessionPrincipalRow | null {
  const [row] = rows;
  if (!row) return null;
  const { areaId, regions, areaRegions, ...person } = row;
  const codes = (json: string) => (JSON.parse(json) as string[]).sort();
  const area = areaId === null ? null : { id: areaId, regions: codes(areaRegions) };
  return { ...person, regions: codes(regions), area, sessionId };
}

export async function findPrincipalBySession(db: Db, sessionId: string, now: number): Promise<SessionPrincipalRow | null> {
  return principalFromRows(await principalBySessionQuery(db, sessionId, now), sessionId);
}

/**
 * The principal and the results of `reads` in one batch (one round trip on the Worker), for reads
 * whose statements do not depend on who asks. The caller discards the results when the principal
 * is null: they were read for nobody.
 */
export async function findPrincipalWith<T extends readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]>(
  db: Db,
  sessionId: string,
  now: number,
  reads: T,
): Promise<{ principal: SessionPrincipalRow | null; results: BatchResponse<T> }> {
  const [rows, ...results] = await db.batch([principalBySessionQuery(db, sessionId, now), ...reads]);
  return { principal: principalFromRows(rows, sessionId), results: results as unknown as BatchResponse<T> };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(session).where(eq(session.id, sessionId));
}

/** Sign out everywhere. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const removed = await db.delete(session).where(eq(session.userId, userId)).returning({ id: session.id });
  return removed.length;
}

/** Every session of the person but `keepSessionId` (the one that just changed the password). */
export async function deleteOtherUserSessions(db: Db, userId: number, keepSessionId: string): Promise<number> {
  const removed = await db
    .delete(session)
    .where(and(eq(session.userId, userId), ne(session.id, keepSessionId)))
    .returning({ id: session.id });
  return removed.length;
}

export function deleteExpiredSessions(db: Db, now: number) {
  return db.delete(session).where(lt(session.expiresAt, now));
}
