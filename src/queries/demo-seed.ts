import { eq, sql } from "drizzle-orm";
import type { InStatement, InValue } from "@libsql/client/web";
import type { Db } from "../db/client";
import { demoShortCode } from "../domain/short-code";
import { answer, event, programme, question, response, survey, theme } from "../db/schema";
import { DEMO_PROGRAMME, DEMO_THEMES, type DemoEvent } from "../demo/demo-data";

const CORE_SET_ID = 1;

export async function hasAnyProgramme(db: Db): Promise<boolean> {
  const rows = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM programme`);
  return (rows[0]?.n ?? 0) > 0;
}

/** Inserts the demo programme, its days, their open surveys and synthetic responses, all flagged demo.
 *  One write transaction, so a half-seeded database never exists. */
export async function insertDemoData(db: Db, events: readonly DemoEvent[], makeId: () => string): Promise<void> {
  const questions = await db.select({ id: question.id, key: question.key }).from(question).where(eq(question.setId, CORE_SET_ID));
  const questionId = new Map(questions.map((q) => [q.key, q.id]));
  const id = (key: string) => {
    const found = questionId.get(key);
    if (found === undefined) throw new Error(`core question ${key} is missing: run the migrations first`);
    return found;
  };
  const sectorPosition = new Map(
    ["social_health", "education", "municipal", "ngo", "parish", "other"].map((value, index) => [value, index + 1]),
  );

  // Ids are chosen here rather than taken from autoincrement so the whole seed is one batch.
  const statements: InStatement[] = [
    stmt(
      db
        .insert(programme)
        .values({ id: 1, ...DEMO_PROGRAMME, isDemo: true })
        .toSQL(),
    ),
    stmt(
      db
        .insert(theme)
        .values(DEMO_THEMES.map((t, i) => ({ id: i + 1, programmeId: 1, nameFi: t.fi, nameSv: t.sv, nameEn: t.en })))
        .toSQL(),
    ),
  ];
  const themeId = new Map<string, number>(DEMO_THEMES.map((t, i) => [t.key, i + 1]));
  events.forEach((eventRow, index) => {
    const eventId = index + 1;
    statements.push(
      stmt(
        db
          .insert(event)
          .values({
            id: eventId,
            programmeId: 1,
            regionCode: eventRow.regionCode,
            date: eventRow.date,
            themeId: eventRow.theme ? themeId.get(eventRow.theme) : null,
            title: eventRow.title,
            titleSv: eventRow.titleSv ?? null,
            titleEn: eventRow.titleEn ?? null,
            location: eventRow.location,
            locationSv: eventRow.locationSv ?? null,
            attendance: eventRow.attendance,
            reportedGradeMean: eventRow.reportedGradeMean,
            reportedGradeN: eventRow.reportedGradeN,
            reportedSource: eventRow.reportedSource,
            isDemo: eventRow.isDemo,
          })
          .toSQL(),
      ),
      // A published day is final: its survey is closed (from the day's end, 23.59 Helsinki time).
      stmt(
        db
          .insert(survey)
          .values({
            id: eventId,
            eventId,
            slug: eventRow.slug,
            shortCode: demoShortCode(eventId),
            questionSetId: CORE_SET_ID,
            closesAt: eventRow.reportedGradeMean === null ? null : Date.parse(`${eventRow.date}T20:59:00Z`),
          })
          .toSQL(),
      ),
    );
    if (eventRow.responses.length === 0) return;
    const responseRows = eventRow.responses.map((r) => ({ id: makeId(), surveyId: eventId, submittedAt: r.submittedAt, lang: r.lang }));
    statements.push(stmt(db.insert(response).values(responseRows).toSQL()));
    const answerRows = eventRow.responses.flatMap((r, i) => {
      const responseId = responseRows[i]!.id;
      const rows: (typeof answer.$inferInsert)[] = [{ responseId, questionId: id("grade"), numValue: r.grade, textValue: null }];
      if (r.usefulness !== null) rows.push({ responseId, questionId: id("usefulness"), numValue: r.usefulness, textValue: null });
      if (r.sector !== null)
        rows.push({ responseId, questionId: id("sector"), numValue: sectorPosition.get(r.sector) ?? null, textValue: r.sector });
      if (r.good !== null) rows.push({ responseId, questionId: id("good"), numValue: null, textValue: r.good });
      if (r.improve !== null) rows.push({ responseId, questionId: id("improve"), numValue: null, textValue: r.improve });
      return rows;
    });
    statements.push(stmt(db.insert(answer).values(answerRows).toSQL()));
  });
  await db.$client.batch(statements, "write");
}

function stmt(query: { sql: string; params: unknown[] }): InStatement {
  return { sql: query.sql, args: query.params as InValue[] };
}
