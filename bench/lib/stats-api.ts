// Statistics API latency ("national comparison and trend API latency (p50, p99) at 10k and at 1M
// stored responses over 18 regions, and the ratio 1M ÷ 10k"). Each size gets a database made once
// by the generator and kept under bench/data/ (git ignores it; 1M responses take a few minutes to
// make), a national-team user, the real server in its own process, and a signed-in session. A
// dashboard is read by a handful of people at once, not fifty: 4 connections.
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { hashPassword } from "../../src/auth/password";
import { createDb } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { checkpointAfterBulkLoad } from "../../src/queries/bulk-load";
import { emailExists, insertUser } from "../../src/queries/users";
import type { ServerProcess } from "./children";
import { generateResponses } from "./generate-data";
import { runLoad, type LoadResult } from "./load";

export const STATS_ENDPOINTS = [
  { name: "national comparison", path: "/api/stats/regions" },
  { name: "trend", path: "/api/stats/trend?interval=term" },
] as const;

export const STATS_SIZES = [10_000, 1_000_000] as const;

const USER = {
  email: "bench.national@palaute.example",
  password: "bench national password",
  name: "Bench",
  role: "national" as const,
  regions: [],
};

export interface StatsRow {
  readonly endpoint: string;
  readonly responses: number;
  readonly days: number;
  readonly result: LoadResult;
}

/** The database of `size` responses for the statistics figures, made on first use. */
export async function statsDatabase(size: number, log: (line: string) => void): Promise<string> {
  const path = `bench/data/stats-${size}.db`;
  const client = await openNodeDatabase({ url: `file:${path}` });
  try {
    const db = createDb(client);
    await runMigrations(db);
    if (!existsSync(`${path}.ready`)) {
      log(`generating ${size.toLocaleString("en")} responses into ${path} (kept for later runs)…`);
      const generated = await generateResponses(db, { responses: size });
      log(`  ${generated.days.length.toLocaleString("en")} days in ${(generated.milliseconds / 1000).toFixed(0)} s`);
      copyFileSync("/dev/null", `${path}.ready`);
    }
    if (!(await emailExists(db, USER.email))) await insertUser(db, { ...USER, passwordHash: await hashPassword(USER.password) });
    // The file is copied for each run: everything must be in it, not in its WAL.
    await checkpointAfterBulkLoad(db);
  } finally {
    client.close();
  }
  return path;
}

/** Signs in through the real API; the cookie the dashboard would send. */
export async function signIn(serverUrl: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: serverUrl },
    body: JSON.stringify({ email: USER.email, password: USER.password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
}

export async function measureStatsApi(options: {
  size: number;
  work: string;
  seconds: number;
  start: (databaseUrl: string) => Promise<ServerProcess>;
  stop: (server: ServerProcess) => Promise<void>;
  log: (line: string) => void;
}): Promise<StatsRow[]> {
  const source = await statsDatabase(options.size, options.log);
  const copy = join(options.work, `stats-${options.size}.db`);
  copyFileSync(source, copy);
  const server = await options.start(`file:${copy}`);
  try {
    const cookie = await signIn(server.url);
    const events = await countEvents(server.url, cookie);
    const rows: StatsRow[] = [];
    for (const endpoint of STATS_ENDPOINTS) {
      const spec = { url: `${server.url}${endpoint.path}`, connections: 4, expectStatus: 200, request: { headers: { cookie } } };
      await runLoad({ ...spec, seconds: 1 }); // warm-up
      rows.push({
        endpoint: endpoint.name,
        responses: options.size,
        days: events,
        result: await runLoad({ ...spec, seconds: options.seconds }),
      });
    }
    return rows;
  } finally {
    await options.stop(server);
  }
}

async function countEvents(serverUrl: string, cookie: string): Promise<number> {
  const res = await fetch(`${serverUrl}/api/stats/regions`, { headers: { cookie } });
  const body = (await res.json()) as { national: { events: number } };
  return body.national.events;
}
