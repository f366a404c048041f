// Builds web/ into dist/web: TypeScript entries bundled and minified by esbuild (modern browsers,
// tree-shaken), and web/public copied as is. Served by the Node entry and by the Worker's [assets].
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const WEB_DIST = `${root}dist/web`;

/** Each entry becomes dist/web/assets/<name>.js. */
const ENTRIES: Record<string, string> = {
  dashboard: "web/src/dashboard/main.ts",
  survey: "web/src/survey/enhance.ts",
};

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<void> {
  rmSync(WEB_DIST, { recursive: true, force: true });
  mkdirSync(`${WEB_DIST}/assets`, { recursive: true });
  if (existsSync(`${root}web/public`)) cpSync(`${root}web/public`, WEB_DIST, { recursive: true });
  const entryPoints = Object.fromEntries(
    Object.entries(ENTRIES)
      .filter(([, path]) => existsSync(`${root}${path}`))
      .map(([name, path]) => [name, `${root}${path}`]),
  );
  if (Object.keys(entryPoints).length > 0) {
    await build({
      entryPoints,
      outdir: `${WEB_DIST}/assets`,
      bundle: true,
      minify: true,
      format: "esm",
      target: ["es2022", "chrome110", "safari16", "firefox115"],
      sourcemap: false,
      legalComments: "none",
      logLevel: options.quiet ? "silent" : "warning",
    });
  }
  if (!options.quiet) console.log(`Web assets built into ${WEB_DIST}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
