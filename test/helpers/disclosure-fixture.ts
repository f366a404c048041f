import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { buildDemoEvents, type DemoEvent, type DemoResponse } from "../../src/demo/demo-data";
import { insertDemoData } from "../../src/queries/demo-seed";
import { createTestUser, signIn } from "./accounts";
import { createTestDb } from "./test-db";

// The demo data plus days made to be attacked: small sector cells on dates no other day has, two
// regions on one date, a small national day, a theme with a single small day. What an auditor
// would add to find the edges of the disclosure rules.

function answers(date: string, sectors: Record<string, number>, grade = 8, lang: DemoResponse["lang"] = "fi"): DemoResponse[] {
  const at = Date.parse(`${date}T13:00:00Z`);
  return Object.entries(sectors).flatMap(([sector, count]) =>
    Array.from({ length: count }, (_, i) => ({
      lang,
      submittedAt: at + i * 1000,
      grade,
      usefulness: 4,
      sector,
      good: null,
      improve: null,
    })),
  );
}

function edgeEvent(slug: string, regionCode: string | null, date: string, theme: DemoEvent["theme"], responses: DemoResponse[]): DemoEvent {
  return {
    slug,
    regionCode,
    date,
    theme,
    title: slug,
    location: "X",
    attendance: responses.length + 3,
    reportedGradeMean: null,
    reportedGradeN: null,
    reportedSource: null,
    isDemo: true,
    responses,
  };
}

export const EDGE_EVENTS: DemoEvent[] = [
  edgeEvent("edge-16-a", "16", "2019-10-15", "leadership", answers("2019-10-15", { parish: 1, social_health: 11 })),
  edgeEvent("edge-16-b", "16", "2019-10-16", "family", answers("2019-10-16", { ngo: 2, education: 5 }, 6)),
  edgeEvent("edge-15", "15", "2019-10-20", "effectiveness", answers("2019-10-20", { parish: 3, other: 6 }, 9)),
  edgeEvent("edge-14", "14", "2019-10-20", "effectiveness", answers("2019-10-20", { ngo: 1, municipal: 8 }, 7)),
  edgeEvent("edge-national", null, "2019-11-30", null, answers("2019-11-30", { education: 1, municipal: 5 })),
  edgeEvent("edge-01-tiny", "01", "2019-12-10", "leadership", answers("2019-12-10", { other: 2 }, 5)),
];

export interface DisclosureFixture {
  readonly db: Db;
  readonly app: ReturnType<typeof createApp>;
  readonly cookies: { national: string; agent16: string; viewer16: string };
}

export async function disclosureFixture(): Promise<DisclosureFixture> {
  const db = await createTestDb();
  let next = 0;
  await insertDemoData(db, [...buildDemoEvents(), ...EDGE_EVENTS], () => `00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`);
  const app = createApp({ db });
  const cookies = {
    national: await signIn(app, await createTestUser(db, "national")),
    agent16: await signIn(app, await createTestUser(db, "agent", ["16"])),
    viewer16: await signIn(app, await createTestUser(db, "viewer", ["16"])),
  };
  return { db, app, cookies };
}
