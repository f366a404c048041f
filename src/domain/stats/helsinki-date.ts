/** A calendar date as Europe/Helsinki sees it. Month 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * "2019-09-04" (already a Helsinki calendar date), an ISO timestamp with a zone ("…T22:30:00Z",
 * "…+03:00") or epoch milliseconds. A timestamp without a zone is ambiguous and refused.
 */
export type DateInput = string | number;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

// Built once: constructing a DateTimeFormat is far slower than using one.
const HELSINKI = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** The Helsinki calendar date of a date or an instant. Throws RangeError for anything else. */
export function helsinkiDate(input: DateInput): CalendarDate {
  if (typeof input === "number") return fromInstant(input);
  const dateOnly = DATE_ONLY.exec(input);
  if (dateOnly) {
    const date = { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]) };
    if (!isRealDate(date)) throw new RangeError(`not a calendar date: ${input}`);
    return date;
  }
  if (TIMESTAMP_WITH_ZONE.test(input)) return fromInstant(Date.parse(input));
  throw new RangeError(`expected YYYY-MM-DD, an ISO timestamp with a zone, or epoch ms; got ${JSON.stringify(input)}`);
}

/** "2019-09-04" */
export function formatCalendarDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function fromInstant(epochMs: number): CalendarDate {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a valid instant: ${epochMs}`);
  const parts = HELSINKI.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const date = { year: part("year"), month: part("month"), day: part("day") };
  if (!isRealDate(date)) throw new RangeError(`instant out of range: ${epochMs}`);
  return date;
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
