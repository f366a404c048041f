import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, LibsqlBatchError, LibsqlError, type Client } from "@libsql/client/web";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHranaServer, type HranaServer } from "./hrana-server";

// The Worker's database client (@libsql/client/web) against the test Hrana server, end to end:
// if these pass, Worker tests that point the client at this server talk to it as they would to sqld.
let dir: string;
let server: HranaServer;
let client: Client;
const extraClients: Client[] = [];

function newClient(opts: { intMode?: "number" | "bigint"; authToken?: string; url?: string } = {}): Client {
  const c = createClient({ url: opts.url ?? server.url, intMode: opts.intMode, authToken: opts.authToken });
  extraClients.push(c);
  return c;
}

async function pipeline(body: unknown, url = server.url): Promise<Response> {
  return fetch(`${url}/v2/pipeline`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function errorOf(promise: Promise<unknown>): Promise<LibsqlError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LibsqlError);
  return error as LibsqlError;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palaute-hrana-"));
  server = await startHranaServer({ dbPath: join(dir, "test.db") });
  client = createClient({ url: server.url });
  await client.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER, r REAL, b BLOB)");
  await client.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  await client.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))");
});

afterAll(async () => {
  client?.close();
  for (const c of extraClients) c.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hrana test server: statements", () => {
  it("round-trips every value type with positional arguments", async () => {
    const blob = new Uint8Array([0, 1, 127, 128, 255]);
    const big = 2n ** 62n + 1n;
    const insert = await client.execute({
      sql: "INSERT INTO item (id, name, n, r, b) VALUES (?, ?, ?, ?, ?)",
      args: [1, "Äänestys – ok 🙂", big, 3.25, blob],
    });
    expect(insert.rowsAffected).toBe(1);
    expect(insert.lastInsertRowid).toBe(1n);
    await client.execute({ sql: "INSERT INTO item (id, name, n, r, b) VALUES (?, ?, ?, ?, ?)", args: [2, "nulls", null, null, null] });

    const bigints = newClient({ intMode: "bigint" });
    const rs = await bigints.execute("SELECT id, name, n, r, b, typeof(r) AS rt FROM item ORDER BY id");
    expect(rs.columns).toEqual(["id", "name", "n", "r", "b", "rt"]);
    expect(rs.columnTypes).toEqual(["INTEGER", "TEXT", "INTEGER", "REAL", "BLOB", ""]);
    const [first, second] = rs.rows;
    expect(first).toMatchObject({ id: 1n, name: "Äänestys – ok 🙂", n: big, r: 3.25, rt: "real" });
    expect(new Uint8Array(first!.b as ArrayBuffer)).toEqual(blob);
    expect(second).toMatchObject({ id: 2n, n: null, r: null, b: null, rt: "null" });

    // The default intMode is "number": small integers arrive as numbers, unsafe ones are refused.
    const small = await client.execute("SELECT id FROM item WHERE id = 1");
    expect(small.rows[0]!.id).toBe(1);
    await expect(client.execute("SELECT n FROM item WHERE id = 1")).rejects.toThrow(RangeError);
  });

  it("binds named arguments with and without their prefix", async () => {
    const rs = await client.execute({
      sql: "SELECT :a AS a, @b AS b, $c AS c, :a + 1 AS again",
      args: { a: 41, "@b": "bee", c: null },
    });
    expect(rs.rows[0]).toMatchObject({ a: 41, b: "bee", c: null, again: 42 });

    const named = await client.execute({ sql: "SELECT name FROM item WHERE id = :id", args: { id: 1 } });
    expect(named.rows[0]!.name).toBe("Äänestys – ok 🙂");

    // sqld refuses a name the statement does not have; the engine would silently bind nothing.
    expect((await errorOf(client.execute({ sql: "SELECT :a", args: { nope: 1 } }))).code).toBe("ARGS_INVALID");
  });

  it("reports affected rows, RETURNING rows and no stale counts for reads", async () => {
    const update = await client.execute({ sql: "UPDATE item SET r = r * 2 WHERE id IN (?, ?)", args: [1, 2] });
    expect(update.rowsAffected).toBe(2);
    expect(update.lastInsertRowid).toBeUndefined();
    const read = await client.execute("SELECT count(*) AS c FROM item");
    expect(read.rowsAffected).toBe(0);
    const returning = await client.execute({ sql: "INSERT INTO item (name) VALUES (?) RETURNING id, name", args: ["ret"] });
    expect(returning.rows[0]).toMatchObject({ id: 3, name: "ret" });
    expect(returning.rowsAffected).toBe(1);
    expect(returning.lastInsertRowid).toBe(3n);
  });

  it("maps SQLite errors to LibsqlError codes the way sqld does", async () => {
    const duplicate = await errorOf(client.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [1, "dup"] }));
    expect(duplicate.code).toBe("SQLITE_CONSTRAINT"); // sqld sends the base code, not SQLITE_CONSTRAINT_PRIMARYKEY
    expect(duplicate.message).toContain("UNIQUE constraint failed: item.id");

    const notNull = await errorOf(client.execute({ sql: "INSERT INTO item (id) VALUES (?)", args: [99] }));
    expect(notNull.code).toBe("SQLITE_CONSTRAINT");
    expect(notNull.message).toContain("NOT NULL constraint failed");

    expect((await errorOf(client.execute("SELEC 1"))).code).toBe("SQL_PARSE_ERROR");
    expect((await errorOf(client.execute("SELECT * FROM no_such_table"))).code).toBe("SQLITE_UNKNOWN");
    expect((await errorOf(client.execute("SELECT 1; SELECT 2"))).code).toBe("SQL_MANY_STATEMENTS");
  });

  it("enforces foreign keys on every stream's connection", async () => {
    const orphan = await errorOf(client.execute({ sql: "INSERT INTO child (id, parent_id) VALUES (1, ?)", args: [404] }));
    expect(orphan.code).toBe("SQLITE_CONSTRAINT");
    expect(orphan.message).toContain("FOREIGN KEY constraint failed");
  });

  it("runs executeMultiple (a Hrana sequence)", async () => {
    await client.executeMultiple("CREATE TABLE seq (x); INSERT INTO seq VALUES (1); INSERT INTO seq VALUES (2);");
    expect((await client.execute("SELECT sum(x) AS s FROM seq")).rows[0]!.s).toBe(3);
  });
});

describe("hrana test server: transactions", () => {
  it("makes a write batch atomic: one failing statement rolls back all", async () => {
    const before = (await client.execute("SELECT count(*) AS c FROM item")).rows[0]!.c;
    const error = await errorOf(
      client.batch(
        [
          { sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [10, "ten"] },
          { sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [11, "eleven"] },
          { sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [10, "ten again"] },
        ],
        "write",
      ),
    );
    expect(error).toBeInstanceOf(LibsqlBatchError);
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect((error as LibsqlBatchError).statementIndex).toBe(2);
    expect((await client.execute("SELECT count(*) AS c FROM item")).rows[0]!.c).toBe(before);

    const ok = await client.batch(
      [
        { sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [10, "ten"] },
        { sql: "SELECT name FROM item WHERE id = ?", args: [10] },
      ],
      "write",
    );
    expect(ok[1]!.rows[0]!.name).toBe("ten");
  });

  it("keeps an interactive transaction across requests and commits it", async () => {
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [20, "tx"] });
    await tx.execute({ sql: "UPDATE item SET name = ? WHERE id = ?", args: ["tx updated", 20] });
    expect((await tx.execute("SELECT name FROM item WHERE id = 20")).rows[0]!.name).toBe("tx updated");
    await tx.commit();
    expect((await client.execute("SELECT name FROM item WHERE id = 20")).rows[0]!.name).toBe("tx updated");
  });

  it("rolls an interactive transaction back", async () => {
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [21, "gone"] });
    await tx.batch([{ sql: "DELETE FROM item WHERE id = ?", args: [20] }]);
    await tx.rollback();
    expect((await client.execute("SELECT count(*) AS c FROM item WHERE id IN (20, 21)")).rows[0]!.c).toBe(1);
  });

  it("keeps a failed statement inside a transaction from ending it", async () => {
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [22, "kept"] });
    expect((await errorOf(tx.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [22, "dup"] }))).code).toBe(
      "SQLITE_CONSTRAINT",
    );
    await tx.commit();
    expect((await client.execute("SELECT name FROM item WHERE id = 22")).rows[0]!.name).toBe("kept");
  });

  it("isolates concurrent transactions and makes a second writer wait for the first", async () => {
    const writer = await client.transaction("write");
    await writer.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [30, "uncommitted"] });

    const reader = await newClient().transaction("read");
    expect((await reader.execute("SELECT count(*) AS c FROM item WHERE id = 30")).rows[0]!.c).toBe(0);
    expect((await client.execute("SELECT count(*) AS c FROM item WHERE id = 30")).rows[0]!.c).toBe(0);

    // A second write transaction cannot begin while the first holds the write lock: it waits.
    const second = await newClient().transaction("write");
    let secondDone = false;
    const secondInsert = second.execute({ sql: "INSERT INTO item (id, name) VALUES (?, ?)", args: [31, "second"] }).then((rs) => {
      secondDone = true;
      return rs;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(secondDone).toBe(false);

    await writer.commit();
    await secondInsert;
    // The second writer sees the first one's committed row, the old read transaction still does not.
    expect((await second.execute("SELECT count(*) AS c FROM item WHERE id IN (30, 31)")).rows[0]!.c).toBe(2);
    expect((await reader.execute("SELECT count(*) AS c FROM item WHERE id = 30")).rows[0]!.c).toBe(0);
    await second.commit();
    await reader.commit();
    expect((await client.execute("SELECT count(*) AS c FROM item WHERE id IN (30, 31)")).rows[0]!.c).toBe(2);
  });
});

describe("hrana test server: streams, auth and closing", () => {
  it("answers an unknown or reused baton with HTTP 400 and an error body", async () => {
    const unknown = await pipeline({ baton: "not-a-baton", requests: [{ type: "close" }] });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/invalid baton/i);

    const opened = await pipeline({ baton: null, requests: [{ type: "execute", stmt: { sql: "SELECT 1" } }] });
    const { baton } = (await opened.json()) as { baton: string };
    expect(typeof baton).toBe("string");
    expect((await pipeline({ baton, requests: [] })).status).toBe(200);
    expect((await pipeline({ baton, requests: [] })).status).toBe(400); // batons are single use
  });

  it("speaks protocol 3 JSON too: is_autocommit conditions and get_autocommit", async () => {
    const res = await fetch(`${server.url}/v3/pipeline`, {
      method: "POST",
      body: JSON.stringify({
        baton: null,
        requests: [
          {
            type: "batch",
            batch: {
              steps: [
                { stmt: { sql: "BEGIN" } },
                { condition: { type: "not", cond: { type: "is_autocommit" } }, stmt: { sql: "SELECT 7 AS x" } },
                { condition: { type: "is_autocommit" }, stmt: { sql: "SELECT 8 AS x" } },
              ],
            },
          },
          { type: "get_autocommit" },
          { type: "execute", stmt: { sql: "ROLLBACK", want_rows: false } },
          { type: "get_autocommit" },
          { type: "close" },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { baton: string | null; results: { response: Record<string, unknown> }[] };
    expect(body.baton).toBeNull();
    const batch = body.results[0]!.response.result as { step_results: unknown[] };
    expect(batch.step_results[1]).toMatchObject({ rows: [[{ type: "integer", value: "7" }]] });
    expect(batch.step_results[2]).toBeNull();
    expect(body.results[1]!.response.is_autocommit).toBe(false);
    expect(body.results[3]!.response.is_autocommit).toBe(true);
  });

  it("expires idle streams and releases their locks", async () => {
    const short = await startHranaServer({ dbPath: join(dir, "test.db"), streamTimeoutMs: 100 });
    try {
      const opened = await pipeline(
        {
          baton: null,
          requests: [
            { type: "execute", stmt: { sql: "BEGIN IMMEDIATE" } },
            { type: "execute", stmt: { sql: "INSERT INTO item (id, name) VALUES (40, 'abandoned')" } },
          ],
        },
        short.url,
      );
      const { baton } = (await opened.json()) as { baton: string };
      await new Promise((resolve) => setTimeout(resolve, 300));
      const late = await pipeline({ baton, requests: [] }, short.url);
      expect(late.status).toBe(500);
      expect(late.headers.get("content-type")).toBe("application/json");
      expect(await late.json()).toMatchObject({ code: "STREAM_EXPIRED" });
      // The abandoned transaction rolled back and its write lock is free again.
      await client.execute("INSERT INTO item (id, name) VALUES (41, 'after expiry')");
      expect((await client.execute("SELECT count(*) AS c FROM item WHERE id = 40")).rows[0]!.c).toBe(0);
    } finally {
      await short.close();
    }
  });

  it("requires the bearer token when one is configured", async () => {
    const guarded = await startHranaServer({ dbPath: join(dir, "test.db"), authToken: "s3cret" });
    try {
      expect((await errorOf(newClient({ url: guarded.url }).execute("SELECT 1"))).code).toBe("SERVER_ERROR");
      expect((await errorOf(newClient({ url: guarded.url, authToken: "wrong" }).execute("SELECT 1"))).message).toContain("401");
      const rs = await newClient({ url: guarded.url, authToken: "s3cret" }).execute("SELECT 1 AS one");
      expect(rs.rows[0]!.one).toBe(1);
    } finally {
      await guarded.close();
    }
  });

  it("closes a client, ending its open transaction on the server", async () => {
    const doomed = createClient({ url: server.url });
    const tx = await doomed.transaction("write");
    await tx.execute("INSERT INTO item (id, name) VALUES (50, 'never committed')");
    doomed.close();
    expect(doomed.closed).toBe(true);
    await expect(doomed.execute("SELECT 1")).rejects.toThrow();
    // The close request rolled the transaction back and freed the write lock.
    await client.execute("INSERT INTO item (id, name) VALUES (51, 'next writer')");
    expect((await client.execute("SELECT count(*) AS c FROM item WHERE id = 50")).rows[0]!.c).toBe(0);
  });
});

describe("hrana test server: drizzle", () => {
  it("applies drizzle-kit style migrations through drizzle-orm/libsql/web, once", async () => {
    const migrations = join(dir, "migrations");
    mkdirSync(join(migrations, "meta"), { recursive: true });
    writeFileSync(
      join(migrations, "meta", "_journal.json"),
      JSON.stringify({
        version: "7",
        dialect: "sqlite",
        entries: [{ idx: 0, version: "6", when: 1795441930273, tag: "0000_init", breakpoints: true }],
      }),
    );
    writeFileSync(
      join(migrations, "0000_init.sql"),
      [
        "CREATE TABLE `team` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`name` text NOT NULL,\n\t`members` integer DEFAULT 0 NOT NULL\n);\n",
        "\nCREATE TABLE `member` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`team_id` integer NOT NULL,\n\tFOREIGN KEY (`team_id`) REFERENCES `team`(`id`) ON UPDATE no action ON DELETE cascade\n);\n",
        "\nCREATE UNIQUE INDEX `team_name_uq` ON `team` (`name`);",
        "\nCREATE TRIGGER `member_count` AFTER INSERT ON `member` BEGIN\n  UPDATE `team` SET `members` = `members` + 1 WHERE `id` = NEW.`team_id`;\nEND;",
        "\nINSERT INTO `team` (`id`, `name`) VALUES (1, 'Uusimaa');",
      ].join("--> statement-breakpoint"),
    );

    const db = drizzle({ client: newClient() });
    await migrate(db, { migrationsFolder: migrations });
    await migrate(db, { migrationsFolder: migrations }); // already applied: nothing to do

    await db.run(sql`INSERT INTO member (id, team_id) VALUES (1, 1), (2, 1)`);
    expect(await db.all(sql`SELECT name, members FROM team`)).toEqual([{ name: "Uusimaa", members: 2 }]);
    expect(await db.all(sql`SELECT count(*) AS c FROM __drizzle_migrations`)).toEqual([{ c: 1 }]);
    // The migrator turns foreign keys off for its batch; the next stream has them on again.
    const orphan = await errorOf(db.$client.execute("INSERT INTO member (id, team_id) VALUES (3, 404)"));
    expect(orphan.code).toBe("SQLITE_CONSTRAINT");
  });
});
