// Fills a database with N realistic responses over the 18 regions, fast: rows are built in memory
// from a seeded generator and written with multi-row INSERTs, tens of thousands of rows per
// transaction (src/queries/bulk-load.ts). Used by `npm run bench` (the database under load) and
// `npm run bench:data` (large databases for the statistics benchmarks).
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/client";
import { DEMO_THEMES } from "../../src/demo/demo-data";
import { intBetween, pick, seededRandom } from "../../src/demo/random";
import { numberedShortCode } from "../../src/domain/short-code";
import type { Lang } from "../../src/domain/lang";
import type { Question } from "../../src/domain/questions";
import {
  checkpointAfterBulkLoad,
  insertBulkEvents,
  insertBulkProgramme,
  insertBulkResponses,
  listRegionCodes,
  nextFreeIds,
  tuneConnectionForBulkLoad,
  type BulkAnswer,
  type BulkEvent,
  type BulkResponse,
} from "../../src/queries/bulk-load";
import { listQuestions } from "../../src/queries/survey-by-slug";

const CORE_SET_ID = 1;
/** Responses per write transaction: large enough that the fsync is noise, small enough to keep memory flat. */
const RESPONSES_PER_BATCH = 50_000;
/** Days spread over eight years so that monthly, termly and yearly trends all have many buckets. */
const FIRST_DAY = Date.parse("2019-01-01T00:00:00Z");
const SPAN_DAYS = 8 * 365;
const BILINGUAL = new Set(["01", "02", "08", "15", "16"]);

const GOOD: Record<Lang, readonly string[]> = {
  fi: ["Hyvät puheenvuorot ja aikaa keskustelulle.", "Verkostoituminen muiden alojen johtajien kanssa.", "Käytännön esimerkit kunnista."],
  sv: ["Bra anföranden och tid för diskussion.", "Praktiska exempel från kommunerna."],
  en: ["Good talks and time to discuss.", "Meeting leaders from other sectors."],
};
const IMPROVE: Record<Lang, readonly string[]> = {
  fi: ["Enemmän aikaa ryhmätöille.", "Materiaalit etukäteen.", "Tauot olivat liian lyhyitä."],
  sv: ["Mer tid för grupparbete.", "Materialet i förväg."],
  en: ["More time for group work.", "Slides in advance, please."],
};
const SECTOR_WEIGHTS = ["social_health", "social_health", "education", "education", "municipal", "ngo", "parish", "other"];

export interface GenerateOptions {
  readonly responses: number;
  readonly seed?: number;
  readonly onBatch?: (written: number) => void;
}

export interface Generated {
  readonly days: readonly BulkEvent[];
  readonly responses: number;
  readonly answers: number;
  readonly milliseconds: number;
}

/** Adds one programme with as many academy days (30–90 respondents each) as N responses need. */
export async function generateResponses(db: Db, options: GenerateOptions): Promise<Generated> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 2019);
  await tuneConnectionForBulkLoad(db);
  const questions = await listQuestions(db, CORE_SET_ID);
  const regions = await listRegionCodes(db);
  const ids = await nextFreeIds(db);

  const themes = DEMO_THEMES.map((t, i) => ({ id: ids.theme + i, fi: t.fi, sv: t.sv, en: t.en }));
  await insertBulkProgramme(db, {
    id: ids.programme,
    name: "Kuormitustesti (bench)",
    startsOn: "2019-01-01",
    endsOn: "2026-12-31",
    themes,
  });

  // Plan the days first (their surveys must exist before responses point at them).
  const plan: { day: BulkEvent; respondents: number; centre: number }[] = [];
  for (let planned = 0; planned < options.responses; ) {
    const id = ids.day + plan.length;
    const regionCode = regions[plan.length % regions.length]!;
    const theme = themes[plan.length % themes.length]!;
    const attendance = intBetween(random, 40, 110);
    const respondents = Math.min(options.responses - planned, Math.round(attendance * (0.5 + random() * 0.3)));
    const date = new Date(FIRST_DAY + Math.floor(random() * SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
    plan.push({
      day: {
        id,
        programmeId: ids.programme,
        regionCode,
        date,
        themeId: theme.id,
        title: `Kuormitustesti: ${theme.fi}`,
        attendance,
        slug: `bench-${id}-${Math.floor(random() * 2 ** 32).toString(36)}`,
        // The trigger's random codes collide by chance among 20k days (about one database in five).
        shortCode: numberedShortCode("B", id),
        questionSetId: CORE_SET_ID,
      },
      respondents,
      centre: 7.4 + random() * 1.4,
    });
    planned += respondents;
  }
  await insertBulkEvents(
    db,
    plan.map((p) => p.day),
  );

  let written = 0;
  let answers = 0;
  let batch: BulkResponse[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await insertBulkResponses(db, batch);
    written += batch.length;
    batch = [];
    options.onBatch?.(written);
  };
  for (const { day: event, respondents, centre } of plan) {
    const end = Date.parse(`${event.date}T13:00:00Z`);
    for (let i = 0; i < respondents; i += 1) {
      const response = makeResponse(random, questions, event, end, centre);
      answers += response.answers.length;
      batch.push(response);
      if (batch.length >= RESPONSES_PER_BATCH) await flush();
    }
  }
  await flush();
  await checkpointAfterBulkLoad(db);
  return { days: plan.map((p) => p.day), responses: written, answers, milliseconds: performance.now() - started };
}

/** One participant: a grade around the day's centre, usually usefulness and sector, sometimes comments. */
function makeResponse(random: () => number, questions: readonly Question[], event: BulkEvent, end: number, centre: number): BulkResponse {
  const lang: Lang = BILINGUAL.has(event.regionCode) && random() < 0.3 ? "sv" : random() < 0.04 ? "en" : "fi";
  const grade = clamp(Math.round(centre + (random() + random() + random() - 1.5) * 1.6), 4, 10);
  const answers: BulkAnswer[] = [];
  for (const q of questions) {
    const answer = answerFor(random, q, grade, lang);
    if (answer) answers.push(answer);
  }
  return { id: randomUUID(), surveyId: event.id, submittedAt: end + Math.floor(random() * 3_600_000), lang, answers };
}

function answerFor(random: () => number, q: Question, grade: number, lang: Lang): BulkAnswer | null {
  switch (q.key) {
    case "grade":
      return { questionId: q.id, numValue: grade, textValue: null };
    case "usefulness":
      return random() < 0.9
        ? { questionId: q.id, numValue: clamp(Math.round(grade / 2 - 0.5 + (random() - 0.5) * 1.5), 1, 5), textValue: null }
        : null;
    case "sector": {
      if (random() >= 0.85) return null;
      const value = pick(random, SECTOR_WEIGHTS);
      return { questionId: q.id, numValue: q.options.findIndex((o) => o.value === value) + 1, textValue: value };
    }
    case "good":
      return random() < 0.4 ? { questionId: q.id, numValue: null, textValue: pick(random, GOOD[lang]) } : null;
    case "improve":
      return random() < 0.3 ? { questionId: q.id, numValue: null, textValue: pick(random, IMPROVE[lang]) } : null;
    default:
      return null;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
