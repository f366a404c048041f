// Builds web/ into dist/web: TypeScript entries bundled and minified by esbuild (modern browsers,
// tree-shaken), and web/public copied as is. Served by the Node entry and by the Worker's [assets].
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hashAndCompressAssets } from "./lib/hash-assets";
import { writeDashboardCss } from "./lib/dashboard-css";
import { webMessagesPlugin } from "./lib/web-messages";

const root = fileURLToPath(new URL("..", import.meta.url));
export const WEB_DIST = `${root}dist/web`;

/** Each entry becomes dist/web/assets/<name>.js. */
const ENTRIES: Record<string, string> = {
  dashboard: "web/src/dashboard/main.ts",
  survey: "web/src/survey/enhance.ts",
  "copy-link": "web/src/staff/copy-link.ts",
  presenter: "web/src/presenter/live.ts",
};

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<void> {
  // Built in place, then files left over from an earlier build are removed: a server (or a test
  // in another process) serving dist/web never sees it empty or half-written.
  mkdirSync(`${WEB_DIST}/assets`, { recursive: true });
  const before = listFiles(WEB_DIST);
  const written = new Set<string>();
  if (existsSync(`${root}web/public`)) {
    cpSync(`${root}web/public`, WEB_DIST, { recursive: true });
    for (const file of listFiles(`${root}web/public`)) written.add(file);
  }
  written.add(writeDashboardCss(WEB_DIST));
  const entryPoints = Object.fromEntries(
    Object.entries(ENTRIES)
      .filter(([, path]) => existsSync(`${root}${path}`))
      .map(([name, path]) => [name, `${root}${path}`]),
  );
  if (Object.keys(entryPoints).length > 0) {
    const result = await build({
      entryPoints,
      outdir: `${WEB_DIST}/assets`,
      bundle: true,
      minify: true,
      format: "esm",
      target: ["es2022", "chrome110", "safari16", "firefox115"],
      sourcemap: false,
      legalComments: "none",
      metafile: true,
      // Only the messages the web code (and the domain code it imports) can ask for.
      plugins: [webMessagesPlugin([`${root}web/src`, `${root}src/domain`])],
      logLevel: options.quiet ? "silent" : "warning",
    });
    for (const output of Object.keys(result.metafile.outputs)) written.add(relative(WEB_DIST, resolve(process.cwd(), output)));
  }
  const kept = new Set(await hashAndCompressAssets(WEB_DIST, [...written]));
  for (const stale of before.filter((file) => !kept.has(file))) rmSync(join(WEB_DIST, stale), { force: true });
  if (!options.quiet) console.log(`Web assets built into ${WEB_DIST}.`);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
