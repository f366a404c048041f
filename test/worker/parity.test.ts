import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { formatDateTime } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { parseNodeEnv } from "../../src/config/node-env";
import { startNodeServer, type RunningServer } from "../../src/node";
import { createTestDb } from "../helpers/test-db";
import { startWorker, startWorkerDatabase, TEST_IDENTIFIER_SECRET, type RunningWorker, type WorkerDatabase } from "./harness";
import { PARITY_REQUESTS, type ParityContext, type ParityRequest } from "./parity-requests";

// One request list, two runtimes: the Node entry (embedded libSQL file) and the built Worker
// (libSQL over HTTP), each on a fresh database with the same demo data. Same statuses, same
// headers that matter, same bodies once request ids, timestamps, random slugs and session tokens
// are set aside.

interface Target {
  readonly runtime: "node" | "worker";
  /** Where the runtime listens; it appears in survey links, so it is compared as "<origin>". */
  readonly origin: string;
}

interface Observed {
  readonly status: number;
  readonly headers: Record<string, string | null>;
  readonly body: unknown;
}

const APP_HEADERS = [
  "x-request-id",
  "content-type",
  "cache-control",
  "location",
  "set-cookie",
  "content-disposition",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "strict-transport-security",
];
// Cloudflare's asset layer adds none of the app's security headers, and its ETag is its own hash.
const ASSET_HEADERS = ["content-type", "cache-control"];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;

/**
 * Today's wall-clock minute as the pages write it ("2 Dec 2026, 06:35", "2.12.2026 klo 6.35"): the
 * two runtimes answer moments apart, so a time recorded "now" may fall on either side of a minute.
 * Only the minute of today's dates is scrubbed; every date, and every other time, is still compared.
 */
function todaysClock(): RegExp {
  const now = Date.now();
  const dates = new Set<string>();
  for (const lang of LANGS) {
    for (const style of ["short", "long"] as const)
      dates.add(formatDateTime(lang, now, style).replace(/(,| klo| kl\.| at) \d{1,2}[.:]\d\d$/, ""));
  }
  const alternatives = [...dates].map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(`(${alternatives})(,| klo| kl\\.| at) \\d{1,2}[.:]\\d\\d`, "g");
}

/** 2001-09-09 in epoch milliseconds: larger integers in JSON are timestamps. */
const EPOCH_MS_FROM = 1_000_000_000_000;

let dir: string;
let node: RunningServer;
let database: WorkerDatabase;
let worker: RunningWorker;
let fromNode: Observed[];
let fromWorker: Observed[];
const knownDifferencesSeen = new Set<ParityRequest>();
/** What the Node run sent, to check that every route was reached. */
const sent: { method: string; path: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palaute-parity-"));
  [node, database] = await Promise.all([
    // The Worker's secret on Node too, so keyed hashes shown in the audit log match.
    startNodeServer(
      parseNodeEnv({ PORT: "0", LIBSQL_URL: `file:${join(dir, "node.db")}`, DEMO_DATA: "auto", IDENTIFIER_SECRET: TEST_IDENTIFIER_SECRET }),
      { quiet: true },
    ),
    startWorkerDatabase({ demo: true }),
  ]);
  worker = await startWorker({ LIBSQL_URL: database.url });
  // Both over real HTTP. (Miniflare's dispatchFetch would let the Worker see Node's origin, but it
  // drops the connection now and then when the Worker answers 413 before reading the whole body.)
  fromNode = await run({ runtime: "node", origin: new URL(node.url).origin });
  fromWorker = await run({ runtime: "worker", origin: worker.url.origin });
  // Two demo seeds and every request twice: more than the default hook minute on a loaded machine.
}, 240_000);

afterAll(async () => {
  await worker?.close();
  await database?.close();
  await node?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("Node and Worker answer alike", () => {
  it.each(PARITY_REQUESTS.map((request, index) => [request.name, index] as const))("%s", (name, index) => {
    expect(fromWorker[index], `Worker vs Node: ${name}`).toEqual(fromNode[index]);
  });

  it.each(PARITY_REQUESTS.filter((r) => r.knownDifference).map((r) => [r.name, r] as const))(
    "known difference still there: %s",
    (_, request) => {
      const message = `the Worker answers like Node now (${request.knownDifference!.why}): remove knownDifference from this request`;
      expect(knownDifferencesSeen.has(request), message).toBe(true);
    },
  );

  it("sends a request to every route of src/app.ts", async () => {
    const app = createApp({ db: await createTestDb() });
    const missing = app.routes
      .filter((route) => route.method !== "ALL")
      .filter((route) => !sent.some((r) => r.method === route.method && routePattern(route.path).test(r.path)))
      .map((route) => `${route.method} ${route.path}`);
    expect(missing, "add requests for these routes to test/worker/parity-requests.ts").toEqual([]);
  });

  it("covers real answers, not a run of identical errors", () => {
    const statuses = new Set(fromNode.map((o) => o.status));
    for (const status of [200, 201, 204, 303, 400, 401, 403, 404, 409, 410, 413, 415, 422])
      expect(statuses, `status ${status}`).toContain(status);
  });
});

async function run(target: Target): Promise<Observed[]> {
  const ctx: ParityContext = { cookies: {}, values: {} };
  const placeholders = new Map<string, string>([[target.origin, "<origin>"]]);
  const observed: Observed[] = [];
  for (const request of PARITY_REQUESTS) {
    const path = typeof request.path === "function" ? request.path(ctx) : request.path;
    const res = await send(target, path, request, ctx);
    if (target.runtime === "node") sent.push({ method: request.method ?? "GET", path: new URL(path, target.origin).pathname });
    const text = await res.text();
    if (request.signIn) {
      const cookie = res.headers.get("set-cookie");
      if (!cookie) throw new Error(`${request.name}: no session cookie (${res.status} ${text})`);
      ctx.cookies[request.signIn] = cookie.split(";")[0]!;
    }
    if (request.capture) {
      let values: Record<string, string>;
      try {
        const isJson = (res.headers.get("content-type") ?? "").startsWith("application/json");
        values = request.capture(isJson ? JSON.parse(text) : undefined, res.headers, text);
      } catch (error) {
        throw new Error(`${request.name}: cannot take values from ${res.status} ${text.slice(0, 500)}: ${String(error)}`);
      }
      Object.assign(ctx.values, values);
      for (const key of request.random ?? []) placeholders.set(values[key]!, `<${key}>`);
    }
    for (const [name, text] of Object.entries(request.derived?.({ ...ctx, origin: target.origin }) ?? {}))
      placeholders.set(text, `<${name}>`);
    const fixed = request.knownDifference && target.runtime === "worker" ? request.knownDifference.workerToNode(text) : text;
    if (fixed !== text) knownDifferencesSeen.add(request);
    observed.push(normalise(request, res, fixed, placeholders));
  }
  return observed;
}

async function send(target: Target, path: string, request: ParityRequest, ctx: ParityContext): Promise<Response> {
  try {
    return await fetch(`${target.origin}${path}`, { ...requestInit(request, ctx, target.origin), redirect: "manual" });
  } catch (error) {
    throw new Error(`${target.runtime}: ${request.name}: ${String(error)}`, { cause: error });
  }
}

function requestInit(request: ParityRequest, ctx: ParityContext, origin: string): RequestInit {
  const method = request.method ?? "GET";
  // What a same-site browser sends with a state change.
  const headers: Record<string, string> = method === "GET" ? {} : { origin, "sec-fetch-site": "same-origin" };
  // A new connection per request: local workerd drops a connection after answering before the body
  // was read (413, a refused cross-site post), and a kept-alive socket would then fail the next request.
  headers.connection = "close";
  let body: string | undefined;
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(typeof request.json === "function" ? request.json(ctx) : request.json);
  } else if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    const form = new URLSearchParams();
    const fields = typeof request.form === "function" ? request.form(ctx) : request.form;
    for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(key, one);
    body = form.toString();
  } else {
    body = request.body;
  }
  if (request.as) {
    const cookie = ctx.cookies[request.as];
    if (!cookie) throw new Error(`${request.name}: no ${request.as} session yet; sign in earlier in the list`);
    headers.cookie = cookie;
  }
  return { method, headers: { ...headers, ...request.headers }, body };
}

function normalise(request: ParityRequest, res: Response, text: string, placeholders: ReadonlyMap<string, string>): Observed {
  const names = request.staticAsset ? ASSET_HEADERS : APP_HEADERS;
  const headers = Object.fromEntries(names.map((name) => [name, scrub(res.headers.get(name), placeholders)]));
  // The session token differs; its attributes (HttpOnly, SameSite, Max-Age, Path) must not.
  if (headers["set-cookie"]) headers["set-cookie"] = headers["set-cookie"].replace(/^([^=]+)=[^;]*/, "$1=<token>");
  const isJson = (res.headers.get("content-type") ?? "").startsWith("application/json");
  return { status: res.status, headers, body: isJson ? scrubJson(JSON.parse(text), placeholders) : scrub(text, placeholders) };
}

/** A Hono route path ("/api/events/:id/qr.svg", "/s/:slug{[a-z]+}", "/x/*") as a regular expression. */
function routePattern(path: string): RegExp {
  const source = path
    .split(/(:[A-Za-z0-9_]+(?:\{[^}]*\})?|\*)/)
    .map((part) => {
      if (part === "*") return ".*";
      const param = /^:[A-Za-z0-9_]+(?:\{([^}]*)\})?$/.exec(part);
      if (param) return param[1] ? `(?:${param[1]})` : "[^/]+";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}/?$`);
}

function scrub(text: string | null, placeholders: ReadonlyMap<string, string>): string | null {
  if (text === null) return null;
  let out = text;
  // Longest first: a QR code or a link may contain a shorter value.
  for (const [value, placeholder] of [...placeholders].sort(([a], [b]) => b.length - a.length)) out = out.split(value).join(placeholder);
  return out.replace(UUID, "<uuid>").replace(ISO_TIME, "<time>").replace(todaysClock(), "$1$2 <now>");
}

/** Strings scrubbed as text; integers large enough to be epoch milliseconds become "<ms>". */
function scrubJson(value: unknown, placeholders: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return scrub(value, placeholders);
  if (typeof value === "number") return Number.isInteger(value) && value > EPOCH_MS_FROM ? "<ms>" : value;
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, placeholders));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, placeholders)]));
  return value;
}
