import { csvWriter } from "./csv";
import type { TableWriter } from "./table";

/** Every format each export is offered in, at /api/export/<name>.<format>: one line per writer. */
export const TABLE_WRITERS: readonly TableWriter[] = [csvWriter];
