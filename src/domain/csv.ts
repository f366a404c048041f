// CSV that Finnish Excel opens directly: UTF-8 with a BOM, ';' between fields, CRLF line ends,
// text quoted, decimal comma. Text that a spreadsheet could run as a formula gets a leading
// apostrophe, so a comment or a choice label like =HYPERLINK(…) stays text (see FORMULA_START).
import type { Table, TableWriter } from "./table";

export type CsvCell = string | number | null | undefined;

/**
 * Text neutralised with a leading apostrophe: text starting with a control character (NUL, TAB, LF,
 * CR, …: spreadsheets drop or skip them and read what follows), and text whose first visible
 * character, after any spaces or invisible characters, is a formula trigger: = + - @, their
 * full-width forms (＝ ＋ － ＠, which LibreOffice and Excel in East Asian locales read as the ASCII
 * ones), the small forms (﹦ ﹢ ﹣ ﹫) and the minus sign (−).
 */
const FORMULA_START =
  /^(?:[\u0000-\u001f\u007f]|[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212])/u;
/** NUL has no meaning in any answer or name, and some readers cut a cell at it: dropped. */
const NUL = /\u0000/g;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(Math.round(value * 10_000) / 10_000).replace(".", ",");
  }
  const text = FORMULA_START.test(value) ? `'${value.replace(NUL, "")}` : value.replace(NUL, "");
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(";"), ...rows.map((row) => row.map(csvCell).join(";"))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The CSV writer for any export table: its column titles and rows; notes and column types have no
 *  place in a CSV and are left out. */
export const csvWriter: TableWriter = {
  format: "csv",
  contentType: "text/csv; charset=utf-8",
  write: (table: Table) =>
    toCsv(
      table.columns.map((column) => column.title),
      table.rows,
    ),
};
