// A table to download, in no file format: what each export computes (src/domain/export-tables.ts)
// and what each writer (src/domain/table-writers.ts) turns into bytes. Formatting — decimal commas,
// rounding, quoting, formula neutralisation — is the writer's, never the table's.
import type { ExportFormat } from "./export-formats";

/** How a column's values are meant: a writer may store numbers and dates as such. A cell can still
 *  be text in a number or date column (a reason a figure is missing, "hidden"). */
export type ColumnType = "number" | "text" | "date";

export interface Column {
  readonly title: string;
  readonly type: ColumnType;
  /** Decimals a spreadsheet shows for a number column (the value itself is stored unrounded);
   *  without it, 0 when every value is whole, else 2. */
  readonly decimals?: 0 | 1 | 2;
}

/** Text, a number, or empty. Dates are "YYYY-MM-DD" text in a "date" column. */
export type Cell = string | number | null | undefined;

export interface Table {
  /** Names the download: palaute-<name>.<format>. */
  readonly name: string;
  /** The table's title in the reader's language (a sheet name, a heading). */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Caveats a reader needs beside the figures, in the reader's language; a writer that has no
   *  place for them (CSV) leaves them out. */
  readonly notes: readonly string[];
  /** The heading of the notes (a sheet name in XLSX), in the reader's language; "Notes" without it. */
  readonly notesTitle?: string;
}

/** Turns any table into one file format. A new format is a new writer in TABLE_WRITERS. */
export interface TableWriter {
  /** The file extension and the download's path suffix: /api/export/<name>.<format>. */
  readonly format: ExportFormat;
  readonly contentType: string;
  write(table: Table): string | Uint8Array<ArrayBuffer>;
}
