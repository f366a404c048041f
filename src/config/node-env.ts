import * as v from "valibot";

// The Node entry's settings, read from the environment once (src/node.ts) and validated here;
// nothing else in the code base reads process.env.
const Port = v.pipe(v.string(), v.regex(/^\d{1,5}$/, "must be a port number"), v.transform(Number), v.maxValue(65535));

export const NodeEnvSchema = v.object({
  PORT: v.optional(Port, "8787"),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), "127.0.0.1"),
  LIBSQL_URL: v.optional(
    v.pipe(v.string(), v.regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, "must start with file:, libsql://, http(s):// or ws(s)://")),
    "file:data/palaute.db",
  ),
  LIBSQL_AUTH_TOKEN: v.optional(v.string()),
  /** "auto": seed the demo programme into an empty database; "off": never. */
  DEMO_DATA: v.optional(v.picklist(["auto", "off"]), "auto"),
  /** "on": each client address gets a burst of 600 survey submissions, then 10 a second (src/http/submission-limit.ts). */
  SUBMISSION_RATE_LIMIT: v.optional(v.picklist(["on", "off"]), "on"),
  /** "true" behind a reverse proxy: the client address comes from X-Forwarded-For. */
  TRUST_PROXY: v.optional(v.pipe(v.picklist(["true", "false"]), v.transform((value) => value === "true")), "false"),
  /** Where the accessibility statement asks people to send feedback. */
  CONTACT_EMAIL: v.optional(v.pipe(v.string(), v.email("must be an email address"))),
  /** The address people reach Palaute at, used in printed links (and QR codes). */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url())),
});

export type NodeEnv = v.InferOutput<typeof NodeEnvSchema>;

export function parseNodeEnv(env: Record<string, string | undefined>): NodeEnv {
  const result = v.safeParse(NodeEnvSchema, Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!result.success) {
    const problems = result.issues.map((issue) => `  ${v.getDotPath(issue) ?? "?"}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.output;
}
