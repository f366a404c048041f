// Each region against the rest of the country (funnel plot) and its theme-adjusted mean. Pure:
// the caller brings per-group sums from the rollups (src/queries/grade-sums.ts).
import type { RegionComparison } from "../api-types";
import { addSums, clusterSumsOf, NO_EVENTS, type EventSums } from "./analytics";
import { clusteredMean, varianceComponents, type ClusterSums } from "./stats/clustered-pool";
import { curvePrecisions, funnelCurve, funnelPoint, isRankable, yardstick, type Yardstick } from "./stats/funnel";
import { restOfCountry } from "./stats/rest-of-country";
import { standardisedMean, themeMix } from "./stats/standardise";

export interface ComparisonInput {
  /** Every region's sums over the days in scope (all regions, whoever reads: only aggregates leave). */
  readonly byRegion: ReadonlyMap<string | null, EventSums>;
  /** Sums per "region|themeId" over the same days. */
  readonly byCell: ReadonlyMap<string, EventSums>;
  /** Sums per theme over every day in scope (the national theme mix). */
  readonly byTheme: ReadonlyMap<number, EventSums>;
}

export interface FunnelCurvePoint {
  readonly effectiveN: number;
  readonly lo95: number;
  readonly hi95: number;
  readonly lo998: number;
  readonly hi998: number;
}

/** Effective number of independent answers: total variance ÷ variance of the region's mean. */
function effectiveN(precision: number, y: Yardstick): number {
  return (y.components.betweenEvent + y.components.withinEvent) * precision;
}

export function compareRegion(
  input: ComparisonInput,
  code: string,
  mix: ReturnType<typeof themeMix>,
  allComponents: ReturnType<typeof varianceComponents>,
): RegionComparison {
  const own = clusterSumsOf(input.byRegion.get(code) ?? NO_EVENTS);
  const rest = clusterSumsOf(restOfCountry(input.byRegion, code, addSums, NO_EVENTS));
  const y = yardstick(rest);
  const restEstimate = clusteredMean(rest);
  const point = y ? funnelPoint(own, y) : null;
  const cells = new Map<number, ClusterSums>();
  for (const { themeId } of mix) {
    const cell = input.byCell.get(`${code}|${themeId}`);
    if (cell) cells.set(themeId, clusterSumsOf(cell));
  }
  const adjusted = standardisedMean(cells, mix, allComponents);
  return {
    rankable: isRankable(own),
    rest: { mean: restEstimate.mean, n: restEstimate.n, days: restEstimate.days, ci95: restEstimate.ci95 },
    funnel:
      point && y
        ? {
            difference: point.difference,
            z: point.z,
            flag: point.flag,
            limits95: point.limits95,
            limits998: point.limits998,
            effectiveN: effectiveN(point.precision, y),
          }
        : null,
    adjusted: { mean: adjusted.mean, ci95: adjusted.ci95, missingThemes: [...adjusted.missingThemes] },
  };
}

/**
 * Everything the national comparison needs beside each region's own figures: the national theme
 * mix, and the funnel's limit lines drawn as differences from the yardstick for a typical region
 * (the components and yardstick variance of all regions' days; each region's own limits, against
 * its own rest of the country, are in its row).
 */
export function comparisonContext(input: ComparisonInput, regionCodes: readonly string[]) {
  const mix = themeMix(new Map([...input.byTheme].map(([id, s]) => [id, clusterSumsOf(s)])));
  const allThemes = clusterSumsOf([...input.byTheme.values()].reduce(addSums, NO_EVENTS));
  const allComponents = varianceComponents(allThemes);
  const regionsOnly = clusterSumsOf(regionCodes.reduce((acc, code) => addSums(acc, input.byRegion.get(code) ?? NO_EVENTS), NO_EVENTS));
  const typical = yardstick(regionsOnly);
  const curve = (effectiveNs: readonly number[]): FunnelCurvePoint[] => {
    if (!typical) return [];
    const total = typical.components.betweenEvent + typical.components.withinEvent;
    const centred = { ...typical, mean: 0, variance: typical.variance * (regionCodes.length / Math.max(1, regionCodes.length - 1)) };
    return funnelCurve(centred, curvePrecisions(effectiveNs.map((n) => ({ precision: n / total })))).map((c) => ({
      effectiveN: c.precision * total,
      lo95: c.lo95,
      hi95: c.hi95,
      lo998: c.lo998,
      hi998: c.hi998,
    }));
  };
  return { mix, allComponents, curve };
}
