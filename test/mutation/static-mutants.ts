// Applies the static mutants of one source file by hand, one at a time, and runs the given test files
// against each: the check for mutants a run with --ignoreStatic left out (status "Ignored"), or
// static mutants Stryker could not count (a module that throws while loading). Stryker runs every
// unit test for a static mutant (about a minute each on the shared machine); here only the test
// files that reach the module run.
//   node --import tsx test/mutation/static-mutants.ts src/domain/x.ts test/unit/x.test.ts [more tests]
// Reads reports/mutation/mutation.json (MUTATION_JSON to name another; STATUS=Survived,… for other
// statuses than Ignored; AT=line:column,… for some of them). The source file is restored after each
// mutant, and on Ctrl-C.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

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

const [sourceFile, ...testFiles] = process.argv.slice(2);
if (!sourceFile || testFiles.length === 0) {
  console.error("usage: static-mutants.ts <source file> <test file> [test file …]");
  process.exit(2);
}
const statuses = (process.env.STATUS ?? "Ignored").split(",");
const report = JSON.parse(readFileSync(process.env.MUTATION_JSON ?? "reports/mutation/mutation.json", "utf8")) as {
  files: Record<string, { mutants: Mutant[] }>;
};
const entry = Object.entries(report.files).find(([name]) => name.endsWith(sourceFile));
if (!entry) throw new Error(`${sourceFile} is not in the report`);
// AT=line:column,… keeps only the mutants starting there.
const at = process.env.AT?.split(",");
const mutants = entry[1].mutants.filter(
  (m) =>
    statuses.includes(m.status) &&
    m.replacement !== undefined &&
    (!at || at.includes(`${m.location.start.line}:${m.location.start.column}`)),
);

const original = readFileSync(sourceFile, "utf8");
const restore = () => writeFileSync(sourceFile, original);
process.on("SIGINT", () => {
  restore();
  process.exit(130);
});

// Report positions are 1-based lines and columns; the end is exclusive.
const lineStarts = [0];
for (let i = 0; i < original.length; i++) if (original[i] === "\n") lineStarts.push(i + 1);
const offsetOf = (p: Position) => lineStarts[p.line - 1]! + p.column - 1;

let killed = 0;
try {
  for (const m of mutants) {
    const start = offsetOf(m.location.start);
    const end = offsetOf(m.location.end);
    writeFileSync(sourceFile, original.slice(0, start) + m.replacement + original.slice(end));
    const run = spawnSync("npx", ["vitest", "run", "--config", "test/mutation/vitest.config.ts", ...testFiles], {
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    const status = run.status === 0 ? "SURVIVED" : "killed";
    if (run.status !== 0) killed++;
    const was = original.slice(start, end).replace(/\s+/g, " ").slice(0, 60);
    const now = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 60);
    console.log(`${status}\t${sourceFile}:${m.location.start.line}:${m.location.start.column}\t${m.mutatorName}\t${was} → ${now}`);
    restore();
  }
} finally {
  restore();
}
console.log(`${killed} of ${mutants.length} killed by ${testFiles.join(", ")}`);
