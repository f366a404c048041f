import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import type { CommentsResponse, EventGrade, PooledGrade, QuestionStatsResponse } from "../api-types";
import { addSums, eventResponseRate, groupFigures, NO_EVENTS } from "../domain/analytics";
import type { RateStatus, YardstickReason } from "../domain/stats";
import type { EventRow } from "../queries/events";
import { gradeSumsBy, publishedEvents } from "../queries/grade-sums";
import { loadEvents } from "./dashboard-data";
import { commentFigures, questionFigures } from "./dashboard-figures";
import { withheldUnless, yardstickGuard } from "./comparison-yardstick";

// One day's results page (staff): everything about the day in one place, the national kick-off
// included, each figure by the same rules as the dashboards (suppression, k rule for comments).

export type ThemeComparison =
  | { readonly status: "shown"; readonly grade: PooledGrade; readonly days: number; readonly regions: number }
  | { readonly status: "no_theme" }
  /** The yardstick rule (src/domain/stats/yardstick.ts) withholds it from a reader of some regions. */
  | { readonly status: "withheld"; readonly reason: YardstickReason };

export interface EventResults {
  readonly grade: EventGrade;
  /** A published day's own answers, beside (never instead of) the published figure. */
  readonly collected: EventGrade | null;
  readonly responseRate: number | null;
  readonly rateStatus: RateStatus;
  readonly questions: QuestionStatsResponse["questions"];
  readonly comments: CommentsResponse["questions"];
  readonly themeComparison: ThemeComparison;
}

export async function eventResults(deps: ServiceContext, principal: SessionPrincipal, event: EventRow): Promise<EventResults> {
  const [events, questions, comments, themeComparison] = await Promise.all([
    loadEvents(deps, "all", { ...(event.regionCode !== null && { region: event.regionCode }), from: event.date, to: event.date }),
    questionFigures(deps, principal, { interval: "term", event: event.id }, event),
    commentFigures(deps, event),
    restOfCountryForTheme(deps, principal, event),
  ]);
  const own = events.find((d) => d.id === event.id)!;
  const rate = eventResponseRate(own);
  return {
    grade: own.grade,
    collected: own.collected,
    responseRate: rate.rate,
    rateStatus: rate.status,
    // Grade figures are shown from the day's grade above (published or answered); the rest here.
    questions: questions.questions.filter((q) => q.key !== "grade"),
    comments: comments.questions,
    themeComparison,
  };
}

/**
 * The day's theme over the other regions' days of the same programme (never a pool with itself),
 * pooled as every dashboard pool is (day-clustered interval, published days listed apart). For a
 * reader of some regions only it passes the yardstick rule first, as every comparison does.
 */
async function restOfCountryForTheme(deps: ServiceContext, principal: SessionPrincipal, event: EventRow): Promise<ThemeComparison> {
  if (event.themeId === null) return { status: "no_theme" };
  const now = deps.now();
  const filter = { regions: "all" as const, themeId: event.themeId, programmeId: event.programmeId, excludeEventId: event.id };
  const [byRegion, published, guard] = await Promise.all([
    gradeSumsBy(deps.db, filter, "region", now),
    publishedEvents(deps.db, filter),
    yardstickGuard(deps, principal, filter),
  ]);
  const state = guard();
  const others = byRegion.filter((row) => row.key !== null && row.key !== event.regionCode);
  const figures = groupFigures(
    others.reduce(addSums, NO_EVENTS),
    published.filter((p) => p.regionCode !== null && p.regionCode !== event.regionCode),
  );
  const shown = withheldUnless(state, {
    status: "shown" as const,
    grade: figures.grade,
    days: figures.events,
    regions: others.filter((row) => row.days > 0).length,
  });
  return shown ?? { status: "withheld", reason: state.shown ? "too_few_regions" : state.reason };
}
