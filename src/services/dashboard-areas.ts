import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import type { AreasStatsResponse } from "../api-types";
import { canReadArea } from "../auth/authorize";
import { groupFigures } from "../domain/analytics";
import { areaSums } from "../domain/areas";
import { localisedNames } from "../domain/localised-name";
import { listAreas } from "../queries/areas";
import type { EventFilter } from "../queries/events";
import { gradeSumsBy, publishedEvents } from "../queries/grade-sums";
import type { StatsQuery } from "../http/schemas";

type Query = v.InferOutput<typeof StatsQuery>;

/**
 * Every cooperation area the caller reads whole, each pooled over its regions' days exactly as a
 * region is (the sums of its regions into groupFigures: day-clustered CI over k days, published
 * days apart, demo flagged). An area with a region the caller may not read is left out and
 * counted, never shown in part: its figure would reveal that region.
 */
export async function areasFigures(deps: ServiceContext, principal: SessionPrincipal, q: Query): Promise<AreasStatsResponse> {
  const filter: EventFilter = { regions: "all", from: q.from, to: q.to, themeId: q.theme, programmeId: q.programme };
  const areas = await listAreas(deps.db);
  const shown = areas.filter((a) => a.regions.length > 0 && canReadArea(principal, a.regions));
  if (shown.length === 0) return { areas: [], hiddenAreas: areas.length };
  const [byRegionRows, reported] = await Promise.all([
    gradeSumsBy(deps.db, filter, "region", deps.now()),
    publishedEvents(deps.db, filter),
  ]);
  const byRegion = new Map(byRegionRows.map((row) => [row.key, row]));
  return {
    areas: shown.map((a) => {
      const members = new Set(a.regions);
      const figures = groupFigures(
        areaSums(byRegion, a.regions),
        reported.filter((r) => r.regionCode !== null && members.has(r.regionCode)),
      );
      return {
        id: a.id,
        name: localisedNames(a),
        regions: a.regions,
        isDemo: a.isDemo,
        source: a.source,
        hasDemoDays: figures.isDemo,
        events: figures.events,
        attendance: figures.attendance,
        responses: figures.responses,
        responseRate: figures.responseRate,
        rateExcludedOver100: figures.rateExcludedOver100,
        grade: figures.grade,
      };
    }),
    hiddenAreas: areas.length - shown.length,
  };
}
