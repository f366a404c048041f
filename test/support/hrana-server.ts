/**
 * TEST-ONLY libSQL remote endpoint: Hrana over HTTP (JSON encoding, protocol 2 and 3) served by
 * node:http and backed by the embedded libSQL engine (the `libsql` package) on a database file.
 *
 * Why it exists: the Worker reaches its database with @libsql/client/web, i.e. Hrana over HTTP, and
 * these machines have no sqld / libSQL server binary (not in npm, not in Debian). Worker tests point
 * the client at this server instead. Nothing under src/ imports this file, so it never reaches the
 * production bundle.
 *
 * It copies libsql-server (sqld) wherever a client can tell the difference:
 * - one SQLite connection per stream, so a transaction held across requests by a baton is isolated;
 * - batons are single-use; idle streams expire after 10 s (their open transaction rolls back);
 * - error codes are sqld's: the base SQLite code (SQLITE_CONSTRAINT, never the extended
 *   SQLITE_CONSTRAINT_PRIMARYKEY), SQLITE_ERROR reported as SQLITE_UNKNOWN, syntax errors as
 *   SQL_PARSE_ERROR, argument problems as ARGS_INVALID / ARGS_BOTH_POSITIONAL_AND_NAMED;
 * - affected_row_count only for INSERT/UPDATE/DELETE, last_insert_rowid only for INSERT.
 * Not implemented: protobuf encoding, cursors (/v3/cursor), `describe`, WebSockets.
 * Spec: tursodatabase/libsql docs/HRANA_3_SPEC.md.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "libsql";

export interface HranaServerOptions {
  /** The database file; every stream opens its own connection to it. */
  dbPath: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, pipeline requests need `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** Idle time before a stream expires (sqld: 10 s). */
  streamTimeoutMs?: number;
  /** How long a statement waits for another connection's write lock (sqld waits too). */
  busyTimeoutMs?: number;
}

export interface HranaServer {
  /** http://127.0.0.1:PORT, for `createClient({ url })` from @libsql/client/web. */
  url: string;
  close(): Promise<void>;
}

// ---- Protocol structures (JSON encoding) -------------------------------------------------------

type Value =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };
interface Stmt {
  sql?: string | null;
  sql_id?: number | null;
  args?: Value[];
  named_args?: { name: string; value: Value }[];
  want_rows?: boolean;
}
type Cond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: Cond }
  | { type: "and" | "or"; conds: Cond[] }
  | { type: "is_autocommit" };
type StreamRequest =
  | { type: "close" | "get_autocommit" }
  | { type: "execute"; stmt: Stmt }
  | { type: "batch"; batch: { steps: { condition?: Cond | null; stmt: Stmt }[] } }
  | { type: "sequence" | "describe"; sql?: string | null; sql_id?: number | null }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number };
interface StmtResult {
  cols: { name: string | null; decltype: string | null }[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}
interface ProtoError {
  message: string;
  code: string;
}

/** A failure the client gets inside the results (`{type:"error"}` or a batch step error). */
class SqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
/** A broken request: sqld answers HTTP 400 with a text body and drops the stream. */
class ProtocolError extends Error {}

interface Stream {
  db: Database.Database;
  meta: Database.Statement;
  sqls: Map<number, string>;
  timer?: NodeJS.Timeout;
  closed: boolean;
}

const MAX_STORED_SQL = 50; // sqld's limit; @libsql/client keeps at most 30 per stream

export async function startHranaServer(opts: HranaServerOptions): Promise<HranaServer> {
  const { dbPath, authToken, streamTimeoutMs = 10_000, busyTimeoutMs = 5_000 } = opts;
  if (!dbPath || dbPath.startsWith(":memory:")) throw new Error("hrana-server needs a database file shared by its streams");

  // sqld always runs in WAL mode: readers never block the writer, which concurrent streams rely on.
  const setup = new Database(dbPath);
  setup.exec("PRAGMA journal_mode = WAL");
  setup.close();

  const streams = new Set<Stream>();
  const batons = new Map<string, Stream>();
  const expired = new Set<string>();

  function openStream(): Stream {
    const db = new Database(dbPath);
    // busy_timeout 0: SQLite's busy handler sleeps synchronously, which would freeze this
    // single-threaded server while the lock holder's COMMIT waits in the event loop. Lock waits are
    // retried asynchronously instead (withBusyRetry). synchronous=NORMAL: tests need no durability.
    db.exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 0; PRAGMA synchronous = NORMAL");
    const meta = db.prepare("SELECT changes(), total_changes(), last_insert_rowid()");
    meta.safeIntegers(true).raw(true);
    const stream: Stream = { db, meta, sqls: new Map(), closed: false };
    streams.add(stream);
    return stream;
  }

  function closeStream(stream: Stream): void {
    clearTimeout(stream.timer);
    if (!stream.closed) {
      // close() frees the connection only once its statements are garbage-collected, so end the
      // transaction now: an abandoned or expired stream must not keep holding the write lock.
      try {
        if (stream.db.inTransaction) stream.db.exec("ROLLBACK");
      } catch {
        // nothing more to do: close() below ends the transaction once the connection is freed
      }
      stream.db.close();
    }
    stream.closed = true;
    streams.delete(stream);
  }

  async function withBusyRetry<T>(fn: () => T): Promise<T> {
    const deadline = Date.now() + busyTimeoutMs;
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        return fn();
      } catch (e) {
        // Only plain SQLITE_BUSY: SQLITE_BUSY_SNAPSHOT and friends never succeed on retry.
        if ((e as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw e;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function execute(stream: Stream, stmt: Stmt): Promise<StmtResult> {
    const sql = resolveSql(stream, stmt.sql, stmt.sql_id);
    const scan = scanSql(sql);
    if (scan.manyStatements) throw new SqlError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
    const values = bindValues(scan.params, stmt.args ?? [], stmt.named_args ?? []);
    const prepared = stream.db.prepare(sql).safeIntegers(true);
    const cols = prepared.reader
      ? prepared
          .raw(true)
          .columns()
          .map((c) => ({ name: c.name, decltype: c.type }))
      : [];
    const [, totalBefore] = changeCounters(stream);
    let raw: unknown[][] = [];
    try {
      // Always an array argument: the libsql package panics (killing the process) when an object of
      // named values meets a nameless `?`; bindValues has already resolved names to positions.
      await withBusyRetry(() => (prepared.reader ? (raw = prepared.all(values) as unknown[][]) : prepared.run(values)));
    } catch (e) {
      // A statement that hit SQLITE_BUSY stays resumable, i.e. "in progress": it would block COMMIT
      // on this connection. libsql has no reset(), but iterate() resets and binds without stepping.
      prepared.iterate(values);
      throw e;
    }
    const [changes, totalAfter, rowid] = changeCounters(stream);
    return {
      cols,
      rows: stmt.want_rows === false ? [] : raw.map((row) => row.map(encodeValue)),
      // total_changes() moves only when this statement wrote rows: SELECT and DDL report 0, as sqld does.
      affected_row_count: totalAfter === totalBefore ? 0 : Number(changes),
      last_insert_rowid: scan.isInsert ? String(rowid) : null,
    };
  }

  function changeCounters(stream: Stream): bigint[] {
    return (stream.meta.all() as bigint[][])[0]!;
  }

  async function batch(stream: Stream, steps: { condition?: Cond | null; stmt: Stmt }[]) {
    const step_results: (StmtResult | null)[] = [];
    const step_errors: (ProtoError | null)[] = [];
    const holds = (cond: Cond, step: number): boolean => {
      switch (cond.type) {
        case "ok":
        case "error":
          if (!(cond.step < step)) throw new ProtocolError("Invalid reference to step in a batch condition");
          return (cond.type === "ok" ? step_results : step_errors)[cond.step] != null;
        case "not":
          return !holds(cond.cond, step);
        case "and":
          return cond.conds.every((c) => holds(c, step));
        case "or":
          return cond.conds.some((c) => holds(c, step));
        case "is_autocommit":
          return !stream.db.inTransaction;
        default:
          throw new ProtocolError("BatchCond type not recognized");
      }
    };
    for (const [i, step] of steps.entries()) {
      let result: StmtResult | null = null;
      let error: ProtoError | null = null;
      if (!step.condition || holds(step.condition, i)) {
        try {
          result = await execute(stream, step.stmt);
        } catch (e) {
          error = toProtoError(e);
        }
      }
      step_results.push(result);
      step_errors.push(error);
    }
    return { step_results, step_errors };
  }

  async function handleRequest(stream: Stream, req: StreamRequest): Promise<object> {
    if (stream.closed) throw new ProtocolError("Stream for this baton was closed");
    switch (req.type) {
      case "close":
        closeStream(stream);
        return { type: "close" };
      case "execute":
        return { type: "execute", result: await execute(stream, req.stmt) };
      case "batch":
        return { type: "batch", result: await batch(stream, req.batch.steps) };
      case "sequence":
        // Not retried on SQLITE_BUSY: a multi-statement text may fail after running part of it.
        stream.db.exec(resolveSql(stream, req.sql, req.sql_id));
        return { type: "sequence" };
      case "store_sql":
        if (stream.sqls.has(req.sql_id)) throw new ProtocolError(`SQL text ${req.sql_id} already exists`);
        if (stream.sqls.size >= MAX_STORED_SQL)
          throw new SqlError(`The server already stores ${stream.sqls.size} SQL texts, it cannot store more`, "SQL_STORE_TOO_MANY");
        stream.sqls.set(req.sql_id, req.sql);
        return { type: "store_sql" };
      case "close_sql":
        stream.sqls.delete(req.sql_id);
        return { type: "close_sql" };
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !stream.db.inTransaction };
      case "describe":
        throw new SqlError("describe is not supported by the test Hrana server", "NOT_SUPPORTED");
      default:
        throw new ProtocolError("StreamRequest type not recognized");
    }
  }

  async function pipeline(body: { baton?: string | null; requests?: StreamRequest[] }, res: ServerResponse) {
    let stream: Stream;
    if (body.baton == null) {
      stream = openStream();
    } else {
      const found = batons.get(body.baton);
      if (!found) {
        if (expired.has(body.baton))
          return send(
            res,
            500,
            "application/json",
            JSON.stringify({ message: "The stream has expired due to inactivity", code: "STREAM_EXPIRED" }),
          );
        return send(res, 400, "text/plain", "Received an invalid baton");
      }
      stream = found;
      batons.delete(body.baton); // single use: the response carries the next baton
      clearTimeout(stream.timer);
    }

    const results: object[] = [];
    try {
      for (const req of body.requests ?? []) {
        try {
          results.push({ type: "ok", response: await handleRequest(stream, req) });
        } catch (e) {
          results.push({ type: "error", error: toProtoError(e) });
        }
      }
    } catch (e) {
      closeStream(stream);
      if (e instanceof ProtocolError) return send(res, 400, "text/plain", e.message);
      throw e;
    }

    let baton: string | null = null;
    if (!stream.closed) {
      baton = randomBytes(24).toString("base64url");
      batons.set(baton, stream);
      stream.timer = setTimeout(() => {
        batons.delete(baton!);
        expired.add(baton!);
        closeStream(stream);
      }, streamTimeoutMs);
      stream.timer.unref();
    }
    send(res, 200, "application/json", JSON.stringify({ baton, base_url: null, results }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET") {
      // The client's version probe sends no token. Answering 404 for v3-protobuf makes a client
      // that asks for protocol 3 fall back to v2 JSON, the only encoding served here.
      if (path === "/" || path === "/v2" || path === "/v3") return send(res, 200, "text/plain", "Hrana over HTTP (test server)");
      return send(res, 404, "text/plain", "Not found");
    }
    if (req.method !== "POST" || !/^\/v[23]\/pipeline$/.test(path)) return send(res, 404, "text/plain", "Not found");
    if (authToken !== undefined && req.headers.authorization !== `Bearer ${authToken}`) {
      return send(res, 401, "text/plain", "Unauthorized");
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: { baton?: string | null; requests?: StreamRequest[] };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(res, 400, "text/plain", "Cannot deserialize client message from JSON");
    }
    await pipeline(body, res);
  }

  function resolveSql(stream: Stream, sql: string | null | undefined, sqlId: number | null | undefined): string {
    if (sql != null && sqlId != null) throw new ProtocolError("Either `sql` or `sql_id` are required, but not both");
    if (sql != null) return sql;
    if (sqlId == null) throw new ProtocolError("Either `sql` or `sql_id` are required");
    const stored = stream.sqls.get(sqlId);
    if (stored === undefined) throw new ProtocolError(`SQL text ${sqlId} not found`);
    return stored;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, "text/plain", `Internal error: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const stream of [...streams]) closeStream(stream);
      batons.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // fetch keeps connections alive; do not wait for them
      });
    },
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  // Exactly "application/json" (no charset): the client parses error bodies only for that value.
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function toProtoError(e: unknown): ProtoError {
  if (e instanceof ProtocolError) throw e;
  if (e instanceof SqlError) return { message: e.message, code: e.code };
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code === "string" && code.startsWith("SQLITE_")) {
    // sqld reports rusqlite's base code; rusqlite calls plain SQLITE_ERROR "Unknown".
    const base = /^SQLITE_[A-Z]+/.exec(code)![0];
    if (base === "SQLITE_ERROR" && /syntax error|incomplete input|unrecognized token/.test(message)) {
      return { message: `SQL string could not be parsed: ${message}`, code: "SQL_PARSE_ERROR" };
    }
    return { message: `SQLite error: ${message}`, code: base === "SQLITE_ERROR" ? "SQLITE_UNKNOWN" : base };
  }
  return { message, code: "INTERNAL_ERROR" };
}

function decodeValue(v: Value): null | bigint | number | string | Buffer {
  switch (v.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(v.value);
    case "float":
      return Number(v.value);
    case "text":
      return v.value;
    case "blob":
      return Buffer.from(v.base64, "base64");
    default:
      throw new ProtocolError("Value type not recognized");
  }
}

function encodeValue(v: unknown): Value {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") return { type: "float", value: v }; // with safeIntegers, only REALs are numbers
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof ArrayBuffer) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  throw new Error(`Unexpected value from libsql: ${typeof v}`);
}

/**
 * Resolves positional and named arguments to one positional array, the way sqld binds them: names
 * may omit the prefix (":", "@" or "$" is then guessed), and mixing both kinds is refused.
 */
function bindValues(params: (string | null)[], args: Value[], named: { name: string; value: Value }[]): unknown[] {
  if (args.length > 0 && named.length > 0) {
    throw new SqlError("Specifying both positional and named arguments is not supported", "ARGS_BOTH_POSITIONAL_AND_NAMED");
  }
  if (args.length > params.length) {
    throw new SqlError(
      `Arguments do not match SQL parameters: too many parameters, expected ${params.length} found ${args.length}`,
      "ARGS_INVALID",
    );
  }
  const values: unknown[] = params.map(() => null);
  args.forEach((arg, i) => (values[i] = decodeValue(arg)));
  for (const { name, value } of named) {
    const candidates = /^[:@$?]/.test(name) ? [name] : [":", "@", "$"].map((prefix) => prefix + name);
    const index = candidates.map((c) => params.indexOf(c)).find((i) => i >= 0);
    if (index === undefined) throw new SqlError(`Arguments do not match SQL parameters: unknown parameter ${name}`, "ARGS_INVALID");
    values[index] = decodeValue(value);
  }
  return values;
}

const TOKEN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?|\?(\d*)|[:@$]([\p{L}\p{N}_$]+)|[\p{L}\p{N}_$]+|[\s\S]/uy;

/**
 * A small SQLite tokenizer (strings, quoted names and comments skipped) that lists the statement's
 * parameters by index as SQLite numbers them, says whether it is an INSERT and whether a second
 * statement follows (sqld refuses that; the engine would silently run only the first).
 */
function scanSql(sql: string): { params: (string | null)[]; isInsert: boolean; manyStatements: boolean } {
  const params: (string | null)[] = [];
  const words: string[] = [];
  let afterSemicolon = false;
  let manyStatements = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sql); m && m[0] !== ""; m = TOKEN.exec(sql)) {
    const token = m[0];
    if (/^(\s|--|\/\*)/.test(token)) continue;
    if (token === ";") {
      afterSemicolon = true;
      continue;
    }
    if (afterSemicolon) manyStatements = true;
    if (words.length < 4 && /^[a-z]/i.test(token)) words.push(token.toLowerCase());
    if (m[1] !== undefined) {
      // ?NNN takes index NNN; a bare ? takes the next index after the largest so far.
      const index = m[1] === "" ? params.length + 1 : Number(m[1]);
      while (params.length < index) params.push(null);
      if (m[1] !== "") params[index - 1] = token;
    } else if (m[2] !== undefined && !params.includes(token)) {
      params.push(token); // a repeated :name reuses its first index
    }
  }
  // CREATE TRIGGER bodies hold several statements separated by semicolons.
  const isTrigger = words[0] === "create" && (words[1] === "trigger" || words[2] === "trigger");
  const isInsert = words[0] === "insert" || words[0] === "replace" || (words[0] === "with" && /\binsert\b/i.test(sql));
  return { params, isInsert, manyStatements: manyStatements && !isTrigger };
}
