import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { readableEvent, requireNational, writableEvent } from "../http/access";
import { sendJson } from "../http/contract";
import { requirePrincipal } from "../http/session";
import { check, readJson, requestLang } from "../http/validate";
import { CommentCategoryInput, CommentTagInput, ExplorerQuery } from "../http/schemas";
import { exploreComments } from "../services/comment-explorer";
import { commentCategories, createCommentCategory, tagComment } from "../services/comment-categories";

/** The comment explorer over any selection, and comment categories: the national team defines
 *  them, staff who may change a day tag its comments. */
export function commentRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();

  app.get("/comments/explorer", async (c) => {
    const principal = requirePrincipal(c);
    const selection = check(c, ExplorerQuery, c.req.query());
    if (selection.event !== undefined) await readableEvent(deps, c, selection.event);
    return sendJson(c, "GET /api/comments/explorer", await exploreComments(deps, principal, selection));
  });

  app.put("/comments/tags", async (c) => {
    requirePrincipal(c);
    const input = await readJson(c, CommentTagInput);
    const { principal, event } = await writableEvent(deps, c, input.event);
    return sendJson(c, "PUT /api/comments/tags", await tagComment(deps, principal, event, input, requestLang(c)));
  });

  app.get("/comment-categories", async (c) => {
    requirePrincipal(c);
    return sendJson(c, "GET /api/comment-categories", { categories: await commentCategories(deps) });
  });

  app.post("/comment-categories", async (c) => {
    const principal = requireNational(c);
    const input = await readJson(c, CommentCategoryInput);
    return sendJson(c, "POST /api/comment-categories", { category: await createCommentCategory(deps, principal, input.name) }, 201);
  });

  return app;
}
