// Starts a bench server script as a child process (node --import tsx), waits for the one stdout
// line that carries its URL, and stops it by its own pid. Peak memory is read from the kernel.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** VmHWM: the most resident memory the process has had since it started, in bytes. */
  peakRssBytes(): number;
  /** User + system CPU time the process has used, in seconds (to the kernel's 10 ms tick). */
  cpuSeconds(): number;
  /** What the server wrote to stderr (its error log), last lines only. */
  stderrTail(): string;
  stop(): Promise<void>;
}

export async function startServer(
  script: "palaute" | "same-bytes",
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const path = fileURLToPath(new URL(`../servers/${script}.ts`, import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${script} server did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    let stdout = "";
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${stderr}`));
    };
    child.once("exit", (code) => fail(new Error(`${script} server exited with ${code} before it was ready`)));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  return {
    url,
    pid: child.pid!,
    peakRssBytes: () => peakRss(child.pid!),
    cpuSeconds: () => cpuSeconds(child.pid!),
    stderrTail: () => stderr,
    stop: () => stop(child),
  };
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kib) * 1024;
}

/** Fields 14 and 15 of /proc/<pid>/stat, after the command name (which may contain spaces). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
