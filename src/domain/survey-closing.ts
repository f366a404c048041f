import { helsinkiInstant } from "./helsinki-time";

/** New days' surveys close this many days after the day unless their programme says otherwise. */
export const DEFAULT_CLOSE_AFTER_DAYS = 14;

/**
 * When a new day's survey closes by default: closeAfterDays after the day, at 23.59 Helsinki time
 * (epoch ms); null when the programme sets no default. A survey left open for ever lets answers
 * arrive long after the day and keeps a guessable link alive; staff can still change it per day.
 */
export function defaultClosesAt(date: string, closeAfterDays: number | null): number | null {
  if (closeAfterDays === null) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const closing = new Date(Date.UTC(y, m - 1, d + closeAfterDays)).toISOString().slice(0, 10);
  return helsinkiInstant(`${closing}T23:59`);
}
