// npm run data:delete -- --event 12 [--dry-run]
// npm run data:delete -- --older-than-months 24 [--dry-run]     (or RETENTION_MONTHS=24)
// Deletes participants' answers: one day's (erased, figures too), or every day's older than the
// retention period. Old days keep their figures (response count, per-value tallies, grade sums: n,
// mean, SD, CI, distribution, response rate), labelled "answers deleted on <date>, figures kept";
// their free-text comments and individual answers are gone for good.
import { parseArgs } from "node:util";
import { dayTitle } from "../src/domain/day-texts";
import { serviceContext } from "../src/services/context";
import { deleteAnswers } from "../src/services/retention";
import { openConfiguredDatabase } from "./open-configured-database";

const { values } = parseArgs({
  options: {
    event: { type: "string" },
    "older-than-months": { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});

const months = values["older-than-months"] ?? process.env.RETENTION_MONTHS;
const usage = "Usage: npm run data:delete -- (--event ID | --older-than-months N) [--dry-run]";
if ((values.event === undefined) === (months === undefined)) {
  console.error(usage);
  process.exit(2);
}
if (values.event !== undefined && !/^[1-9]\d{0,9}$/.test(values.event)) {
  console.error(`--event takes a day's id (a whole number). ${usage}`);
  process.exit(2);
}
if (months !== undefined && !/^[1-9]\d{0,3}$/.test(months)) {
  console.error(`--older-than-months takes a whole number of months (1 or more). ${usage}`);
  process.exit(2);
}

const { db, url, close } = await openConfiguredDatabase();
const which = values.event !== undefined ? { eventId: Number(values.event) } : { before: monthsAgo(Number(months)) };
const result = await deleteAnswers(serviceContext(db), which, { dryRun: values["dry-run"] });
const total = result.days.reduce((sum, d) => sum + d.responses, 0);

console.log(
  `${values["dry-run"] ? "Would delete" : "Deleting"} ${total} responses of ${result.days.length} day(s) in ${url}${"before" in which ? ` (days before ${which.before})` : ""}:`,
);
for (const d of result.days) {
  // The listing is in English: a day is named by its English title, else by its main language's.
  const kept = result.keepFigures ? "; keeps its figures (n, mean, SD, CI, distribution, response rate)" : "; its figures go too";
  console.log(
    `  ${d.date}  day ${d.eventId}  region ${d.regionCode ?? "national"}  ${d.responses} responses  ${dayTitle(d, "en").text}${kept}`,
  );
}
if (!values["dry-run"] && result.days.length > 0) console.log(`Deleted ${result.deleted} responses.`);
close();

/** The Helsinki calendar date N months before today. */
function monthsAgo(n: number): string {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - n, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, lastDay));
  return date.toISOString().slice(0, 10);
}
