import { asc, eq } from "drizzle-orm";
import type { Role } from "../domain/roles";
import type { Db } from "../db/client";
import { user, userRegion } from "../db/schema";

export interface UserSummary {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly regions: string[];
  readonly allRegions: boolean;
  /** The cooperation area (read by a municipal agent), else null. */
  readonly areaId: number | null;
  readonly disabled: boolean;
}

export async function findLoginUser(db: Db, email: string) {
  const [row] = await findLoginUserQuery(db, email);
  return row ?? null;
}

/** findLoginUser's statement, for a batch with others (one round trip); returns [] or [user]. */
export function findLoginUserQuery(db: Db, email: string) {
  return db
    .select({ id: user.id, passwordHash: user.passwordHash, disabled: user.disabled })
    .from(user)
    .where(eq(user.email, email))
    .limit(1);
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  return (await findLoginUser(db, email)) !== null;
}

export async function insertUser(
  db: Db,
  input: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    regions: readonly string[];
    allRegions?: boolean;
    areaId?: number | null;
    isDemo?: boolean;
  },
): Promise<number> {
  const [created] = await db
    .insert(user)
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      allRegions: input.allRegions ?? false,
      areaId: input.areaId ?? null,
      isDemo: input.isDemo ?? false,
    })
    .returning({ id: user.id });
  const id = created!.id;
  if (input.regions.length > 0) await db.insert(userRegion).values(input.regions.map((regionCode) => ({ userId: id, regionCode })));
  return id;
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.select().from(user).orderBy(asc(user.email));
  const regions = await db.select().from(userRegion);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    regions: regions
      .filter((r) => r.userId === u.id)
      .map((r) => r.regionCode)
      .sort(),
    allRegions: u.allRegions,
    areaId: u.areaId,
    disabled: u.disabled,
  }));
}

export async function getUser(db: Db, id: number): Promise<UserSummary | null> {
  return (await listUsers(db)).find((u) => u.id === id) ?? null;
}

/** Changes what is given; a new region list replaces the old one in the same transaction. */
export async function updateUser(
  db: Db,
  id: number,
  changes: { name?: string; role?: Role; disabled?: boolean; allRegions?: boolean; areaId?: number | null; regions?: readonly string[] },
): Promise<void> {
  const { regions, ...fields } = changes;
  const statements = [];
  if (Object.keys(fields).length > 0) statements.push(db.update(user).set(fields).where(eq(user.id, id)));
  if (regions) {
    statements.push(db.delete(userRegion).where(eq(userRegion.userId, id)));
    if (regions.length > 0) statements.push(db.insert(userRegion).values(regions.map((regionCode) => ({ userId: id, regionCode }))));
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

export async function setPasswordHash(db: Db, email: string, passwordHash: string): Promise<number | null> {
  const [row] = await db.update(user).set({ passwordHash }).where(eq(user.email, email)).returning({ id: user.id });
  return row?.id ?? null;
}
