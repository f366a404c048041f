import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { programme, theme } from "../db/schema";

/** Every programme: the statement, for a batch with others (one round trip). */
export function programmesQuery(db: Db) {
  return db.select().from(programme).orderBy(asc(programme.startsOn), asc(programme.id));
}

export async function listProgrammes(db: Db) {
  return programmesQuery(db);
}

export async function getProgramme(db: Db, id: number) {
  const [row] = await db.select().from(programme).where(eq(programme.id, id)).limit(1);
  return row ?? null;
}

export async function insertProgramme(
  db: Db,
  input: { name: string; startsOn: string | null; endsOn: string | null; surveyCloseDays?: number | null },
): Promise<number> {
  const [row] = await db.insert(programme).values(input).returning({ id: programme.id });
  return row!.id;
}

export async function updateProgramme(
  db: Db,
  id: number,
  changes: { name?: string; startsOn?: string | null; endsOn?: string | null; surveyCloseDays?: number | null },
) {
  if (Object.keys(changes).length > 0) await db.update(programme).set(changes).where(eq(programme.id, id));
}

/** Every theme, or one programme's: the statement, for a batch with others (one round trip). */
export function themesQuery(db: Db, programmeId?: number) {
  return db
    .select()
    .from(theme)
    .where(programmeId === undefined ? undefined : eq(theme.programmeId, programmeId))
    .orderBy(asc(theme.programmeId), asc(theme.id));
}

export async function listThemes(db: Db, programmeId?: number) {
  return themesQuery(db, programmeId);
}

export async function getTheme(db: Db, id: number) {
  const [row] = await db.select().from(theme).where(eq(theme.id, id)).limit(1);
  return row ?? null;
}

export async function insertTheme(db: Db, input: { programmeId: number; nameFi: string; nameSv: string; nameEn: string }): Promise<number> {
  const [row] = await db.insert(theme).values(input).returning({ id: theme.id });
  return row!.id;
}

export async function updateTheme(db: Db, id: number, changes: { nameFi?: string; nameSv?: string; nameEn?: string }) {
  if (Object.keys(changes).length > 0) await db.update(theme).set(changes).where(eq(theme.id, id));
}
