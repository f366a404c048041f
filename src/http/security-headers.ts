import type { MiddlewareHandler } from "hono";
import { pageContentSecurityPolicy } from "../views/csp";

/**
 * Headers every response carries; the CSP goes on HTML only (JSON and CSV need none).
 * `httpsOnly` (PUBLIC_URL is https): HSTS on every response, also when a TLS proxy in front of Node
 * forwards the request as plain http; otherwise only on requests that arrived over https.
 */
export function securityHeaders(options: { httpsOnly?: boolean } = {}): MiddlewareHandler {
  // The same for every page of this process (hashes of the inline stylesheets): made once.
  let csp: string | undefined;
  return async (c, next) => {
    await next();
    // Set on the finished response's own headers: c.header() after the handler rebuilds the whole
    // Response for every call, which on @hono/node-server also turns a string body into a stream
    // (measured: a third of the server CPU per survey form view). A response whose headers are
    // immutable (one passed through from fetch) is rebuilt once instead.
    let headers = c.res.headers;
    try {
      headers.set("X-Content-Type-Options", "nosniff");
    } catch {
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      headers.set("X-Content-Type-Options", "nosniff");
    }
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    // The request's URL as a string and Hono's path: parsing the URL (twice, before) cost more than all the headers.
    if (options.httpsOnly || c.req.url.startsWith("https:"))
      headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if ((headers.get("content-type") ?? "").startsWith("text/html")) {
      csp ??= await pageContentSecurityPolicy();
      headers.set("Content-Security-Policy", csp);
    }
    // Signed-in data (figures, comments, staff pages) must never sit in a shared or back-button cache.
    const path = c.req.path;
    if (!headers.has("Cache-Control") && (path.startsWith("/api/") || path === "/admin" || path.startsWith("/admin/"))) {
      headers.set("Cache-Control", "no-store");
    }
  };
}
