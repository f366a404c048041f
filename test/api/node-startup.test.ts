import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { exposure, parseNodeEnv, seedsDemoData } from "../../src/config/node-env";
import { createDb } from "../../src/db/client";
import { openNodeDatabase } from "../../src/db/open-node-database";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { REQUEST_TIMEOUT_MS, startNodeServer, StartupRefusal, type RunningServer } from "../../src/node";
import { startHranaServer } from "../support/hrana-server";

// Issue 15: no deployment with a known password, and the Node entry's other start-up promises.

const dirs: string[] = [];
const running: RunningServer[] = [];
function freshDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), "palaute-startup-"));
  dirs.push(dir);
  return join(dir, "palaute.db");
}
async function start(vars: Record<string, string>, options: { requestTimeoutMs?: number } = {}) {
  const server = await startNodeServer(parseNodeEnv({ PORT: "0", ...vars }), { quiet: true, ...options });
  running.push(server);
  return server;
}
function demoSignIn(url: string) {
  const [national] = DEMO_USERS;
  return fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: national.email, password: national.password }),
  });
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((s) => s.close()));
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("who can reach the server, and where demo data goes", () => {
  it.each([
    [{ HOST: "127.0.0.1" }, null],
    [{ HOST: "localhost" }, null],
    [{ HOST: "::1" }, null],
    [{ HOST: "127.0.0.1", PUBLIC_URL: "http://localhost:8787" }, null],
    [{ HOST: "0.0.0.0" }, "HOST=0.0.0.0 listens beyond this computer"],
    [{ HOST: "::" }, "HOST=:: listens beyond this computer"],
    [{ HOST: "192.168.1.20" }, "HOST=192.168.1.20 listens beyond this computer"],
    [{ HOST: "127.0.0.1", PUBLIC_URL: "https://palaute.example" }, "PUBLIC_URL=https://palaute.example is set"],
  ])("%j → %s", (vars, expected) => {
    expect(exposure(parseNodeEnv(vars))).toBe(expected);
  });

  it.each([
    [{}, true],
    [{ DEMO_DATA: "off" }, false],
    [{ LIBSQL_URL: "libsql://palaute.turso.io" }, false],
    [{ LIBSQL_URL: "https://sqld.example" }, false],
    [{ LIBSQL_URL: "libsql://palaute.turso.io", DEMO_DATA: "on" }, true],
  ])("seeds demo data with %j: %s", (vars, expected) => {
    expect(seedsDemoData(parseNodeEnv(vars))).toBe(expected);
  });
});

describe("demo sign-ins at start-up", () => {
  it("work on a server only this computer reaches (npm start on a fresh clone)", async () => {
    const server = await start({ LIBSQL_URL: `file:${freshDatabase()}` });
    expect((await demoSignIn(server.url)).status).toBe(200);
  });

  it.each([
    [{ HOST: "0.0.0.0" }, "HOST=0.0.0.0"],
    [{ PUBLIC_URL: "https://palaute.example" }, "PUBLIC_URL=https://palaute.example"],
  ])("make start-up refuse when others can reach it (%j), saying how to proceed", async (vars, why) => {
    const attempt = start({ LIBSQL_URL: `file:${freshDatabase()}`, ...vars });
    await expect(attempt).rejects.toBeInstanceOf(StartupRefusal);
    const message = ((await attempt.catch((error: unknown) => error)) as Error).message;
    for (const text of [
      "Refusing to start",
      why,
      DEMO_USERS[0].email,
      "DEMO_ACCOUNTS=disable",
      "npm run user:passwd",
      "DEMO_DATA=off",
      "npm run user:add",
    ])
      expect(message).toContain(text);
  });

  it("are switched off with DEMO_ACCOUNTS=disable: the server starts, the demo data stays, the sign-ins do not work", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const path = freshDatabase();
    const server = await start({ LIBSQL_URL: `file:${path}`, HOST: "0.0.0.0", DEMO_ACCOUNTS: "disable" });
    const url = server.url.replace("localhost", "127.0.0.1");
    expect((await demoSignIn(url)).status).toBe(401);
    expect((await fetch(`${url}/s/${DEMO_SURVEY_SLUG}`)).status).toBe(200);
    const printed = errors.mock.calls.flat().join("\n");
    expect(printed).toContain("Demo sign-ins disabled");
    // Links would follow the Host header: said at start-up.
    expect(printed).toMatch(/PUBLIC_URL is not set/);
    await Promise.all(running.splice(0).map((s) => s.close()));
    // Restarting exposed is fine now: no demo sign-in is usable any more.
    await start({ LIBSQL_URL: `file:${path}`, HOST: "0.0.0.0" });
  });

  it("are no obstacle once they have new passwords", async () => {
    const path = freshDatabase();
    await start({ LIBSQL_URL: `file:${path}` });
    await Promise.all(running.splice(0).map((s) => s.close()));
    const client = await openNodeDatabase({ url: `file:${path}` });
    await createDb(client).run(sql`UPDATE user SET password_hash = 'pbkdf2-sha256$1$AAAA$AAAA' WHERE is_demo = 1`);
    client.close();
    const server = await start({ LIBSQL_URL: `file:${path}`, PUBLIC_URL: "https://palaute.example" });
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it("a real `node src/node.ts` bound beyond loopback exits with status 2 and the message", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
      env: { ...process.env, PORT: "0", HOST: "0.0.0.0", LIBSQL_URL: `file:${freshDatabase()}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, stderr).toBe(2);
    expect(stderr).toContain("Refusing to start");
    expect(stderr).toContain("DEMO_ACCOUNTS=disable");
  }, 60_000);
});

describe("npm start on an empty database (scripts/start.ts)", () => {
  /** Runs the start script until the server answers its health check, then stops it; returns what it printed. */
  async function npmStart(databasePath: string): Promise<string> {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LIBSQL_URL: `file:${databasePath}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk) => {
          stdout += chunk;
          const running = /Palaute is running at (\S+)/.exec(stdout);
          if (running) resolve(running[1]!);
        });
        exited.then((code) => reject(new Error(`start exited with ${code}: ${stdout}\n${stderr}`)));
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    return stdout;
  }

  it("says what each step did and how long it took, and a second start skips what is done", async () => {
    const path = freshDatabase();
    const first = await npmStart(path);
    const seconds = "\\d+\\.\\d\\d s";
    // The test run's global setup built dist/web already, so either line is right here.
    expect(first).toMatch(new RegExp(`Web assets: (built in ${seconds}|up to date, not rebuilt \\(checked in ${seconds}\\))`));
    expect(first).toMatch(new RegExp(`Server code: loaded in ${seconds}`));
    const escapedPath = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(first).toMatch(new RegExp(`Database \\(file:${escapedPath}\\): opened and migrated in ${seconds}`));
    expect(first).toMatch(new RegExp(`Demo data: 54 academy days with 1,828 responses added in ${seconds}`));
    expect(first).toMatch(new RegExp(`Palaute is running at http://localhost:\\d+ .*ready ${seconds} after the process started`));
    // The order in which the steps finish: the database before the server listens.
    expect(first.indexOf("Demo data:")).toBeLessThan(first.indexOf("Palaute is running at"));

    const second = await npmStart(path);
    expect(second).toMatch(new RegExp(`Web assets: up to date, not rebuilt \\(checked in ${seconds}\\)`));
    expect(second).not.toContain("Web assets: building");
    expect(second).toContain("Demo data: not added (the database already has a programme)");
  }, 120_000);
});

describe("a remote database", () => {
  it("gets no demo data unless asked for, and needs IDENTIFIER_SECRET", async () => {
    const path = freshDatabase();
    const hrana = await startHranaServer({ dbPath: path });
    try {
      await expect(start({ LIBSQL_URL: hrana.url })).rejects.toThrow(/IDENTIFIER_SECRET is not set/);
      const server = await start({ LIBSQL_URL: hrana.url, IDENTIFIER_SECRET: "a remote deployment's secret, 32+ chars" });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/s/${DEMO_SURVEY_SLUG}`)).status).toBe(404);
      expect((await demoSignIn(server.url)).status).toBe(401);
    } finally {
      await Promise.all(running.splice(0).map((s) => s.close()));
      await hrana.close();
    }
  });
});

describe("npm run seed", () => {
  it("refuses a remote database unless DEMO_DATA=on", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
      env: { ...process.env, LIBSQL_URL: "https://sqld.invalid" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain("DEMO_DATA=on");
  }, 30_000);
});

describe("the keyed-hash secret of the embedded database", () => {
  it("is generated once beside the database file, readable by its owner only, and kept", async () => {
    const path = freshDatabase();
    await start({ LIBSQL_URL: `file:${path}` });
    const secretFile = `${path}.identifier-secret`;
    const first = readFileSync(secretFile, "utf8");
    expect(first.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    await Promise.all(running.splice(0).map((s) => s.close()));
    await start({ LIBSQL_URL: `file:${path}` });
    expect(readFileSync(secretFile, "utf8")).toBe(first);
  });
});

describe("HTTP hardening on Node", () => {
  it("sends HSTS when PUBLIC_URL is https, even to a request a TLS proxy forwards as plain http", async () => {
    const https = await start({ LIBSQL_URL: `file:${freshDatabase()}`, PUBLIC_URL: "https://palaute.example", DEMO_DATA: "off" });
    const hsts = (await fetch(`http://127.0.0.1:${https.port}/healthz`)).headers.get("strict-transport-security");
    expect(hsts).toBe("max-age=31536000; includeSubDomains");
    const plain = await start({ LIBSQL_URL: `file:${freshDatabase()}`, DEMO_DATA: "off" });
    expect((await fetch(`http://127.0.0.1:${plain.port}/healthz`)).headers.get("strict-transport-security")).toBeNull();
  });

  it("does not serve Cloudflare's _headers file", async () => {
    expect(
      existsSync(new URL("../../dist/web/_headers", import.meta.url)),
      "dist/web/_headers must exist for this test to mean anything",
    ).toBe(true);
    const server = await start({ LIBSQL_URL: `file:${freshDatabase()}` });
    const res = await fetch(`${server.url}/_headers`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Content-Security-Policy");
  });

  it(`cuts off a request body sent slower than the time limit (${REQUEST_TIMEOUT_MS / 1000} s in production)`, async () => {
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(60_000);
    const server = await start({ LIBSQL_URL: `file:${freshDatabase()}` }, { requestTimeoutMs: 1_500 });
    const { port } = new URL(server.url);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1");
      let received = "";
      socket.on("data", (chunk) => (received += chunk));
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
      socket.write(
        `POST /s/${DEMO_SURVEY_SLUG} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ngrade=8`,
      );
      // One byte every 500 ms: the body would take minutes.
      const trickle = setInterval(() => socket.writable && socket.write("a"), 500);
      socket.on("close", () => clearInterval(trickle));
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(8_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);
});
