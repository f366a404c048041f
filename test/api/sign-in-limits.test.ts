import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { keyedHashHex, sha256Hex } from "../../src/auth/tokens";
import { createDb, type Db } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_CLIENT } from "../../src/services/sign-in";
import { createTestUser } from "../helpers/accounts";

// Issue 15: limits that hold under concurrency and bounded audit writes, on a real database file
// opened through two separate clients (two connections, as two server processes would be), with
// requests sent all at once.

const SECRET = "sign-in-limits-test-secret-0123456789";
let dir: string;
let closeAll: () => void;
let db: Db;
let apps: ReturnType<typeof createApp>[];
let clock = Date.parse("2019-09-04T08:00:00Z");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palaute-sign-in-"));
  const url = `file:${join(dir, "palaute.db")}`;
  const clients = [await openNodeDatabase({ url }), await openNodeDatabase({ url })];
  const dbs = clients.map((client) => createDb(client));
  db = dbs[0]!;
  await runMigrations(db);
  apps = dbs.map((each) =>
    createApp({ db: each, now: () => clock, identifierSecret: SECRET, clientAddress: (req) => req.headers.get("x-test-client") }),
  );
  closeAll = () => clients.forEach((client) => client.close());
});

afterAll(() => {
  closeAll();
  rmSync(dir, { recursive: true, force: true });
});

function login(i: number, body: { email: string; password: string }, client: string) {
  return apps[i % apps.length]!.request("http://localhost/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost", "x-test-client": client },
    body: JSON.stringify(body),
  });
}

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const status of statuses) out[status] = (out[status] ?? 0) + 1;
  return out;
}

async function auditRows(): Promise<{ action: string; count: number; actor: string | null; details_json: string | null }[]> {
  return db.all(
    sql`SELECT action, count, actor, details_json FROM audit_log WHERE action IN ('login_failed', 'login_rate_limited') ORDER BY id`,
  );
}

describe("sign-in limits under a simultaneous burst", () => {
  it(`checks at most ${MAX_FAILURES_PER_ACCOUNT} passwords of one account, the right one included, from 100 parallel attempts`, async () => {
    const user = await createTestUser(db, "agent", ["16"]);
    const attempts = Array.from({ length: 100 }, (_, i) => ({
      email: user.email,
      password: i === 57 ? user.password : `wrong guess ${i}`,
    }));
    // Each attempt from its own address: only the account limit can stop the burst.
    const responses = await Promise.all(attempts.map((body, i) => login(i, body, `198.51.100.${i}`)));
    const counts = tally(responses.map((r) => r.status));
    const checked = (counts[401] ?? 0) + (counts[200] ?? 0);
    expect(checked, JSON.stringify(counts)).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(counts[429], JSON.stringify(counts)).toBe(100 - checked);
    expect(
      Object.keys(counts).every((s) => ["200", "401", "429"].includes(s)),
      JSON.stringify(counts),
    ).toBe(true);
  });

  it(`checks at most ${MAX_FAILURES_PER_CLIENT} passwords from one address across accounts, from 100 parallel attempts`, async () => {
    const user = await createTestUser(db, "viewer", ["16"]);
    const attempts = Array.from({ length: 100 }, (_, i) =>
      i === 80 ? { email: user.email, password: user.password } : { email: `guess${i}@burst.example`, password: "wrong wrong wrong" },
    );
    const responses = await Promise.all(attempts.map((body, i) => login(i, body, "203.0.113.99")));
    const counts = tally(responses.map((r) => r.status));
    expect((counts[401] ?? 0) + (counts[200] ?? 0), JSON.stringify(counts)).toBeLessThanOrEqual(MAX_FAILURES_PER_CLIENT);
    expect(counts[429] ?? 0, JSON.stringify(counts)).toBeGreaterThanOrEqual(100 - MAX_FAILURES_PER_CLIENT);
  });

  it("gives a successful sign-in's attempt back, so a person signing in all day is never limited", async () => {
    clock += 60 * 60 * 1000;
    const user = await createTestUser(db, "viewer", ["16"]);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT * 2; i++) {
      const res = await login(i, { email: user.email, password: user.password }, "192.0.2.10");
      expect(res.status, await res.text()).toBe(200);
    }
  });
});

describe("refused sign-ins in the audit log", () => {
  it("300 refused sign-ins at one account from one address add at most a few rows, whose counts add up to 300", async () => {
    clock += 60 * 60 * 1000;
    const before = (await auditRows()).length;
    const user = await createTestUser(db, "agent", ["16"]);
    // In bursts of 50, as an attacker would send them.
    for (let round = 0; round < 6; round++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => login(i, { email: user.email, password: `guess ${round}-${i}` }, "192.0.2.200")),
      );
    }
    const rows = (await auditRows()).slice(before);
    expect(rows.length, JSON.stringify(rows)).toBeLessThanOrEqual(4);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(300);
  });

  it("300 refused sign-ins with 300 unknown emails from one address add a bounded number of rows and no email", async () => {
    clock += 60 * 60 * 1000;
    const before = (await auditRows()).length;
    for (let round = 0; round < 6; round++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          login(i, { email: `nobody-${round}-${i}@typed.example`, password: "guess guess guess" }, "192.0.2.201"),
        ),
      );
    }
    const rows = (await auditRows()).slice(before);
    // At most one row per account tried before the address limit, plus one for the address itself (two windows at most).
    expect(rows.length, JSON.stringify(rows)).toBeLessThanOrEqual(MAX_FAILURES_PER_CLIENT + 2);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(300);
    const dump = JSON.stringify(await db.all(sql`SELECT * FROM audit_log`)) + JSON.stringify(await db.all(sql`SELECT * FROM rate_limit`));
    expect(dump).not.toContain("typed.example");
    expect(dump).not.toContain("192.0.2.201");
  });
});

describe("keyed hashes of stored identifiers", () => {
  it("stores client addresses and emails as HMACs with the secret, never as their plain SHA-256", async () => {
    clock += 60 * 60 * 1000;
    const email = "hmac-probe@test.example";
    const address = "192.0.2.77";
    await login(0, { email, password: "wrong wrong wrong" }, address);
    const keys = (await db.all<{ key: string }>(sql`SELECT key FROM rate_limit`)).map((r) => r.key);
    expect(keys).toContain(`account:${await keyedHashHex(SECRET, `email:${email}`)}`);
    expect(keys).toContain(`client:${await keyedHashHex(SECRET, `address:${address}`)}`);
    const stored = JSON.stringify(keys) + JSON.stringify(await db.all(sql`SELECT details_json FROM audit_log`));
    for (const plain of [email, address, `email:${email}`, `address:${address}`]) {
      expect(stored).not.toContain((await sha256Hex(plain)).slice(0, 16));
    }
    // Another secret, another hash: without the secret, a hash cannot be matched to an address by trying them all.
    expect(await keyedHashHex("another secret of enough length!!", `address:${address}`)).not.toBe(
      await keyedHashHex(SECRET, `address:${address}`),
    );
  });
});
