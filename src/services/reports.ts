// The figures of the printable reports (issue 17): a region over a period and the national overview.
// Each is the dashboard's own figures (src/services/dashboard-figures.ts) for one selection, so a
// report says what the screen and the downloads say, under the same access and yardstick rules.
import type { SessionPrincipal } from "../app-env";
import { canRead } from "../auth/authorize";
import type { EventSummary, RegionsStatsResponse, RegionStats, ThemesStatsResponse } from "../api-types";
import type { Lang } from "../domain/lang";
import { DEFAULT_INTERVAL } from "../domain/stats/time-buckets";
import { AppError } from "../http/errors";
import type { ServiceContext } from "./context";
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
