// npm run bench [-- --seconds 8 --warmup 2 --connections 50 --profile --only form,stats,transfer,startup,edge]
// Self-contained, loopback only, about a minute: every figure is a ratio to a baseline
// measured in the same run on the same machine, because absolute rates on a shared 2-core machine
// swing by a third from run to run (STACK-NOTES). Prints one Markdown table; bench/RESULTS.md
// records a run and explains every missed target.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildWebIfNeeded, stampPath } from "../scripts/lib/web-build-stamp";
import { createDb } from "../src/db/client";
import { runMigrations } from "../src/db/migrate";
import { openNodeDatabase } from "../src/db/open-node-database";
import { countSurveyResponses } from "../src/queries/bulk-load";
import { listQuestions } from "../src/queries/survey-by-slug";
import { startServer, type ServerProcess } from "./lib/children";
import { timeNpmStart, type StartTiming } from "./lib/first-start";
import { generateResponses } from "./lib/generate-data";
import { runLoad, type LoadResult, type LoadSpec } from "./lib/load";
import { measureRawInserts } from "./lib/raw-insert";
import { measureRoundTrips } from "./lib/round-trips";
import { dashboardJsGzip, measureSurveyPage, workerBundleGzip } from "./lib/sizes";
import { dashboardOnTheWire, type WireBytes } from "./lib/transfer";
import { measureStatsApi, STATS_ENDPOINTS, STATS_SIZES, type StatsRow } from "./lib/stats-api";
import { answerSource, submissionRequest, type CoreKey } from "./lib/submissions";
import { bytes, int, mib, ratio, renderTable, verdict, verdictOf, type Row } from "./lib/table";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "8" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    /** Responses already in the database under test, so indexes have a realistic size. */
    "seed-responses": { type: "string", default: "10000" },
    /** Write a V8 CPU profile of each Palaute server process (node --cpu-prof). */
    profile: { type: "boolean", default: false },
    /** Only some rows, comma-separated: "form" (the survey form GET against the same page bytes served
     *  from memory, about half a minute plus seeding), "stats" (the statistics API, about a minute once bench/data/
     *  holds the databases), "transfer" (dashboard bytes on the wire from Node), "startup" (first
     *  `npm start` on an empty database), "edge" (the Worker's database round trips per action with
     *  20 ms each way to the database, about 20 s). */
    only: { type: "string" },
  },
});
const SECONDS = boundedNumber(args.seconds, 1, 60, "--seconds");
const WARMUP = boundedNumber(args.warmup, 0, 30, "--warmup");
const CONNECTIONS = boundedNumber(args.connections, 1, 500, "--connections");
const PARTS = ["form", "stats", "transfer", "startup", "edge"] as const;
const ONLY = new Set(args.only?.split(",").map((part) => part.trim()));
for (const part of ONLY)
  if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only takes ${PARTS.join(", ")} (comma-separated), not "${part}"`);
const SEED_RESPONSES = boundedNumber(args["seed-responses"], 1, 1_000_000, "--seed-responses");

const TARGET = {
  formGetRatio: 0.7,
  submitRatio: 0.6,
  submitP99Ms: 50,
  pageGzipBytes: 14_000,
  workerGzipBytes: 250_000,
  dashboardWireBytes: 100_000,
  firstStartSeconds: 10,
};

/** Rounds of the form GET and its yardstick, taken in turn (ABBA…), each SECONDS / FORM_ROUNDS long. */
const FORM_ROUNDS = 4;

/** The request every form GET under load makes: a browser asking for the page in Finnish, no compression (as autocannon). */
const FORM_REQUEST_HEADERS = { accept: "text/html", "accept-language": "fi-FI,fi;q=0.9,en;q=0.8" };

const work = mkdtempSync(join(tmpdir(), "palaute-bench-"));
const profileDir = join(work, "profiles");
const palauteNodeArgs = args.profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
const log = (line: string) => console.error(`[bench] ${line}`);
const running = new Set<ServerProcess>();
if (args.profile) mkdirSync(profileDir, { recursive: true });

try {
  const rows = await main();
  console.log(renderTable(rows));
} finally {
  for (const server of running) await server.stop();
  if (args.profile) log(`CPU profiles kept in ${profileDir}`);
  else rmSync(work, { recursive: true, force: true });
}

async function main(): Promise<Row[]> {
  log(
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? "?"} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Linux ${release()} · Node ${process.version}`,
  );
  log(`load: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s measured per figure, loopback`);
  logMachineLoad("start", 0);
  await buildWebIfNeeded();
  if (ONLY.size > 0) {
    const formGet = ONLY.has("form") ? await measureFormGet(await seedDatabase(join(work, "seed.db"))) : null;
    return [
      ...(formGet ? [formGetRow(formGet)] : []),
      ...(ONLY.has("stats") ? statsRowsOf(await measureStats()) : []),
      ...(ONLY.has("transfer") ? await transferRows() : []),
      ...(ONLY.has("startup") ? await firstStartRows() : []),
      ...(ONLY.has("edge") ? await measureRoundTrips(log) : []),
    ];
  }

  // One database with realistic data, copied so every run starts from the same file.
  const seed = await seedDatabase(join(work, "seed.db"));
  const makeAnswers = answerSource(seed.questions);
  const formGet = await measureFormGet(seed);
  const { page } = formGet;

  log("raw inserts (one transaction per response), then submissions, then raw inserts again…");
  const rawFile = copySeed("raw.db");
  const rawTarget = { surveyId: seed.surveyId, questionIds: seed.questionIds };
  const rawBefore = await measureRawInserts(rawFile, rawTarget, makeAnswers, SECONDS / 2);
  const submitFile = copySeed("submit.db");
  const submitServer = await track(startServer("palaute", [submitFile], palauteNodeArgs));
  const submit = await underLoad(submitServer, { expectStatus: 303, requests: [submissionRequest(seed.slug, makeAnswers)] });
  const peakRss = submitServer.peakRssBytes();
  const serverErrors = submitServer.stderrTail();
  await stopTracked(submitServer);
  const rawAfter = await measureRawInserts(rawFile, rawTarget, makeAnswers, SECONDS / 2);
  const raw = averageOf(rawBefore, rawAfter);
  const stored = (await countIn(submitFile, seed.surveyId)) - seed.responsesInTarget;
  const accepted = submit.warmupOk + submit.ok;
  if (serverErrors.trim()) log(`server error log:\n${serverErrors}`);

  const statsMeasured = await measureStats();
  const transfer = await transferRows();

  logMachineLoad("end of the load runs", 2);
  log("bytes: dashboard and Worker bundle (wrangler deploy --dry-run)…");
  const dashboard = dashboardJsGzip();
  const worker = await workerBundleGzip(join(work, "worker"));
  const startup = await firstStartRows();
  const edge = await measureRoundTrips(log);

  const submitRatio = submit.perSecond / raw.perSecond;
  // Requests in flight when autocannon stops may be stored without their answer being counted,
  // so stored can exceed accepted by up to one per connection; fewer would be a lost response.
  const submitVerdict = verdictOf({
    ratio: submitRatio >= TARGET.submitRatio,
    p99: submit.p99 <= TARGET.submitP99Ms,
    errors: submit.errors === 0,
    "lost responses": stored >= accepted,
  });
  const statsRows = statsRowsOf(statsMeasured);
  return [
    formGetRow(formGet),
    {
      measure: `Submissions (valid form POSTs, ${CONNECTIONS} connections)`,
      result: `${int(submit.perSecond)}/s, p50 ${submit.p50} ms, p99 ${submit.p99} ms, errors ${submit.errors}, ${int(accepted)} accepted (incl. warm-up), ${int(stored)} stored; server CPU ${int(submit.cpuMicrosPerRequest)} µs/req`,
      baseline: `raw insert ${int(raw.perSecond)}/s (${int(rawBefore.perSecond)} before, ${int(rawAfter.perSecond)} after; p50 ${raw.p50.toFixed(2)} ms, p99 ${raw.p99.toFixed(2)} ms); CPU ${int(raw.cpuMicrosPerRequest)} µs/insert`,
      ratio: ratio(submitRatio),
      target: `≥ ${TARGET.submitRatio}, p99 ≤ ${TARGET.submitP99Ms} ms, 0 errors`,
      verdict: submitVerdict,
    },
    ...statsRows,
    {
      measure: "Survey page, HTML + CSS gzip (largest of fi/sv/en)",
      result: `${bytes(page.htmlCssGzip)}; ${int(page.rawBytes)} B uncompressed`,
      target: `≤ ${TARGET.pageGzipBytes / 1000} kB`,
      verdict: verdict(page.htmlCssGzip <= TARGET.pageGzipBytes),
    },
    {
      measure: "JavaScript required to answer",
      result: `${page.answerableWithoutJs ? "0 B: the form posts and is accepted with no script run" : "the form did NOT post without JavaScript"}; page loads ${bytes(page.scriptGzip)} of scripts, ${page.inlineScripts} inline`,
      target: "none",
      verdict: verdict(page.answerableWithoutJs),
    },
    {
      measure: "Dashboard first-load JavaScript gzip",
      result: dashboard === null ? "not built yet (no dist/web/assets/dashboard.js)" : bytes(dashboard),
      verdict: "—",
    },
    {
      measure: "Worker bundle gzip (wrangler deploy --dry-run)",
      result: bytes(worker),
      target: `≤ ${TARGET.workerGzipBytes / 1000} kB`,
      verdict: verdict(worker <= TARGET.workerGzipBytes),
    },
    ...transfer,
    ...startup,
    ...edge,
    { measure: "Peak RSS of the Node server, submission run", result: `${mib(peakRss)} (VmHWM)`, verdict: "—" },
  ];
}

type Seed = Awaited<ReturnType<typeof seedDatabase>>;

/** A fresh copy of the seeded database, so every run starts from the same file. */
function copySeed(name: string): string {
  copyFileSync(join(work, "seed.db"), join(work, name));
  return `file:${join(work, name)}`;
}

/**
 * The survey form GET against its yardstick: the same page (its bytes and its response headers,
 * taken from the Palaute server itself) served from memory by a one-route Hono app on the same
 * @hono/node-server (bench/servers/same-bytes.ts). Both servers run side by side and are loaded in
 * turn, FORM_ROUNDS short rounds each in ABBA order; the ratio is the median of the rounds' ratios.
 * Other work on a shared machine swings rates by several times within a minute; a round's pair
 * sees about the same machine, which one long run before and one after does not.
 */
async function measureFormGet(seed: Seed) {
  const getServer = await track(startServer("palaute", [copySeed("get.db")], palauteNodeArgs));
  const page = await measureSurveyPage(getServer.url, seed.slug);
  const captured = await capturePage(`${getServer.url}/s/${seed.slug}`, join(work, "form-page.json"));
  const sameServer = await track(startServer("same-bytes", [captured.file]));
  log(
    `the survey form GET and the same page from memory (${int(captured.bodyBytes)} B body, ${int(captured.headerBytes)} B of headers), ${FORM_ROUNDS} rounds each, in turn…`,
  );
  const formLoad = { path: `/s/${seed.slug}`, expectStatus: 200, headers: FORM_REQUEST_HEADERS, seconds: SECONDS / FORM_ROUNDS };
  const sameLoad = { ...formLoad, path: "/" };
  const rounds: { form: Measured; same: Measured }[] = [];
  for (let round = 0; round < FORM_ROUNDS; round++) {
    const warmup = round === 0 ? WARMUP : 0;
    if (round % 2 === 0) {
      const same = await underLoad(sameServer, { ...sameLoad, warmup });
      rounds.push({ same, form: await underLoad(getServer, { ...formLoad, warmup }) });
    } else {
      const form = await underLoad(getServer, { ...formLoad, warmup });
      rounds.push({ form, same: await underLoad(sameServer, { ...sameLoad, warmup }) });
    }
  }
  await stopTracked(getServer);
  await stopTracked(sameServer);
  const ratios = rounds.map((r) => r.form.perSecond / r.same.perSecond).sort((a, b) => a - b);
  return {
    page,
    captured,
    form: averageOfAll(rounds.map((r) => r.form)),
    same: averageOfAll(rounds.map((r) => r.same)),
    ratio: median(ratios),
    ratios,
  };
}

/** One form GET as the load makes it; its body and headers (less those Node sets per response) written for same-bytes.ts. */
async function capturePage(url: string, file: string) {
  // fetch asks for gzip unless told otherwise, and would decode the body but keep the header.
  const res = await fetch(url, { headers: { ...FORM_REQUEST_HEADERS, "accept-encoding": "identity" } });
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}`);
  if (res.headers.has("content-encoding"))
    throw new Error(`GET ${url} came ${res.headers.get("content-encoding")}-encoded; the load asks for none`);
  const body = Buffer.from(await res.arrayBuffer());
  const perResponse = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
  const headers = Object.fromEntries([...res.headers].filter(([name]) => !perResponse.has(name)));
  writeFileSync(file, JSON.stringify({ headers, body: body.toString("base64") }));
  const headerBytes = Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
  return { file, bodyBytes: body.byteLength, headerBytes };
}

function formGetRow({ form, same, ratio: formRatio, ratios, captured }: Awaited<ReturnType<typeof measureFormGet>>): Row {
  return {
    measure: "Survey form GET",
    result: `${int(form.perSecond)} req/s, p50 ${form.p50} ms, p99 ${form.p99} ms, errors ${form.errors}; server CPU ${int(form.cpuMicrosPerRequest)} µs/req`,
    baseline: `the same page (${int(captured.bodyBytes)} B + ${int(captured.headerBytes)} B of headers) from memory, Hono on @hono/node-server: ${int(same.perSecond)} req/s; server CPU ${int(same.cpuMicrosPerRequest)} µs/req`,
    ratio: `${ratio(formRatio)} (median of ${ratios.length} rounds: ${ratios.map(ratio).join(", ")})`,
    target: `≥ ${TARGET.formGetRatio}`,
    verdict: verdictOf({ ratio: formRatio >= TARGET.formGetRatio, errors: form.errors === 0 }),
  };
}

/** The dashboard's script and stylesheet as the Node server sends them on a first load. */
async function transferRows(): Promise<Row[]> {
  log("bytes on the wire: the dashboard's first load from the Node server…");
  const dir = mkdtempSync(join(work, "transfer-"));
  const server = await track(startServer("palaute", [`file:${join(dir, "empty.db")}`]));
  try {
    const { script, stylesheet, indexCacheControl } = await dashboardOnTheWire(server.url);
    const immutable = (file: WireBytes) => file.cacheControl.includes("immutable") && file.cacheControl.includes("max-age=31536000");
    const row = (name: string, file: WireBytes, target: boolean): Row => ({
      measure: `Dashboard ${name} on the wire from Node, to a browser accepting br and gzip`,
      result: `br ${bytes(file.br)}; gzip ${bytes(file.gzip)}; ${file.path}, Cache-Control: ${file.cacheControl}`,
      baseline: `uncompressed ${bytes(file.identity)}`,
      ratio: `${ratio(file.br / file.identity)} (gzip ${ratio(file.gzip / file.identity)})`,
      target: target ? `≤ ${TARGET.dashboardWireBytes / 1000} kB; hashed name, immutable` : "hashed name, immutable",
      verdict: target
        ? verdictOf({ bytes: file.br <= TARGET.dashboardWireBytes, caching: immutable(file) })
        : verdictOf({ caching: immutable(file) }),
    });
    return [
      row("script", script, true),
      row("stylesheet", stylesheet, false),
      {
        measure: "Dashboard page (index.html, names the hashed files)",
        result: `Cache-Control: ${indexCacheControl}`,
        target: "revalidated",
        verdict: verdict(/max-age=0|no-cache/.test(indexCacheControl)),
      },
    ];
  } finally {
    await stopTracked(server);
  }
}

/** `npm start` on an empty database: after a source change (the web build runs), with the build up to date, and a restart as the floor. */
async function firstStartRows(): Promise<Row[]> {
  log("first npm start on an empty database: after a source change, with the build up to date, then a restart…");
  logMachineLoad("first start", 0);
  rmSync(stampPath(), { force: true });
  const withBuild = await timeNpmStart();
  const upToDate = await timeNpmStart();
  const dir = mkdtempSync(join(work, "restart-"));
  await timeNpmStart(join(dir, "palaute.db"));
  const restart = await timeNpmStart(join(dir, "palaute.db"));
  logMachineLoad("after the starts", 0);
  const steps = (lines: readonly string[]) => lines.map((line) => line.replace(/ \(file:[^)]*\)/, "")).join(" · ");
  const row = (measure: string, timing: StartTiming): Row => ({
    measure,
    result: `${timing.seconds.toFixed(1)} s (${steps(timing.lines)})`,
    baseline: `restart on the seeded database, build up to date: ${restart.seconds.toFixed(1)} s (${steps(restart.lines)})`,
    ratio: ratio(timing.seconds / restart.seconds),
    target: `≤ ${TARGET.firstStartSeconds} s, with progress lines`,
    verdict: verdictOf({ seconds: timing.seconds <= TARGET.firstStartSeconds, "progress lines": timing.lines.length >= 3 }),
  });
  return [
    row("First `npm start`, empty database, after a source change (web build runs), until /healthz answers", withBuild),
    row("First `npm start`, empty database, web build up to date, until /healthz answers", upToDate),
  ];
}

/** The statistics API at 10k and 1M responses, one server per size. */
async function measureStats(): Promise<StatsRow[]> {
  log("statistics API at 10k and 1M responses (databases kept under bench/data/)…");
  const statsMeasured: StatsRow[] = [];
  for (const size of STATS_SIZES) {
    statsMeasured.push(
      ...(await measureStatsApi({
        size,
        work,
        seconds: Math.max(2, SECONDS / 2),
        start: (url) => track(startServer("palaute", [url], palauteNodeArgs)),
        stop: stopTracked,
        log,
      })),
    );
  }
  return statsMeasured;
}

function statsRowsOf(statsMeasured: readonly StatsRow[]): Row[] {
  return STATS_ENDPOINTS.flatMap((endpoint) => {
    const [small, large] = STATS_SIZES.map((size) => statsMeasured.find((r) => r.endpoint === endpoint.name && r.responses === size)!);
    const growth = large!.result.p50 / Math.max(1, small!.result.p50);
    return [
      ...[small!, large!].map(
        (row): Row => ({
          measure: `${endpoint.name} API p50/p99 @ ${int(row.responses)} responses (${int(row.days)} days), 18 regions`,
          result: `p50 ${row.result.p50} ms, p99 ${row.result.p99} ms, ${int(row.result.perSecond)} req/s at 4 connections, errors ${row.result.errors}`,
          target: row === large ? "p50 ≤ 50 ms" : "",
          verdict:
            row === large
              ? verdictOf({ p50: row.result.p50 <= 50, errors: row.result.errors === 0 })
              : row.result.errors === 0
                ? "—"
                : "MISSED: errors",
        }),
      ),
      {
        measure: `${endpoint.name} API p50 1M ÷ 10k`,
        result: `${large!.result.p50} ms ÷ ${small!.result.p50} ms`,
        ratio: ratio(growth),
        target: "≤ 2",
        verdict: verdict(growth <= 2),
      },
    ];
  });
}

/** Migrates a fresh file and fills it with realistic responses; the first generated day's survey is the one under load. */
async function seedDatabase(path: string) {
  const client = await openNodeDatabase({ url: `file:${path}` });
  try {
    const db = createDb(client);
    await runMigrations(db);
    const generated = await generateResponses(db, { responses: SEED_RESPONSES });
    const target = generated.days[0]!;
    const questions = await listQuestions(db, target.questionSetId);
    const idOf = (key: CoreKey) => questions.find((q) => q.key === key)?.id ?? fail(`no core question ${key}`);
    log(
      `seed database: ${int(generated.responses)} responses over ${int(generated.days.length)} days in 18 regions in ${(generated.milliseconds / 1000).toFixed(1)} s`,
    );
    return {
      slug: target.slug,
      surveyId: target.id,
      questions,
      questionIds: {
        grade: idOf("grade"),
        usefulness: idOf("usefulness"),
        sector: idOf("sector"),
        good: idOf("good"),
        improve: idOf("improve"),
      },
      responsesInTarget: await countSurveyResponses(db, target.id),
    };
  } finally {
    client.close();
    if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0)
      fail("the seed database still has a WAL file after closing; copies would miss rows");
  }
}

type LoadOptions = Pick<LoadSpec, "expectStatus"> & {
  path?: string;
  headers?: Record<string, string>;
  requests?: NonNullable<LoadSpec["request"]>["requests"];
  seconds?: number;
  warmup?: number;
};
type Measured = LoadResult & { warmupOk: number; cpuMicrosPerRequest: number };

/** A warm-up run (JIT, caches, connection set-up), then the measured run. */
async function underLoad(server: ServerProcess, options: LoadOptions): Promise<Measured> {
  const spec = (seconds: number): LoadSpec => ({
    url: `${server.url}${options.path ?? ""}`,
    connections: CONNECTIONS,
    seconds,
    expectStatus: options.expectStatus,
    request: { ...(options.headers ? { headers: options.headers } : {}), ...(options.requests ? { requests: options.requests } : {}) },
  });
  const warmup = options.warmup ?? WARMUP;
  const warm = warmup > 0 ? await runLoad(spec(warmup)) : null;
  const cpuBefore = server.cpuSeconds();
  const measured = await runLoad(spec(options.seconds ?? SECONDS));
  const cpu = server.cpuSeconds() - cpuBefore;
  if (measured.errors > 0) log(`unexpected answers: ${JSON.stringify(measured.statuses)}`);
  // Server CPU per answered request: unlike requests/s, barely moved by other work on the machine.
  const answered = Object.values(measured.statuses).reduce((a, b) => a + b, 0);
  return { ...measured, warmupOk: warm?.ok ?? 0, cpuMicrosPerRequest: answered > 0 ? (cpu * 1e6) / answered : 0 };
}

/** Rates and CPU averaged; latency percentiles are the worse of the two. */
function averageOf<T extends { perSecond: number; cpuMicrosPerRequest: number; p50: number; p99: number }>(a: T, b: T): T {
  return {
    ...a,
    perSecond: (a.perSecond + b.perSecond) / 2,
    cpuMicrosPerRequest: (a.cpuMicrosPerRequest + b.cpuMicrosPerRequest) / 2,
    p50: Math.max(a.p50, b.p50),
    p99: Math.max(a.p99, b.p99),
  };
}

/** Rates and CPU averaged over runs; latency percentiles the worst of them; errors added up. */
function averageOfAll(runs: readonly Measured[]): Measured {
  const mean = (pick: (m: Measured) => number) => runs.reduce((sum, m) => sum + pick(m), 0) / runs.length;
  return {
    ...runs[0]!,
    perSecond: mean((m) => m.perSecond),
    cpuMicrosPerRequest: mean((m) => m.cpuMicrosPerRequest),
    p50: Math.max(...runs.map((m) => m.p50)),
    p99: Math.max(...runs.map((m) => m.p99)),
    errors: runs.reduce((sum, m) => sum + m.errors, 0),
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function countIn(url: string, surveyId: number): Promise<number> {
  const client = await openNodeDatabase({ url });
  try {
    return await countSurveyResponses(createDb(client), surveyId);
  } finally {
    client.close();
  }
}

async function track(starting: Promise<ServerProcess>): Promise<ServerProcess> {
  const server = await starting;
  running.add(server);
  return server;
}

async function stopTracked(server: ServerProcess): Promise<void> {
  running.delete(server);
  await server.stop();
}

/** The figures mean something only if the benchmark has the machine to itself: the one-minute
 *  load average should be near 0 before it starts, and near 2 (load generator + server) after the runs. */
function logMachineLoad(when: string, ownProcesses: number): void {
  const [one] = loadavg();
  const busy = (one ?? 0) > ownProcesses + 1;
  log(`load average at ${when}: ${(one ?? 0).toFixed(2)}${busy ? " — other work is running; rates and ratios will be noisy" : ""}`);
}

function boundedNumber(text: string | undefined, min: number, max: number, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) fail(`${name} must be a number from ${min} to ${max}`);
  return n;
}

function fail(message: string): never {
  throw new Error(message);
}
