import { confidenceInterval95, type Interval } from "./confidence-interval";

/**
 * One event's grade, as pooled across events. Pass one entry per event; when a day has both live
 * responses and a published figure, the caller decides which one counts (normally the responses).
 */
export type PoolableEvent =
  /** Answers collected here; a `DistributionSummary` fits as is. sd may be null only when n < 2. */
  | { readonly source: "responses"; readonly n: number; readonly mean: number | null; readonly sd: number | null }
  /** A published aggregate: a mean, and the respondent count behind it when the report gave one. */
  | { readonly source: "reported"; readonly n: number | null; readonly mean: number | null };

export type PooledSource = "responses" | "reported" | "mixed";

export interface PooledMean {
  /** Respondents behind the mean (the weights' total). */
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95: Interval | null;
  /** Where the pooled figure comes from; null when no event contributed. */
  readonly source: PooledSource | null;
  /** Events that contributed to the mean. */
  readonly eventsPooled: number;
  /** Reported events with a mean but no respondent count: left out, because any weight would be a guess. */
  readonly excludedUnknownN: number;
}

interface Part {
  readonly n: number;
  readonly mean: number;
  /** Σ(x − mean)² within the event; null for reported events, whose spread is unknown. */
  readonly sumOfSquares: number | null;
}

/**
 * Mean over many events, each weighted by its respondent count.
 *
 * SD and CI are given only when every pooled event has raw responses. A reported event brings a
 * mean without a spread, so any SD or CI over it would understate (or invent) the uncertainty;
 * null says "not known" instead. Events with no data (n = 0, or no mean) are simply not pooled.
 */
export function poolMeans(events: Iterable<PoolableEvent>): PooledMean {
  const parts: Part[] = [];
  let excludedUnknownN = 0;
  let hasResponses = false;
  let hasReported = false;
  for (const event of events) {
    if (event.source === "reported" && event.mean !== null && event.n === null) {
      excludedUnknownN++;
      continue;
    }
    const part = toPart(event);
    if (part === null) continue;
    parts.push(part);
    if (event.source === "responses") hasResponses = true;
    else hasReported = true;
  }

  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const source: PooledSource | null = hasResponses && hasReported ? "mixed" : hasResponses ? "responses" : hasReported ? "reported" : null;
  if (n === 0) return { n, mean: null, sd: null, ci95: null, source, eventsPooled: 0, excludedUnknownN };

  // Around the first mean, so that equal means pool to exactly that mean.
  const shift = parts[0]?.mean ?? 0;
  const mean = shift + parts.reduce((sum, p) => sum + p.n * (p.mean - shift), 0) / n;
  const sd = hasReported || n < 2 ? null : pooledSd(parts, mean, n);
  return { n, mean, sd, ci95: confidenceInterval95(n, mean, sd), source, eventsPooled: parts.length, excludedUnknownN };
}

function toPart(event: PoolableEvent): Part | null {
  if (event.source === "responses" && event.mean === null && event.n > 0) {
    throw new RangeError(`an event with ${event.n} responses needs its mean`);
  }
  if (event.n === null || event.mean === null) return null;
  const { n, mean } = event;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`event n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isFinite(mean)) throw new RangeError(`event mean must be finite, got ${mean}`);
  if (n === 0) return null;
  if (event.source === "reported") return { n, mean, sumOfSquares: null };
  if (n < 2) return { n, mean, sumOfSquares: 0 };
  if (event.sd === null || !Number.isFinite(event.sd) || event.sd < 0) {
    throw new RangeError(`an event with ${n} responses needs its sd, got ${event.sd}`);
  }
  return { n, mean, sumOfSquares: (n - 1) * event.sd ** 2 };
}

/** Total Σ(x − grand mean)² = Σ within-event sums of squares + Σ nᵢ(meanᵢ − grand mean)². */
function pooledSd(parts: readonly Part[], mean: number, n: number): number {
  const total = parts.reduce((sum, p) => sum + (p.sumOfSquares ?? 0) + p.n * (p.mean - mean) ** 2, 0);
  return Math.sqrt(total / (n - 1));
}
