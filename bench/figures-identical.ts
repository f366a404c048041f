// node --import tsx bench/figures-identical.ts --against /path/to/other/checkout --db file.db [--db other.db]
//
// A change meant only to make the statistics read path faster must not move a figure: this
// compares JSON.stringify of the trend (month, term, year) and of the national comparison, as this
// checkout and another one (e.g. `git worktree add /tmp/main main`, or `git archive` of a commit
// with this checkout's node_modules linked in) compute them, on the same database files, for 15
// filter sets (none; from and/or to, mid-month and on month edges, within one month; one region;
// two regions; a theme; a programme; mixes) × a national and a one-region reader: 120 answers per
// database. Errors (a one-region reader asking for two regions) are compared as errors. Exits 1 on
// any difference. The databases are opened read-only in effect (the services only read), migrated
// by whoever made them.
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { against: { type: "string" }, db: { type: "string", multiple: true } } });
if (!values.against || !values.db?.length) {
  console.error("usage: --against <other checkout> --db <file.db> [--db <file.db> …]");
  process.exit(2);
}

type Figures = (deps: unknown, principal: unknown, query: Record<string, unknown>) => Promise<unknown>;
interface Tree {
  readonly open: (path: string) => Promise<{ deps: unknown; close: () => void }>;
  readonly trend: Figures;
  readonly regions: Figures;
}

async function loadTree(root: string): Promise<Tree> {
  const { openNodeDatabase } = await import(`${root}/src/db/open-node-database.ts`);
  const { createDb } = await import(`${root}/src/db/client.ts`);
  const figures = await import(`${root}/src/services/dashboard-figures.ts`);
  return {
    open: async (path) => {
      const client = await openNodeDatabase({ url: `file:${path}` });
      const now = Date.parse("2026-12-02T12:00:00Z");
      const deps = { db: createDb(client), now: () => now, audit: async () => undefined, log: () => undefined };
      return { deps, close: () => client.close() };
    },
    trend: figures.trendFigures,
    regions: figures.regionsFigures,
  };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthEnd = (date: string) => `${addDays(`${date.slice(0, 7)}-01`, 40).slice(0, 7)}-01`;

/** The filter sets, from the database's own dates, regions, themes and programmes. */
async function filterSets(tree: Tree, path: string): Promise<Record<string, unknown>[]> {
  const { openNodeDatabase } = await import(`${resolve(".")}/src/db/open-node-database.ts`);
  const client = await openNodeDatabase({ url: `file:${path}` });
  const one = async (text: string) => (await client.execute(text)).rows[0]!;
  const span = await one("SELECT min(date) AS first, max(date) AS last FROM event WHERE cancelled_at IS NULL");
  const regions = (
    await client.execute("SELECT region_code FROM event WHERE region_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 2")
  ).rows;
  const theme = await one("SELECT theme_id FROM event WHERE theme_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  const programme = await one("SELECT programme_id FROM event GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  client.close();
  void tree;
  const first = String(span.first);
  const last = String(span.last);
  const midA = addDays(first, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000 / 4));
  const midB = addDays(first, Math.round(((Date.parse(last) - Date.parse(first)) / 86_400_000) * 0.75));
  const startA = `${midA.slice(0, 7)}-01`;
  const endB = addDays(monthEnd(midB), -1);
  const r1 = String(regions[0]!.region_code);
  const r2 = String(regions[1]?.region_code ?? r1);
  const themeId = String(theme.theme_id);
  const programmeId = String(programme.programme_id);
  return [
    {},
    { from: midA },
    { to: midB },
    { from: midA, to: midB },
    { from: startA },
    { to: endB },
    { from: startA, to: endB },
    { from: midA, to: addDays(midA, 9) },
    { region: r1 },
    { regions: [r1, r2] },
    { theme: themeId },
    { programme: programmeId },
    { theme: themeId, from: midA },
    { programme: programmeId, to: endB },
    { regions: [r1, r2], from: midA, to: midB },
  ];
}

async function answer(run: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await run());
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const here = await loadTree(resolve("."));
const other = await loadTree(resolve(values.against));
let differences = 0;
for (const path of values.db) {
  const sets = await filterSets(here, path);
  const oneRegion = String((sets[8] as { region: string }).region);
  const readers = [
    { userId: 1, email: "national@example.test", name: "N", role: "national", regions: [], allRegions: false, area: null, sessionId: "s" },
    {
      userId: 2,
      email: "agent@example.test",
      name: "A",
      role: "agent",
      regions: [oneRegion],
      allRegions: false,
      area: null,
      sessionId: "s",
    },
  ];
  const a = await here.open(path);
  const b = await other.open(path);
  let compared = 0;
  for (const filter of sets) {
    for (const reader of readers) {
      const asks: [string, (t: Tree, deps: unknown) => Promise<unknown>][] = [
        ...(["month", "term", "year"] as const).map(
          (interval) =>
            [`trend ${interval}`, (t: Tree, deps: unknown) => t.trend(deps, reader, { ...filter, interval })] as [
              string,
              (t: Tree, deps: unknown) => Promise<unknown>,
            ],
        ),
        ["national comparison", (t, deps) => t.regions(deps, reader, { ...filter, interval: "term" })],
      ];
      for (const [name, ask] of asks) {
        const mine = await answer(() => ask(here, a.deps));
        const theirs = await answer(() => ask(other, b.deps));
        compared++;
        if (mine !== theirs) {
          differences++;
          console.log(`DIFFERENT: ${path} ${name} ${reader.role} ${JSON.stringify(filter)}`);
        }
      }
    }
  }
  a.close();
  b.close();
  console.log(`${path}: ${compared} answers compared, ${differences} different so far`);
}
process.exit(differences === 0 ? 0 : 1);
