// Node entry: the embedded libSQL file by default (no server to install), or LIBSQL_URL for a
// remote libSQL (Turso, sqld). Migrates, seeds demo data into an empty database, serves the app.
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { etag } from "hono/etag";
import type { MiddlewareHandler } from "hono";
import { createApp } from "./app";
import { newIdentifierSecret } from "./auth/tokens";
import { exposure, parseNodeEnv, seedsDemoData, type NodeEnv } from "./config/node-env";
import { createDb } from "./db/client";
import { runMigrations } from "./db/migrate";
import { openNodeDatabase } from "./db/open-node-database";
import { DEMO_SURVEY_SLUG, seedDemoDataIfEmpty } from "./demo/seed-demo";
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

export async function startNodeServer(env: NodeEnv, options: { quiet?: boolean; requestTimeoutMs?: number } = {}): Promise<RunningServer> {
  const exposedBecause = exposure(env);
  if (!env.IDENTIFIER_SECRET && !env.LIBSQL_URL.startsWith("file:")) {
    throw new StartupRefusal("IDENTIFIER_SECRET is not set. With a remote LIBSQL_URL, set it to a random secret of at least 32 characters (e.g. `openssl rand -base64 32`) and keep it.");
  }
  const client = await openNodeDatabase({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
  const db = createDb(client);
  let guard;
  let identifierSecret: string;
  let seeded = { seeded: false, days: 0 };
  try {
    // After opening the database, which creates its folder on a fresh clone.
    identifierSecret = env.IDENTIFIER_SECRET ?? identifierSecretBeside(env.LIBSQL_URL);
    await runMigrations(db);
    if (seedsDemoData(env)) seeded = await seedDemoDataIfEmpty(db);
    guard = await guardDemoAccounts(serviceContext(db), { exposure: exposedBecause, disable: env.DEMO_ACCOUNTS === "disable" });
  } catch (error) {
    client.close();
    throw error;
  }
  if (guard.outcome === "refused") {
    client.close();
    throw new StartupRefusal(guard.message);
  }
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
  });

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = serve({
    fetch: app.fetch,
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
    console.log(`Palaute is running at ${url} (database: ${env.LIBSQL_URL.startsWith("file:") ? env.LIBSQL_URL : "remote libSQL"})`);
    if (seeded.seeded) console.log(`  Demo data added: ${seeded.days} academy days of LAPE-Akatemia 2019.`);
    console.log(`  Demo survey (Pohjanmaa, 9 May 2019): ${url}/s/${DEMO_SURVEY_SLUG}`);
    console.log(`  Dashboard: ${url}/   (sign in at ${url}/login)`);
    for (const demo of guard.outcome === "ok" ? guard.usable : []) {
      console.log(`  Demo sign-in, ${demo.role === "national" ? "national team" : "agent for Keski-Pohjanmaa"}: ${demo.email} / ${demo.password}`);
    }
    console.log(`  Health check: ${url}/healthz`);
  }
  return {
    url,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
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

/** dist/web (built by scripts/build-web.ts), revalidated by ETag so a new build is seen at once. */
function staticAssets(): MiddlewareHandler {
  const root = fileURLToPath(new URL("../dist/web", import.meta.url));
  const files = etagged(serveStatic({ root, index: "index.html" }));
  // dist/web/_headers is Cloudflare's configuration for the Worker's assets, not a page: not served here.
  return (c, next) => (/^\/_(headers|redirects)$/i.test(c.req.path) ? next() : files(c, next));
}

function etagged(files: MiddlewareHandler): MiddlewareHandler {
  const tag = etag();
  return (c, next) =>
    tag(c, async () => {
      // serveStatic returns the file's Response instead of setting c.res, which is all etag sees.
      // Without a file it returns what next() resolves to (the Context, not a Response).
      const found = await files(c, next);
      if (found instanceof Response) c.res = found;
      if (c.res.ok) c.header("Cache-Control", "public, max-age=0, must-revalidate");
    });
}

export async function main(): Promise<void> {
  let env: NodeEnv;
  try {
    env = parseNodeEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let running: RunningServer;
  try {
    running = await startNodeServer(env);
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
