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
  /**
   * "auto": seed the demo programme (with its sign-ins, whose passwords are public) into an empty
   * embedded database (file:), never into a remote one; "on": also into an empty remote database,
   * asked for explicitly; "off": never.
   */
  DEMO_DATA: v.optional(v.picklist(["auto", "on", "off"]), "auto"),
  /**
   * What start-up does when demo sign-ins with their published passwords exist and the server is
   * reachable beyond this computer (HOST beyond loopback, or PUBLIC_URL set): "refuse" to start
   * (the default), or "disable" them and start (the demo data stays, the sign-ins do not work).
   */
  DEMO_ACCOUNTS: v.optional(v.picklist(["refuse", "disable"]), "refuse"),
  /** The secret for keyed hashes of client addresses and typed emails; generated and kept beside an embedded database when unset. */
  IDENTIFIER_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, "must have at least 32 characters (e.g. `openssl rand -base64 32`)"))),
  /** "on": each client address gets a burst of 600 survey submissions, then 10 a second (src/http/submission-limit.ts). */
  SUBMISSION_RATE_LIMIT: v.optional(v.picklist(["on", "off"]), "on"),
  /** "true" behind a reverse proxy: the client address comes from X-Forwarded-For. */
  TRUST_PROXY: v.optional(
    v.pipe(
      v.picklist(["true", "false"]),
      v.transform((value) => value === "true"),
    ),
    "false",
  ),
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

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * Why people other than this computer's user can reach the server (HOST beyond loopback, or a
 * PUBLIC_URL that is not loopback), in words for a start-up message; null when only this computer can.
 */
export function exposure(env: Pick<NodeEnv, "HOST" | "PUBLIC_URL">): string | null {
  if (!isLoopbackHost(env.HOST)) return `HOST=${env.HOST} listens beyond this computer`;
  if (env.PUBLIC_URL && !isLoopbackHost(new URL(env.PUBLIC_URL).hostname)) return `PUBLIC_URL=${env.PUBLIC_URL} is set`;
  return null;
}

/** Demo data only on the embedded database unless asked for explicitly (DEMO_DATA=on). */
export function seedsDemoData(env: Pick<NodeEnv, "DEMO_DATA" | "LIBSQL_URL">): boolean {
  return env.DEMO_DATA === "on" || (env.DEMO_DATA === "auto" && env.LIBSQL_URL.startsWith("file:"));
}
