// Applies the static mutants of source files by hand, one at a time, and runs only the unit test files
// that load the module against each: the measurement of the mutants a Stryker run with
// --ignoreStatic leaves out (status "Ignored": code that runs while a module loads, such as constant
// lists and tables), which Stryker would test by running every unit test (≈ 30 s each here).
//   node --import tsx test/mutation/static-mutants.ts                       every file with static mutants
//   node --import tsx test/mutation/static-mutants.ts src/domain/x.ts …     those files
//   node --import tsx test/mutation/static-mutants.ts src/domain/x.ts -- test/unit/x.test.ts …
//                                                                           those files, against those tests
// Without named tests, the tests are the unit test files that load the module (reaching-tests.ts).
// One vitest instance serves every run (vitest-session.ts); before a file's mutants, a throw
// appended to the file must fail its tests (proof that changes reach them) and the file as it is
// must pass them.
// Reads reports/mutation/mutation.json (MUTATION_JSON to name another). The static mutants' outcomes
// are recorded in test/mutation/static-results.json (STATIC_RESULTS to name another), which
// summary.ts counts; a recorded outcome is kept, and not run again, while the source file and those
// test files are byte for byte the same (FORCE=1 runs it again).
// Other uses: STATUS=Survived,… applies the report's mutants of those statuses instead (a check by
// hand of a test added after a run; printed, not recorded); AT=line:column,… keeps only some.
// It works in a copy of the checkout (the files git tracks or would track, node_modules linked) in
// the system's temp folder, so the checkout's files are never changed: a Stryker run starting
// meanwhile copies them as they are, and an interrupted run leaves nothing behind.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { testsReaching } from "./reaching-tests";
import { contentHash, readStaticResults, type StaticResult, sameMutant, testsHash, writeStaticResults } from "./static-results";
import { openVitestSession } from "./vitest-session";

interface Position {
  line: number;
  column: number;
}
interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: Position; end: Position };
}

const args = process.argv.slice(2);
const dashes = args.indexOf("--");
const namedSources = dashes === -1 ? args : args.slice(0, dashes);
const namedTests = dashes === -1 ? [] : args.slice(dashes + 1);
const statuses = (process.env.STATUS ?? "Ignored").split(",");
const recording = statuses.length === 1 && statuses[0] === "Ignored";
const at = process.env.AT?.split(",");
const force = process.env.FORCE === "1";
const resultsFile = resolve(process.env.STATIC_RESULTS ?? "test/mutation/static-results.json");
const report = JSON.parse(readFileSync(resolve(process.env.MUTATION_JSON ?? "reports/mutation/mutation.json"), "utf8")) as {
  files: Record<string, { mutants: Mutant[] }>;
};

const chosen = (mutants: Mutant[]) =>
  mutants.filter(
    (m) =>
      statuses.includes(m.status) &&
      m.replacement !== undefined &&
      (!at || at.includes(`${m.location.start.line}:${m.location.start.column}`)),
  );
const reportEntry = (source: string) => {
  const entry = Object.entries(report.files).find(([name]) => name === source || name.endsWith(`/${source}`));
  if (!entry) throw new Error(`${source} is not in the report`);
  return entry[1];
};
const sources =
  namedSources.length > 0
    ? namedSources
    : Object.entries(report.files)
        .filter(([, { mutants }]) => chosen(mutants).length > 0)
        .map(([name]) => name)
        .sort();

let results = readStaticResults(resultsFile);

const checkout = process.cwd();
const sandbox = mkdtempSync(join(tmpdir(), "palaute-static-mutants-"));
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { encoding: "utf8" })
  .split("\0")
  .filter((file) => file !== "");
for (const file of files) {
  mkdirSync(dirname(join(sandbox, file)), { recursive: true });
  cpSync(join(checkout, file), join(sandbox, file));
}
symlinkSync(join(checkout, "node_modules"), join(sandbox, "node_modules"), "dir");
process.chdir(sandbox);
const removeSandbox = () => rmSync(sandbox, { recursive: true, force: true });

const session = await openVitestSession(namedTests);
let current: { file: string; text: string } | undefined;
const write = (file: string, text: string) => {
  writeFileSync(file, text);
  session.invalidate(file);
};
const restore = () => {
  if (current) write(current.file, current.text);
};
process.on("SIGINT", () => {
  removeSandbox();
  process.exit(130);
});

/** A run that does not end in a minute is a timeout (Stryker's word); the session is then unusable. */
const TIMEOUT_MS = 60_000;
const runTests = (tests: readonly string[]) =>
  Promise.race([session.run(tests), new Promise<"timeout">((done) => setTimeout(() => done("timeout"), TIMEOUT_MS).unref())]);
/** Proof that a change of the source reaches the tests (the module is not served from a cache): the
 *  file with a throw appended must fail them, and the file as it is must pass them. */
const checkTheTestsSee = async (source: string, original: string, tests: readonly string[]) => {
  write(source, `${original}\nthrow new Error("static-mutants.ts: the tests see this change");\n`);
  const broken = await runTests(tests);
  restore();
  const intact = await runTests(tests);
  if (broken === "timeout" || broken.passed) throw new Error(`${source}: a throw added to it fails none of ${tests.join(", ")}`);
  if (intact === "timeout" || !intact.passed)
    throw new Error(`${source}: the tests fail without any mutant: ${intact === "timeout" ? "timeout" : intact.failed}`);
};

let killedAll = 0;
let ranAll = 0;
try {
  for (const source of sources) {
    const mutants = chosen(reportEntry(source).mutants);
    const tests = namedTests.length > 0 ? namedTests : testsReaching(source);
    const original = readFileSync(source, "utf8");
    current = { file: source, text: original };
    const sourceHash = contentHash(original);
    const testHash = testsHash(tests);
    const lineStarts = [0];
    for (let i = 0; i < original.length; i++) if (original[i] === "\n") lineStarts.push(i + 1);
    // Report positions are 1-based lines and columns; the end is exclusive.
    const offsetOf = (p: Position) => lineStarts[p.line - 1]! + p.column - 1;
    let killed = 0;
    let ran = 0;
    console.log(`${source}: ${mutants.length} mutants, tests: ${tests.join(" ") || "(none load it)"}`);
    let checked = false;
    for (const m of mutants) {
      const key = {
        file: source,
        line: m.location.start.line,
        column: m.location.start.column,
        mutator: m.mutatorName,
        replacement: m.replacement!,
      };
      const known = results.find((r) => sameMutant(r, key));
      if (recording && !force && known && known.sourceHash === sourceHash && known.testsHash === testHash) continue;
      if (!checked && tests.length > 0) {
        await checkTheTestsSee(source, original, tests);
        checked = true;
      }
      const start = offsetOf(m.location.start);
      const end = offsetOf(m.location.end);
      write(source, original.slice(0, start) + m.replacement + original.slice(end));
      // No test file loads the module: nothing can fail, the mutant survives (as Stryker's NoCoverage).
      const run = tests.length === 0 ? { passed: true, failed: undefined } : await runTests(tests);
      restore();
      const status: StaticResult["status"] = run === "timeout" ? "Timeout" : run.passed ? "Survived" : "Killed";
      ran++;
      if (status !== "Survived") killed++;
      const failure = run === "timeout" ? undefined : run.failed;
      const was = original.slice(start, end).replace(/\s+/g, " ").slice(0, 60);
      const now = m.replacement!.replace(/\s+/g, " ").slice(0, 60);
      console.log(
        `${status === "Survived" ? "SURVIVED" : status.toLowerCase()}\t${source}:${key.line}:${key.column}\t${m.mutatorName}\t${was} → ${now}${failure ? `\t(${failure})` : ""}`,
      );
      if (recording) {
        const record: StaticResult = {
          ...key,
          status,
          ...(failure ? { failed: failure.slice(0, 200) } : {}),
          tests,
          sourceHash,
          testsHash: testHash,
        };
        results = [...results.filter((r) => !sameMutant(r, key)), record];
        writeStaticResults(resultsFile, results);
      }
      if (status === "Timeout") {
        console.error("a run timed out and its test worker may still be busy: run the command again to go on");
        removeSandbox();
        process.exit(3);
      }
    }
    current = undefined;
    killedAll += killed;
    ranAll += ran;
    console.log(
      `${source}: ${killed} of ${ran} run killed${ran < mutants.length ? ` (${mutants.length - ran} recorded earlier, unchanged)` : ""}`,
    );
  }
} finally {
  restore();
}
await session.close();
process.chdir(checkout);
removeSandbox();
console.log(`${killedAll} of ${ranAll} mutants run were killed`);
