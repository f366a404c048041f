import { csvWriter } from "./csv";
import type { ExportFormat } from "./export-formats";
import type { TableWriter } from "./table";
import { xlsxWriter } from "./xlsx";

/** The writer of each format in EXPORT_FORMATS, at /api/export/<name>.<format>: a format without a
 *  writer (or a writer without a format) fails the type check. */
export const TABLE_WRITERS: { readonly [F in ExportFormat]: TableWriter & { readonly format: F } } = {
  csv: csvWriter,
  xlsx: xlsxWriter,
};
