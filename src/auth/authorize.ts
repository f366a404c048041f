// The one authorization module: who may read or change which region's data. Pure; every route,
// staff page and the dashboard (through GET /api/me) asks here and nowhere decides on its own.
import type { Role } from "../domain/roles";

export type { Role } from "../domain/roles";

export interface Principal {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Assigned region codes (agents and viewers). */
  readonly regions: readonly string[];
  /** The "every region" flag; it counts for viewers only (see readsEveryRegion). */
  readonly allRegions: boolean;
}

/** What access depends on: an account row (the users page) or a signed-in person. */
export type Access = Pick<Principal, "role" | "regions" | "allRegions">;

/**
 * Who reads every region: the national team, and a viewer with the flag. An agent saved with the
 * flag still reads only their own regions: agents change data, and a wider reading right is given
 * by making the person a viewer, not by a flag beside a writing role.
 */
export function readsEveryRegion(p: Access): boolean {
  return p.role === "national" || (p.role === "viewer" && p.allRegions);
}

/** "all" or the exact list of region codes whose data this person may read. */
export function readableRegions(p: Access): "all" | readonly string[] {
  return readsEveryRegion(p) ? "all" : p.regions;
}

/** "all" or the exact list of region codes whose days this person may change (none for viewers). */
export function writableRegions(p: Access): "all" | readonly string[] {
  if (p.role === "national") return "all";
  return p.role === "agent" ? p.regions : [];
}

/** Region null is a national day: every signed-in person may read it, only the national team change it. */
export function canRead(p: Access, regionCode: string | null): boolean {
  if (regionCode === null) return true;
  const scope = readableRegions(p);
  return scope === "all" || scope.includes(regionCode);
}

export function canWrite(p: Access, regionCode: string | null): boolean {
  if (regionCode === null) return isNational(p);
  const scope = writableRegions(p);
  return scope === "all" || scope.includes(regionCode);
}

/** The national team's pages: programmes and themes, accounts, the audit log, the history import. */
export function isNational(p: Pick<Principal, "role">): boolean {
  return p.role === "national";
}

/** An agent without a region could do nothing; the national team and viewers may start with none. */
export function needsRegions(role: Role): boolean {
  return role === "agent";
}

/** What GET /api/me tells the dashboard, so that it never decides access on its own. */
export function accessSummary(p: Access) {
  return {
    readsEveryRegion: readsEveryRegion(p),
    readableRegions: readableRegions(p),
    writableRegions: writableRegions(p),
    isNational: isNational(p),
  };
}
