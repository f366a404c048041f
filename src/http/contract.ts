import type { Context } from "hono";
import type { Endpoint, ResponseOf } from "../api-contract";
import type { AppEnv } from "../app-env";

/**
 * Answers with an endpoint's declared response (src/api-contract.ts): tsc refuses any other shape.
 * A handler that names another endpoint than the one it is registered at fails its first request,
 * so every API test catches a contract entry wired to the wrong route.
 */
export function sendJson<E extends Endpoint>(c: Context<AppEnv>, endpoint: E, body: ResponseOf<E>, status: 200 | 201 = 200): Response {
  const [method, path] = endpoint.split(" ");
  const requestMethod = c.req.method === "HEAD" ? "GET" : c.req.method;
  if (requestMethod !== method || c.req.routePath !== path) {
    throw new Error(`contract: ${c.req.method} ${c.req.routePath} answered as ${endpoint}`);
  }
  return c.json(body, status);
}
