// The history import (published results of past days, one CSV row a day): what each row means and
// what is wrong with it. Pure; src/services/history-import.ts compares rows with the stored days
// and writes. Column names are accepted in Finnish or English; the template uses Finnish.
import { checkPublishedResult, type PublishedProblemCode } from "./published-result";
import { GRADE_SCALE } from "./questions";
import { readCsv, readDate, readDecimal, readWholeNumber } from "./csv-read";
import { t, type MessageKey } from "./i18n";
import type { Lang } from "./lang";

export const IMPORT_COLUMNS = ["region", "date", "theme", "title", "place", "attendance", "mean", "n", "source"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Header names in the template (Finnish) and their English equivalents. */
export const COLUMN_NAMES: Readonly<Record<ImportColumn, readonly string[]>> = {
  region: ["alue", "region"],
  date: ["päivämäärä", "date"],
  theme: ["teema", "theme"],
  title: ["otsikko", "title"],
  place: ["paikka", "place"],
  attendance: ["osallistujat", "attendance"],
  mean: ["keskiarvo", "mean"],
  n: ["vastaajat", "n"],
  source: ["lähde", "source"],
};

/** The value that names a national day (no region) in the region column. */
export const NATIONAL_REGION = ["valtakunnallinen", "national", "riksomfattande"];

export type ImportErrorCode =
  | "columns"
  | "region"
  | "date"
  | "theme"
  | "title"
  | "attendance"
  | "mean"
  | "n"
  | "source"
  | "duplicate"
  | "has_answers"
  | PublishedProblemCode;

export interface ImportError {
  readonly line: number;
  readonly code: ImportErrorCode;
  /** The column the problem is in, when there is one. */
  readonly column?: ImportColumn;
}

export interface ImportRow {
  readonly line: number;
  readonly regionCode: string | null;
  readonly date: string;
  readonly themeId: number | null;
  readonly title: string;
  readonly place: string | null;
  readonly attendance: number | null;
  readonly mean: number;
  readonly n: number | null;
  readonly source: string;
}

export interface ImportReferences {
  /** Region codes and names (any language, compared case-insensitively) → code. */
  readonly regions: ReadonlyMap<string, string>;
  /** The programme's theme names (any language, case-insensitively) → id. */
  readonly themes: ReadonlyMap<string, number>;
}

/** Reads and checks every row; rows with an error are left out of `rows` and listed in `errors`. */
export function parseImport(text: string, refs: ImportReferences): { rows: ImportRow[]; errors: ImportError[] } {
  const [header, ...lines] = readCsv(text);
  if (!header) return { rows: [], errors: [{ line: 1, code: "columns" }] };
  const index = new Map<ImportColumn, number>();
  header.cells.forEach((name, i) => {
    const column = IMPORT_COLUMNS.find((c) => COLUMN_NAMES[c].includes(name.trim().toLowerCase()));
    if (column) index.set(column, i);
  });
  const required: ImportColumn[] = ["region", "date", "title", "mean", "source"];
  if (required.some((c) => !index.has(c))) return { rows: [], errors: [{ line: header.line, code: "columns" }] };
  const cell = (cells: string[], column: ImportColumn) => (index.has(column) ? (cells[index.get(column)!] ?? "").trim() : "");

  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of lines) {
    const rowErrors: ImportError[] = [];
    const fail = (code: ImportErrorCode, column?: ImportColumn) => rowErrors.push({ line, code, ...(column && { column }) });
    const regionText = cell(cells, "region").toLowerCase();
    const regionCode = NATIONAL_REGION.includes(regionText) ? null : (refs.regions.get(regionText) ?? undefined);
    if (regionCode === undefined) fail("region", "region");
    const date = readDate(cell(cells, "date"));
    if (date === null) fail("date", "date");
    const themeText = cell(cells, "theme").toLowerCase();
    const themeId = themeText === "" ? null : (refs.themes.get(themeText) ?? undefined);
    if (themeId === undefined) fail("theme", "theme");
    const title = cell(cells, "title");
    if (title === "" || title.length > 200) fail("title", "title");
    const attendance = readWholeNumber(cell(cells, "attendance"));
    if (Number.isNaN(attendance) || (attendance !== null && attendance > 10_000)) fail("attendance", "attendance");
    const mean = readDecimal(cell(cells, "mean"));
    if (mean === null || Number.isNaN(mean)) fail("mean", "mean");
    const n = readWholeNumber(cell(cells, "n"));
    if (Number.isNaN(n)) fail("n", "n");
    const source = cell(cells, "source");
    if (source === "" || source.length > 500) fail("source", "source");
    if (rowErrors.length === 0) {
      const { problems } = checkPublishedResult({ mean: mean!, n, distribution: null, attendance, source }, GRADE_SCALE);
      for (const p of problems) fail(p.code, p.key === "mean" ? "mean" : "n");
    }
    const key = `${regionCode ?? "-"}|${date}`;
    if (rowErrors.length === 0 && seen.has(key)) fail("duplicate");
    seen.add(key);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const place = cell(cells, "place");
    rows.push({
      line,
      regionCode: regionCode!,
      date: date!,
      themeId: themeId!,
      title,
      place: place === "" ? null : place.slice(0, 200),
      attendance,
      mean: mean!,
      n,
      source,
    });
  }
  return { rows, errors };
}

/** What the import would do with a row, given the stored day on the same region and date. */
export type RowAction = "create" | "update" | "unchanged";

export interface StoredEvent {
  readonly themeId: number | null;
  readonly title: string;
  readonly location: string | null;
  readonly attendance: number | null;
  readonly reportedGradeMean: number | null;
  readonly reportedGradeN: number | null;
  readonly reportedSource: string | null;
  readonly responseCount: number;
}

/** A day that already has answers is never overwritten (the caller reports "has_answers"). */
export function rowAction(row: ImportRow, stored: StoredEvent | undefined): RowAction | "has_answers" {
  if (!stored) return "create";
  const same =
    stored.themeId === row.themeId &&
    stored.title === row.title &&
    stored.location === row.place &&
    stored.attendance === row.attendance &&
    stored.reportedGradeMean === row.mean &&
    stored.reportedGradeN === row.n &&
    stored.reportedSource === row.source;
  if (same) return "unchanged";
  return stored.responseCount > 0 ? "has_answers" : "update";
}

/** One row's problem in the user's language: "Line 3: Unknown region …". */
export function importErrorText(lang: Lang, error: ImportError): string {
  return t(lang, "import.error.line", { line: String(error.line), message: t(lang, `import.error.${error.code}` as MessageKey) });
}
