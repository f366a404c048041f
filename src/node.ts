// Node entry: the embedded libSQL file by default (no server to install), or LIBSQL_URL for a
// remote libSQL (Turso, sqld). Migrates, seeds demo data into an empty database, serves the app.
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { etag } from "hono/etag";
import type { MiddlewareHandler } from "hono";
import { createApp } from "./app";
import { parseNodeEnv, type NodeEnv } from "./config/node-env";
import { createDb } from "./db/client";
import { runMigrations } from "./db/migrate";
import { openNodeDatabase } from "./db/open-node-database";
import { DEMO_USERS } from "./demo/demo-users";
import { DEMO_SURVEY_SLUG, seedDemoDataIfEmpty } from "./demo/seed-demo";
import { SUBMISSION_BURST, SUBMISSIONS_PER_SECOND, tokenBucketLimiter } from "./http/submission-limit";
import { existingDemoEmails } from "./queries/demo-users";

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startNodeServer(env: NodeEnv, options: { quiet?: boolean } = {}): Promise<RunningServer> {
  const client = await openNodeDatabase({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
  const db = createDb(client);
  await runMigrations(db);
  const seeded = env.DEMO_DATA === "auto" ? await seedDemoDataIfEmpty(db) : { seeded: false, days: 0 };
  const app = createApp({
    db,
    log: (entry) => console.error(JSON.stringify(entry)),
    assets: staticAssets(),
    clientAddress: env.TRUST_PROXY ? forwardedAddress : peerAddress,
    submissionLimiter:
      env.SUBMISSION_RATE_LIMIT === "on" ? tokenBucketLimiter({ burst: SUBMISSION_BURST, perSecond: SUBMISSIONS_PER_SECOND }) : undefined,
    publicUrl: env.PUBLIC_URL,
    contactEmail: env.CONTACT_EMAIL,
  });

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("listening", () => resolve(server.address() as AddressInfo));
    server.once("error", reject);
  });
  const host = env.HOST === "127.0.0.1" || env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const url = env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://${host}:${address.port}`;
  if (!options.quiet) {
    console.log(`Palaute is running at ${url} (database: ${env.LIBSQL_URL.startsWith("file:") ? env.LIBSQL_URL : "remote libSQL"})`);
    if (seeded.seeded) console.log(`  Demo data added: ${seeded.days} academy days of LAPE-Akatemia 2019.`);
    console.log(`  Demo survey (Pohjanmaa, 9 May 2019): ${url}/s/${DEMO_SURVEY_SLUG}`);
    console.log(`  Dashboard: ${url}/   (sign in at ${url}/login)`);
    const demoEmails = new Set(await existingDemoEmails(db, DEMO_USERS.map((u) => u.email)));
    for (const demo of DEMO_USERS.filter((u) => demoEmails.has(u.email))) {
      console.log(`  Demo sign-in, ${demo.role === "national" ? "national team" : "agent for Keski-Pohjanmaa"}: ${demo.email} / ${demo.password}`);
    }
    console.log(`  Health check: ${url}/healthz`);
  }
  return {
    url,
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
function staticAssets() {
  const root = fileURLToPath(new URL("../dist/web", import.meta.url));
  const files = serveStatic({ root, index: "index.html" });
  return etagged(files);
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
  const running = await startNodeServer(env);
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
