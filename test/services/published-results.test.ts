import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { getEvent } from "../../src/queries/events";
import { serviceContext } from "../../src/services/context";
import { recordPublishedResult } from "../../src/services/published-results";
import { createTestUser } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

// recordPublishedResult called directly on a real in-memory database with the real migrations: the
// audit line keeps what a correction replaced. Names the mutants of src/services/published-results.ts
// it holds in place.

let db: Db;
let eventId: number;
let national: SessionPrincipal;
const principal = (userId: number): SessionPrincipal => ({
  userId,
  email: "national@test.example",
  name: "N",
  role: "national",
  regions: [],
  allRegions: false,
  area: null,
  sessionId: "s",
});
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-05T12:00:00Z") });
const record = async (mean: number, n: number | null) =>
  recordPublishedResult(deps(), national, (await getEvent(db, eventId))!, {
    mean,
    n,
    distribution: null,
    attendance: null,
    source: "Raportti",
  });
const details = async () =>
  (
    await db.all<{ details_json: string }>(sql`SELECT details_json FROM audit_log WHERE action = 'published_result_recorded' ORDER BY id`)
  ).map((r) => JSON.parse(r.details_json) as { previous: unknown; mean: number; n: number | null; attendance: number });

beforeEach(async () => {
  db = await createTestDb();
  ({ eventId } = await createTestSurvey(db, { attendance: 40 }));
  national = principal((await createTestUser(db, "national")).id);
});

describe("recordPublishedResult", () => {
  it("audits the figure a correction replaced, and none for the first (kills: the previous-figure condition → true/false/!==)", async () => {
    await record(8.2, 30);
    await record(8.4, 31);
    const [first, second] = await details();
    expect(first).toMatchObject({ mean: 8.2, n: 30, attendance: 40, previous: null });
    expect(second).toMatchObject({ mean: 8.4, n: 31, previous: { mean: 8.2, n: 30 } });
  });

  it("keeps the normalised distribution and names the day in the audit line (kills: the distribution condition → true, the target)", async () => {
    await recordPublishedResult(deps(), national, (await getEvent(db, eventId))!, {
      mean: 8,
      n: 2,
      distribution: { "7": 1, "9": 1 },
      attendance: null,
      source: "Raportti",
    });
    const [line] = await db.all<{ target: string; region_code: string; details_json: string }>(
      sql`SELECT target, region_code, details_json FROM audit_log`,
    );
    expect(line).toMatchObject({ target: `event:${eventId}`, region_code: "16" });
    expect(JSON.parse(line!.details_json).distribution).toEqual({ "4": 0, "5": 0, "6": 0, "7": 1, "8": 0, "9": 1, "10": 0 });
    const [day] = await db.all<{ json: string }>(sql`SELECT reported_grade_distribution_json AS json FROM event WHERE id = ${eventId}`);
    expect(JSON.parse(day!.json)).toEqual({ "4": 0, "5": 0, "6": 0, "7": 1, "8": 0, "9": 1, "10": 0 });
  });

  it("refuses figures that do not add up, naming each problem, and writes nothing (kills: problems.length > 0 → false, the messages)", async () => {
    await expect(record(11, 30)).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ key: "mean", code: "mean_off_scale", message: "the mean must be within the grade scale 4–10" }],
    });
    expect(await details()).toEqual([]);
  });

  it("refuses everyone but the national team", async () => {
    const agent = { ...national, role: "agent" as const, regions: ["16"] };
    await expect(
      recordPublishedResult(deps(), agent, (await getEvent(db, eventId))!, {
        mean: 8,
        n: null,
        distribution: null,
        attendance: null,
        source: "R",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
