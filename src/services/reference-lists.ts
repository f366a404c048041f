import type { SessionPrincipal } from "../app-env";
import { areaListQueries, areaRowsFrom, type AreaRow } from "../queries/areas";
import { programmesQuery, themesQuery } from "../queries/programmes";
import { regionsQuery } from "../queries/regions";
import { findPrincipalWith } from "../queries/sessions";
import type { ServiceContext } from "./context";
import { withAccess, type RegionWithAccess } from "./regions";

// The reference lists every dashboard loads first (GET /api/regions, /programmes, /themes,
// /areas), each read in one batch with the session's principal: on the Worker that is one round
// trip instead of two, one after the other (issue 18 item 4). Their statements do not depend on
// who asks, only on being signed in, so they can ride with the lookup; each returns null when the
// session is unknown, expired or disabled, and what was read for nobody is dropped here.

type Deps = Pick<ServiceContext, "db" | "now">;
type ForPrincipal<T> = { readonly principal: SessionPrincipal } & T;

/** Every region with what this session's person may do in it; null when not signed in. */
export async function regionsForSession(deps: Deps, sessionId: string): Promise<ForPrincipal<{ regions: RegionWithAccess[] }> | null> {
  const { principal, results } = await findPrincipalWith(deps.db, sessionId, deps.now(), [regionsQuery(deps.db)]);
  return principal && { principal, regions: withAccess(results[0], principal) };
}

/** Every programme, oldest first; null when not signed in. */
export async function programmesForSession(deps: Deps, sessionId: string) {
  const { principal, results } = await findPrincipalWith(deps.db, sessionId, deps.now(), [programmesQuery(deps.db)]);
  return principal && { principal, programmes: results[0] };
}

/** Every theme, or one programme's; null when not signed in. */
export async function themesForSession(deps: Deps, sessionId: string, programmeId: number | undefined) {
  const { principal, results } = await findPrincipalWith(deps.db, sessionId, deps.now(), [themesQuery(deps.db, programmeId)]);
  return principal && { principal, themes: results[0] };
}

/** Every cooperation area with its regions and number of accounts; null when not signed in. */
export async function areasForSession(deps: Deps, sessionId: string): Promise<ForPrincipal<{ areas: AreaRow[] }> | null> {
  const { principal, results } = await findPrincipalWith(deps.db, sessionId, deps.now(), areaListQueries(deps.db));
  return principal && { principal, areas: areaRowsFrom(results) };
}
