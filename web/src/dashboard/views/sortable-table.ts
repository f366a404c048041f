// A table sorted by any column with the keyboard or the mouse: a button in each column header,
// aria-sort on the sorted one, and the new order said aloud in the page's status line.
import { h } from "../dom";
import { t } from "../i18n";
import type { Sort, SortKey } from "../url-state";
import { dataTable, type Column, type TableOptions } from "./data-table";

export interface SortableColumn<Row> extends Column<Row> {
  readonly key: SortKey;
  readonly sortText: string;
  readonly value: (row: Row) => string | number | null;
}

/** Columns that belong beside a sortable one (a CI, notes) are plain. */
export type AnyColumn<Row> = SortableColumn<Row> | (Column<Row> & { readonly key?: undefined });

export interface SortableOptions<Row> extends Omit<TableOptions<Row>, "columns" | "header"> {
  readonly columns: readonly AnyColumn<Row>[];
  readonly sort: Sort;
  readonly onSort: (sort: Sort) => void;
}

/** Missing figures go last whichever way the column is sorted: "no data" is not the smallest value. */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => string | number | null, descending: boolean, lang: string): Row[] {
  const collator = new Intl.Collator(lang);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "string" || typeof y === "string" ? collator.compare(String(x), String(y)) : x - y;
    return descending ? -order : order;
  });
}

export function sortableTable<Row>(options: SortableOptions<Row>, lang: string): HTMLElement {
  const sortable = options.columns.filter((c): c is SortableColumn<Row> => c.key !== undefined);
  const sortColumn = sortable.find((c) => c.key === options.sort.key) ?? sortable[0]!;
  const rows = sortRows(options.rows, sortColumn.value, options.sort.descending, lang);
  return dataTable<Row>({
    ...options,
    rows,
    header: (column, index) => {
      const sortable = options.columns[index]!;
      if (sortable.key === undefined) return h("th", { scope: "col", className: column.numeric ? "num" : null }, column.label);
      const active = sortable.key === options.sort.key;
      const nextDescending = active ? !options.sort.descending : sortable.key !== "region";
      const button = h(
        "button",
        { type: "button", className: "sort", id: `${options.id}-sort-${sortable.key}` },
        column.label,
        h(
          "span",
          { "aria-hidden": "true", className: "sort-mark" },
          active ? (options.sort.descending ? "\u00a0▼" : "\u00a0▲") : "\u00a0↕",
        ),
        h("span", { className: "vh" }, active ? "" : `, ${t("dash.sort.hint")}`),
      );
      button.addEventListener("click", () => options.onSort({ key: sortable.key, descending: nextDescending }));
      return h(
        "th",
        {
          scope: "col",
          className: column.numeric ? "num" : null,
          "aria-sort": active ? (options.sort.descending ? "descending" : "ascending") : null,
        },
        button,
      );
    },
  });
}

/** What the status line says after a re-sort. */
export function sortAnnouncement(columnText: string, descending: boolean): string {
  return t(descending ? "dash.sort.descending" : "dash.sort.ascending", { column: columnText });
}
