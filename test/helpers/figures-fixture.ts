import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { area, areaRegion, programme, theme } from "../../src/db/schema";
import { getEvent, type EventRow } from "../../src/queries/events";
import { createTestSurvey, type TestSurvey } from "./factories";
import { createTestDb } from "./test-db";

// A small world for the dashboard services (test/services/dashboard-*.test.ts, event-results,
// comparison-yardstick): two programmes with named themes, days in a few regions and one national
// day, each day's answers sent through the real survey route, so every figure below can be worked
// out on paper. Grades are on 4–10, usefulness on 1–5, sector is the core set's choice question.
//
// Programme A, theme A1 "Johtaminen", block 2019-09 × A × A1:
//   a16   region 16, 2019-09-04, attendance 10, grades 8 8 6 10 9 8 (n 6, Σ 49), usefulness 4×5 + 5,
//         sector education ×5 (the sixth left unanswered), five 'good' comments
//   a01   region 01, 2019-09-10, attendance 8, grades 5 ×5 (Σ 25)
//   a02   region 02, 2019-09-11, attendance 6, grades 7 7 7 7 9 (Σ 37), four 'improve' comments
//   a04   region 04, 2019-09-12, attendance 40, published mean 8.5 of n 30, and 2 own answers 7, 9
// Programme A, theme A2 "Digitalisaatio", block 2019-09 × A × A2:
//   nat   national (no region), 2019-09-20, attendance 20, grades 10 ×5
//   a16s  region 16, 2019-09-25, attendance 5, grades 9 7 (n 2: a small group)
// Programme A, theme A1, block 2019-10 × A × A1:
//   a16o  region 16, 2019-10-03, attendance 5, grades 4 6 8 10 7 (Σ 35)
// Programme B, theme B1 " JOHTAMINEN " (the same theme by name as A1), and B2 "Perheet" (no day),
// block 2019-11 × B × B1 (one region besides 16: the yardstick rule withholds it from 16's reader):
//   b16   region 16, 2019-11-05, attendance 10, grades 6 ×5
//   b01   region 01, 2019-11-06, attendance 5, grades 9 ×5
// Areas: "Pohjoinen" = {16, 17} (17 has no day), "Etelä" = {01, 02, 04} (source "Liitto"),
// "Tyhjä" = {} (no region).

export interface Answer {
  readonly grade?: number;
  readonly usefulness?: number;
  readonly sector?: string;
  readonly good?: string;
  readonly improve?: string;
  /** A day's own first question (src/queries/event-questions.ts). */
  readonly day_1?: number;
}

export interface FiguresWorld {
  readonly db: Db;
  readonly app: ReturnType<typeof createApp>;
  readonly programmes: { readonly a: number; readonly b: number };
  readonly themes: { readonly a1: number; readonly a2: number; readonly b1: number; readonly b2: number };
  readonly days: Record<"a16" | "a01" | "a02" | "a04" | "nat" | "a16s" | "a16o" | "b16" | "b01", TestSurvey>;
  readonly areas: { readonly north: number; readonly south: number; readonly empty: number };
  event(survey: TestSurvey): Promise<EventRow>;
}

export const GOOD_TEXTS = ["Hyvä alku", "Hyviä esimerkkejä", "Kiitos", "Selkeä", "Toimiva päivä"];
export const IMPROVE_TEXTS = ["Aikataulu", "Lisää taukoja", "Pidempi päivä", "Tilat"];

/** Sends each answer through the real survey route (POST /s/:slug). */
export async function sendAnswers(app: ReturnType<typeof createApp>, s: TestSurvey, answers: readonly Answer[]): Promise<void> {
  for (const answer of answers) {
    const res = await app.request(`/s/${s.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: answer }),
    });
    expect(res.status).toBeLessThan(400);
  }
}

const grades = (...values: number[]): Answer[] => values.map((grade) => ({ grade }));

export async function figuresWorld(): Promise<FiguresWorld> {
  const db = await createTestDb();
  const app = createApp({ db });
  const [progA] = await db.insert(programme).values({ name: "Ohjelma A", startsOn: "2019-08-01", endsOn: "2020-06-30" }).returning();
  const [progB] = await db.insert(programme).values({ name: "Ohjelma B" }).returning();
  const addTheme = async (programmeId: number, nameFi: string, nameSv: string, nameEn: string) =>
    (await db.insert(theme).values({ programmeId, nameFi, nameSv, nameEn }).returning())[0]!.id;
  const themes = {
    a1: await addTheme(progA!.id, "Johtaminen", "Ledarskap", "Leadership"),
    a2: await addTheme(progA!.id, "Digitalisaatio", "Digitalisering", "Digitalisation"),
    b1: await addTheme(progB!.id, " JOHTAMINEN ", "Ledarskap B", "Leadership B"),
    b2: await addTheme(progB!.id, "Perheet", "Familjer", "Families"),
  };
  const day = async (
    programmeId: number,
    themeId: number,
    regionCode: string | null,
    date: string,
    attendance: number,
    answers: readonly Answer[],
  ) => {
    const s = await createTestSurvey(db, { regionCode, date, attendance });
    await db.run(sql`UPDATE event SET programme_id = ${programmeId}, theme_id = ${themeId} WHERE id = ${s.eventId}`);
    await sendAnswers(app, s, answers);
    return s;
  };
  const a16Answers: Answer[] = [8, 8, 6, 10, 9, 8].map((grade, i) => ({
    grade,
    usefulness: i === 5 ? 5 : 4,
    ...(i < 5 && { sector: "education" }),
    ...(i < GOOD_TEXTS.length && { good: GOOD_TEXTS[i] }),
  }));
  const days = {
    a16: await day(progA!.id, themes.a1, "16", "2019-09-04", 10, a16Answers),
    a01: await day(progA!.id, themes.a1, "01", "2019-09-10", 8, grades(5, 5, 5, 5, 5)),
    a02: await day(
      progA!.id,
      themes.a1,
      "02",
      "2019-09-11",
      6,
      [7, 7, 7, 7, 9].map((grade, i) => ({ grade, ...(i < 4 && { improve: IMPROVE_TEXTS[i] }) })),
    ),
    a04: await day(progA!.id, themes.a1, "04", "2019-09-12", 40, grades(7, 9)),
    nat: await day(progA!.id, themes.a2, null, "2019-09-20", 20, grades(10, 10, 10, 10, 10)),
    a16s: await day(progA!.id, themes.a2, "16", "2019-09-25", 5, grades(9, 7)),
    a16o: await day(progA!.id, themes.a1, "16", "2019-10-03", 5, grades(4, 6, 8, 10, 7)),
    b16: await day(progB!.id, themes.b1, "16", "2019-11-05", 10, grades(6, 6, 6, 6, 6)),
    b01: await day(progB!.id, themes.b1, "01", "2019-11-06", 5, grades(9, 9, 9, 9, 9)),
  };
  await db.run(sql`UPDATE event SET reported_grade_mean = 8.5, reported_grade_n = 30 WHERE id = ${days.a04.eventId}`);
  // The factory's own programme (made by createTestSurvey) holds no day: every day moved above.
  const addArea = async (nameFi: string, regions: string[], source: string | null = null) => {
    const [row] = await db
      .insert(area)
      .values({ nameFi, nameSv: `${nameFi} sv`, nameEn: `${nameFi} en`, source })
      .returning();
    for (const regionCode of regions) await db.insert(areaRegion).values({ areaId: row!.id, regionCode });
    return row!.id;
  };
  const areas = {
    north: await addArea("Pohjoinen", ["16", "17"]),
    south: await addArea("Etelä", ["01", "02", "04"], "Liitto"),
    empty: await addArea("Tyhjä", []),
  };
  return {
    db,
    app,
    programmes: { a: progA!.id, b: progB!.id },
    themes,
    days,
    areas,
    event: async (s) => (await getEvent(db, s.eventId))!,
  };
}
