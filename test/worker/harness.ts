import { inject } from "vitest";
import { startBuiltWorker, type RunningWorker } from "./built-worker";

// The Worker as it ships (the bundle from test/worker/global-setup.ts) under Miniflare, talking
// Hrana over HTTP to the test libSQL endpoint: the same wire protocol it speaks to Turso.

export { startWorkerDatabase, TEST_IDENTIFIER_SECRET, type RunningWorker, type WorkerDatabase } from "./built-worker";

/** Starts the built Worker (test/worker/global-setup.ts) with wrangler.toml's settings and the given bindings (secrets, vars). */
export function startWorker(bindings: Record<string, string>): Promise<RunningWorker> {
  return startBuiltWorker(inject("workerBuild"), bindings);
}
