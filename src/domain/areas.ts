// Cooperation areas (yhteistyöalueet): named groups of regions the national team manages. Pure.
//
// One grouping for every programme: a region belongs to at most one area (the database enforces it
// too: area_region's primary key is the region). Areas are reading scopes (municipal agents) and
// pooling units; letting a region sit in two areas would make two areas' figures share days and
// a person's scope depend on which area is meant. A programme that works in other areas gets them
// by changing the areas, which the audit log records.
import { addSums, NO_EVENTS, type EventSums } from "./analytics";

export interface AreaMembership {
  readonly id: number;
  readonly regions: readonly string[];
}

/** The wanted regions that already belong to another area, each with that area's id. */
export function regionsInOtherAreas(
  areas: readonly AreaMembership[],
  areaId: number | null,
  wanted: readonly string[],
): { region: string; areaId: number }[] {
  const owner = new Map<string, number>();
  for (const a of areas) if (a.id !== areaId) for (const code of a.regions) owner.set(code, a.id);
  return [...new Set(wanted)]
    .filter((code) => owner.has(code))
    .sort()
    .map((code) => ({ region: code, areaId: owner.get(code)! }));
}

/**
 * An area's sums: the plain sum of its member regions' sums (every field of EventSums is a sum),
 * so an area's pooled figure is computed by the same pooledFromSums as a region's: one definition.
 */
export function areaSums(byRegion: ReadonlyMap<string | null, EventSums>, regions: readonly string[]): EventSums {
  return [...new Set(regions)].reduce((total, code) => addSums(total, byRegion.get(code) ?? NO_EVENTS), NO_EVENTS);
}
