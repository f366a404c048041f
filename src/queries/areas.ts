import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { area, areaRegion, user } from "../db/schema";

export interface AreaRow {
  readonly id: number;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly isDemo: boolean;
  readonly source: string | null;
  /** Member region codes, sorted. */
  readonly regions: string[];
  /** Accounts assigned to the area. */
  readonly users: number;
}

export interface AreaFields {
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly source: string | null;
  readonly regions: readonly string[];
  readonly isDemo?: boolean;
}

/** Every area with its regions and how many accounts read through it, by Finnish name. Three small reads. */
/** The statements listAreas reads (areas, their regions, accounts' areas), for a batch with others. */
export function areaListQueries(db: Db) {
  return [
    db.select().from(area).orderBy(asc(area.nameFi), asc(area.id)),
    db.select().from(areaRegion).orderBy(asc(areaRegion.regionCode)),
    db.select({ areaId: user.areaId }).from(user),
  ] as const;
}

type ResultsOf<T> = { [K in keyof T]: Awaited<T[K]> };
type AreaListResults = ResultsOf<ReturnType<typeof areaListQueries>>;

/** areaListQueries' results as the areas with their member regions and account counts. */
export function areaRowsFrom([areas, members, assigned]: AreaListResults): AreaRow[] {
  return areas.map((a) => ({
    id: a.id,
    nameFi: a.nameFi,
    nameSv: a.nameSv,
    nameEn: a.nameEn,
    isDemo: a.isDemo,
    source: a.source,
    regions: members.filter((m) => m.areaId === a.id).map((m) => m.regionCode),
    users: assigned.filter((u) => u.areaId === a.id).length,
  }));
}

export async function listAreas(db: Db): Promise<AreaRow[]> {
  return areaRowsFrom(await Promise.all(areaListQueries(db)));
}

export async function getArea(db: Db, id: number): Promise<AreaRow | null> {
  return (await listAreas(db)).find((a) => a.id === id) ?? null;
}

/** The area and its member rows in one transaction. */
export async function insertArea(db: Db, fields: AreaFields): Promise<number> {
  const { regions, ...row } = fields;
  const [created] = await db.insert(area).values(row).returning({ id: area.id });
  const id = created!.id;
  if (regions.length > 0) await db.insert(areaRegion).values(regions.map((regionCode) => ({ regionCode, areaId: id })));
  return id;
}

/** Changes what is given; a new region list replaces the old one in the same transaction. */
export async function updateArea(db: Db, id: number, changes: Partial<AreaFields>): Promise<void> {
  const { regions, ...fields } = changes;
  const statements = [];
  if (Object.keys(fields).length > 0) statements.push(db.update(area).set(fields).where(eq(area.id, id)));
  if (regions) {
    statements.push(db.delete(areaRegion).where(eq(areaRegion.areaId, id)));
    if (regions.length > 0) statements.push(db.insert(areaRegion).values(regions.map((regionCode) => ({ regionCode, areaId: id }))));
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** The area, its member rows and every account's assignment to it, in one transaction (the foreign
 *  keys say the same, but a connection without PRAGMA foreign_keys must not leave a dangling id). */
export async function deleteArea(db: Db, id: number): Promise<void> {
  await db.batch([
    db.update(user).set({ areaId: null }).where(eq(user.areaId, id)),
    db.delete(areaRegion).where(eq(areaRegion.areaId, id)),
    db.delete(area).where(eq(area.id, id)),
  ]);
}
