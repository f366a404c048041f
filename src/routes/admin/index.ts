import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../app-env";
import { adminAuditRoutes } from "./audit";
import { adminCommentRoutes } from "./comments";
import { adminEventResultsRoutes } from "./event-results";
import { adminImportRoutes } from "./import";
import { adminEventQuestionRoutes } from "./event-questions";
import { adminEventSurveyRoutes } from "./event-survey";
import { adminEventTestRoutes } from "./event-test";
import { adminEventPresenterRoutes } from "./event-presenter";
import { adminEventManageRoutes } from "./event-manage";
import { adminEventRoutes } from "./events";
import { adminPasswordRoutes } from "./password";
import { adminProgrammeRoutes } from "./programmes";
import { adminReportRoutes } from "./reports";
import { adminUserRoutes } from "./users";
import { adminAreaRoutes } from "./areas";

/** The staff pages under /admin, one sub-app per resource. Sessions and the same-origin check
 *  are applied to /admin and /admin/* in src/app.ts. */
export function adminRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();
  app.route("/", adminEventRoutes(deps));
  app.route("/", adminEventSurveyRoutes(deps));
  app.route("/", adminEventResultsRoutes(deps));
  app.route("/", adminImportRoutes(deps));
  app.route("/", adminEventTestRoutes(deps));
  app.route("/", adminEventPresenterRoutes(deps));
  app.route("/", adminEventManageRoutes(deps));
  app.route("/", adminEventQuestionRoutes(deps));
  app.route("/", adminProgrammeRoutes(deps));
  app.route("/", adminUserRoutes(deps));
  app.route("/", adminAreaRoutes(deps));
  app.route("/", adminAuditRoutes(deps));
  app.route("/", adminCommentRoutes(deps));
  app.route("/", adminPasswordRoutes(deps));
  app.route("/", adminReportRoutes(deps));
  return app;
}
