import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../scripts/build-web";
import { hashedAssetFile } from "../../scripts/lib/hash-assets";
import { parseNodeEnv } from "../../src/config/node-env";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { startNodeServer, type RunningServer } from "../../src/node";

// Issue 18: what the real Node entry sends over the wire. node:http, not fetch: fetch asks for
// compression by itself and decodes it, hiding exactly what is tested here.

let dir: string;
let server: RunningServer;
let cookie: string;

interface Raw {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Bytes as they crossed the wire. */
  readonly wire: Buffer;
  /** The same, decoded by the encoding the response named. */
  readonly decoded: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, server.url), { method, headers: { ...(cookie ? { cookie } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const wire = Buffer.concat(chunks);
        // HEAD and 304 carry the encoding's name but no body to decode.
        const encoding = wire.byteLength === 0 ? undefined : res.headers["content-encoding"];
        try {
          const decoded = encoding === "br" ? brotliDecompressSync(wire) : encoding === "gzip" ? gunzipSync(wire) : wire;
          resolve({ status: res.statusCode!, headers: res.headers, wire, decoded });
        } catch (error) {
          reject(error);
        }
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palaute-compression-"));
  server = await startNodeServer(parseNodeEnv({ PORT: "0", LIBSQL_URL: `file:${join(dir, "palaute.db")}` }), { quiet: true });
  const [national] = DEMO_USERS;
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email: national.email, password: national.password }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.get("set-cookie")!.split(";")[0]!;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the dashboard script, negotiated by Accept-Encoding", () => {
  const script = () => `/${hashedAssetFile(WEB_DIST, "dashboard.js")}`;
  const file = () => readFileSync(join(WEB_DIST, hashedAssetFile(WEB_DIST, "dashboard.js")));

  it.each([
    ["br", "br"],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=0.5, br;q=0.4", "gzip"],
    ["x-gzip", "gzip"],
    ["GZIP", "gzip"],
    ["br;q=abc, gzip;q=2", undefined],
    ["*", "br"],
    ["*;q=0.1, br;q=0", "gzip"],
    ["identity", undefined],
    ["gzip;q=0, br;q=0", undefined],
    ["deflate", undefined],
    ["", undefined],
  ])("Accept-Encoding %j → %s, and the bytes decode to the built file", async (accept, expected) => {
    const res = await get(script(), accept === "" ? {} : { "accept-encoding": accept });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe(expected);
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(Number(res.headers["content-length"])).toBe(res.wire.byteLength);
    expect(res.decoded.equals(file())).toBe(true);
    if (expected) expect(res.wire.byteLength).toBeLessThan(file().byteLength / 2);
  });

  it("sends no header at all the same as identity, and a different ETag per encoding that still revalidates", async () => {
    const br = await get(script(), { "accept-encoding": "br" });
    const gzip = await get(script(), { "accept-encoding": "gzip" });
    const plain = await get(script());
    const tags = [br, gzip, plain].map((r) => r.headers.etag);
    expect(new Set(tags).size).toBe(3);
    const again = await get(script(), { "accept-encoding": "br", "if-none-match": br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.wire.byteLength).toBe(0);
  });

  it("answers HEAD with the compressed length and no body", async () => {
    const head = await get(script(), { "accept-encoding": "br" }, "HEAD");
    const full = await get(script(), { "accept-encoding": "br" });
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.headers["content-length"]).toBe(String(full.wire.byteLength));
    expect(head.wire.byteLength).toBe(0);
  });

  it("does not serve the build's compressed copies or Cloudflare's files by their own names", async () => {
    for (const path of [`${script()}.br`, `${script()}.gz`, "/.assetsignore", "/_headers"])
      expect((await get(path)).status, path).toBe(404);
  });
});

describe("cache headers of the built assets", () => {
  it("keeps the content-hashed script and stylesheet for a year, and revalidates index.html and the survey script", async () => {
    const page = await get("/", { "accept-encoding": "gzip" });
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const html = page.decoded.toString("utf8");
    const hashed = [...html.matchAll(/"(\/assets\/dashboard\.[0-9a-f]{8}\.(js|css))"/g)];
    expect(hashed.map((m) => m[2]).sort()).toEqual(["css", "js"]);
    for (const [, path] of hashed) {
      const res = await get(path!, { "accept-encoding": "br" });
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
      expect(res.decoded.equals(readFileSync(join(WEB_DIST, path!)))).toBe(true);
    }
    const survey = await get("/assets/survey.js");
    expect(survey.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(survey.headers.etag).toBeTruthy();
    // The unhashed names are gone: a page cached from an older build fails loudly rather than mixing builds.
    expect((await get("/assets/dashboard.js")).status).toBe(404);
    expect((await get("/dashboard.css")).status).toBe(404);
  });
});

describe("the app's own responses, compressed on the fly", () => {
  it("compresses the survey page (HTML) for gzip and br, to the same page", async () => {
    const plain = await get(`/s/${DEMO_SURVEY_SLUG}?lang=en`);
    const id = (html: string) => html.replace(/name="submission_id" value="[^"]+"/, 'name="submission_id" value="<id>"');
    for (const encoding of ["gzip", "br"]) {
      const res = await get(`/s/${DEMO_SURVEY_SLUG}?lang=en`, { "accept-encoding": encoding });
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(Number(res.headers["content-length"])).toBe(res.wire.byteLength);
      expect(res.wire.byteLength).toBeLessThan(plain.wire.byteLength / 2);
      expect(id(res.decoded.toString("utf8"))).toBe(id(plain.decoded.toString("utf8")));
    }
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
  });

  it("compresses JSON and CSV from the API and decodes to the same data", async () => {
    for (const path of ["/api/stats/regions", "/api/export/events.csv"]) {
      const plain = await get(path);
      const br = await get(path, { "accept-encoding": "br;q=1, gzip;q=0.8" });
      expect(plain.status, path).toBe(200);
      expect(plain.wire.byteLength, path).toBeGreaterThan(1024);
      expect(br.headers["content-encoding"], path).toBe("br");
      expect(br.decoded.toString("utf8")).toBe(plain.decoded.toString("utf8"));
    }
  });

  it("leaves tiny bodies and already-compressed types (PNG) alone", async () => {
    const health = await get("/healthz", { "accept-encoding": "gzip, br" });
    expect(health.status).toBe(200);
    expect(health.wire.byteLength).toBeLessThan(1024);
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(health.wire.toString("utf8"))).toEqual({ status: "ok" });
    const png = await get("/api/events/1/qr.png", { "accept-encoding": "gzip, br" });
    expect(png.status).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.headers.vary ?? "").not.toMatch(/Accept-Encoding/i);
    expect(png.wire.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
