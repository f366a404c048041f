// node --import tsx bench/stats-cpu.ts --db bench/data/stats-10000.db [--calls 201] [--only trend|regions] <checkout>…
//
// Server CPU per call of the statistics services (trend, national comparison) of several
// checkouts in one process, interleaved (each checkout's call in turn), median: the figure
// bench/RESULTS.md gives beside the latencies, far less sensitive to other work on the machine.
// The first checkout is the baseline of the printed ratios. A checkout older than the
// services/ split is read from src/routes/dashboard-figures.ts. `process.cpuUsage` is taken around
// the service call and JSON.stringify of its answer; national reader, interval=term.
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { db: { type: "string" }, calls: { type: "string", default: "201" }, only: { type: "string" } },
  allowPositionals: true,
});
if (!values.db || positionals.length === 0) {
  console.error("usage: --db <file.db> [--calls N] [--only trend|regions] <checkout> [<checkout> …]");
  process.exit(2);
}
type Figures = (deps: unknown, principal: unknown, query: Record<string, unknown>) => Promise<unknown>;
const principal = {
  userId: 1,
  email: "national@example.test",
  name: "N",
  role: "national",
  regions: [],
  allRegions: false,
  area: null,
  sessionId: "s",
};
const now = Date.parse("2026-12-02T12:00:00Z");
const trees: { name: string; figures: Record<"trend" | "regions", Figures>; deps: unknown; close: () => void }[] = [];
for (const name of positionals) {
  const root = resolve(name);
  const { openNodeDatabase } = await import(`${root}/src/db/open-node-database.ts`);
  const { createDb } = await import(`${root}/src/db/client.ts`);
  const module = await import(`${root}/src/services/dashboard-figures.ts`).catch(() => import(`${root}/src/routes/dashboard-figures.ts`));
  const client = await openNodeDatabase({ url: `file:${resolve(values.db)}` });
  const deps = { db: createDb(client), now: () => now, audit: async () => undefined, log: () => undefined };
  trees.push({ name, figures: { trend: module.trendFigures, regions: module.regionsFigures }, deps, close: () => client.close() });
}
const endpoints = (["trend", "regions"] as const).filter((e) => values.only === undefined || values.only === e);
async function cpuOf(tree: (typeof trees)[number], endpoint: "trend" | "regions"): Promise<number> {
  const before = process.cpuUsage();
  JSON.stringify(await tree.figures[endpoint](tree.deps, principal, { interval: "term" }));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
for (const tree of trees) for (const endpoint of endpoints) for (let i = 0; i < 3; i++) await cpuOf(tree, endpoint);
const times = new Map<string, number[]>();
for (let i = 0; i < Number(values.calls); i++)
  for (const endpoint of endpoints)
    for (const tree of trees) {
      const key = `${endpoint} ${tree.name}`;
      times.set(key, [...(times.get(key) ?? []), await cpuOf(tree, endpoint)]);
    }
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const endpoint of endpoints) {
  const base = median(times.get(`${endpoint} ${trees[0]!.name}`)!);
  for (const tree of trees) {
    const ms = median(times.get(`${endpoint} ${tree.name}`)!);
    console.log(
      `${endpoint === "regions" ? "national comparison" : "trend"} · ${tree.name}: ${ms.toFixed(2)} ms (× ${(ms / base).toFixed(2)})`,
    );
  }
}
for (const tree of trees) tree.close();
