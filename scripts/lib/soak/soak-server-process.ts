// Starts, kills and stops the soak's server as a child process on a fixed loopback port, so clients
// reach the restarted server at the same address (as they would after a real crash and restart).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const ENTRY = fileURLToPath(new URL("./soak-server-entry.ts", import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** Keep only the tail of the server's stderr: enough to explain a failure, bounded in memory. */
const LOG_TAIL_LINES = 50;

/** A port that was free a moment ago. The kernel hands out ephemeral ports in sequence, so
 *  nothing else on this loopback takes it in the second before the server binds it. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export class SoakServer {
  #child: ChildProcess | null = null;
  #exited: Promise<number | null> = Promise.resolve(null);
  readonly stderrTail: string[] = [];
  /** Lines the app logged at level "error" (5xx): a crash-free soak has none. */
  errorLines = 0;
  starts = 0;

  constructor(
    readonly port: number,
    readonly databaseFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.#child) throw new Error("the soak server is already running");
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
      cwd: ROOT,
      // Only what the entry needs: the parent's PORT/PUBLIC_URL/LIBSQL_URL must not leak in.
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: String(this.port),
        HOST: "127.0.0.1",
        LIBSQL_URL: `file:${this.databaseFile}`,
        DEMO_DATA: "off",
        // 50 clients on one loopback address stand in for 50 phones: the per-address limit is not under test here.
        SUBMISSION_RATE_LIMIT: "off",
      },
      // stdin stays open while we live: the child exits when it closes (see soak-server-entry.ts).
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.#child = child;
    this.starts += 1;
    this.#exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        if (line.includes('"level":"error"')) this.errorLines += 1;
        this.stderrTail.push(line);
        if (this.stderrTail.length > LOG_TAIL_LINES) this.stderrTail.shift();
      }
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`the soak server did not start in ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(new Error(`${error.message}\n${this.stderrTail.join("\n")}`));
      };
      let out = "";
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        if (out.includes("READY ")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => fail(new Error(`the soak server exited during start (code ${code})`)));
    });
  }

  /** A crash: the process gets no chance to finish anything. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill("SIGKILL");
    await this.#exited;
    this.#child = null;
  }

  /** The orderly stop after the soak; falls back to SIGKILL rather than waiting forever. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await this.#exited;
    clearTimeout(timer);
    this.#child = null;
  }
}
