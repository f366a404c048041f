import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { isReady } from "../services/health";

export function healthRoutes(deps: AppContext) {
  return new Hono<AppEnv>().get("/healthz", async (c) => {
    c.header("Cache-Control", "no-store");
    const ready = await isReady(deps);
    return ready ? c.json({ status: "ok" }) : c.json({ status: "unavailable" }, 503);
  });
}
