// `npm start` as a newcomer runs it: a fresh data directory (empty database), timed from the spawn
// until the server answers /healthz; the printed progress lines are kept for the table. The whole
// process group (npm and the node it starts) is stopped by its id afterwards.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TIMEOUT_MS = 120_000;

export interface StartTiming {
  readonly seconds: number;
  /** The start's own progress lines (steps and their durations). */
  readonly lines: string[];
}

/** Starts `npm start` on `databasePath` (a fresh one when omitted), waits until /healthz answers, stops it. */
export async function timeNpmStart(databasePath?: string): Promise<StartTiming> {
  const dir = databasePath ? null : mkdtempSync(join(tmpdir(), "palaute-first-start-"));
  const database = databasePath ?? join(dir!, "palaute.db");
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LIBSQL_URL: `file:${database}` },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start did not start within ${TIMEOUT_MS / 1000} s\n${stdout}\n${stderr}`)),
        TIMEOUT_MS,
      );
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        const running = /Palaute is running at (\S+)/.exec(stdout);
        if (running) {
          clearTimeout(timer);
          resolve(running[1]!.replace("localhost", "127.0.0.1"));
        }
      });
      void exited.then(() => reject(new Error(`npm start exited before it was ready\n${stdout}\n${stderr}`)));
    });
    for (;;) {
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      lines: stdout
        .split("\n")
        .filter((line) => /^\s+(Web assets|Server code|Database|Demo data)\b/.test(line) && !line.includes("building"))
        .map((line) => line.trim()),
    };
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
