// Cloudflare Worker entry: the same app over libSQL's HTTP protocol (Turso or sqld).
// Bindings are validated once per isolate; a misconfigured deploy says exactly what is missing.
import { createClient } from "@libsql/client/web";
import type { MiddlewareHandler } from "hono";
import { createApp, type App } from "./app";
import { parseWorkerEnv } from "./config/worker-env";
import { createDb } from "./db/client";

export interface Env {
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  /** The secret for keyed hashes of client addresses and typed emails. */
  IDENTIFIER_SECRET?: string;
  /** The built web/ files ([assets] in wrangler.toml). */
  ASSETS: Fetcher;
  /** Cloudflare's rate limiting binding ([[ratelimits]] in wrangler.toml); absent, nothing is limited. */
  SUBMISSION_LIMITER?: { limit(options: { key: string }): Promise<{ success: boolean }> };
  /** Where the accessibility statement asks for feedback ([vars]). */
  CONTACT_EMAIL?: string;
}

let cached: { env: Env; app: App } | undefined;

function appFor(env: Env): App {
  if (cached?.env === env) return cached.app;
  const config = parseWorkerEnv({ ...env });
  // The client is shared by every request this isolate serves. Its default limit of 20 queries in
  // flight queues the 21st, which is then started from another request's context when a slot frees
  // up: workerd cancels that continuation and the waiting request ends as a 500 ("hung"). Seen with
  // 100 simultaneous sign-ins (test/worker/sign-in-limits.test.ts); Cloudflare's own limits on
  // connections per request apply instead.
  const client = createClient({ url: config.LIBSQL_URL, authToken: config.LIBSQL_AUTH_TOKEN, concurrency: Number.MAX_SAFE_INTEGER });
  const app = createApp({
    db: createDb(client),
    log: (entry) => console.error(JSON.stringify(entry)),
    // Cloudflare sets the visitor's address; used (hashed) to slow down password guessing and to
    // key the submission limit, never stored with answers.
    clientAddress: (request) => request.headers.get("cf-connecting-ip"),
    assets: fromAssetsBinding(env.ASSETS),
    ...(env.SUBMISSION_LIMITER && { submissionLimiter: submissionLimiter(env.SUBMISSION_LIMITER) }),
    ...(config.CONTACT_EMAIL && { contactEmail: config.CONTACT_EMAIL }),
    identifierSecret: config.IDENTIFIER_SECRET,
  });
  cached = { env, app };
  return app;
}

/** Cloudflare counts per key across its edge; the limit itself is set in wrangler.toml. */
function submissionLimiter(binding: NonNullable<Env["SUBMISSION_LIMITER"]>) {
  return async (key: string) => (await binding.limit({ key: `submit:${key}` })).success;
}

/**
 * Cloudflare serves most of dist/web before the Worker runs, but the paths wrangler.toml sends to
 * the Worker first ("/", the dashboard's page) are fetched from the binding here, so the page gets
 * the app's security headers (CSP, frame-ancestors) exactly as on Node.
 */
function fromAssetsBinding(assets: Fetcher): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const res = await assets.fetch(c.req.raw);
    if (res.status === 404) return next();
    // Through c.body, not c.res =: headers set before this point (X-Request-Id) are kept, and the
    // app's middleware can add its own (a fetched Response's headers are immutable).
    return c.body(res.body as ReadableStream, res);
  };
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    let app: App;
    try {
      app = appFor(env);
    } catch (error) {
      console.error(String(error));
      return Response.json(
        { error: { code: "internal", message: `The service is not configured: ${(error as Error).message}`, requestId: "" } },
        { status: 500 },
      );
    }
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
