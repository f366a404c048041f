// The one authorization module: who may read or change which region's data. Pure; every route
// asks here and nowhere decides on its own.
export type Role = "national" | "agent" | "viewer";

export interface Principal {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Assigned region codes (agents and viewers). */
  readonly regions: readonly string[];
  /** A viewer who may read every region. */
  readonly allRegions: boolean;
}

/** "all" or the exact list of region codes whose data this person may read. */
export function readableRegions(p: Principal): "all" | readonly string[] {
  if (p.role === "national" || (p.role === "viewer" && p.allRegions)) return "all";
  return p.regions;
}

/** Region null is a national day: every signed-in person may read it, only the national team change it. */
export function canRead(p: Principal, regionCode: string | null): boolean {
  if (regionCode === null) return true;
  const scope = readableRegions(p);
  return scope === "all" || scope.includes(regionCode);
}

export function canWrite(p: Principal, regionCode: string | null): boolean {
  if (p.role === "national") return true;
  if (p.role !== "agent" || regionCode === null) return false;
  return p.regions.includes(regionCode);
}

export function isNational(p: Principal): boolean {
  return p.role === "national";
}
