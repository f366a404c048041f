// Part of `npm run check`: bundles the Worker exactly as `wrangler deploy` would (dry run, offline),
// prints its gzip size and fails above the budget.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 1024 * 1024;
const outdir = "dist/worker";

rmSync(outdir, { recursive: true, force: true });
execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});
const bundle = readFileSync(`${outdir}/worker.js`);
const gzipped = gzipSync(bundle, { level: 9 }).byteLength;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Worker bundle: ${kib(bundle.byteLength)} raw, ${kib(gzipped)} gzip (budget ${kib(BUDGET_BYTES)} gzip).`);
if (gzipped > BUDGET_BYTES) {
  console.error("The Worker bundle is over budget.");
  process.exit(1);
}
