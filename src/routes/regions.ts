import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { sendJson } from "../http/contract";
import { requirePrincipalWith } from "../http/session";
import { localisedNames } from "../domain/localised-name";
import { regionsForSession } from "../services/reference-lists";

/** Every region, with what the signed-in person may do in it. */
export function regionRoutes(deps: AppContext) {
  return new Hono<AppEnv>().get("/regions", async (c) => {
    const { regions } = await requirePrincipalWith(c, (sessionId) => regionsForSession(deps, sessionId));
    return sendJson(c, "GET /api/regions", {
      regions: regions.map((r) => ({
        code: r.code,
        name: localisedNames(r),
        bilingual: r.bilingual,
        access: r.access,
      })),
    });
  });
}
