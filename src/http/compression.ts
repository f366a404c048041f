// Response compression for the Node entry: which encoding a request accepts (Accept-Encoding with
// q-values), and a wrapper around the app's fetch that compresses text responses with it. The
// compressors themselves (node:zlib) are passed in by src/node.ts, so this file stays free of
// Node imports; the Worker does not use it, because Cloudflare compresses its responses itself.

export type ContentEncoding = "br" | "gzip";

/** Ours, in order of preference when a request accepts several equally: brotli is smaller. */
export const SUPPORTED_ENCODINGS: readonly ContentEncoding[] = ["br", "gzip"];

/** Text worth compressing. Images such as PNG and already-encoded bodies are not. */
const COMPRESSIBLE_TYPE = /^\s*(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

/** Below this a compressed body saves less than the headers that announce it. */
export const MIN_COMPRESS_BYTES = 1024;

export function isCompressibleType(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE_TYPE.test(contentType) && !/^\s*text\/event-stream/i.test(contentType);
}

/**
 * The encoding to send, or null for the body as it is. No header means nothing is asked for (RFC
 * 9110 would allow anything, but clients that decode send the header). q=0 refuses an encoding, a
 * `*` entry stands for encodings not named, and equal q-values go to the server's preference.
 */
export function negotiateEncoding(
  acceptEncoding: string | null | undefined,
  supported: readonly ContentEncoding[] = SUPPORTED_ENCODINGS,
): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [rawName, ...params] = part.split(";");
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split("=").map((s) => s.trim());
      if (key?.toLowerCase() !== "q") continue;
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value ?? "") ? Number(value) : 0;
    }
    weights.set(name, Math.max(q, weights.get(name) ?? 0));
  }
  let best: { encoding: ContentEncoding; q: number } | null = null;
  for (const encoding of supported) {
    const q = weights.get(encoding) ?? (encoding === "gzip" ? weights.get("x-gzip") : undefined) ?? weights.get("*") ?? 0;
    if (q > 0 && (best === null || q > best.q)) best = { encoding, q };
  }
  return best?.encoding ?? null;
}

export interface Compressor {
  /** A whole body in memory, compressed off the main thread. */
  bytes(body: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
  /** A body of known length that arrives as a stream (a file). */
  stream(): ReadableWritablePair<Uint8Array, Uint8Array>;
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * Wraps the app's fetch: text responses of 1 KB or more are sent compressed when the request
 * accepts br or gzip, and every text response says `Vary: Accept-Encoding` so a shared cache keeps
 * the encodings apart. Bodies already encoded (the precompressed assets), ranges, HEAD answers and
 * `Cache-Control: no-transform` pass unchanged.
 */
export function compressResponses(fetch: Fetch, compressors: Record<ContentEncoding, Compressor>): Fetch {
  return async (request, env) => {
    const response = await fetch(request, env);
    if (!isCompressibleType(response.headers.get("content-type"))) return response;
    addVary(response.headers);
    if (
      request.method === "HEAD" ||
      response.status === 206 ||
      response.status === 204 ||
      response.status === 304 ||
      response.headers.has("content-encoding") ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(response.headers.get("cache-control") ?? "")
    ) {
      return response;
    }
    const encoding = negotiateEncoding(request.headers.get("accept-encoding"));
    if (encoding === null || response.body === null) return response;
    const declared = response.headers.get("content-length");
    if (declared !== null && Number(declared) < MIN_COMPRESS_BYTES) return response;

    const headers = new Headers(response.headers);
    headers.set("content-encoding", encoding);
    const etag = headers.get("etag");
    // The compressed bytes differ from those the tag was made of: only a weak match remains true.
    if (etag && !etag.startsWith("W/")) headers.set("etag", `W/${etag}`);
    const init = { status: response.status, statusText: response.statusText, headers };
    if (declared !== null) {
      headers.delete("content-length");
      return new Response(response.body.pipeThrough(compressors[encoding].stream()), init);
    }
    // The app's own responses are strings or bytes already in memory.
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength < MIN_COMPRESS_BYTES) {
      headers.delete("content-encoding");
      if (etag) headers.set("etag", etag);
      return new Response(body, init);
    }
    const compressed = await compressors[encoding].bytes(body);
    headers.set("content-length", String(compressed.byteLength));
    return new Response(compressed, init);
  };
}

function addVary(headers: Headers): void {
  const vary = headers.get("vary");
  if (vary === null) headers.set("vary", "Accept-Encoding");
  else if (vary.trim() !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) headers.set("vary", `${vary}, Accept-Encoding`);
}
