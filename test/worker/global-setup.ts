import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { WEB_DIST } from "../../scripts/build-web";
import { buildWorkerBundle, WRANGLER_CONFIG } from "../../scripts/build-worker";

/** What the Worker tests need to run the built bundle the way `wrangler dev` would. */
export interface WorkerBuild {
  readonly scriptPath: string;
  /** A snapshot of dist/web that the Worker's [assets] serve: another test run rebuilding dist/web
   *  in the same checkout must not pull files away mid-test. */
  readonly assetsDirectory: string;
  /** Miniflare options derived from wrangler.toml by wrangler itself: compatibility date and flags,
   *  [vars], and [assets] with its run_worker_first routing. JSON only (crosses into test workers). */
  readonly workerOptions: Record<string, unknown>;
}

declare module "vitest" {
  export interface ProvidedContext {
    workerBuild: WorkerBuild;
  }
}

/**
 * Runs once per `vitest run` when Worker tests are selected: bundles src/worker.ts with
 * `wrangler deploy --dry-run` (the upload, minus uploading) after test/helpers/global-setup.ts has
 * built dist/web, which the [assets] block points at.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "palaute-worker-build-"));
  const scriptPath = buildWorkerBundle(join(dir, "bundle"));
  const assetsDirectory = join(dir, "assets");
  cpSync(WEB_DIST, assetsDirectory, { recursive: true });
  // wrangler's own translation of wrangler.toml, so the tests cannot drift from the config.
  const { unstable_getMiniflareWorkerOptions } = await import("wrangler");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG, undefined, {
    overrides: { assets: { directory: assetsDirectory } },
  });
  project.provide("workerBuild", { scriptPath, assetsDirectory, workerOptions: JSON.parse(JSON.stringify(workerOptions)) });
  return () => rmSync(dir, { recursive: true, force: true });
}
