// An XLSX (Office Open XML) workbook for any export table: one sheet with the table, a second with
// its notes and caveats. Numbers are number cells and dates date cells, shown with a number format
// (Excel stores formats without a locale: "0.0" shows as 8,5 in Finnish and Swedish Excel and
// LibreOffice); text is inline text, never a formula, and text a spreadsheet could take for one
// carries Excel's quote-prefix flag (the rule in formula-guard.ts). The XML is written here (a few
// fixed parts) and packed by zip-store.ts: in the Worker, where this runs too, a full XLSX library
// (exceljs ≈ 270 KB, write-excel-file ≈ 20 KB gzip) or even a zip library would not fit the
// bundle budget.
import { startsLikeFormula } from "./formula-guard";
import type { Cell, Column, Table, TableWriter } from "./table";
import { zipStored } from "./zip-store";

/** Cell styles, indexes into <cellXfs> in STYLES. */
const STYLE = { plain: 0, header: 1, whole: 2, oneDecimal: 3, twoDecimals: 4, date: 5, quoted: 6, wrapped: 7 } as const;
const NUMBER_STYLE = { 0: STYLE.whole, 1: STYLE.oneDecimal, 2: STYLE.twoDecimals } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="d.m.yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** A cell as written: its XML value part and style. */
type Written = { readonly xml: string; readonly style: number } | null;

/** Characters XML 1.0 cannot carry at all (control characters other than TAB, LF, CR; lone
 *  surrogates; U+FFFE/U+FFFF): dropped, as the CSV writer drops NUL. */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function textCell(text: string, style: number = STYLE.plain): Written {
  const neutral = startsLikeFormula(text) ? STYLE.quoted : style;
  return { xml: `t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is>`, style: neutral };
}

/** Days from Excel's epoch (1899-12-30, the 1900 date system) to a "YYYY-MM-DD" date. */
export function excelSerialDate(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(utc) ? null : Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function writeCell(cell: Cell, column: Column, decimals: 0 | 1 | 2): Written {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? { xml: `><v>${cell}</v>`, style: NUMBER_STYLE[decimals] } : null;
  if (column.type === "date") {
    const serial = excelSerialDate(cell);
    if (serial !== null) return { xml: `><v>${serial}</v>`, style: STYLE.date };
  }
  return textCell(cell);
}

/** "A", "B", … "Z", "AA", …: a column's letters in a cell reference. */
function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function rowXml(rowIndex: number, cells: readonly Written[]): string {
  const parts = cells.map((cell, i) =>
    cell === null ? "" : `<c r="${columnLetters(i)}${rowIndex + 1}"${cell.style ? ` s="${cell.style}"` : ""} ${cell.xml}</c>`,
  );
  return `<row r="${rowIndex + 1}">${parts.join("")}</row>`;
}

function sheetXml(rows: readonly (readonly Written[])[], widths: readonly number[], frozenHeader: boolean): string {
  const pane = frozenHeader ? `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` : "";
  const cols = widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rows.map((cells, i) => rowXml(i, cells)).join("")}</sheetData></worksheet>`;
}

/** Decimals of a number column: as the table says, else 0 when every value is whole, else 2. */
function decimalsOf(table: Table, index: number): 0 | 1 | 2 {
  const column = table.columns[index]!;
  if (column.decimals !== undefined) return column.decimals;
  return table.rows.every((row) => typeof row[index] !== "number" || Number.isInteger(row[index])) ? 0 : 2;
}

function tableSheet(table: Table): string {
  const decimals = table.columns.map((_, i) => decimalsOf(table, i));
  const header = table.columns.map((column) => textCell(column.title, STYLE.header));
  const body = table.rows.map((row) => table.columns.map((column, i) => writeCell(row[i], column, decimals[i]!)));
  // Wide enough for the data, the header wraps: a title of 60 characters need not make a wide column.
  const widths = table.columns.map((column, i) => {
    const longest = Math.max(
      ...table.rows.map((row) => String(row[i] ?? "").length),
      Math.min(column.title.length, 16),
      column.type === "date" ? 10 : 4,
    );
    return Math.min(longest + 2, 60);
  });
  return sheetXml([header, ...body], widths, true);
}

function notesSheet(table: Table): string {
  const rows = [[textCell(table.title, STYLE.header)], ...table.notes.map((note) => [textCell(note, STYLE.wrapped)])];
  return sheetXml(rows, [110], false);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, taken: string): string {
  const clean =
    name
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(NOT_XML, "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  return clean.toLowerCase() === taken.toLowerCase() ? `${clean.slice(0, 29)} 2` : clean;
}

export function toXlsx(table: Table): Uint8Array<ArrayBuffer> {
  const dataName = sheetName(table.title.charAt(0).toUpperCase() + table.title.slice(1), "");
  const notesName = sheetName(table.notesTitle ?? "Notes", dataName);
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(dataName)}" sheetId="1" r:id="rId1"/><sheet name="${escapeXml(notesName)}" sheetId="2" r:id="rId2"/></sheets></workbook>`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${sheetType}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${sheetType}"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const files = {
    "[Content_Types].xml": contentTypes,
    "_rels/.rels": rels(rel("rId1", "officeDocument", "xl/workbook.xml")),
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": rels(
      rel("rId1", "worksheet", "worksheets/sheet1.xml") +
        rel("rId2", "worksheet", "worksheets/sheet2.xml") +
        rel("rId3", "styles", "styles.xml"),
    ),
    "xl/styles.xml": STYLES,
    "xl/worksheets/sheet1.xml": tableSheet(table),
    "xl/worksheets/sheet2.xml": notesSheet(table),
  };
  const encoder = new TextEncoder();
  return zipStored(Object.entries(files).map(([path, xml]) => [path, encoder.encode(xml)] as const));
}

export const xlsxWriter = {
  format: "xlsx",
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  write: toXlsx,
} satisfies TableWriter;
