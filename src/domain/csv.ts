// CSV that Finnish Excel opens directly: UTF-8 with a BOM, ';' between fields, CRLF line ends,
// text quoted, decimal comma. Text that a spreadsheet would run as a formula (= + - @, tab, CR at
// the start) gets a leading apostrophe, so a comment like =HYPERLINK(…) stays text.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(Math.round(value * 10_000) / 10_000).replace(".", ",");
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(";"), ...rows.map((row) => row.map(csvCell).join(";"))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
