// Which unit test files load a source module, directly or through other modules: the test files a
// static mutant of that module (code that runs while it loads) can fail. Found by following the
// relative imports that run (statements starting a line: `import … from`, `export … from`, `import "…"`,
// but not `import type`; and `import("…")`) from each test file; packages and node: modules are not
// followed. Used by static-mutants.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// A statement at the start of a line, so that import-like text inside a test's strings is not taken.
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\bfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm;

/** The file a relative specifier names, as the bundler resolution of tsconfig.json finds it. */
const resolveImport = (fromFile: string, specifier: string): string | undefined => {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(fromFile), specifier.replace(/\.js$/, ""));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
};

const importsOf = new Map<string, string[]>();
const directImports = (file: string): string[] => {
  let found = importsOf.get(file);
  if (!found) {
    const text = readFileSync(file, "utf8");
    found = [...text.matchAll(IMPORT)].flatMap((m) => resolveImport(file, (m[1] ?? m[2])!) ?? []);
    importsOf.set(file, found);
  }
  return found;
};

/** Every module a file loads, itself included. */
const closure = (file: string): Set<string> => {
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0)
    for (const next of directImports(queue.pop()!))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
};

const testFilesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testFilesUnder(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });

/** The test files under `testFolder` (repository-relative paths, sorted) that load `sourceFile`. */
export const testsReaching = (sourceFile: string, testFolder = "test/unit"): string[] => {
  const target = resolve(sourceFile);
  return testFilesUnder(testFolder)
    .filter((test) => closure(resolve(test)).has(target))
    .map((test) => relative(process.cwd(), resolve(test)))
    .sort();
};
