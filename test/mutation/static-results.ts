// The record of static mutants measured by hand (static-mutants.ts writes it, summary.ts reads it):
// test/mutation/static-results.json, one mutant a line, sorted by file and position, so that a merge
// of two branches' records stays a merge of lines. Each outcome carries a hash of the source file and
// of the test files it ran against: an outcome whose hashes no longer match the files on disk is of
// older code (or tests) and is not counted until it is run again.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export interface StaticResult {
  file: string;
  line: number;
  column: number;
  mutator: string;
  replacement: string;
  /** Killed: some test file failed (or failed to load); Timeout: the run did not end in 10 min. */
  status: "Killed" | "Survived" | "Timeout";
  /** The first failing test vitest named, for a killed mutant. */
  failed?: string;
  /** The test files run against the mutant: those that load the module, unless named by hand. */
  tests: string[];
  sourceHash: string;
  testsHash: string;
}

export const contentHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** One hash of the test files' names and contents, in the order given. */
export const testsHash = (tests: readonly string[]): string =>
  contentHash(tests.map((file) => `${file}\n${existsSync(file) ? readFileSync(file, "utf8") : "(missing)"}`).join("\n\0\n"));

export const sameMutant = (
  a: Pick<StaticResult, "file" | "line" | "column" | "mutator" | "replacement">,
  b: Pick<StaticResult, "file" | "line" | "column" | "mutator" | "replacement">,
): boolean => a.file === b.file && a.line === b.line && a.column === b.column && a.mutator === b.mutator && a.replacement === b.replacement;

export const readStaticResults = (file: string): StaticResult[] =>
  existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StaticResult[]) : [];

const byPosition = (a: StaticResult, b: StaticResult) =>
  a.file.localeCompare(b.file) ||
  a.line - b.line ||
  a.column - b.column ||
  a.mutator.localeCompare(b.mutator) ||
  a.replacement.localeCompare(b.replacement);

export const writeStaticResults = (file: string, results: readonly StaticResult[]): void => {
  const lines = [...results].sort(byPosition).map((r) => JSON.stringify(r));
  writeFileSync(file, lines.length === 0 ? "[]\n" : `[\n${lines.join(",\n")}\n]\n`);
};

/** Whether a recorded outcome was measured on the source and tests as they are now. */
export const isCurrent = (result: StaticResult): boolean =>
  existsSync(result.file) &&
  contentHash(readFileSync(result.file, "utf8")) === result.sourceHash &&
  testsHash(result.tests) === result.testsHash;
