import type { AppContext } from "../../app-env";
import { requireNational, writableEvent } from "../../http/access";
import { adminApp, doneMessage, renderPage, type Ctx } from "../../http/admin-http";
import { AppError } from "../../http/errors";
import { CommentCategoryInput, CommentTagInput, ExplorerQuery } from "../../http/schemas";
import { requirePrincipal } from "../../http/session";
import { check, filledQuery, readForm, requestLang } from "../../http/validate";
import { createCommentCategory, tagComment } from "../../services/comment-categories";
import { explorerPage } from "../../services/comment-explorer";
import { CommentExplorerPage, explorerHref } from "../../views/admin/comment-explorer-page";

/** The comment explorer page; tagging and new categories post here and come back to the same selection. */
export function adminCommentRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/comments", async (c) => {
    const principal = requirePrincipal(c);
    const selection = check(c, ExplorerQuery, filledQuery(c));
    const data = await explorerPage(deps, principal, selection);
    return renderPage(
      c,
      <CommentExplorerPage lang={requestLang(c)} principal={principal} selection={selection} done={doneMessage(c)} {...data} />,
    );
  });

  app.post("/comments/tags", async (c) => {
    requirePrincipal(c);
    const form = await readForm(c);
    const input = check(c, CommentTagInput, {
      event: Number(one(form.event)),
      ref: one(form.ref),
      categories: [form.categories ?? []].flat().map(Number),
    });
    const { principal, event } = await writableEvent(deps, c, input.event);
    await tagComment(deps, principal, event, input, requestLang(c));
    return backTo(c, form.back, "commentTagged");
  });

  app.post("/comments/categories", async (c) => {
    const principal = requireNational(c);
    const form = await readForm(c);
    const input = check(c, CommentCategoryInput, { name: { fi: one(form.name_fi), sv: one(form.name_sv), en: one(form.name_en) } });
    await createCommentCategory(deps, principal, input.name);
    return backTo(c, form.back, "categoryCreated");
  });

  return app;
}

function one(value: string | string[] | undefined): string {
  if (Array.isArray(value)) throw new AppError("bad_request");
  return value ?? "";
}

/** Back to the explorer with the selection the form came from (validated again, never echoed raw). */
function backTo(c: Ctx, back: string | string[] | undefined, done: "commentTagged" | "categoryCreated") {
  const params = Object.fromEntries([...new URLSearchParams(one(back))].filter(([key, value]) => value !== "" && key !== "lang"));
  const selection = check(c, ExplorerQuery, params);
  const href = explorerHref(requestLang(c), selection);
  return c.redirect(`${href}&done=${done}`, 303);
}
