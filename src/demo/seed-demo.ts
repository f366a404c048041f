import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { insertUser } from "../queries/users";
import { insertArea } from "../queries/areas";
import { DEMO_AREAS } from "./demo-areas";
import { DEMO_USERS } from "./demo-users";
import { hasAnyProgramme, insertDemoData } from "../queries/demo-seed";
import { buildDemoEvents } from "./demo-data";
import { seededRandom } from "./random";

export const DEMO_SURVEY_SLUG = "demo-15-2019-05-09";

/** Seeds the demo programme into an empty database; leaves a database with any programme alone. */
export async function seedDemoDataIfEmpty(db: Db, seed = 2019): Promise<{ seeded: boolean; days: number; responses: number }> {
  if (await hasAnyProgramme(db)) return { seeded: false, days: 0, responses: 0 };
  // PBKDF2 runs on Node's thread pool: the sign-ins' hashes are made while the main thread inserts the days.
  const hashes = Promise.all(DEMO_USERS.map((demo) => hashPassword(demo.password)));
  const events = buildDemoEvents(seed);
  const random = seededRandom(seed + 1);
  try {
    await insertDemoData(db, events, () => uuidFrom(random));
  } finally {
    await hashes.catch(() => undefined);
  }
  const areaIds = new Map<string, number>();
  for (const a of DEMO_AREAS) {
    areaIds.set(a.key, await insertArea(db, { nameFi: a.fi, nameSv: a.sv, nameEn: a.en, regions: a.regions, source: null, isDemo: true }));
  }
  const passwordHashes = await hashes;
  for (const [i, demo] of DEMO_USERS.entries()) {
    const areaId = "area" in demo ? (areaIds.get(demo.area) ?? null) : null;
    await insertUser(db, { ...demo, areaId, passwordHash: passwordHashes[i]!, isDemo: true });
  }
  return { seeded: true, days: events.length, responses: events.reduce((sum, event) => sum + event.responses.length, 0) };
}

/** A version-4-shaped UUID from the seeded generator, so demo ids are the same on every run. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
