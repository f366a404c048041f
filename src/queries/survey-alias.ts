import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { survey, surveyAlias } from "../db/schema";

/** The survey's current readable address, or null. */
export async function currentSurveyAlias(db: Db, surveyId: number): Promise<string | null> {
  const [row] = await db
    .select({ alias: surveyAlias.alias })
    .from(surveyAlias)
    .where(and(eq(surveyAlias.surveyId, surveyId), isNull(surveyAlias.retiredAt)))
    .limit(1);
  return row?.alias ?? null;
}

/** The random slug of the survey an alias (current or retired, stored lower case) belongs to, or null. */
export async function findSlugByAlias(db: Db, alias: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: survey.slug })
    .from(surveyAlias)
    .innerJoin(survey, eq(survey.id, surveyAlias.surveyId))
    .where(eq(surveyAlias.alias, alias))
    .limit(1);
  return row?.slug ?? null;
}

/** Who holds this text already: another survey's alias (current or retired) or any survey's own slug, compared case-insensitively. */
export async function aliasHolder(db: Db, alias: string): Promise<{ surveyId: number } | null> {
  const [byAlias] = await db.select({ surveyId: surveyAlias.surveyId }).from(surveyAlias).where(eq(surveyAlias.alias, alias)).limit(1);
  if (byAlias) return byAlias;
  // A staff action, rare: a scan of the slugs is fine (the unique index is case-sensitive).
  const [bySlug] = await db.select({ surveyId: survey.id }).from(survey).where(sql`lower(${survey.slug}) = ${alias}`).limit(1);
  return bySlug ?? null;
}

/**
 * Makes `alias` (or none) the survey's current address in one batch: the current one is retired
 * (kept, still leading here), and the new one is added or, when it is one of this survey's own
 * retired aliases, brought back.
 */
export async function setSurveyAlias(db: Db, surveyId: number, alias: string | null, now: number): Promise<void> {
  const retire = db
    .update(surveyAlias)
    .set({ retiredAt: now })
    .where(and(eq(surveyAlias.surveyId, surveyId), isNull(surveyAlias.retiredAt)));
  if (alias === null) {
    await retire;
    return;
  }
  await db.batch([
    retire,
    db
      .insert(surveyAlias)
      .values({ alias, surveyId, createdAt: now })
      .onConflictDoUpdate({ target: surveyAlias.alias, set: { retiredAt: null }, setWhere: eq(surveyAlias.surveyId, surveyId) }),
  ]);
}
