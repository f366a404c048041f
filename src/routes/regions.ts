import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { canRead, canWrite } from "../auth/authorize";
import { requirePrincipal } from "../http/session";
import { localisedNames } from "../domain/localised-name";
import { listRegions } from "../queries/regions";

/** Every region, with what the signed-in person may do in it. */
export function regionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/regions", async (c) => {
    const principal = requirePrincipal(c);
    const regions = await listRegions(deps.db);
    return c.json({
      regions: regions.map((r) => ({
        code: r.code,
        name: localisedNames(r),
        bilingual: r.bilingual,
        access: canWrite(principal, r.code) ? "write" : canRead(principal, r.code) ? "read" : "none",
      })),
    });
  });
}
