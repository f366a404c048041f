// Whether dist/web is up to date, so `npm start` builds only when something changed. A stamp
// beside dist/web records the size and modification time of every file the build could read (all of
// web/, src/ and scripts/, and package-lock.json for the libraries) and of every file it wrote; the
// build is skipped only when every one of them is unchanged. Wider than the bundle's real inputs
// on purpose: a change anywhere in src/ costs a build of about a second, a missed one a stale page.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildWeb, WEB_DIST } from "../build-web";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Stamp {
  readonly inputs: string;
  readonly outputs: string;
}

const INPUT_DIRECTORIES = ["web", "src", "scripts"];
const INPUT_FILES = ["package-lock.json"];

export type WebBuildState = { readonly upToDate: true } | { readonly upToDate: false; readonly reason: string };

/**
 * Builds dist/web unless it is up to date; says which, why and how long it took (`npm start`, and
 * the tests' global setup, so a test run and a start after it do not rebuild under each other).
 */
export async function buildWebIfNeeded(say: (line: string) => void = () => {}): Promise<{ built: boolean }> {
  const started = performance.now();
  const state = webBuildState(ROOT, WEB_DIST);
  if (state.upToDate) {
    say(`  Web assets: up to date, not rebuilt (checked in ${seconds(started)})`);
    return { built: false };
  }
  say(`  Web assets: building (${state.reason})…`);
  await buildWeb({ quiet: true });
  recordWebBuild(ROOT, WEB_DIST);
  say(`  Web assets: built in ${seconds(started)}`);
  return { built: true };
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

export function webBuildState(root: string, dist: string): WebBuildState {
  const path = stampPath(dist);
  if (!existsSync(path)) return { upToDate: false, reason: "no earlier build" };
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(path, "utf8")) as Stamp;
  } catch {
    return { upToDate: false, reason: "the record of the last build is unreadable" };
  }
  if (stamp.inputs !== inputsFingerprint(root)) return { upToDate: false, reason: "sources changed since the last build" };
  if (stamp.outputs !== filesFingerprint(dist, listFiles(dist))) return { upToDate: false, reason: "the built files changed" };
  return { upToDate: true };
}

/** After a successful build: what it was built from and what it wrote. */
export function recordWebBuild(root: string, dist: string): void {
  const stamp: Stamp = { inputs: inputsFingerprint(root), outputs: filesFingerprint(dist, listFiles(dist)) };
  writeFileSync(stampPath(dist), `${JSON.stringify(stamp)}\n`);
}

/** Outside dist/web, so neither server nor Cloudflare serves it. Deleting it forces the next build. */
export function stampPath(dist: string = WEB_DIST): string {
  return `${dist}.build-stamp.json`;
}

function inputsFingerprint(root: string): string {
  const files = [
    ...INPUT_DIRECTORIES.flatMap((dir) => listFiles(join(root, dir)).map((file) => join(dir, file))),
    ...INPUT_FILES.filter((file) => existsSync(join(root, file))),
  ];
  return filesFingerprint(root, files);
}

function filesFingerprint(base: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) {
    const stats = statSync(join(base, file));
    hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
