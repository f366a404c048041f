// The file formats every table export is offered in: the one list that the server's writers
// (src/domain/table-writers.ts, one per format) and the dashboard's download links both follow.
// Kept apart from the writers so the dashboard can import it without bundling them.

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
