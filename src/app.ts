import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppDeps, AppEnv } from "./app-env";
import { errorHandler } from "./http/error-handler";
import { AppError } from "./http/errors";
import { securityHeaders } from "./http/security-headers";
import { healthRoutes } from "./routes/health";
import { surveyRoutes } from "./routes/survey";

export type { AppDeps };

/** The one Hono app both runtimes serve. It gets its database from the entry point. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(securityHeaders());
  app.route("/", healthRoutes(deps));
  app.route("/s", surveyRoutes(deps));
  if (deps.assets) app.use("/*", deps.assets);
  app.notFound(() => {
    throw new AppError("not_found");
  });
  app.onError(errorHandler(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
