import * as v from "valibot";

// The Worker's bindings: [vars] in wrangler.toml and secrets set with `wrangler secret put`.
// Validated once per isolate in src/worker.ts.
export const WorkerEnvSchema = v.object({
  // A missing key never reaches v.string's message (valibot reports it as "Invalid key"), so it
  // becomes "" and fails nonEmpty, whose message says what to do.
  LIBSQL_URL: v.pipe(
    v.optional(v.string(), ""),
    v.nonEmpty(
      "LIBSQL_URL is missing: set it with `wrangler secret put LIBSQL_URL` (libsql://… or https://…; for wrangler dev, in .dev.vars)",
    ),
    v.regex(/^(libsql|https?):\/\//, "LIBSQL_URL must start with libsql://, https:// or http://"),
  ),
  LIBSQL_AUTH_TOKEN: v.optional(v.string()),
  // Keyed hashes of client addresses and typed emails (failed sign-in counters, audit rows): a
  // Worker has nowhere to keep a generated one, so it is a secret like the database token.
  IDENTIFIER_SECRET: v.pipe(
    v.optional(v.string(), ""),
    v.nonEmpty(
      "IDENTIFIER_SECRET is missing: set a random secret with `openssl rand -base64 32 | npx wrangler secret put IDENTIFIER_SECRET` (for wrangler dev, in .dev.vars)",
    ),
    v.minLength(32, "IDENTIFIER_SECRET must have at least 32 characters"),
  ),
  CONTACT_EMAIL: v.optional(v.pipe(v.string(), v.email("CONTACT_EMAIL must be an email address"))),
});

export type WorkerConfig = v.InferOutput<typeof WorkerEnvSchema>;

export function parseWorkerEnv(env: Record<string, unknown>): WorkerConfig {
  const result = v.safeParse(WorkerEnvSchema, env, { abortPipeEarly: true });
  if (!result.success) {
    throw new Error(`Invalid Worker configuration: ${result.issues.map((i) => `${v.getDotPath(i) ?? "?"}: ${i.message}`).join("; ")}`);
  }
  return result.output;
}
