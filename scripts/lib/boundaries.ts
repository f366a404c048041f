// The import boundaries `npm run check` enforces (scripts/check-boundaries.ts runs them). Biome
// checks formatting, lint and import circles (biome.json: noImportCycles, type-only imports
// included); these rules are here because they are about folders, and Biome's noRestrictedImports
// matches the text of an import ("../../queries/events"), not the file it resolves to, and cannot
// let a type-only import through where only runtime use is the problem.
//
// Rules are written by folder (a trailing "/") or by file, so moving a file between folders that a
// rule names changes its rule, and a new file in a folder is covered without editing this table.
import { builtinModules } from "node:module";
import { dirname, join, normalize, relative, resolve, sep } from "node:path";
import ts from "typescript";

export interface BoundaryRule {
  readonly name: string;
  /** Why the rule exists: printed with every violation. */
  readonly why: string;
  /** Files the rule applies to: folder prefixes ("src/domain/") or exact paths, from the repo root. */
  readonly from: readonly string[];
  /** Files under `from` the rule leaves alone. */
  readonly except?: readonly string[];
  /** What those files may not import: repo folders or files as in `from`, or packages (see isPackageTarget). */
  readonly forbid: readonly string[];
  /** A target that matches `forbid` but is still allowed. */
  readonly allow?: readonly string[];
  /** `import type` / `export type` of a forbidden target passes (it never runs). */
  readonly typeOnlyAllowed?: boolean;
  /** Also forbid SQL written as a string (SELECT …, INSERT INTO …) in these files. */
  readonly noSqlText?: boolean;
  /**
   * Known violations left for another change, as "importing file -> imported file". Each one still
   * present passes; one no longer present is reported as stale so the entry gets deleted.
   */
  readonly pending?: readonly string[];
  /** Not enforced yet: its violations are counted and printed, and do not fail the check. */
  readonly reportOnly?: string;
}

const SERVER_FOLDERS = [
  "src/http/",
  "src/routes/",
  "src/services/",
  "src/db/",
  "src/queries/",
  "src/views/",
  "src/auth/",
  "src/config/",
  "src/demo/",
];
const ENTRY_FILES = ["src/app.ts", "src/app-env.ts", "src/node.ts", "src/worker.ts"];
const NODE_BUILTINS = ["node:", ...builtinModules.filter((m) => !m.startsWith("_"))];

export const RULES: readonly BoundaryRule[] = [
  {
    name: "domain-is-pure",
    why: "src/domain holds rules and figures without I/O, shared with the dashboard: it may not reach into the server's layers or frameworks",
    from: ["src/domain/"],
    forbid: [...SERVER_FOLDERS, ...ENTRY_FILES, "hono", "@hono/", "drizzle-orm", "@libsql/"],
  },
  {
    name: "sql-only-in-queries",
    why: "SQL lives in src/queries (and the schema and client in src/db), one use case per function",
    from: ["src/", "web/src/", "scripts/"],
    // The soak harness (moved here from test/support by issue 11a) reads the raw tables on purpose:
    // it checks what the app's queries stored, so it must not go through them.
    except: ["src/queries/", "src/db/", "scripts/lib/soak/"],
    forbid: ["drizzle-orm", "@libsql/", "src/db/schema.ts"],
    // The Worker entry builds its libSQL HTTP client; the Node one is built in src/db/open-node-database.ts.
    allow: ["@libsql/client/web"],
    noSqlText: true,
  },
  {
    name: "queries-below-services",
    why: "queries are called by services, routes and scripts, never the other way round",
    from: ["src/queries/"],
    forbid: ["src/routes/", "src/services/", "src/views/", "src/http/"],
  },
  {
    name: "services-below-routes",
    why: "a service is one use case called alike by routes, staff pages and scripts: it may not depend on a route or a page",
    from: ["src/services/"],
    forbid: ["src/routes/", "src/views/"],
  },
  {
    name: "views-run-no-queries",
    why: "views render what a route or service hands them; they may name a row's type but never run a query",
    from: ["src/views/"],
    forbid: ["src/queries/", "src/db/"],
    typeOnlyAllowed: true,
  },
  {
    name: "routes-call-services",
    why: "routes validate, authorize, call a service and respond; queries are reached through src/services",
    from: ["src/routes/"],
    forbid: ["src/queries/", "src/db/schema.ts"],
    typeOnlyAllowed: true,
  },
  {
    name: "scripts-use-the-app",
    why: "CLI scripts call services like the routes do; they never import routes or test code",
    from: ["scripts/"],
    forbid: ["src/routes/", "test/"],
  },
  {
    name: "node-only-at-the-node-edge",
    why: "the app also runs on Cloudflare Workers: Node built-ins only in the Node entry and the files only it uses",
    from: ["src/", "web/src/"],
    except: ["src/node.ts", "src/db/migrate.ts", "src/db/open-node-database.ts"],
    forbid: NODE_BUILTINS,
  },
  {
    name: "dashboard-shares-no-server-code",
    why: "the dashboard bundle may use src/domain and the API types, never server code",
    from: ["web/src/"],
    forbid: [...SERVER_FOLDERS, "src/app.ts", "src/node.ts", "src/worker.ts"],
    // The design tokens (issue 11c) are plain data shared by the server pages and the charts.
    allow: ["src/views/design-tokens.ts"],
    typeOnlyAllowed: true,
  },
];

export interface ImportRef {
  /** The text after `from`. */
  readonly specifier: string;
  /** Repo-relative file it resolves to, or the package name; for a package, the specifier. */
  readonly target: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

export interface SourceFacts {
  readonly imports: readonly ImportRef[];
  /** Lines of string literals that read as SQL statements. */
  readonly sqlLines: readonly number[];
}

export interface Violation {
  readonly rule: BoundaryRule;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface CheckResult {
  readonly violations: readonly Violation[];
  /** Violations of report-only rules, by rule name. */
  readonly reported: ReadonlyMap<string, readonly Violation[]>;
  /** Pending entries that no longer occur. */
  readonly stale: readonly string[];
}

const SOURCE_EXTENSIONS = [".ts", ".tsx"];
const SQL_START =
  /^\s*(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)\s|DROP\s+(TABLE|INDEX)\s|WITH\s+\w+\s+AS\s*\()/;

/** Imports and SQL-looking strings of one file. `exists` answers for repo-relative paths. */
export function readSource(file: string, text: string, exists: (path: string) => boolean): SourceFacts {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: ImportRef[] = [];
  const sqlLines: number[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (literal: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    imports.push({ specifier: literal.text, target: resolveTarget(file, literal.text, exists), typeOnly, line: lineOf(node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false, node);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression, node.isTypeOnly, node);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false, node);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression, true, node);
    else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) &&
      SQL_START.test(node.text)
    ) {
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) sqlLines.push(lineOf(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, sqlLines };
}

/** A relative import as the repo-relative file it names (extension added as the bundler would). */
function resolveTarget(file: string, specifier: string, exists: (path: string) => boolean): string {
  if (!specifier.startsWith(".")) return specifier;
  const base = normalize(join(dirname(file), specifier))
    .split(sep)
    .join("/");
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e), ...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`)];
  if (/\.js$/.test(base)) candidates.push(...SOURCE_EXTENSIONS.map((e) => base.replace(/\.js$/, e)));
  return candidates.find((c) => exists(c) && SOURCE_EXTENSIONS.some((e) => c.endsWith(e))) ?? base;
}

function isPackageTarget(target: string): boolean {
  return (
    !target.startsWith("src/") &&
    !target.startsWith("web/") &&
    !target.startsWith("scripts/") &&
    !target.startsWith("test/") &&
    !target.startsWith("bench/") &&
    !target.startsWith("..")
  );
}

/** Does a repo path or package name fall under a table entry? */
export function matches(entry: string, target: string): boolean {
  if (entry.endsWith("/") || entry.endsWith(":")) return target.startsWith(entry);
  if (target === entry) return true;
  // A package entry covers its subpaths: "drizzle-orm" covers "drizzle-orm/libsql".
  return isPackageTarget(entry) && target.startsWith(`${entry}/`);
}

const appliesTo = (rule: BoundaryRule, file: string) =>
  rule.from.some((f) => matches(f, file)) && !(rule.except ?? []).some((e) => matches(e, file));

/** Checks every file against every rule. `files` maps repo-relative paths to their facts. */
export function checkBoundaries(files: ReadonlyMap<string, SourceFacts>, rules: readonly BoundaryRule[] = RULES): CheckResult {
  const violations: Violation[] = [];
  const reported = new Map<string, Violation[]>();
  const seenPending = new Set<string>();
  for (const rule of rules) {
    const found: Violation[] = [];
    for (const [file, facts] of files) {
      if (!appliesTo(rule, file)) continue;
      for (const ref of facts.imports) {
        if (!rule.forbid.some((f) => matches(f, ref.target))) continue;
        if ((rule.allow ?? []).some((a) => matches(a, ref.target))) continue;
        if (rule.typeOnlyAllowed && ref.typeOnly) continue;
        // Pending entries name files with their extension; a target that did not resolve has none.
        const key = (rule.pending ?? []).find(
          (p) => p === `${file} -> ${ref.target}` || p.replace(/\.tsx?$/, "") === `${file} -> ${ref.target}`,
        );
        if (key) {
          seenPending.add(`${rule.name}: ${key}`);
          continue;
        }
        found.push({ rule, file, line: ref.line, message: `imports "${ref.specifier}"${ref.typeOnly ? " (type-only)" : ""}` });
      }
      if (rule.noSqlText) for (const line of facts.sqlLines) found.push({ rule, file, line, message: "writes SQL in a string" });
    }
    if (rule.reportOnly) reported.set(rule.name, found);
    else violations.push(...found);
  }
  const stale = rules.flatMap((r) => (r.pending ?? []).map((p) => `${r.name}: ${p}`)).filter((p) => !seenPending.has(p));
  return { violations, reported, stale };
}

/** Every .ts/.tsx file under the given repo folders, read and parsed. */
export function readTree(
  root: string,
  folders: readonly string[],
  fs: { list: (dir: string) => string[]; read: (file: string) => string; exists: (file: string) => boolean },
): Map<string, SourceFacts> {
  const files = new Map<string, SourceFacts>();
  for (const folder of folders) {
    for (const absolute of fs.list(resolve(root, folder)).sort()) {
      const file = relative(root, absolute).split(sep).join("/");
      if (!SOURCE_EXTENSIONS.some((e) => file.endsWith(e)) || file.endsWith(".d.ts")) continue;
      files.set(
        file,
        readSource(file, fs.read(absolute), (p) => fs.exists(resolve(root, p))),
      );
    }
  }
  return files;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line} ${v.message}\n    breaks "${v.rule.name}": ${v.rule.why}.`;
}
