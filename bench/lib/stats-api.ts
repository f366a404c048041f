// EXTENSION POINT — statistics API latency (issue: "national comparison and trend API latency
// (p50, p99) at 10k and at 1M stored responses over 18 regions, and the ratio 1M ÷ 10k").
//
// Not measured yet. The routes (src/routes/stats.ts) are being built; they need a signed-in
// session. To measure them, implement measureStatsApi below:
//   1. For each size in STATS_SIZES: `generateResponses(db, { responses: size })` into a fresh file
//      (bench/lib/generate-data.ts; `npm run bench:data -- --responses 1000000` takes about 85 s of
//      CPU, two to four minutes on a busy machine, so keep the files under bench/data/, which git
//      ignores, keyed by size and seed).
//   2. Add a national-team user to that file (the accounts code's own query, not SQL here), start
//      bench/servers/palaute.ts on it, sign in with POST /api/auth/login and keep the cookie.
//   3. runLoad() each of STATS_ENDPOINTS with the cookie for ~5 s at a few connections (a dashboard
//      is read by a handful of people, not fifty), expectStatus 200, and report p50/p99 and the
//      ratio of the 1M p99 to the 10k p99 (flat is the goal: the answer_tally rollup should make
//      the work proportional to days × scale values, not responses).
// Until then the table says so and no figure is invented.
import type { LoadResult } from "./load";

export const STATS_ENDPOINTS = [
  { name: "national comparison", path: "/api/stats/regions" },
  { name: "trend", path: "/api/stats/trend?interval=term" },
] as const;

export const STATS_SIZES = [10_000, 1_000_000] as const;

export type StatsMeasurement =
  | { readonly status: "measured"; readonly rows: readonly { endpoint: string; responses: number; result: LoadResult }[] }
  | { readonly status: "not_measured"; readonly reason: string };

/** Probes a running server: the stats routes answer 404 (the app's not_found) while they do not exist. */
export async function measureStatsApi(probeUrl: string): Promise<StatsMeasurement> {
  const statuses = await Promise.all(STATS_ENDPOINTS.map(async (e) => (await fetch(`${probeUrl}${e.path}`)).status));
  if (statuses.every((s) => s === 404)) return { status: "not_measured", reason: "not built yet (the stats API does not exist)" };
  return {
    status: "not_measured",
    reason: `not measured yet: the API answers (${statuses.join(", ")} without a session); extension point bench/lib/stats-api.ts`,
  };
}
