import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { event, programme, survey, theme } from "../../src/db/schema";

let counter = 0;

export interface TestSurvey {
  readonly surveyId: number;
  readonly eventId: number;
  readonly slug: string;
}

/** A programme (made once per database), an academy day and its core-set survey. */
export async function createTestSurvey(
  db: Db,
  options: {
    regionCode?: string | null;
    date?: string;
    opensAt?: number | null;
    closesAt?: number | null;
    slug?: string;
    attendance?: number;
  } = {},
): Promise<TestSurvey> {
  counter += 1;
  let [prog] = await db.select().from(programme).where(eq(programme.name, "Test programme")).limit(1);
  if (!prog) {
    [prog] = await db.insert(programme).values({ name: "Test programme" }).returning();
    await db.insert(theme).values({ programmeId: prog!.id, nameFi: "Testiteema", nameSv: "Testtema", nameEn: "Test theme" });
  }
  const [eventRow] = await db
    .insert(event)
    .values({
      programmeId: prog!.id,
      regionCode: options.regionCode === undefined ? "16" : options.regionCode,
      date: options.date ?? "2019-09-04",
      title: `Testipäivä ${counter}`,
      location: "Kokkola",
      attendance: options.attendance ?? 40,
    })
    .returning();
  const slug = options.slug ?? `test-survey-${counter}-${Math.random().toString(36).slice(2, 10)}`;
  const [created] = await db
    .insert(survey)
    .values({ eventId: eventRow!.id, slug, questionSetId: 1, opensAt: options.opensAt ?? null, closesAt: options.closesAt ?? null })
    .returning();
  return { surveyId: created!.id, eventId: eventRow!.id, slug };
}
