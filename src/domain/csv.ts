// CSV that Finnish Excel opens directly: UTF-8 with a BOM, ';' between fields, CRLF line ends,
// text quoted, decimal comma. Text that a spreadsheet could run as a formula gets a leading
// apostrophe, so a comment or a choice label like =HYPERLINK(…) stays text (src/domain/formula-guard.ts).
import { startsLikeFormula } from "./formula-guard";
import type { Table, TableWriter } from "./table";

export type CsvCell = string | number | null | undefined;

/** NUL has no meaning in any answer or name, and some readers cut a cell at it: dropped. */
const NUL = /\u0000/g;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(Math.round(value * 10_000) / 10_000).replace(".", ",");
  }
  const text = startsLikeFormula(value) ? `'${value.replace(NUL, "")}` : value.replace(NUL, "");
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(";"), ...rows.map((row) => row.map(csvCell).join(";"))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The CSV writer for any export table: its column titles and rows; notes and column types have no
 *  place in a CSV and are left out. */
export const csvWriter = {
  format: "csv",
  contentType: "text/csv; charset=utf-8",
  write: (table: Table) =>
    toCsv(
      table.columns.map((column) => column.title),
      table.rows,
    ),
} satisfies TableWriter;
