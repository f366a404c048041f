import * as v from "valibot";

// The Worker's bindings: [vars] in wrangler.toml and secrets set with `wrangler secret put`.
// Validated once per isolate in src/worker.ts.
export const WorkerEnvSchema = v.object({
  // A missing key never reaches v.string's message (valibot reports it as "Invalid key"), so it
  // becomes "" and fails nonEmpty, whose message says what to do.
  LIBSQL_URL: v.pipe(
    v.optional(v.string(), ""),
    v.nonEmpty("LIBSQL_URL is missing: set it with `wrangler secret put LIBSQL_URL` (libsql://… or https://…; for wrangler dev, in .dev.vars)"),
    v.regex(/^(libsql|https?):\/\//, "LIBSQL_URL must start with libsql://, https:// or http://"),
  ),
  LIBSQL_AUTH_TOKEN: v.optional(v.string()),
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
