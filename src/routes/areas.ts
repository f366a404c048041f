import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { requireNational } from "../http/access";
import { sendJson } from "../http/contract";
import { areaJson } from "../http/presenters/area-json";
import { requirePrincipalWith } from "../http/session";
import { idParam, readJson } from "../http/validate";
import { AreaChanges, AreaInput } from "../http/schemas";
import { areasForSession } from "../services/reference-lists";
import { areaById, changeArea, createArea, removeArea } from "../services/area-actions";

/** Cooperation areas: everyone signed in reads them (names and member regions), the national team changes them. */
export function areaRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();

  app.get("/areas", async (c) => {
    const { areas } = await requirePrincipalWith(c, (sessionId) => areasForSession(deps, sessionId));
    return sendJson(c, "GET /api/areas", { areas: areas.map(areaJson) });
  });

  app.post("/areas", async (c) => {
    const principal = requireNational(c);
    const id = await createArea(deps, principal, await readJson(c, AreaInput));
    return sendJson(c, "POST /api/areas", { area: areaJson(await areaById(deps, id)) }, 201);
  });

  app.patch("/areas/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    // An unknown id is 404 even when the body is also wrong.
    await areaById(deps, id);
    await changeArea(deps, principal, id, await readJson(c, AreaChanges));
    return sendJson(c, "PATCH /api/areas/:id", { area: areaJson(await areaById(deps, id)) });
  });

  app.delete("/areas/:id", async (c) => {
    const principal = requireNational(c);
    return sendJson(c, "DELETE /api/areas/:id", { deleted: areaJson(await removeArea(deps, principal, idParam(c))) });
  });

  return app;
}
