// After scripts/build-web.ts has written dist/web: gives the dashboard's script and stylesheet
// content-hashed names (so they can be cached for a year: a new build is a new name), points
// index.html at them, and writes brotli and gzip copies of the text files beside them, which the
// Node entry serves to browsers that accept them (src/node.ts). Cloudflare compresses by itself:
// dist/web/.assetsignore keeps the copies out of the Worker's upload.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { getMimeType } from "hono/utils/mime";
import { PRECOMPRESSED_SUFFIX } from "../../src/http/asset-caching";
import { isCompressibleType, MIN_COMPRESS_BYTES } from "../../src/http/compression";

/** Files renamed to <name>.<hash><ext> under assets/, and the path index.html refers to them by. */
const HASHED: readonly { readonly built: string; readonly href: string; readonly name: string; readonly ext: string }[] = [
  { built: "assets/dashboard.js", href: "/assets/dashboard.js", name: "dashboard", ext: ".js" },
  { built: "dashboard.css", href: "/dashboard.css", name: "dashboard", ext: ".css" },
];

/** The first 8 hex digits of SHA-256 (src/http/asset-caching.ts recognizes the name by them). */
const HASH_LENGTH = 8;

/**
 * Renames the hashed files, rewrites index.html, writes the compressed copies and .assetsignore.
 * Returns every file it wrote (relative to dist), so the build keeps them and removes leftovers.
 */
export async function hashAndCompressAssets(dist: string, builtFiles: readonly string[]): Promise<string[]> {
  const written = new Set(builtFiles);
  const index = join(dist, "index.html");
  let html = existsSync(index) ? readFileSync(index, "utf8") : null;
  for (const asset of HASHED) {
    const path = join(dist, asset.built);
    if (!existsSync(path)) continue;
    const hash = createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, HASH_LENGTH);
    const hashed = `assets/${asset.name}.${hash}${asset.ext}`;
    renameSync(path, join(dist, hashed));
    written.delete(asset.built);
    written.add(hashed);
    if (html !== null) html = html.replaceAll(`"${asset.href}"`, `"/${hashed}"`);
  }
  if (html !== null) writeAtomically(index, html);

  // On the thread pool, all at once: brotli's best level takes about half a second for the
  // dashboard script, which `npm start` overlaps with migrating and seeding.
  await Promise.all([...written].map((file) => writeCompressedCopies(dist, file, written)));
  writeAtomically(
    join(dist, ".assetsignore"),
    "# Precompressed copies for the Node entry; Cloudflare compresses on its own.\n*.br\n*.gz\n",
  );
  written.add(".assetsignore");
  return [...written];
}

async function writeCompressedCopies(dist: string, file: string, written: Set<string>): Promise<void> {
  if (!isCompressibleType(getMimeType(file) ?? null)) return;
  const content = readFileSync(join(dist, file));
  if (content.byteLength < MIN_COMPRESS_BYTES) return;
  const [br, gzipped] = await Promise.all([
    brotliBytes(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength } }),
    gzipBytes(content, { level: 9 }),
  ]);
  for (const [encoding, bytes] of [
    ["br", br],
    ["gzip", gzipped],
  ] as const) {
    const copy = `${file}${PRECOMPRESSED_SUFFIX[encoding]}`;
    if (bytes.byteLength >= content.byteLength) continue;
    // Unchanged copies are left as they are: a server reading them meanwhile never sees half a file.
    if (!(existsSync(join(dist, copy)) && readFileSync(join(dist, copy)).equals(bytes))) writeAtomically(join(dist, copy), bytes);
    written.add(copy);
  }
}

const brotliBytes = promisify(brotliCompress);
const gzipBytes = promisify(gzip);

/** The built file an unhashed name now has, e.g. "dashboard.js" → "assets/dashboard.3f9a1c2e.js". */
export function hashedAssetFile(dist: string, name: "dashboard.js" | "dashboard.css"): string {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const [base, ext] = name.split(".") as [string, string];
  const found = new RegExp(`"/(assets/${base}\\.[0-9a-f]{${HASH_LENGTH}}\\.${ext})"`).exec(html);
  if (!found) throw new Error(`index.html in ${dist} refers to no hashed ${name}`);
  return found[1]!;
}

function writeAtomically(path: string, content: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
