import type { MiddlewareHandler } from "hono";
import { pageContentSecurityPolicy } from "../views/csp";

/** Headers every response carries; the CSP goes on HTML only (JSON and CSV need none). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    if (new URL(c.req.url).protocol === "https:") c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if ((c.res.headers.get("content-type") ?? "").startsWith("text/html")) {
      c.header("Content-Security-Policy", await pageContentSecurityPolicy());
    }
  };
}
