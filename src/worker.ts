// Cloudflare Worker entry: the same app over libSQL's HTTP protocol (Turso or sqld).
// Bindings are validated once per isolate; a misconfigured deploy says exactly what is missing.
import { createClient } from "@libsql/client/web";
import { createApp, type App } from "./app";
import { parseWorkerEnv } from "./config/worker-env";
import { createDb } from "./db/client";

export interface Env {
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
}

let cached: { env: Env; app: App } | undefined;

function appFor(env: Env): App {
  if (cached?.env === env) return cached.app;
  const config = parseWorkerEnv(env as Record<string, unknown>);
  const client = createClient({ url: config.LIBSQL_URL, authToken: config.LIBSQL_AUTH_TOKEN });
  const app = createApp({
    db: createDb(client),
    log: (entry) => console.error(JSON.stringify(entry)),
    // Cloudflare sets the visitor's address; used (hashed) only to slow down password guessing.
    clientAddress: (request) => request.headers.get("cf-connecting-ip"),
  });
  cached = { env, app };
  return app;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    let app: App;
    try {
      app = appFor(env);
    } catch (error) {
      console.error(String(error));
      return Response.json(
        { error: { code: "internal", message: "The service is not configured: " + (error as Error).message, requestId: "" } },
        { status: 500 },
      );
    }
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
