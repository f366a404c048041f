// After scripts/build-web.ts has written dist/web: gives the dashboard's script and stylesheet
// content-hashed names (so they can be cached for a year: a new build is a new name), points
// index.html at them, and writes brotli and gzip copies of the text files beside them, which the
// Node entry serves to browsers that accept them (src/node.ts). Cloudflare compresses by itself:
// dist/web/.assetsignore keeps the copies out of the Worker's upload.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
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
export function hashAndCompressAssets(dist: string, builtFiles: readonly string[]): string[] {
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

  for (const file of [...written]) {
    if (!isCompressibleType(getMimeType(file) ?? null)) continue;
    const content = readFileSync(join(dist, file));
    if (content.byteLength < MIN_COMPRESS_BYTES) continue;
    const copies = {
      br: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength } }),
      gzip: gzipSync(content, { level: 9 }),
    };
    for (const [encoding, bytes] of Object.entries(copies) as [keyof typeof PRECOMPRESSED_SUFFIX, Buffer][]) {
      const copy = `${file}${PRECOMPRESSED_SUFFIX[encoding]}`;
      // Unchanged copies are left as they are: a server reading them meanwhile never sees half a file.
      if (existsSync(join(dist, copy)) && readFileSync(join(dist, copy)).equals(bytes)) {
        written.add(copy);
        continue;
      }
      if (bytes.byteLength >= content.byteLength) continue;
      writeAtomically(join(dist, copy), bytes);
      written.add(copy);
    }
  }
  writeAtomically(join(dist, ".assetsignore"), "# Precompressed copies for the Node entry; Cloudflare compresses on its own.\n*.br\n*.gz\n");
  written.add(".assetsignore");
  return [...written];
}

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

