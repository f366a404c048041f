// Prints the per-file table and the surviving mutants of the last Stryker run
// (reports/mutation/mutation.json) as Markdown, for test/mutation/RESULTS.md:
//   node --import tsx test/mutation/summary.ts [judgements.json …]
// Each judgements file (optional; the domain's test/mutation/judgements.json, the services'
// test/mutation/judgements.services.json, read together) is a list of
// { file, line, column?, mutator?, replacement?, verdict }: the first entry
// that matches a surviving mutant judges it. A verdict starting "equivalent" takes the mutant out of
// the adjusted score's denominator; any other verdict ("accepted: why") leaves it in.
// Static mutants (code that runs while a module loads), which a run with --ignoreStatic leaves out
// (Stryker's status "Ignored"), count as measured when test/mutation/static-results.json
// (static-mutants.ts; STATIC_RESULTS to name another) holds their outcome on the source and tests
// as they are now: "static killed" and "static survived" (survivors are listed and judged like the
// others), in the adjusted score. "static, not run" are those with no current outcome: in no score.
import { existsSync, readFileSync } from "node:fs";
import { isCurrent, readStaticResults, type StaticResult, sameMutant } from "./static-results";

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
// The domain run's report and the services run's (stryker.services.config.json), whichever exist;
// MUTATION_JSON=a.json,b.json names others.
const reportFiles = (process.env.MUTATION_JSON ?? "reports/mutation/mutation.json,reports/mutation/services/mutation.json")
  .split(",")
  .filter((file) => existsSync(file));
const report: { files: Record<string, { mutants: Mutant[] }> } = { files: {} };
for (const file of reportFiles) Object.assign(report.files, (JSON.parse(readFileSync(file, "utf8")) as typeof report).files);
const judgementsFiles = process.argv.slice(2);
interface Judgement {
  file: string;
  line: number;
  column?: number;
  mutator?: string;
  /** The mutant's replacement text, when line, column and mutator do not tell two mutants apart. */
  replacement?: string;
  verdict: string;
  /** Judged against an older layout of the file (before the Biome format of ad86284 moved lines):
   *  shown as "RE-CHECK" and not counted until someone confirms it on a new run and drops the flag. */
  stale?: boolean;
}
const judgements: Judgement[] = judgementsFiles
  .filter((file) => existsSync(file))
  .flatMap((file) => JSON.parse(readFileSync(file, "utf8")) as Judgement[]);
const judgementOf = (file: string, m: Mutant): Judgement | undefined =>
  judgements.find(
    (j) =>
      file.endsWith(j.file) &&
      j.line === m.location.start.line &&
      (j.column === undefined || j.column === m.location.start.column) &&
      (j.mutator === undefined || j.mutator === m.mutatorName) &&
      (j.replacement === undefined || j.replacement === m.replacement),
  );
const verdictOf = (file: string, m: Mutant): string | undefined => {
  const j = judgementOf(file, m);
  return j?.stale ? `RE-CHECK (judged on an older layout): ${j.verdict}` : j?.verdict;
};

const staticResults = readStaticResults(process.env.STATIC_RESULTS ?? "test/mutation/static-results.json");
const currentness = new Map<StaticResult, boolean>();
/** The current by-hand outcome of a static mutant, if static-mutants.ts recorded one. */
const staticOutcomeOf = (file: string, m: Mutant): StaticResult["status"] | undefined => {
  const key = {
    file,
    line: m.location.start.line,
    column: m.location.start.column,
    mutator: m.mutatorName,
    replacement: m.replacement ?? "",
  };
  const found = staticResults.find((r) => sameMutant(r, key) || (file.endsWith(`/${r.file}`) && sameMutant(r, { ...key, file: r.file })));
  if (!found) return undefined;
  if (!currentness.has(found)) currentness.set(found, isCurrent(found));
  return currentness.get(found) ? found.status : undefined;
};

const keyOf = (file: string, m: Mutant) => `${file}:${m.location.start.line}:${m.location.start.column} ${m.replacement ?? m.mutatorName}`;
const rows: string[] = [
  "| file | mutants | killed | timeout | survived | no coverage | static killed | static survived | equivalent | killed in fact | Stryker score | non-equivalent killed | static, not run |",
  "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
];
const survivors: string[] = [];
let all = { total: 0, detected: 0, staticMeasured: 0, staticKilled: 0, equivalent: 0, inFact: 0, ignored: 0 };
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const valid = mutants.filter((m) => ["Killed", "Timeout", "Survived", "NoCoverage"].includes(m.status));
  const detected = count("Killed") + count("Timeout");
  const ignored = mutants.filter((m) => m.status === "Ignored");
  const staticKilled = ignored.filter((m) => ["Killed", "Timeout"].includes(staticOutcomeOf(file, m) ?? "")).length;
  const staticSurvived = ignored.filter((m) => staticOutcomeOf(file, m) === "Survived");
  const notRun = ignored.filter((m) => staticOutcomeOf(file, m) === undefined).length;
  const undetected = [...valid.filter((m) => m.status === "Survived" || m.status === "NoCoverage"), ...staticSurvived];
  // The adjusted score's denominator: Stryker's valid mutants and the static ones measured by hand.
  const measured = valid.length + staticKilled + staticSurvived.length;
  const equivalent = undetected.filter((m) => verdictOf(file, m)?.startsWith("equivalent")).length;
  // Verdicts starting "killed" are mutants shown by hand (or by a test added after the run) to fail a test.
  const killedInFact = undetected.filter((m) => verdictOf(file, m)?.startsWith("killed")).length;
  const pct = (x: number, of: number) => (of === 0 ? "–" : `${((100 * x) / of).toFixed(1)} %`);
  rows.push(
    `| ${file} | ${valid.length} | ${count("Killed")} | ${count("Timeout")} | ${count("Survived")} | ${count("NoCoverage")} | ${staticKilled} | ${staticSurvived.length} | ${equivalent} | ${killedInFact} | ${pct(detected, valid.length)} | ${pct(detected + staticKilled + killedInFact, measured - equivalent)} | ${notRun} |`,
  );
  all = {
    total: all.total + valid.length,
    detected: all.detected + detected,
    staticMeasured: all.staticMeasured + staticKilled + staticSurvived.length,
    staticKilled: all.staticKilled + staticKilled,
    equivalent: all.equivalent + equivalent,
    inFact: all.inFact + killedInFact,
    ignored: all.ignored + notRun,
  };
  for (const m of undetected.sort(
    (a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
  )) {
    const key = keyOf(file, m);
    const status = m.status === "Ignored" ? "static, survived by hand" : m.status;
    survivors.push(
      `- \`${key.replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 160)}\` (${m.mutatorName}, ${status}) — ${verdictOf(file, m) ?? "NOT JUDGED"}`,
    );
  }
}
rows.push(
  `| **all** | ${all.total} | | | | | ${all.staticKilled} | ${all.staticMeasured - all.staticKilled} | ${all.equivalent} | ${all.inFact} | ${((100 * all.detected) / all.total).toFixed(1)} % | ${((100 * (all.detected + all.staticKilled + all.inFact)) / (all.total + all.staticMeasured - all.equivalent)).toFixed(1)} % | ${all.ignored} |`,
);
console.log(rows.join("\n"));
console.log("\n### Surviving mutants\n");
console.log(survivors.join("\n"));
