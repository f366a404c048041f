import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv, SubmissionLimiter } from "../app-env";
import { AppError } from "./errors";

/**
 * How many survey submissions one network address may make. A whole venue shares one address:
 * 150 participants submitting in the same minute, each perhaps twice (a fix after an error
 * message, a retry on bad wifi), make about 300 requests. Each address gets a burst of 600 and
 * then 10 a second (600 a minute), so such a room never notices, while a script flooding the
 * survey is cut off after 600 and held to 10 a second. Submissions are idempotent, so a limited
 * participant loses nothing by sending again.
 */
export const SUBMISSION_BURST = 600;
export const SUBMISSIONS_PER_SECOND = 10;

/**
 * Token buckets in memory (one Node process). Buckets idle long enough to be full again are
 * dropped, and the map never holds more than maxKeys addresses, so a spoofed-address flood cannot
 * grow it without bound.
 */
export function tokenBucketLimiter(options: { burst: number; perSecond: number; now?: () => number; maxKeys?: number }): SubmissionLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key) => {
    const t = now();
    const bucket = buckets.get(key);
    const tokens = bucket ? Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond) : options.burst;
    if (tokens < 1) {
      buckets.set(key, { tokens, at: t });
      return false;
    }
    buckets.delete(key); // re-insert: the map's order is least recently used first
    buckets.set(key, { tokens: tokens - 1, at: t });
    if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    return true;
  };
}

/** Applies the configured limiter to survey submissions (not to reading the form). */
export function limitSubmissions(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = deps.submissionLimiter;
    if (limiter && !(await limiter(deps.clientAddress?.(c.req.raw, c.env) ?? "unknown"))) {
      c.header("Retry-After", "10");
      throw new AppError("rate_limited");
    }
    await next();
  };
}
