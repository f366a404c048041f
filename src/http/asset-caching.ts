// How long browsers may keep the built web assets (dist/web). Content-hashed names
// (scripts/lib/hash-assets.ts: /assets/dashboard.3f9a1c2e.js) change with every build that changes
// them, so they are kept for a year without asking again; every other file (index.html, which
// names the hashed ones, and the survey script, whose name the survey page carries) is revalidated
// on each use by its ETag. The Worker's copy of these rules is web/public/_headers.

/** A content-hashed asset's URL path: a name, 8 hex digits of SHA-256, the extension. */
export const HASHED_ASSET_PATH = /^\/assets\/[\w-]+\.[0-9a-f]{8}\.(?:js|css)$/;

export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Same effect as `no-cache`, and the words Cloudflare's asset layer uses: the two runtimes answer alike. */
export const REVALIDATE = "public, max-age=0, must-revalidate";

export function assetCacheControl(path: string): string {
  return HASHED_ASSET_PATH.test(path) ? IMMUTABLE : REVALIDATE;
}

/** Where the build puts a precompressed copy of a file, for each encoding the Node entry serves. */
export const PRECOMPRESSED_SUFFIX = { br: ".br", gzip: ".gz" } as const;
