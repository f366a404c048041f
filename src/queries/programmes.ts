import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { programme, theme } from "../db/schema";
import { jsonRead, type JsonRead } from "./json-rows";

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

export interface ThemeNames {
  readonly id: number;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

/** listThemes' rows (id and names only) as a read to go in one statement with others (readTogether). */
export function themeNamesRead(programmeId?: number): JsonRead<ThemeNames> {
  return jsonRead(
    `themeNames ${programmeId ?? ""}`,
    () => sql`SELECT ${theme.id} AS id, ${theme.nameFi} AS nameFi, ${theme.nameSv} AS nameSv, ${theme.nameEn} AS nameEn FROM ${theme}
      WHERE ${programmeId === undefined ? sql`1` : eq(theme.programmeId, programmeId)} ORDER BY ${theme.programmeId}, ${theme.id}`,
    { id: "integer", nameFi: "text", nameSv: "text", nameEn: "text" },
    (v) => ({ id: v[0] as number, nameFi: v[1] as string, nameSv: v[2] as string, nameEn: v[3] as string }),
  );
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
