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
  /** The cooperation area the account is assigned to and its member regions (read when the role is
   *  municipal, see areaRegionsRead); null without an area. */
  readonly area: AreaScope | null;
}

export interface AreaScope {
  readonly id: number;
  readonly regions: readonly string[];
}

/** What access depends on: an account row (the users page) or a signed-in person. */
export type Access = Pick<Principal, "role" | "regions" | "allRegions"> & { readonly area?: AreaScope | null };

/**
 * The regions a person reads through their cooperation area: a municipal agent's area, whole. Only
 * that role reads by area: an agent or viewer with an area saved keeps exactly their own regions,
 * so a wider right is always given by the role, never by a field beside it.
 */
export function areaRegionsRead(p: Access): readonly string[] {
  return p.role === "municipal" && p.area ? p.area.regions : [];
}

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
  if (readsEveryRegion(p)) return "all";
  const byArea = areaRegionsRead(p);
  return byArea.length === 0 ? p.regions : [...new Set([...p.regions, ...byArea])].sort();
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

/** An area's pooled figure adds up all its regions' days: shown only to a person who reads every one
 *  of them, so it never reveals a region the person may not read. An empty area pools nothing. */
export function canReadArea(p: Access, regions: readonly string[]): boolean {
  return regions.every((code) => canRead(p, code));
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

/** A municipal agent reads by area: without one they could read nothing. */
export function needsArea(role: Role): boolean {
  return role === "municipal";
}

/** What GET /api/me tells the dashboard, so that it never decides access on its own. */
export function accessSummary(p: Access) {
  return {
    readsEveryRegion: readsEveryRegion(p),
    readableRegions: readableRegions(p),
    writableRegions: writableRegions(p),
    isNational: isNational(p),
    /** The cooperation area whose regions the person reads (municipal agents), else null. */
    readsArea: areaRegionsRead(p).length > 0 ? p.area!.id : null,
  };
}
