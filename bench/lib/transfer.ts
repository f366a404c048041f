// Bytes on the wire for the dashboard's first load from the real Node server: index.html names the
// content-hashed script and stylesheet, each fetched with node:http (fetch would ask for compression
// by itself and decode it) as a browser accepting brotli and gzip, gzip only, and nothing.
import { request } from "node:http";

export interface WireBytes {
  readonly path: string;
  readonly br: number;
  readonly gzip: number;
  readonly identity: number;
  /** Cache-Control of the hashed file. */
  readonly cacheControl: string;
}

const BROWSER = "gzip, deflate, br, zstd";

export async function dashboardOnTheWire(
  baseUrl: string,
): Promise<{ script: WireBytes; stylesheet: WireBytes; indexCacheControl: string }> {
  const index = await get(baseUrl, "/", "");
  const html = index.body.toString("utf8");
  const pathOf = (ext: string) =>
    new RegExp(`"(/assets/dashboard\\.[0-9a-f]{8}\\.${ext})"`).exec(html)?.[1] ?? fail(`index.html names no hashed dashboard .${ext}`);
  const measure = async (path: string): Promise<WireBytes> => {
    const br = await get(baseUrl, path, BROWSER);
    const gzip = await get(baseUrl, path, "gzip");
    const identity = await get(baseUrl, path, "");
    if (br.encoding !== "br" || gzip.encoding !== "gzip" || identity.encoding !== undefined)
      fail(`${path}: encodings ${br.encoding}/${gzip.encoding}/${identity.encoding}`);
    return { path, br: br.body.byteLength, gzip: gzip.body.byteLength, identity: identity.body.byteLength, cacheControl: br.cacheControl };
  };
  return { script: await measure(pathOf("js")), stylesheet: await measure(pathOf("css")), indexCacheControl: index.cacheControl };
}

function get(
  baseUrl: string,
  path: string,
  acceptEncoding: string,
): Promise<{ body: Buffer; encoding: string | undefined; cacheControl: string }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    request(new URL(path, baseUrl), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${path} → ${res.statusCode}`));
        resolve({
          body: Buffer.concat(chunks),
          encoding: res.headers["content-encoding"],
          cacheControl: String(res.headers["cache-control"] ?? ""),
        });
      });
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

function fail(message: string): never {
  throw new Error(message);
}
