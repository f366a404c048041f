// Wall-clock times in Europe/Helsinki, as people type them into <input type="datetime-local">,
// and back. Helsinki is UTC+2 in winter and UTC+3 in summer; the switch leaves one hour missing
// (last Sunday of March, 03:00 → 04:00) and one hour twice (last Sunday of October, 04:00 → 03:00).

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const HOUR_MS = 60 * 60 * 1000;

// Built once: constructing a DateTimeFormat is far slower than using one.
const WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Helsinki",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2019-09-04T16:00" as Helsinki shows the instant (what a datetime-local input holds). */
export function helsinkiLocal(epochMs: number): string {
  const parts = WALL_CLOCK.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/**
 * The instant a Helsinki wall-clock time names, or null when the text is not such a time.
 * Like Temporal's "compatible" rule: a time that happens twice is the first of them, and a time
 * the clocks skip is moved forward by the skipped hour (03:30 on the spring night becomes 04:30).
 */
export function helsinkiInstant(local: string): number | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate() || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force half a day either side cover any transition near this time.
  const offsetBefore = offsetAt(asUtc - 12 * HOUR_MS);
  const offsetAfter = offsetAt(asUtc + 12 * HOUR_MS);
  const matches = [asUtc - offsetBefore, asUtc - offsetAfter].filter((instant) => helsinkiLocal(instant) === local);
  if (matches.length > 0) return Math.min(...matches);
  return asUtc - offsetBefore;
}

/** How far Helsinki's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number): number {
  const wall = LOCAL.exec(helsinkiLocal(epochMs))!.slice(1).map(Number) as [number, number, number, number, number];
  const wallAsUtc = Date.UTC(wall[0], wall[1] - 1, wall[2], wall[3], wall[4]);
  return wallAsUtc - Math.floor(epochMs / 60_000) * 60_000;
}
