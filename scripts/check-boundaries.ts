// Part of `npm run check`: the import boundaries in scripts/lib/boundaries.ts, over src/, web/src/
// and scripts/. Exits 1 on a violation; report-only rules and stale pending entries are printed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkBoundaries, formatViolation, readTree } from "./lib/boundaries";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const list = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)]))
    : [];
const files = readTree(root, ["src", "web/src", "scripts"], { list, read: (f) => readFileSync(f, "utf8"), exists: existsSync });
const { violations, reported, stale } = checkBoundaries(files);

for (const [name, found] of reported) {
  if (found.length > 0)
    console.log(`Not enforced yet, "${name}": ${found.length} imports in ${new Set(found.map((v) => v.file)).size} files.`);
}
for (const entry of stale) console.log(`Stale pending entry (no longer happens; delete it from scripts/lib/boundaries.ts): ${entry}`);
if (violations.length > 0) {
  console.error(`Import boundaries: ${violations.length} violation${violations.length === 1 ? "" : "s"}.`);
  for (const v of violations) console.error(formatViolation(v));
  process.exit(1);
}
console.log(`Import boundaries: ${files.size} files checked, no violations.`);
