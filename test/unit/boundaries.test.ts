import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { type BoundaryRule, checkBoundaries, readTree } from "../../scripts/lib/boundaries";

/** Writes a small repo tree and returns what the checker finds in it. */
function check(tree: Record<string, string>, rules?: readonly BoundaryRule[]) {
  const root = mkdtempSync(join(tmpdir(), "palaute-boundaries-"));
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const list = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)]))
      : [];
  const files = readTree(root, ["src", "web/src", "scripts"], { list, read: (f) => readFileSync(f, "utf8"), exists: existsSync });
  const result = checkBoundaries(files, rules);
  return { ...result, found: result.violations.map((v) => `${v.rule.name} ${v.file}:${v.line}`) };
}

describe("import boundaries", () => {
  it("fails a domain file that imports a query, from any depth, and names the rule and line", () => {
    const { found, violations } = check({
      "src/queries/events.ts": "export const getEvent = 1;",
      "src/domain/x.ts": 'import { getEvent } from "../queries/events";\nexport const x = getEvent;',
      "src/domain/stats/y.ts": 'import type { Db } from "../../db/client";\nexport type Y = Db;',
      "src/db/client.ts": "export type Db = number;",
    });
    expect(found).toEqual(["domain-is-pure src/domain/stats/y.ts:1", "domain-is-pure src/domain/x.ts:1"]);
    expect(violations[1]!.message).toBe('imports "../queries/events"');
  });

  it("lets domain import domain, the API types and valibot", () => {
    const { found } = check({
      "src/api-types.ts": "export type A = 1;",
      "src/domain/lang.ts": "export const fi = 1;",
      "src/domain/stats/z.ts": 'import { fi } from "../lang";\nimport type { A } from "../../api-types";\nimport * as v from "valibot";',
    });
    expect(found).toEqual([]);
  });

  it("lets a view name a row's type but not load the query module", () => {
    const { found } = check({
      "src/queries/events.ts": "export type EventRow = {}; export const getEvent = 1;",
      "src/views/a.tsx": 'import type { EventRow } from "../queries/events";',
      "src/views/admin/b.tsx": 'import { type EventRow } from "../../queries/events";', // still loads the module at run time
      "src/views/c.tsx": 'export { getEvent } from "../queries/events";',
    });
    expect(found).toEqual(["views-run-no-queries src/views/admin/b.tsx:1", "views-run-no-queries src/views/c.tsx:1"]);
  });

  it("keeps Node built-ins at the Node edge and in scripts", () => {
    const { found } = check({
      "src/node.ts": 'import { readFileSync } from "node:fs";',
      "src/db/open-node-database.ts": 'import { mkdirSync } from "node:fs";',
      "scripts/backup.ts": 'import { join } from "node:path";',
      "src/http/body.ts": 'import { Buffer } from "buffer";',
      "src/services/lazy.ts": 'export const load = () => import("node:zlib");',
      "web/src/x.ts": 'import { join } from "path/posix";',
    });
    expect(found.sort()).toEqual([
      "node-only-at-the-node-edge src/http/body.ts:1",
      "node-only-at-the-node-edge src/services/lazy.ts:1",
      "node-only-at-the-node-edge web/src/x.ts:1",
    ]);
  });

  it("finds SQL and the query builder outside src/queries and src/db", () => {
    const { found } = check({
      "src/queries/a.ts": 'import { sql } from "drizzle-orm";\nexport const q = "SELECT 1";',
      "src/db/client.ts": 'import { drizzle } from "drizzle-orm/libsql";',
      "src/worker.ts": 'import { createClient } from "@libsql/client/web";',
      "src/routes/r.ts": 'const label = "Select a day";\nconst q = `DELETE FROM response WHERE id = ${1}`;',
      "src/services/s.ts": 'import { eq } from "drizzle-orm";\nimport { event } from "../db/schema";',
      "src/db/schema.ts": "export const event = 1;",
      "scripts/x.ts": 'import { createClient } from "@libsql/client";',
    });
    expect(found.sort()).toEqual([
      "sql-only-in-queries scripts/x.ts:1",
      "sql-only-in-queries src/routes/r.ts:2",
      "sql-only-in-queries src/services/s.ts:1",
      "sql-only-in-queries src/services/s.ts:2",
    ]);
  });

  it("keeps scripts off routes and tests, and the dashboard off server code except for types", () => {
    const { found } = check({
      "src/routes/schemas.ts": "export const Email = 1;",
      "src/app.ts": "export type AppType = 1; export const createApp = 1;",
      "scripts/new-tool.ts": 'import { Email } from "../src/routes/schemas";\nimport { x } from "../test/helpers/factories";',
      "web/src/api.ts": 'import type { AppType } from "../../src/app";\nimport { createApp } from "../../src/app";',
    });
    expect(found).toEqual([
      "scripts-use-the-app scripts/new-tool.ts:1",
      "scripts-use-the-app scripts/new-tool.ts:2",
      "dashboard-shares-no-server-code web/src/api.ts:2",
    ]);
  });

  it("passes a pending violation, reports it stale once it is gone, and only counts report-only rules", () => {
    const rules: BoundaryRule[] = [
      {
        name: "pending",
        why: "w",
        from: ["scripts/"],
        forbid: ["test/"],
        pending: ["scripts/a.ts -> test/x.ts", "scripts/b.ts -> test/x.ts", "scripts/c.ts -> test/gone.ts"],
      },
      { name: "later", why: "w", from: ["src/routes/"], forbid: ["src/queries/"], reportOnly: "after a refactor" },
    ];
    const result = check(
      {
        "test/x.ts": "export const x = 1;",
        "scripts/a.ts": 'import { x } from "../test/x";',
        "scripts/c.ts": 'import { y } from "../test/gone";', // a target that does not resolve still matches its entry
        "src/queries/q.ts": "export const q = 1;",
        "src/routes/r.ts": 'import { q } from "../queries/q";',
      },
      rules,
    );
    expect(result.found).toEqual([]);
    expect(result.stale).toEqual(["pending: scripts/b.ts -> test/x.ts"]);
    expect(result.reported.get("later")!.map((v) => v.file)).toEqual(["src/routes/r.ts"]);
  });
});
