// The built Worker bundle under Miniflare, the way `wrangler dev` runs it. No vitest import, so
// `npm run bench` (bench/lib/round-trips.ts) starts the Worker the same way the Worker tests do.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { createDb, type Db } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { seedDemoDataIfEmpty } from "../../src/demo/seed-demo";
import { startHranaServer } from "../support/hrana-server";
import { WEB_DIST } from "../../scripts/build-web";
import { buildWorkerBundle, WRANGLER_CONFIG } from "../../scripts/build-worker";

/** What the Worker tests need to run the built bundle the way `wrangler dev` would. */
export interface WorkerBuild {
  readonly scriptPath: string;
  /** A snapshot of dist/web that the Worker's [assets] serve: another test run rebuilding dist/web
   *  in the same checkout must not pull files away mid-test. */
  readonly assetsDirectory: string;
  /** Miniflare options derived from wrangler.toml by wrangler itself: compatibility date and flags,
   *  [vars], and [assets] with its run_worker_first routing. JSON only (crosses into test workers). */
  readonly workerOptions: Record<string, unknown>;
}

/**
 * Bundles src/worker.ts with `wrangler deploy --dry-run` (the upload, minus uploading) into `dir`,
 * after dist/web has been built (the [assets] block points at it).
 */
export async function buildWorker(dir: string): Promise<WorkerBuild> {
  mkdirSync(dir, { recursive: true });
  const scriptPath = buildWorkerBundle(join(dir, "bundle"));
  const assetsDirectory = join(dir, "assets");
  cpSync(WEB_DIST, assetsDirectory, { recursive: true });
  // wrangler's own translation of wrangler.toml, so the tests cannot drift from the config.
  const { unstable_getMiniflareWorkerOptions } = await import("wrangler");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG, undefined, {
    overrides: { assets: { directory: assetsDirectory } },
  });
  return { scriptPath, assetsDirectory, workerOptions: JSON.parse(JSON.stringify(workerOptions)) };
}

export interface RunningWorker {
  /** http://127.0.0.1:PORT/: Miniflare's own HTTP server, [assets] routing in front of the Worker. */
  readonly url: URL;
  readonly miniflare: Miniflare;
  /** A request over real HTTP on a new connection, redirects not followed (tests assert on them). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** A stand-in for the IDENTIFIER_SECRET a deployment sets with `wrangler secret put`; a test overrides it by passing its own. */
export const TEST_IDENTIFIER_SECRET = "test-identifier-secret-of-at-least-32-characters";

/** Starts a built Worker with wrangler.toml's settings and the given bindings (secrets, vars). */
export async function startBuiltWorker(build: WorkerBuild, bindings: Record<string, string>): Promise<RunningWorker> {
  const { scriptPath, workerOptions } = build;
  const fromWrangler = workerOptions as MiniflareOptions & { bindings?: Record<string, unknown> };
  const miniflare = new Miniflare({
    ...fromWrangler,
    modules: true,
    scriptPath,
    // Module names are paths relative to this root; the bundle lives in a temporary directory.
    modulesRoot: dirname(scriptPath),
    bindings: { ...fromWrangler.bindings, IDENTIFIER_SECRET: TEST_IDENTIFIER_SECRET, ...bindings },
  } as MiniflareOptions);
  const url = await miniflare.ready;
  return {
    url,
    miniflare,
    // Local workerd drops a connection after answering before the request body was read (413, a
    // refused cross-site post); a kept-alive socket would then fail the next request.
    fetch: (path, init) =>
      fetch(new URL(path, url), {
        redirect: "manual",
        ...init,
        headers: { connection: "close", ...Object.fromEntries(new Headers(init?.headers)) },
      }),
    close: () => miniflare.dispose(),
  };
}

export interface WorkerDatabase {
  /** http://127.0.0.1:PORT: the Worker's LIBSQL_URL. */
  readonly url: string;
  /**
   * The same database file opened from Node (embedded libSQL), for fixtures and assertions. Write
   * through it only while no Worker request is in flight: its busy wait is synchronous and would
   * stall the Hrana server, which runs in this same process.
   */
  readonly db: Db;
  close(): Promise<void>;
}

/** A fresh database file with the real migrations (and the demo data when asked), served over Hrana. */
export async function startWorkerDatabase(options: { demo?: boolean } = {}): Promise<WorkerDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "palaute-worker-db-"));
  const dbPath = join(dir, "palaute.db");
  const client = await openNodeDatabase({ url: `file:${dbPath}` });
  const db = createDb(client);
  await runMigrations(db);
  if (options.demo) await seedDemoDataIfEmpty(db);
  const hrana = await startHranaServer({ dbPath });
  return {
    url: hrana.url,
    db,
    async close() {
      await hrana.close();
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
