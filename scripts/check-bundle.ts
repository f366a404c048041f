// Part of `npm run check`: bundles the Worker exactly as `wrangler deploy` would (dry run, offline),
// prints its gzip size and fails above the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { buildWorkerBundle } from "./build-worker";

// The project's own budget (issues 17 and 18: 250 KB gzip, well inside Cloudflare's 1 MiB free-plan
// limit), so a growing bundle fails here rather than at deploy.
const BUDGET_BYTES = 250 * 1000;

const bundle = readFileSync(buildWorkerBundle("dist/worker"));
const gzipped = gzipSync(bundle, { level: 9 }).byteLength;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Worker bundle: ${kib(bundle.byteLength)} raw, ${kib(gzipped)} gzip (budget ${kib(BUDGET_BYTES)} gzip).`);
if (gzipped > BUDGET_BYTES) {
  console.error("The Worker bundle is over budget.");
  process.exit(1);
}
