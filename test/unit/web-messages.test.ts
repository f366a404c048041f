import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referencedKeys } from "../../scripts/lib/web-messages";

describe("the web bundles' message scan", () => {
  it("keeps keys named in full and prefixes of keys built at run time", () => {
    const dir = mkdtempSync(join(tmpdir(), "palaute-messages-"));
    mkdirSync(join(dir, "views"));
    writeFileSync(
      join(dir, "views", "a.ts"),
      't("dash.title"); t(`dash.flag.${f}`); tOr(`http.${code}`, "dash.error.load"); t(\'nav.home\'); const p = "csv.ci." + why;',
    );
    writeFileSync(join(dir, "b.tsx"), "const url = 'https://example.fi'; t(\"survey.gradeHint\")");
    const { exact, prefixes } = referencedKeys([dir]);
    expect([...exact].sort()).toEqual(["dash.error.load", "dash.title", "nav.home", "survey.gradeHint"]);
    expect(prefixes.sort()).toEqual(["csv.ci.", "dash.flag.", "http."]);
  });

  it("finds every key the dashboard names in its own sources", () => {
    const { exact, prefixes } = referencedKeys([join(__dirname, "../../web/src")]);
    // A few the dashboard is known to ask for, fixed and built at run time.
    for (const key of ["dash.error.load", "survey.gradeHint", "yardstick.rule"]) expect(exact.has(key), key).toBe(true);
    expect(prefixes).toContain("http.");
  });
});
