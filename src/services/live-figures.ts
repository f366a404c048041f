import type { LiveFiguresResponse } from "../api-types";
import { dayTitle } from "../domain/day-texts";
import type { Lang } from "../domain/lang";
import { liveFigures, releasedResponses } from "../domain/live-figures";
import type { EventRow } from "../queries/events";
import { archivedScaleCounts, releasedScaleCounts, type LiveCounts } from "../queries/live-figures";
import type { ServiceContext } from "./context";

/**
 * How long the counts of one step of released answers are reused. The presenter page polls every
 * few seconds (web/src/presenter/live.ts); the response counter comes from the day's row, read
 * fresh each time (survey.response_count, kept by triggers), so a new answer shows at the next
 * poll, while the released figures change only every k answers and are read once per step.
 */
export const LIVE_COUNTS_TTL_MS = 5_000;
const MAX_CACHED = 200;

/** The figures of a day, its title in the reader's language `lang` (the rule of src/domain/day-texts.ts). */
export type LiveFiguresReader = (event: EventRow, lang: Lang) => Promise<LiveFiguresResponse>;

/** The presenter view's figures of a day, with its own small cache: made once per app. */
export function liveFiguresReader(deps: Pick<ServiceContext, "db" | "now">, ttlMs = LIVE_COUNTS_TTL_MS): LiveFiguresReader {
  const cache = new Map<string, { expiresAt: number; counts: Promise<LiveCounts> }>();
  const countsOf = (event: EventRow, released: number): Promise<LiveCounts> => {
    const key = `${event.surveyId}/${event.archivedAt === null ? released : "archived"}`;
    const hit = cache.get(key);
    if (hit && hit.expiresAt > deps.now()) return hit.counts;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    const counts =
      event.archivedAt === null
        ? releasedScaleCounts(deps.db, event.surveyId, event.questionSetId, released)
        : archivedScaleCounts(deps.db, event.surveyId, event.questionSetId);
    cache.set(key, { expiresAt: deps.now() + ttlMs, counts });
    counts.catch(() => cache.delete(key));
    return counts;
  };
  return async (event, lang) => {
    const cancelled = event.cancelledAt !== null;
    const released = cancelled ? 0 : releasedResponses(event.responseCount);
    const counts = released > 0 ? await countsOf(event, released) : { grade: new Map(), usefulness: new Map() };
    return liveFigures({
      event: { id: event.id, title: dayTitle(event, lang).text, date: event.date },
      cancelled,
      responses: event.responseCount,
      attendance: event.attendance,
      gradeCounts: counts.grade,
      usefulnessCounts: counts.usefulness,
    });
  };
}
