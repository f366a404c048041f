// grade_month_rollup (migrations/0013) equals a recount from the raw answers after any sequence of
// writes: submissions (one by one and in bulk imports), deletions of answers, responses and days,
// retention (figures kept) and erasure, cancellations, changes of a day's region, date, theme,
// programme and head count, published figures recorded and cleared, and the history import.
// The recount is written apart from the triggers: per day a plain GROUP BY over the answers, then
// the per-key sums in JavaScript, with Σ(Σx)ᵢ²/nᵢ summed exactly in BigInt. And the grouped reads
// the dashboards use give the same figures through the rollup as through the days one by one.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { RegionsStatsResponse, TrendResponse } from "../../src/api-types";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { answer, event, programme, question, response, survey, theme } from "../../src/db/schema";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { intBetween, pick, seededRandom } from "../../src/demo/random";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { insertBulkEvents, insertBulkResponses } from "../../src/queries/bulk-load";
import { deleteEventWithSurvey, setEventCancelled } from "../../src/queries/event-management";
import type { EventFilter } from "../../src/queries/events";
import { gradePoolSumsBy, gradeSumsBy, type Grouping } from "../../src/queries/grade-sums";
import { savePublishedResult } from "../../src/queries/published-results";
import { deleteEventResponses, eventsWithResponses } from "../../src/queries/retention";
import { storeResponse } from "../../src/queries/store-response";
import { importHistory } from "../../src/services/history-import";
import { serviceContext } from "../../src/services/context";
import { signIn } from "../helpers/accounts";
import { createTestDb } from "../helpers/test-db";

const SEED = 1814;
const STEPS = 260;
const REGIONS = ["01", "02", "16", null] as const;
const NOW = Date.parse("2019-08-01T12:00:00Z");

interface RollupRow {
  programme_id: number;
  region_code: string;
  theme_id: number;
  month: string;
  days: number;
  attendance: number;
  responses: number;
  surveyed_attendance: number;
  surveyed_responses: number;
  over100_events: number;
  graded_events: number;
  n: number;
  sum: number;
  sum_sq: number;
  event_n_sq: number;
  event_n_mean_sq_int: number;
  event_n_mean_sq_frac: number;
  demo_events: number;
}

interface RecountDay {
  programme_id: number;
  region_code: string | null;
  theme_id: number | null;
  date: string;
  attendance: number | null;
  published: number;
  is_demo: number;
  archived: number;
  responses: number;
  grade_n: number;
  grade_sum: number | null;
  grade_sum_sq: number | null;
}

/** Per day straight from the answers (an archived day's answers are gone: its kept figures stand in). */
async function recountDays(db: Db): Promise<RecountDay[]> {
  return db.all<RecountDay>(sql`
    SELECT e.programme_id, e.region_code, e.theme_id, e.date, e.attendance, e.reported_grade_mean IS NOT NULL AS published,
      e.is_demo, s.archived_at IS NOT NULL AS archived,
      CASE WHEN s.archived_at IS NOT NULL THEN s.response_count ELSE (SELECT count(*) FROM response r WHERE r.survey_id = s.id) END AS responses,
      CASE WHEN s.archived_at IS NOT NULL THEN s.grade_n ELSE count(g.v) END AS grade_n,
      CASE WHEN s.archived_at IS NOT NULL THEN s.grade_sum ELSE sum(g.v) END AS grade_sum,
      CASE WHEN s.archived_at IS NOT NULL THEN s.grade_sum_sq ELSE sum(g.v * g.v) END AS grade_sum_sq
    FROM event e
    JOIN survey s ON s.event_id = e.id
    LEFT JOIN (SELECT r.survey_id AS survey_id, a.num_value AS v FROM answer a
               JOIN response r ON r.id = a.response_id JOIN question q ON q.id = a.question_id
               WHERE q.key = 'grade' AND a.num_value IS NOT NULL) g ON g.survey_id = s.id
    WHERE e.cancelled_at IS NULL
    GROUP BY e.id`);
}

const TWO_52 = 2n ** 52n;
/** A double ≥ 1 as an exact multiple of 2⁻⁵². */
function scaled(x: number): bigint {
  const whole = Math.floor(x);
  return BigInt(whole) * TWO_52 + BigInt((x - whole) * 2 ** 52);
}

function expectedRollup(days: readonly RecountDay[]) {
  const rows = new Map<string, Omit<RollupRow, "event_n_mean_sq_int" | "event_n_mean_sq_frac"> & { meanSq: bigint }>();
  for (const d of days) {
    const key = `${d.programme_id}|${d.region_code ?? ""}|${d.theme_id ?? 0}|${d.date.slice(0, 7)}`;
    const row = rows.get(key) ?? {
      ...{ programme_id: d.programme_id, region_code: d.region_code ?? "", theme_id: d.theme_id ?? 0, month: d.date.slice(0, 7) },
      ...{ days: 0, attendance: 0, responses: 0, surveyed_attendance: 0, surveyed_responses: 0, over100_events: 0 },
      ...{ graded_events: 0, n: 0, sum: 0, sum_sq: 0, event_n_sq: 0, meanSq: 0n, demo_events: 0 },
    };
    const attendance = d.attendance ?? 0;
    row.days += 1;
    row.attendance += attendance;
    row.responses += d.responses;
    row.demo_events += d.is_demo;
    // The rate counts once the survey has surely run (answers, or archived) and the day is not published.
    if (!d.published && attendance > 0 && (d.responses > 0 || d.archived)) {
      if (d.responses <= attendance) {
        row.surveyed_attendance += attendance;
        row.surveyed_responses += d.responses;
      } else row.over100_events += 1;
    }
    if (!d.published && d.grade_n > 0) {
      const s = d.grade_sum!;
      row.graded_events += 1;
      row.n += d.grade_n;
      row.sum += s;
      row.sum_sq += d.grade_sum_sq!;
      row.event_n_sq += d.grade_n * d.grade_n;
      row.meanSq += scaled((s * s) / d.grade_n);
    }
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(({ meanSq, ...row }) => ({ ...row, meanSq }))
    .sort((a, b) =>
      `${a.programme_id}|${a.region_code}|${a.theme_id}|${a.month}`.localeCompare(
        `${b.programme_id}|${b.region_code}|${b.theme_id}|${b.month}`,
      ),
    );
}

async function actualRollup(db: Db) {
  const rows = await db.all<RollupRow>(sql`SELECT * FROM grade_month_rollup ORDER BY programme_id, region_code, theme_id, month`);
  for (const r of rows) {
    expect(r.event_n_mean_sq_frac).toBeGreaterThanOrEqual(0);
    expect(r.event_n_mean_sq_frac).toBeLessThan(2 ** 52);
  }
  return rows
    .map(({ event_n_mean_sq_int, event_n_mean_sq_frac, ...row }) => ({
      ...row,
      meanSq: BigInt(event_n_mean_sq_int) * TWO_52 + BigInt(event_n_mean_sq_frac),
    }))
    .sort((a, b) =>
      `${a.programme_id}|${a.region_code}|${a.theme_id}|${a.month}`.localeCompare(
        `${b.programme_id}|${b.region_code}|${b.theme_id}|${b.month}`,
      ),
    );
}

async function expectRollupEqualsRecount(db: Db, step: string) {
  const expected = expectedRollup(await recountDays(db));
  expect(await actualRollup(db), step).toEqual(expected);
}

describe("grade_month_rollup after a random sequence of writes (seed 1814)", () => {
  let db: Db;
  let gradeQuestion: number;
  let usefulnessQuestion: number;
  const programmes: number[] = [];
  const themes = new Map<number, number[]>();
  const log: string[] = [];

  beforeAll(async () => {
    db = await createTestDb();
    const questions = await db.select().from(question).where(eq(question.setId, 1));
    gradeQuestion = questions.find((q) => q.key === "grade")!.id;
    usefulnessQuestion = questions.find((q) => q.key === "usefulness")!.id;
    for (const name of ["Ohjelma A", "Ohjelma B"]) {
      const [p] = await db.insert(programme).values({ name }).returning();
      programmes.push(p!.id);
      const ids: number[] = [];
      for (const t of ["Teema 1", "Teema 2"]) {
        const [row] = await db
          .insert(theme)
          .values({ programmeId: p!.id, nameFi: `${name} ${t}`, nameSv: `${name} ${t}`, nameEn: `${name} ${t}` })
          .returning();
        ids.push(row!.id);
      }
      themes.set(p!.id, ids);
    }
  });

  it("equals the recount after every step, and the grouped reads equal the day-by-day reads", { timeout: 120_000 }, async () => {
    const random = seededRandom(SEED);
    let counter = 0;
    const date = () => `2019-0${intBetween(random, 1, 6)}-${String(intBetween(random, 1, 28)).padStart(2, "0")}`;
    const dayFields = () => {
      const programmeId = pick(random, programmes);
      return {
        programmeId,
        regionCode: pick(random, REGIONS),
        date: date(),
        themeId: random() < 0.2 ? null : pick(random, themes.get(programmeId)!),
        attendance: random() < 0.15 ? null : intBetween(random, 1, 30),
      };
    };
    const grade = () => (random() < 0.3 ? intBetween(random, 4, 10) + 0.5 * intBetween(random, 0, 1) : intBetween(random, 4, 10));
    const answers = () => {
      const list: { questionId: number; key: string; numValue: number | null; textValue: string | null }[] = [];
      if (random() < 0.9) list.push({ questionId: gradeQuestion, key: "grade", numValue: Math.min(10, grade()), textValue: null });
      if (random() < 0.6)
        list.push({ questionId: usefulnessQuestion, key: "usefulness", numValue: intBetween(random, 1, 5), textValue: null });
      return list;
    };
    const days = async () =>
      db.select({ eventId: event.id, surveyId: survey.id }).from(event).innerJoin(survey, eq(survey.eventId, event.id));
    const someDay = async () => {
      const all = await days();
      return all.length === 0 ? null : pick(random, all);
    };

    const operations: [number, string, () => Promise<void>][] = [
      [
        8,
        "create a day",
        async () => {
          const f = dayFields();
          const [e] = await db
            .insert(event)
            .values({ ...f, title: `Päivä ${++counter}`, isDemo: random() < 0.2 })
            .returning();
          await db
            .insert(survey)
            .values({ eventId: e!.id, slug: `r-${counter}`, questionSetId: 1, closesAt: random() < 0.5 ? NOW - 1 : null });
        },
      ],
      [
        3,
        "import days in bulk",
        async () => {
          const [ids] = await db.all<{ id: number }>(sql`SELECT coalesce(max(id), 0) + 1 AS id FROM event`);
          const batch = Array.from({ length: intBetween(random, 1, 3) }, (_, i) => {
            const f = dayFields();
            // (Bulk loads always give a region, a theme and a head count.)
            const themeId = f.themeId ?? themes.get(f.programmeId)![0]!;
            return {
              id: ids!.id + i,
              ...f,
              regionCode: f.regionCode ?? "16",
              themeId,
              attendance: f.attendance ?? 20,
              title: `Tuotu ${++counter}`,
              slug: `b-${counter}`,
              questionSetId: 1,
            };
          });
          await insertBulkEvents(db, batch);
        },
      ],
      [
        30,
        "submit a response",
        async () => {
          const day = await someDay();
          if (day)
            await storeResponse(db, { id: `resp-${++counter}`, surveyId: day.surveyId, submittedAt: NOW, lang: "fi", answers: answers() });
        },
      ],
      [
        6,
        "import responses in bulk",
        async () => {
          const day = await someDay();
          if (!day) return;
          const batch = Array.from({ length: intBetween(random, 1, 12) }, () => ({
            id: `bulk-${++counter}`,
            surveyId: day.surveyId,
            submittedAt: NOW,
            lang: "sv" as const,
            answers: answers(),
          }));
          await insertBulkResponses(db, batch);
        },
      ],
      [
        5,
        "delete a response",
        async () => {
          const rows = await db.select({ id: response.id }).from(response);
          if (rows.length > 0) await db.delete(response).where(eq(response.id, pick(random, rows).id));
        },
      ],
      [
        4,
        "delete one grade answer",
        async () => {
          const rows = await db.select({ responseId: answer.responseId }).from(answer).where(eq(answer.questionId, gradeQuestion));
          if (rows.length > 0)
            await db.delete(answer).where(and(eq(answer.responseId, pick(random, rows).responseId), eq(answer.questionId, gradeQuestion)));
        },
      ],
      [
        2,
        "retention: delete a day's answers, keep its figures",
        async () => {
          const day = await someDay();
          if (day) await deleteEventResponses(db, await eventsWithResponses(db, { eventId: day.eventId }), true, NOW, 5);
        },
      ],
      [
        2,
        "erase a day's answers",
        async () => {
          const day = await someDay();
          if (day) await deleteEventResponses(db, await eventsWithResponses(db, { eventId: day.eventId }), false, NOW, 5);
        },
      ],
      [
        3,
        "cancel or restore a day",
        async () => {
          const day = await someDay();
          if (day) await setEventCancelled(db, day.eventId, random() < 0.6 ? NOW : null);
        },
      ],
      [
        6,
        "change a day's region, date, theme, programme or head count",
        async () => {
          const day = await someDay();
          if (!day) return;
          const f = dayFields();
          const change = pick(random, ["regionCode", "date", "themeId", "attendance", "all"] as const);
          const set =
            change === "all" ? f : change === "themeId" ? { programmeId: f.programmeId, themeId: f.themeId } : { [change]: f[change] };
          await db.update(event).set(set).where(eq(event.id, day.eventId));
        },
      ],
      [
        3,
        "record or clear a published figure",
        async () => {
          const day = await someDay();
          if (!day) return;
          if (random() < 0.7) {
            await savePublishedResult(
              db,
              day,
              { mean: 8, n: 20, distribution: null, source: "raportti", attendance: intBetween(random, 1, 30) },
              NOW,
            );
          } else await db.update(event).set({ reportedGradeMean: null, reportedGradeN: null }).where(eq(event.id, day.eventId));
        },
      ],
      [
        2,
        "delete a day",
        async () => {
          const day = await someDay();
          if (!day) return;
          // The staff page's way (survey, then day) and a plain delete of the day (the cascade).
          if (random() < 0.5) await deleteEventWithSurvey(db, { ...day, extraQuestionSetId: null });
          else await db.delete(event).where(eq(event.id, day.eventId));
        },
      ],
      [
        1,
        "import published history",
        async () => {
          const text =
            "alue;päivämäärä;teema;otsikko;paikka;osallistujat;keskiarvo;vastaajat;lähde\r\n" +
            `Keski-Pohjanmaa;${intBetween(random, 1, 28)}.${intBetween(random, 1, 6)}.2019;;Historia;Kokkola;${intBetween(random, 10, 40)};8,${intBetween(random, 0, 9)};;raportti\r\n`;
          const result = await importHistory(serviceContext(db, { now: () => NOW }), "cli", {
            text,
            programmeId: programmes[0]!,
            dryRun: false,
          });
          // (A day that already has answers is never overwritten: the import refuses that row.)
          expect(result.errors.filter((e) => e.code !== "has_answers")).toEqual([]);
        },
      ],
    ];
    const weights = operations.reduce((sum, [w]) => sum + w, 0);
    for (let step = 0; step < STEPS; step++) {
      let roll = random() * weights;
      const [, name, run] = operations.find(([w]) => (roll -= w) < 0)!;
      log.push(name);
      await run();
      await expectRollupEqualsRecount(db, `step ${step}: ${name}`);
    }
    // Every kind of write happened.
    for (const [, name] of operations) expect(log, name).toContain(name);
    const [count] = await db.all<{ rows: number; days: number }>(sql`SELECT count(*) AS rows, sum(days) AS days FROM grade_month_rollup`);
    expect(count!.days).toBeGreaterThan(20);

    // The grouped reads through the rollup equal the same reads day by day (leaving out a day that
    // does not exist makes them read every day), for filters whose ends fall mid-month or on edges.
    const filters: EventFilter[] = [
      { regions: "all" },
      { regions: "all", from: "2019-02-15", to: "2019-05-10" },
      { regions: "all", from: "2019-03-01", to: "2019-04-30" },
      { regions: "all", from: "2019-03-02", to: "2019-03-31" },
      { regions: "all", from: "2019-04-10", to: "2019-04-20" },
      { regions: ["16"], to: "2019-02-28" },
      { regions: [], from: "2019-01-31" },
      { regions: "all", region: "01", programmeId: programmes[1]! },
      { regions: "all", themeId: themes.get(programmes[0]!)![1]! },
    ];
    const groupings: Grouping[] = ["region", "month", "theme", "regionTheme", "regionAndTheme", "monthTheme"];
    for (const filter of filters) {
      for (const grouping of groupings) {
        const label = `${JSON.stringify(filter)} ${grouping}`;
        expect(await gradeSumsBy(db, filter, grouping, NOW), label).toEqual(
          await gradeSumsBy(db, { ...filter, excludeEventId: -1 }, grouping, NOW),
        );
        expect(await gradePoolSumsBy(db, filter, grouping), label).toEqual(
          await gradePoolSumsBy(db, { ...filter, excludeEventId: -1 }, grouping),
        );
      }
    }
  });
});

// Over HTTP on the demo data: a date filter whose ends fall mid-month (whole months from the rollup,
// the ends day by day) gives the national comparison and the trend exactly the days in the range,
// counted here straight from the answers.
describe("GET /api/stats/regions and /api/stats/trend with mid-month date bounds", () => {
  let app: ReturnType<typeof createApp>;
  let db: Db;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDb();
    await seedDemoDataIfEmpty(db);
    app = createApp({ db });
    cookie = await signIn(app, DEMO_USERS[0]);
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  /** Days, answers and their sum between two dates, from the answers (published days' answers never pool). */
  async function recount(from: string, to: string) {
    const [row] = await db.all<{ days: number; n: number; sum: number }>(sql`
      SELECT (SELECT count(*) FROM event e WHERE e.date BETWEEN ${from} AND ${to} AND e.cancelled_at IS NULL) AS days,
        count(a.num_value) AS n, coalesce(sum(a.num_value), 0) AS sum
      FROM answer a JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id
      JOIN event e ON e.id = s.event_id JOIN question q ON q.id = a.question_id
      WHERE q.key = 'grade' AND e.date BETWEEN ${from} AND ${to} AND e.cancelled_at IS NULL AND e.reported_grade_mean IS NULL`);
    return row!;
  }

  for (const [from, to] of [
    ["2019-09-05", "2019-11-05"],
    ["2019-03-15", "2019-10-20"],
    ["2019-04-01", "2019-05-31"],
    ["2019-09-10", "2019-09-20"],
  ] as const) {
    it(`${from} … ${to}`, async () => {
      const expected = await recount(from, to);
      expect(expected.days).toBeGreaterThan(0);
      const regions = await get<RegionsStatsResponse>(`/api/stats/regions?from=${from}&to=${to}`);
      expect(regions.national!.events).toBe(expected.days);
      expect(regions.national!.n).toBe(expected.n);
      expect(regions.national!.mean).toBeCloseTo(expected.sum / expected.n, 12);
      const trend = await get<TrendResponse>(`/api/stats/trend?interval=year&from=${from}&to=${to}`);
      const national = trend.series.find((s) => s.region === null)!;
      const points = national.points.filter((p) => p !== null);
      expect(points.reduce((n, p) => n + p!.n, 0)).toBe(expected.n);
    });
  }
});
