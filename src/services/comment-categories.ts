import type { CommentCategoryJson } from "../api-types";
import type { Principal } from "../auth/authorize";
import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { localisedNames } from "../domain/localised-name";
import { releaseSelection } from "../domain/stats/comment-selection";
import { AppError } from "../http/errors";
import {
  existingCategoryIds,
  insertCommentCategory,
  listCommentCategories,
  replaceCommentTags,
  selectionComments,
} from "../queries/comment-explorer";
import type { EventRow } from "../queries/events";
import { gradeBand } from "../domain/grade-band";
import type { ServiceContext } from "./context";
import { commentReferencer, type ExplorerDeps } from "./comment-explorer";

// Comment categories: the national team defines the list (names in fi, sv and en); staff who may
// change a day (canWrite, checked by the caller with writableEvent) tag its released comments.

/** Every category, oldest first. Everyone signed in may read them. */
export async function commentCategories(deps: Pick<ServiceContext, "db">): Promise<CommentCategoryJson[]> {
  return (await listCommentCategories(deps.db)).map((row) => ({ id: row.id, name: localisedNames(row) }));
}

/** A new category (the caller has checked the principal is national). */
export async function createCommentCategory(
  deps: ServiceContext,
  principal: Principal,
  name: { readonly fi: string; readonly sv: string; readonly en: string },
): Promise<CommentCategoryJson> {
  const row = await insertCommentCategory(deps.db, { nameFi: name.fi, nameSv: name.sv, nameEn: name.en });
  await deps.audit({ userId: principal.userId, action: "comment_category_created", target: null, details: { category: row.id } });
  return { id: row.id, name: localisedNames(row) };
}

/**
 * Sets the categories of one of a day's comments, named by its ref (a keyed hash the explorer gave).
 * Only a comment the day's list releases can be tagged (a withheld list's comments were never shown).
 * The audit line names the day, the question and the categories — never the comment's text.
 */
export async function tagComment(
  deps: ExplorerDeps,
  principal: Principal,
  event: EventRow,
  input: { readonly ref: string; readonly categories: readonly number[] },
  lang: Lang,
): Promise<{ categories: number[] }> {
  const categories = [...new Set(input.categories)].sort((a, b) => a - b);
  const known = await existingCategoryIds(deps.db, categories);
  if (known.length !== categories.length)
    throw new AppError("validation_failed", undefined, [{ key: "categories", code: "unknown", message: t(lang, "field.invalid") }]);
  const rows = await selectionComments(deps.db, { regions: "all", eventId: event.id, includeCancelled: true });
  const released = releaseSelection(
    rows.map((row) => ({ ...row, band: gradeBand(row.grade) })),
    {},
  ).comments;
  const ref = await commentReferencer(deps.identifierSecret);
  let target: (typeof released)[number] | undefined;
  for (const c of released) {
    if ((await ref(c)) === input.ref) {
      target = c;
      break;
    }
  }
  if (!target) throw new AppError("not_found");
  await replaceCommentTags(deps.db, { responseId: target.responseId, questionId: target.questionId }, categories);
  await deps.audit({
    userId: principal.userId,
    action: "comment_tagged",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { question: target.questionKey, categories },
  });
  return { categories };
}
