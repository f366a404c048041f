// The figures of the printable reports (issue 17): a region over a period, a cooperation area over a
// period and the national overview.
// Each is the dashboard's own figures (src/services/dashboard-figures.ts) for one selection, so a
// report says what the screen and the downloads say, under the same access and yardstick rules.
import type { SessionPrincipal } from "../app-env";
import { canRead, canReadArea } from "../auth/authorize";
import type { AreaStats, EventSummary, RegionsStatsResponse, RegionStats, ThemesStatsResponse } from "../api-types";
import type { Lang } from "../domain/lang";
import { DEFAULT_INTERVAL } from "../domain/stats/time-buckets";
import { AppError } from "../http/errors";
import { type AreaRow, getArea, listAreas } from "../queries/areas";
import type { ServiceContext } from "./context";
import { areasFigures } from "./dashboard-areas";
import { eventsFigures, regionsFigures, themesFigures } from "./dashboard-figures";

export interface ReportPeriod {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly programme?: number | undefined;
}

export interface NationalReport {
  readonly period: ReportPeriod;
  readonly regions: RegionsStatsResponse;
  readonly themes: ThemesStatsResponse;
  readonly generatedAt: number;
}

export interface RegionReport {
  readonly period: ReportPeriod;
  readonly region: RegionStats;
  readonly yardstick: RegionsStatsResponse["yardstick"];
  readonly events: readonly EventSummary[];
  readonly themes: ThemesStatsResponse;
  readonly generatedAt: number;
}

export interface AreaReport {
  readonly period: ReportPeriod;
  /** The area's pooled figure, the very one GET /api/stats/areas gives. */
  readonly area: AreaStats;
  /** Its member regions, each as GET /api/stats/regions gives it. */
  readonly regions: readonly RegionStats[];
  readonly generatedAt: number;
}

export async function nationalReport(deps: ServiceContext, principal: SessionPrincipal, period: ReportPeriod): Promise<NationalReport> {
  const q = { ...period, interval: DEFAULT_INTERVAL };
  const [regions, themes] = await Promise.all([regionsFigures(deps, principal, q), themesFigures(deps, principal, q)]);
  return { period, regions, themes, generatedAt: deps.now() };
}

/** A region's report: forbidden (403) for a region the person may not read. */
export async function regionReport(
  deps: ServiceContext,
  principal: SessionPrincipal,
  region: string,
  period: ReportPeriod,
  lang: Lang,
  origin: string,
): Promise<RegionReport> {
  if (!canRead(principal, region)) throw new AppError("forbidden");
  const q = { ...period, region, interval: DEFAULT_INTERVAL };
  const [events, themes, all] = await Promise.all([
    eventsFigures(deps, principal, q, lang, origin, deps.now()),
    themesFigures(deps, principal, q),
    regionsFigures(deps, principal, { ...period, interval: DEFAULT_INTERVAL }),
  ]);
  const stats = all.regions.find((r) => r.code === region);
  if (!stats) throw new AppError("not_found");
  return { period, region: stats, yardstick: all.yardstick, events, themes, generatedAt: deps.now() };
}

/** A cooperation area's report: 404 for an unknown area, 403 unless the person reads every member
 *  region (canReadArea: the area's figure would reveal a region read in part). */
export async function areaReport(
  deps: ServiceContext,
  principal: SessionPrincipal,
  areaId: number,
  period: ReportPeriod,
): Promise<AreaReport> {
  const row = await getArea(deps.db, areaId);
  if (!row) throw new AppError("not_found");
  if (!canReadArea(principal, row.regions)) throw new AppError("forbidden");
  const q = { ...period, interval: DEFAULT_INTERVAL };
  const [areas, all] = await Promise.all([areasFigures(deps, principal, q), regionsFigures(deps, principal, q)]);
  // An area without member regions has no figure (areasFigures leaves it out): nothing to report.
  const area = areas.areas.find((a) => a.id === areaId);
  if (!area) throw new AppError("not_found");
  const members = new Set(area.regions);
  return { period, area, regions: all.regions.filter((r) => members.has(r.code)), generatedAt: deps.now() };
}

/** The areas the report start page offers: those with regions, every one of them readable. */
export async function reportableAreas(deps: Pick<ServiceContext, "db">, principal: SessionPrincipal): Promise<AreaRow[]> {
  return (await listAreas(deps.db)).filter((a) => a.regions.length > 0 && canReadArea(principal, a.regions));
}
