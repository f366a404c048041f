import type { SessionPrincipal } from "../app-env";
import { canRead, canWrite } from "../auth/authorize";
import type { Lang } from "../domain/lang";
import { localisedName } from "../domain/localised-name";
import { listRegions } from "../queries/regions";
import type { ServiceContext } from "./context";

// The regions as staff pages, exports and GET /api/regions read them: every region, in code order.

export type RegionRow = Awaited<ReturnType<typeof listRegions>>[number];

/** What a person may do in a region. */
export type RegionAccess = "write" | "read" | "none";

/** Every region, for names and choices (pages show another region's name, so none are left out). */
export async function allRegions(deps: Pick<ServiceContext, "db">): Promise<RegionRow[]> {
  return listRegions(deps.db);
}

/** Every region with what this person may do in it (the rule is src/auth/authorize.ts's). */
export async function regionsWithAccess(deps: Pick<ServiceContext, "db">, principal: SessionPrincipal): Promise<RegionWithAccess[]> {
  return withAccess(await listRegions(deps.db), principal);
}

export type RegionWithAccess = RegionRow & { readonly access: RegionAccess };

/** The regions, each with what this person may do in it. */
export function withAccess(regions: readonly RegionRow[], principal: SessionPrincipal): RegionWithAccess[] {
  return regions.map((r) => ({
    ...r,
    access: canWrite(principal, r.code) ? "write" : canRead(principal, r.code) ? "read" : "none",
  }));
}

/** Region code → its name in one language, for the export tables. */
export async function regionNames(deps: Pick<ServiceContext, "db">, lang: Lang): Promise<Map<string, string>> {
  return new Map((await listRegions(deps.db)).map((r) => [r.code, localisedName(r, lang)]));
}
