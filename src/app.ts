import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppContext, AppDeps, AppEnv } from "./app-env";
import { newIdentifierSecret } from "./auth/tokens";
import { errorHandler } from "./http/error-handler";
import { AppError } from "./http/errors";
import { securityHeaders } from "./http/security-headers";
import { limitSubmissions } from "./http/submission-limit";
import { serviceContext } from "./services/context";
import { sameOriginOnly } from "./http/csrf";
import { loadSession } from "./http/session";
import { adminRoutes } from "./routes/admin";
import { accessibilityRoutes } from "./routes/accessibility";
import { authRoutes } from "./routes/auth";
import { accountLinkRoutes } from "./routes/account-links";
import { SET_PASSWORD_PATH } from "./domain/account-links";
import { commentRoutes } from "./routes/comments";
import { eventRoutes } from "./routes/events";
import { exportRoutes } from "./routes/exports";
import { healthRoutes } from "./routes/health";
import { programmeRoutes } from "./routes/programmes";
import { areaRoutes } from "./routes/areas";
import { regionRoutes } from "./routes/regions";
import { statsRoutes } from "./routes/stats";
import { userRoutes } from "./routes/users";
import { surveyRoutes } from "./routes/survey";
import { surveyCodeRoutes } from "./routes/survey-code";
import { liveRoutes } from "./routes/live";

export type { AppDeps };

/** The one Hono app both runtimes serve. It gets its database from the entry point. */
export function createApp(given: AppDeps) {
  // The clock, the audit helper and the logger are made here once and handed to every route and
  // service. Both entries pass a lasting secret; without one (tests), a random one that lasts as long as the app.
  const deps: AppContext = {
    ...given,
    ...serviceContext(given.db, given),
    identifierSecret: given.identifierSecret ?? newIdentifierSecret(),
  };
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(securityHeaders({ httpsOnly: deps.publicUrl?.startsWith("https://") ?? false }));
  app.route("/", healthRoutes(deps));
  app.route("/", accessibilityRoutes(deps));
  // Staff routes: session from the cookie, and no cross-site state changes. The public survey
  // needs neither (participants are anonymous and carry no cookie).
  // The reference lists the dashboard loads first read the principal in one batch with their data
  // (src/services/reference-lists.ts), so for their GETs the middleware leaves the lookup to them.
  const readWithData = ["/api/regions", "/api/programmes", "/api/themes", "/api/areas"];
  for (const path of ["/api/*", "/admin/*", "/admin", "/login", "/logout"]) {
    app.use(path, sameOriginOnly(), loadSession(deps, readWithData));
  }
  // One-time password links: public (no session yet), but their form must come from this site.
  app.use(`${SET_PASSWORD_PATH}/*`, sameOriginOnly());
  app.route("/", accountLinkRoutes(deps));
  app.route("/", authRoutes(deps));
  app.route("/admin", adminRoutes(deps));
  app.route("/api", regionRoutes(deps));
  app.route("/api", programmeRoutes(deps));
  app.route("/api", userRoutes(deps));
  app.route("/api", statsRoutes(deps));
  app.route("/api", commentRoutes(deps));
  app.route("/api", areaRoutes(deps));
  app.route("/api/export", exportRoutes(deps));
  app.route("/api/events", eventRoutes(deps));
  app.post("/s/:slug", limitSubmissions(deps));
  app.route("/s", surveyRoutes(deps));
  app.route("/", surveyCodeRoutes(deps));
  app.route("/", liveRoutes(deps));
  if (deps.assets) app.use("/*", deps.assets);
  // notFound answers rather than throws: a throw skips the code after next() in the innermost
  // middleware, which on the Worker (no assets middleware) is securityHeaders, leaving 404s bare.
  const onError = errorHandler(deps);
  app.notFound((c) => onError(new AppError("not_found"), c));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
