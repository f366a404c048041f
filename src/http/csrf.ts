import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser says come from another site. Sessions ride on a
 * cookie, so a form on another site could otherwise act for a signed-in person. Browsers send
 * Sec-Fetch-Site and Origin on every POST; clients without them (curl, scripts) carry no ambient
 * cookie, so they are not a CSRF risk. Hosts are compared (not schemes) so a TLS proxy in front
 * of the Node server does not break sign-in.
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header("sec-fetch-site");
      if (site && site !== "same-origin" && site !== "none") throw new AppError("cross_site");
      const origin = c.req.header("origin");
      if (origin && origin !== "null") {
        let host: string;
        try {
          host = new URL(origin).host;
        } catch {
          throw new AppError("cross_site");
        }
        const own = c.req.header("host") ?? new URL(c.req.url).host;
        if (host !== own && host !== new URL(c.req.url).host) throw new AppError("cross_site");
      } else if (origin === "null" && site !== "same-origin") {
        // Browsers send Origin: null for form posts from pages with Referrer-Policy: no-referrer,
        // which every page here has; Sec-Fetch-Site then says whether the post came from us.
        throw new AppError("cross_site");
      }
    }
    await next();
  };
}
