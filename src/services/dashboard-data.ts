import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import type { EventGrade } from "../api-types";
import { readableRegions } from "../auth/authorize";
import { collectedGrade, eventGrade, type EventInput } from "../domain/analytics";
import { GRADE_SCALE, type Scale } from "../domain/questions";
import { surveyHasRun } from "../domain/stats";
import { listEvents, type EventFilter, type EventRow } from "../queries/events";
import { gradeTallies } from "../queries/stats";

export type GradedEvent = EventInput & {
  readonly grade: EventGrade;
  readonly row: EventRow;
  readonly collected: EventGrade | null;
  readonly surveyRan: boolean;
};

export interface EventFilterInput {
  readonly region?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly themeId?: number | undefined;
  readonly programmeId?: number | undefined;
}

/** The days a person may read that match the filter, each with its grade. Two queries in all. */
export async function loadEvents(deps: ServiceContext, scope: "all" | SessionPrincipal, filter: EventFilterInput): Promise<GradedEvent[]> {
  const now = deps.now();
  const eventFilter: EventFilter = { regions: scope === "all" ? "all" : readableRegions(scope), ...filter };
  const [rows, tallies] = await Promise.all([listEvents(deps.db, eventFilter), gradeTallies(deps.db, eventFilter)]);
  const countsByEvent = new Map<number, Map<number, number>>();
  const scaleByEvent = new Map<number, Scale>();
  for (const t of tallies) {
    let counts = countsByEvent.get(t.eventId);
    if (!counts) countsByEvent.set(t.eventId, (counts = new Map()));
    counts.set(t.value, (counts.get(t.value) ?? 0) + t.count);
    scaleByEvent.set(t.eventId, { min: t.scaleMin, max: t.scaleMax, step: t.scaleStep });
  }
  return rows.map((row) => ({
    id: row.id,
    regionCode: row.regionCode,
    date: row.date,
    themeId: row.themeId,
    attendance: row.attendance,
    responses: row.responseCount,
    reportedGradeMean: row.reportedGradeMean,
    reportedGradeN: row.reportedGradeN,
    archivedAt: row.archivedAt,
    grade: eventGrade(countsByEvent.get(row.id), scaleByEvent.get(row.id) ?? GRADE_SCALE, row),
    // A published day's own answers, shown beside the published figure (never instead of it).
    collected:
      row.reportedGradeMean === null ? null : collectedGrade(countsByEvent.get(row.id), scaleByEvent.get(row.id) ?? GRADE_SCALE, row),
    surveyRan: surveyHasRun({ responses: row.responseCount, closesAt: row.closesAt, archivedAt: row.archivedAt }, now),
    row,
  }));
}
