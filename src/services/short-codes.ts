import type { ServiceContext } from "./context";
import { normaliseShortCode } from "../domain/short-code";
import { findSlugByShortCode } from "../queries/survey-by-slug";

export type CodeLookup =
  | { readonly status: "found"; readonly slug: string }
  | { readonly status: "malformed" }
  | { readonly status: "unknown" };

/** What a participant typed (or put after /s/) → the survey's slug, saying why when there is none. */
export async function surveyForCode(deps: Pick<ServiceContext, "db">, typed: string): Promise<CodeLookup> {
  const code = normaliseShortCode(typed);
  if (code === null) return { status: "malformed" };
  const slug = await findSlugByShortCode(deps.db, code);
  return slug === null ? { status: "unknown" } : { status: "found", slug };
}
