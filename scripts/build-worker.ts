// Bundles the Worker exactly as `wrangler deploy` would upload it (a dry run: offline, nothing
// uploaded). Shared by `npm run check` (size budget) and the Worker tests, so the tests run the
// bundle that ships, not the TypeScript sources.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const WRANGLER_CONFIG = join(PROJECT_ROOT, "wrangler.toml");

/** Needs dist/web to exist (wrangler checks the [assets] directory). Returns the path of worker.js. */
export function buildWorkerBundle(outdirPath: string): string {
  const outdir = resolve(outdirPath);
  rmSync(outdir, { recursive: true, force: true });
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir, "--config", WRANGLER_CONFIG], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  return join(outdir, "worker.js");
}
