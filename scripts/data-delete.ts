// npm run data:delete -- --event 12 [--dry-run]
// npm run data:delete -- --older-than-months 24 [--dry-run]     (or RETENTION_MONTHS=24)
// Deletes participants' answers: one day's, or every day's older than the retention period. Old
// days keep their grade mean and respondent count as a published-style figure, so the dashboards'
// history stays true; their free-text comments and individual answers are gone for good.
import { parseArgs } from "node:util";
import { recordAudit } from "../src/queries/audit";
import { daysWithResponses, deleteDayResponses } from "../src/queries/retention";
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
const days = await daysWithResponses(db, which);
const total = days.reduce((sum, d) => sum + d.responses, 0);
const keepGrade = values.event === undefined;

console.log(`${values["dry-run"] ? "Would delete" : "Deleting"} ${total} responses of ${days.length} day(s) in ${url}${"before" in which ? ` (days before ${which.before})` : ""}:`);
for (const d of days) {
  const kept = keepGrade && d.gradeMean !== null ? `; keeps grade ${d.gradeMean.toFixed(2)} (n ${d.gradeN}) as the day's figure` : "";
  console.log(`  ${d.date}  day ${d.eventId}  region ${d.regionCode ?? "national"}  ${d.responses} responses  ${d.title}${kept}`);
}
if (!values["dry-run"] && days.length > 0) {
  const deleted = await deleteDayResponses(db, days, keepGrade);
  await recordAudit(db, { at: Date.now(), actor: "cli", action: "responses_deleted", target: "eventId" in which ? `event:${which.eventId}` : `before:${which.before}`, details: { days: days.map((d) => d.eventId), responses: deleted } });
  console.log(`Deleted ${deleted} responses.`);
}
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
