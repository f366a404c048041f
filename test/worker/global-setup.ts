import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWorker, type WorkerBuild } from "./built-worker";

export type { WorkerBuild };

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
  project.provide("workerBuild", await buildWorker(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
