import type { SessionPrincipal } from "../app-env";
import { checkReadableSlug, type ReadableSlugProblem } from "../domain/readable-slug";
import type { EventRow } from "../queries/events";
import { aliasHolder, currentSurveyAlias, findSlugByAlias, setSurveyAlias } from "../queries/survey-alias";
import type { ServiceContext } from "./context";

// A survey's readable address (/s/<alias>), chosen by staff on the day's page. /s/<alias> leads
// (302) to the survey's own address, like a short code. Replacing an alias keeps the old one
// leading to the same survey, and no other survey can ever take it, so a poster or e-mail with
// the old link still brings people to the right day. The caller has checked that the person may
// change the day.

export type SlugChange =
  | { readonly ok: true; readonly alias: string | null }
  | { readonly ok: false; readonly problem: ReadableSlugProblem | "taken" };

/** Sets the day's readable address ("" removes it; the removed one keeps working), audit-logged. */
export async function chooseReadableSlug(
  deps: ServiceContext,
  principal: SessionPrincipal,
  event: EventRow,
  typed: string,
): Promise<SlugChange> {
  const current = await currentSurveyAlias(deps.db, event.surveyId);
  let alias: string | null = null;
  if (typed.trim() !== "") {
    const checked = checkReadableSlug(typed);
    if (!checked.ok) return checked;
    alias = checked.slug;
    const holder = await aliasHolder(deps.db, alias);
    if (holder && holder.surveyId !== event.surveyId) return { ok: false, problem: "taken" };
  }
  if (alias === current) return { ok: true, alias };
  await setSurveyAlias(deps.db, event.surveyId, alias, deps.now());
  await deps.audit({
    userId: principal.userId,
    action: "survey_slug_changed",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { previousSlug: current, slug: alias },
  });
  return { ok: true, alias };
}

export function readableSlugOf(deps: Pick<ServiceContext, "db">, event: EventRow): Promise<string | null> {
  return currentSurveyAlias(deps.db, event.surveyId);
}

/** The survey's own slug for a readable address typed after /s/ (any case), or null. */
export async function surveyForAlias(deps: Pick<ServiceContext, "db">, typed: string): Promise<string | null> {
  const checked = checkReadableSlug(typed);
  return checked.ok ? findSlugByAlias(deps.db, checked.slug) : null;
}
