// npm run soak — the crash soak at full size: 20,000 submissions from 50 retrying clients, one
// SIGKILL of the server halfway, then a check of the database file (see scripts/lib/soak/soak.ts).
// Loopback only; bounded by the submission count and a deadline. Override with flags, e.g.
//   npm run soak -- --submissions 5000 --clients 20 --kill-after 2500 --timeout-ms 5000 --deadline-s 300
import { parseArgs } from "node:util";
import { formatSoakReport, runSoak } from "./lib/soak/soak";

const { values } = parseArgs({
  options: {
    submissions: { type: "string", default: "20000" },
    clients: { type: "string", default: "50" },
    "kill-after": { type: "string" },
    "timeout-ms": { type: "string", default: "10000" },
    "deadline-s": { type: "string", default: "600" },
  },
});

const submissions = positive("submissions", values.submissions);
const report = await runSoak({
  submissions,
  clients: positive("clients", values.clients),
  killAfter: values["kill-after"] ? positive("kill-after", values["kill-after"]) : Math.floor(submissions / 2),
  timeoutMs: positive("timeout-ms", values["timeout-ms"]),
  deadlineMs: positive("deadline-s", values["deadline-s"]) * 1000,
  log: (line) => console.log(`[soak] ${line}`),
});
console.log(formatSoakReport(report));
process.exit(report.ok ? 0 : 1);

function positive(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number (got ${text})`);
    process.exit(2);
  }
  return value;
}
