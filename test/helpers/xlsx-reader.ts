// Reads an XLSX download back with exceljs, a different library from the one that wrote it
// (src/domain/xlsx.ts writes the XML itself and packs it with fflate), so a test sees what a
// spreadsheet program sees: each sheet's cells as numbers, dates or text, and formulas as formulas.
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";

export type ReadCell = number | string | Date | { formula: string } | null;

export interface ReadSheet {
  readonly name: string;
  /** Rows of cells, from A1, each as wide as the widest row. */
  readonly rows: ReadCell[][];
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: ReadCell[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: ReadCell[] = [];
      for (let col = 1; col <= width; col++) {
        const cell = row.getCell(col);
        const value = cell.value;
        if (value === null || value === undefined) cells.push(null);
        else if (typeof value === "number" || typeof value === "string" || value instanceof Date) cells.push(value);
        else if (typeof value === "object" && "formula" in value) cells.push({ formula: String(value.formula) });
        else throw new Error(`Unexpected cell ${cell.address}: ${JSON.stringify(value)}`);
      }
      rows[rowNumber - 1] = cells;
    });
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** Cell references whose style carries Excel's quote-prefix flag (exceljs does not read that flag,
 *  so this looks at the sheet and style XML directly). */
export function quotePrefixedCells(bytes: Uint8Array, sheetIndex = 1): Set<string> {
  const files = unzipSync(bytes);
  const styles = strFromU8(files["xl/styles.xml"]!);
  const xfs = styles.slice(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>")).match(/<xf\b[^>]*>/g) ?? [];
  const quoted = new Set(xfs.flatMap((xf, i) => (/quotePrefix="1"/.test(xf) ? [String(i)] : [])));
  const sheet = strFromU8(files[`xl/worksheets/sheet${sheetIndex}.xml`]!);
  return new Set([...sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].flatMap(([, ref, s]) => (quoted.has(s!) ? [ref!] : [])));
}
