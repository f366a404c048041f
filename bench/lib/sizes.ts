// Bytes a participant and a dashboard user download, and the Worker bundle, all gzip level 9.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { hashedAssetFile } from "../../scripts/lib/hash-assets";
import { LANGS } from "../../src/domain/lang";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const gzipBytes = (data: Uint8Array | string) => gzipSync(data, { level: 9 }).byteLength;

export interface SurveyPageBytes {
  /** The largest of the fi, sv and en pages: HTML with its inline CSS plus any linked stylesheet. */
  readonly htmlCssGzip: number;
  readonly rawBytes: number;
  /** Scripts the page loads, which answering may not need. */
  readonly scriptGzip: number;
  readonly inlineScripts: number;
  /** The form was posted with exactly the fields the HTML carries (no script ran) and was accepted. */
  readonly answerableWithoutJs: boolean;
}

export async function measureSurveyPage(baseUrl: string, slug: string): Promise<SurveyPageBytes> {
  let largest = { htmlCssGzip: 0, rawBytes: 0, scriptGzip: 0, inlineScripts: 0 };
  let lastHtml = "";
  for (const lang of LANGS) {
    const res = await fetch(`${baseUrl}/s/${slug}?lang=${lang}`);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`GET /s/${slug}?lang=${lang} → ${res.status}`);
    const stylesheets = await fetchAll(baseUrl, attributeValues(html, /<link\b[^>]*rel="stylesheet"[^>]*>/g, "href"));
    const scripts = await fetchAll(baseUrl, attributeValues(html, /<script\b[^>]*>/g, "src"));
    const page = {
      htmlCssGzip: gzipBytes(html) + stylesheets.reduce((sum, s) => sum + gzipBytes(s), 0),
      rawBytes: Buffer.byteLength(html) + stylesheets.reduce((sum, s) => sum + Buffer.byteLength(s), 0),
      scriptGzip: scripts.reduce((sum, s) => sum + gzipBytes(s), 0),
      inlineScripts: (html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/g) ?? []).length,
    };
    if (page.htmlCssGzip > largest.htmlCssGzip) largest = page;
    lastHtml = html;
  }
  return { ...largest, answerableWithoutJs: await postsWithoutJs(baseUrl, lastHtml) };
}

/** What a browser with JavaScript off does: post the form's own hidden fields plus a chosen grade. */
async function postsWithoutJs(baseUrl: string, html: string): Promise<boolean> {
  const action = /<form\b[^>]*\bmethod="post"[^>]*\baction="([^"]+)"/.exec(html)?.[1];
  if (!action) return false;
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const grade = /<input type="radio" id="[^"]+" name="grade" value="([^"]+)"/.exec(html)?.[1];
  if (!grade) return false;
  const res = await fetch(new URL(action, baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: new URLSearchParams([...hidden, ["grade", grade]]).toString(),
    redirect: "manual",
  });
  if (res.status !== 303) return false;
  const thanks = await fetch(new URL(res.headers.get("location")!, baseUrl));
  return thanks.status === 200;
}

function attributeValues(html: string, tag: RegExp, attribute: string): string[] {
  const attr = new RegExp(`\\b${attribute}="([^"]+)"`);
  return (html.match(tag) ?? []).map((t) => attr.exec(t)?.[1]).filter((v): v is string => v !== undefined);
}

async function fetchAll(baseUrl: string, paths: readonly string[]): Promise<string[]> {
  return Promise.all(paths.map(async (path) => (await fetch(new URL(path, baseUrl))).text()));
}

/** The dashboard script (content-hashed name, found through index.html) as built by scripts/build-web.ts, or null while there is none. */
export function dashboardJsGzip(): number | null {
  const dist = join(ROOT, "dist/web");
  if (!existsSync(join(dist, "index.html"))) return null;
  return gzipBytes(readFileSync(join(dist, hashedAssetFile(dist, "dashboard.js"))));
}

/** The Worker exactly as `wrangler deploy` would upload it (dry run, offline). */
export async function workerBundleGzip(outdir: string): Promise<number> {
  await promisify(execFile)("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    timeout: 180_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" },
  });
  return gzipBytes(readFileSync(join(outdir, "worker.js")));
}
