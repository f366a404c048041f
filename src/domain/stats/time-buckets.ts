import { helsinkiDate, type DateInput } from "./helsinki-date";

/** The trend's time buckets, listed once, in the order the dashboard offers them; term is the default. */
export const BUCKET_INTERVALS = ["term", "year", "month"] as const;
export type BucketInterval = (typeof BUCKET_INTERVALS)[number];
export const DEFAULT_INTERVAL: BucketInterval = "term";

export function isBucketInterval(value: unknown): value is BucketInterval {
  return typeof value === "string" && (BUCKET_INTERVALS as readonly string[]).includes(value);
}

/** "2019-09" (month), "2019-spring" / "2019-autumn" (term), "2019" (year), by Helsinki date. */
export function bucketKey(date: DateInput, interval: BucketInterval): string {
  const { year, month } = helsinkiDate(date);
  return keyOf(ordinal(year, month, interval), interval);
}

/** Every bucket key from the one holding `from` to the one holding `to`, in order; empty when from > to. */
export function bucketRange(from: DateInput, to: DateInput, interval: BucketInterval): string[] {
  const start = helsinkiDate(from);
  const end = helsinkiDate(to);
  const first = ordinal(start.year, start.month, interval);
  const last = ordinal(end.year, end.month, interval);
  const keys: string[] = [];
  for (let i = first; i <= last; i++) keys.push(keyOf(i, interval));
  return keys;
}

export interface SeriesPoint<T> {
  readonly key: string;
  /** null where there is no data: a gap in the chart, never a zero. */
  readonly value: T | null;
}

/**
 * One point per bucket key, in the keys' order. Points for keys outside the range are dropped (the
 * series covers exactly the range asked for); a key given twice throws, since one would be lost.
 */
export function fillSeries<T>(
  keys: readonly string[],
  points: ReadonlyMap<string, T> | Iterable<readonly [key: string, value: T]>,
): SeriesPoint<T>[] {
  const byKey = new Map<string, T>();
  for (const [key, value] of points) {
    if (byKey.has(key)) throw new RangeError(`two points for bucket ${key}`);
    byKey.set(key, value);
  }
  return keys.map((key) => ({ key, value: byKey.has(key) ? (byKey.get(key) as T) : null }));
}

/** Consecutive buckets have consecutive ordinals, which makes ranges a counting loop. */
function ordinal(year: number, month: number, interval: BucketInterval): number {
  if (interval === "year") return year;
  if (interval === "term") return year * 2 + (month >= 7 ? 1 : 0);
  return year * 12 + (month - 1);
}

function keyOf(ordinalValue: number, interval: BucketInterval): string {
  if (interval === "year") return pad4(ordinalValue);
  if (interval === "term") {
    const year = Math.floor(ordinalValue / 2);
    return `${pad4(year)}-${ordinalValue % 2 === 1 ? "autumn" : "spring"}`;
  }
  const year = Math.floor(ordinalValue / 12);
  return `${pad4(year)}-${String((ordinalValue % 12) + 1).padStart(2, "0")}`;
}

function pad4(year: number): string {
  return String(year).padStart(4, "0");
}
