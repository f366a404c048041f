// Node entry: the embedded libSQL file by default (no server to install), or LIBSQL_URL for a
// remote libSQL (Turso, sqld). Migrates, seeds demo data into an empty database, serves the app.
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Duplex } from "node:stream";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, createBrotliCompress, createGzip, gzip } from "node:zlib";
import { etag } from "hono/etag";
import { getMimeType } from "hono/utils/mime";
import type { Context, MiddlewareHandler } from "hono";
import { createApp } from "./app";
import { newIdentifierSecret } from "./auth/tokens";
import { exposure, parseNodeEnv, seedsDemoData, type NodeEnv } from "./config/node-env";
import { createDb } from "./db/client";
import { runMigrations } from "./db/migrate";
import { openNodeDatabase } from "./db/open-node-database";
import { databaseFileOf, openSurveyVersionStatement } from "./queries/survey-version-statement";
import { DEMO_SURVEY_SLUG, seedDemoDataIfEmpty } from "./demo/seed-demo";
import { assetCacheControl, PRECOMPRESSED_SUFFIX } from "./http/asset-caching";
import { readPerTurn } from "./http/read-per-turn";
import { compressResponses, negotiateEncoding, type Compressor, type ContentEncoding } from "./http/compression";
import { SUBMISSION_BURST, SUBMISSIONS_PER_SECOND, tokenBucketLimiter } from "./http/submission-limit";
import { serviceContext } from "./services/context";
import { guardDemoAccounts } from "./services/guard-demo-accounts";

export interface RunningServer {
  readonly url: string;
  /** The port it listens on (the url is PUBLIC_URL when that is set). */
  readonly port: number;
  close(): Promise<void>;
}

/** Start-up stopped on purpose (demo sign-ins on an exposed server, a missing secret): the message says what to do. */
export class StartupRefusal extends Error {}

/** Node waits up to 300 s for a slow request body by default; a survey answer is at most 64 KB. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface StartOptions {
  /** No progress lines and no summary (tests, the benchmark). */
  readonly quiet?: boolean;
  readonly requestTimeoutMs?: number;
  /** Settled before the server listens: `npm start` builds the web assets meanwhile (scripts/start.ts). */
  readonly assetsReady?: Promise<unknown>;
}

export async function startNodeServer(env: NodeEnv, options: StartOptions = {}): Promise<RunningServer> {
  // What start-up is doing and how long each step took: a first start takes seconds, not silently.
  const say = options.quiet ? () => {} : (line: string) => console.log(line);
  const exposedBecause = exposure(env);
  if (!env.IDENTIFIER_SECRET && !env.LIBSQL_URL.startsWith("file:")) {
    throw new StartupRefusal(
      "IDENTIFIER_SECRET is not set. With a remote LIBSQL_URL, set it to a random secret of at least 32 characters (e.g. `openssl rand -base64 32`) and keep it.",
    );
  }
  const where = env.LIBSQL_URL.startsWith("file:") ? env.LIBSQL_URL : "remote libSQL";
  let step = performance.now();
  const client = await openNodeDatabase({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
  const db = createDb(client);
  let guard;
  let identifierSecret: string;
  try {
    // After opening the database, which creates its folder on a fresh clone.
    identifierSecret = env.IDENTIFIER_SECRET ?? identifierSecretBeside(env.LIBSQL_URL);
    await runMigrations(db);
    say(`  Database (${where}): opened and migrated in ${secondsSince(step)}`);
    if (seedsDemoData(env)) {
      step = performance.now();
      const seeded = await seedDemoDataIfEmpty(db);
      say(
        seeded.seeded
          ? `  Demo data: ${seeded.days} academy days with ${seeded.responses.toLocaleString("en")} responses added in ${secondsSince(step)}`
          : "  Demo data: not added (the database already has a programme)",
      );
    }
    guard = await guardDemoAccounts(serviceContext(db), { exposure: exposedBecause, disable: env.DEMO_ACCOUNTS === "disable" });
    await options.assetsReady;
  } catch (error) {
    client.close();
    throw error;
  }
  if (guard.outcome === "refused") {
    client.close();
    throw new StartupRefusal(guard.message);
  }
  // After the migrations, so the statement is prepared against the schema it reads.
  const databaseFile = databaseFileOf(env.LIBSQL_URL);
  const surveyVersions = databaseFile === null ? null : openSurveyVersionStatement(databaseFile);
  const app = createApp({
    db,
    log: (entry) => console.error(JSON.stringify(entry)),
    assets: staticAssets(),
    clientAddress: env.TRUST_PROXY ? forwardedAddress : peerAddress,
    submissionLimiter:
      env.SUBMISSION_RATE_LIMIT === "on" ? tokenBucketLimiter({ burst: SUBMISSION_BURST, perSecond: SUBMISSIONS_PER_SECOND }) : undefined,
    publicUrl: env.PUBLIC_URL,
    contactEmail: env.CONTACT_EMAIL,
    identifierSecret,
    // Requests of one event-loop turn share a read made after they all arrived (src/http/read-per-turn.ts).
    ...(surveyVersions ? { surveyVersions: readPerTurn(surveyVersions.read, setImmediate) } : {}),
  });

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = serve({
    fetch: compressResponses(app.fetch, COMPRESSORS),
    port: env.PORT,
    hostname: env.HOST,
    // A body trickled in byte by byte must not hold a connection for minutes: the whole request has
    // `requestTimeout` to arrive (Node checks every `connectionsCheckingInterval`), then 408.
    serverOptions: { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) },
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("listening", () => resolve(server.address() as AddressInfo));
    server.once("error", reject);
  });
  const host = env.HOST === "127.0.0.1" || env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const url = env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://${host}:${address.port}`;
  if (guard.outcome === "disabled") console.error(guard.message);
  if (exposedBecause && !env.PUBLIC_URL) {
    console.error(
      `Warning: ${exposedBecause} but PUBLIC_URL is not set, so survey links, QR codes and posters use whatever Host header a request carries. Set PUBLIC_URL to the address people use.`,
    );
  }
  if (!options.quiet) {
    console.log(`Palaute is running at ${url} (database: ${where}), ready ${secondsSince(0)} after the process started`);
    console.log(`  Demo survey (Pohjanmaa, 9 May 2019): ${url}/s/${DEMO_SURVEY_SLUG}`);
    console.log(`  Dashboard: ${url}/   (sign in at ${url}/login)`);
    for (const demo of guard.outcome === "ok" ? guard.usable : []) {
      console.log(`  Demo sign-in, ${demo.startLine}: ${demo.email} / ${demo.password}`);
    }
    console.log(`  Health check: ${url}/healthz`);
  }
  return {
    url,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          surveyVersions?.close();
          client.close();
          resolve();
        });
        // Keep-alive connections would hold close() open; they carry no unfinished work.
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }),
  };
}

/**
 * The keyed-hash secret when IDENTIFIER_SECRET is unset: for the embedded database, generated once
 * and kept beside the file (data/palaute.db.identifier-secret, readable by its owner only; git
 * ignores data/), so counters and audit rows stay comparable across restarts. A remote database has
 * no "beside": it needs the variable.
 */
function identifierSecretBeside(libsqlUrl: string): string {
  const path = `${resolve(libsqlUrl.slice("file:".length))}.identifier-secret`;
  if (!existsSync(path)) {
    try {
      writeFileSync(path, `${newIdentifierSecret()}\n`, { mode: 0o600, flag: "wx" });
      chmodSync(path, 0o600);
    } catch (error) {
      // Another process (a second server, the CLI) wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(path, "utf8").trim();
}

/** The peer address: used (hashed) to slow down password guessing and, in memory only, to limit submissions. */
function peerAddress(_request: Request, env: unknown): string | null {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

/** Behind a reverse proxy (TRUST_PROXY=true): the address the proxy saw, the last X-Forwarded-For entry. */
function forwardedAddress(request: Request, env: unknown): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",").pop()?.trim() || peerAddress(request, env);
}

/**
 * dist/web (built by scripts/build-web.ts): content-hashed files cached for a year, the rest
 * revalidated by ETag so a new build is seen at once; the build's brotli and gzip copies are sent
 * to browsers that accept them.
 */
function staticAssets(): MiddlewareHandler {
  const root = fileURLToPath(new URL("../dist/web", import.meta.url));
  const identity = serveStatic({ root, index: "index.html" });
  const files = etagged(async (c, next) => (await precompressedFile(root, c)) ?? identity(c, next));
  // Cloudflare's configuration (_headers, .assetsignore) and the build's compressed copies by
  // their own names are not pages: not served here.
  return (c, next) => (/^\/(?:_headers|_redirects|\.assetsignore)$|\.(?:br|gz|tmp)$/i.test(c.req.path) ? next() : files(c, next));
}

/** A URL path that can only name a file below the root: no dot segments, no hidden files. */
const PLAIN_PATH = /^(?:\/[\w-][\w.-]*)+$/;

/** The build's .br or .gz copy of the asked file, when the request accepts that encoding and the copy exists. */
async function precompressedFile(root: string, c: Context): Promise<Response | null> {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return null;
  const path = c.req.path === "/" ? "/index.html" : c.req.path;
  const encoding = negotiateEncoding(c.req.header("accept-encoding"));
  if (encoding === null || !PLAIN_PATH.test(path)) return null;
  const file = join(root, `${path}${PRECOMPRESSED_SUFFIX[encoding]}`);
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return null;
  const headers = {
    "Content-Type": getMimeType(path) ?? "application/octet-stream",
    "Content-Encoding": encoding,
    "Content-Length": String(found.size),
    "Last-Modified": found.mtime.toUTCString(),
    Vary: "Accept-Encoding",
  };
  // A few tens of KB at most: read whole, so @hono/node-server writes it in one go.
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  const body = await readFile(file).catch(() => null);
  return body === null ? null : c.body(new Uint8Array(body), 200, headers);
}

function etagged(files: MiddlewareHandler): MiddlewareHandler {
  const tag = etag();
  return (c, next) =>
    tag(c, async () => {
      // serveStatic returns the file's Response instead of setting c.res, which is all etag sees.
      // Without a file it returns what next() resolves to (the Context, not a Response).
      const found = await files(c, next);
      if (found instanceof Response) c.res = found;
      if (c.res.ok) c.header("Cache-Control", assetCacheControl(c.req.path));
    });
}

/**
 * Compression of the app's text responses (src/http/compression.ts): brotli at quality 5 and gzip
 * at level 6 on the fly, near their best size per CPU time; the static assets come precompressed
 * at the highest levels from the build.
 */
const BROTLI_OPTIONS = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } };
const GZIP_OPTIONS = { level: 6 };
const brotliBytes = promisify(brotliCompress);
const gzipBytes = promisify(gzip);
const COMPRESSORS: Record<ContentEncoding, Compressor> = {
  br: {
    bytes: async (body) =>
      (await brotliBytes(body, {
        params: { ...BROTLI_OPTIONS.params, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      })) as Uint8Array<ArrayBuffer>,
    stream: () => Duplex.toWeb(createBrotliCompress(BROTLI_OPTIONS)) as ReadableWritablePair<Uint8Array, Uint8Array>,
  },
  gzip: {
    bytes: async (body) => (await gzipBytes(body, GZIP_OPTIONS)) as Uint8Array<ArrayBuffer>,
    stream: () => Duplex.toWeb(createGzip(GZIP_OPTIONS)) as ReadableWritablePair<Uint8Array, Uint8Array>,
  },
};

/** Seconds since a performance.now() reading; since 0 is since the process started. */
function secondsSince(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(2)} s`;
}

export async function main(options: Pick<StartOptions, "assetsReady"> = {}): Promise<void> {
  let env: NodeEnv;
  try {
    env = parseNodeEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let running: RunningServer;
  try {
    running = await startNodeServer(env, options);
  } catch (error) {
    if (!(error instanceof StartupRefusal)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing open requests and closing the database…`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
