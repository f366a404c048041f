import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { readableEvent } from "../http/access";
import { sendJson } from "../http/contract";
import { requirePrincipal } from "../http/session";
import { check, idParam, requestLang } from "../http/validate";
import { commentFigures, eventsFigures, questionFigures, regionsFigures, themesFigures, trendFigures } from "../services/dashboard-figures";
import { publicOrigin } from "../http/presenters/event-json";
import { ProgrammeComparisonQuery, StatsQuery } from "../http/schemas";
import { requireNational } from "../http/access";
import { areasFigures } from "../services/dashboard-areas";
import { programmeComparison } from "../services/dashboard-programmes";

/** The dashboards' figures, computed from the rollups and scoped by the authorization module. */
export function statsRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  const { now } = deps;

  app.get("/events", async (c) => {
    const principal = requirePrincipal(c);
    const q = check(c, StatsQuery, c.req.query());
    return sendJson(c, "GET /api/events", {
      events: await eventsFigures(deps, principal, q, requestLang(c), publicOrigin(deps, c), now()),
    });
  });

  app.get("/stats/regions", async (c) =>
    sendJson(c, "GET /api/stats/regions", await regionsFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()))),
  );
  app.get("/stats/trend", async (c) =>
    sendJson(c, "GET /api/stats/trend", await trendFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()))),
  );
  app.get("/stats/themes", async (c) =>
    sendJson(c, "GET /api/stats/themes", await themesFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()))),
  );

  app.get("/stats/areas", async (c) =>
    sendJson(c, "GET /api/stats/areas", await areasFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()))),
  );

  app.get("/stats/programmes", async (c) => {
    requireNational(c);
    return sendJson(c, "GET /api/stats/programmes", await programmeComparison(deps, check(c, ProgrammeComparisonQuery, c.req.query())));
  });

  app.get("/stats/questions", async (c) => {
    const principal = requirePrincipal(c);
    const q = check(c, StatsQuery, c.req.query());
    const event = q.event === undefined ? undefined : (await readableEvent(deps, c, q.event)).event;
    return sendJson(c, "GET /api/stats/questions", await questionFigures(deps, principal, q, event));
  });

  app.get("/events/:id/comments", async (c) => {
    const { event } = await readableEvent(deps, c, idParam(c));
    return sendJson(c, "GET /api/events/:id/comments", await commentFigures(deps, event));
  });

  return app;
}
