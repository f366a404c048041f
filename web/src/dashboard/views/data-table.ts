// Every chart's text alternative and every list of figures is a real table: a caption, column
// headers with scope, and the first cell of each row a row header. Wide tables scroll sideways
// inside a focusable, labelled region, so a 360 px screen and a keyboard both reach every column.
import { h, type Content } from "../dom";

export interface Column<Row> {
  readonly label: Content;
  readonly numeric?: boolean;
  readonly cell: (row: Row) => Content;
  /** Extra class on every cell of the column (heat map shading). */
  readonly cellClass?: (row: Row) => string | null;
}

export interface TableOptions<Row> {
  readonly id: string;
  readonly caption: Content;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** Replaces the plain header cell of a column (sortable tables put a button there). */
  readonly header?: (column: Column<Row>, index: number) => HTMLTableCellElement;
  readonly footer?: readonly Row[];
  readonly className?: string;
}

export function dataTable<Row>(options: TableOptions<Row>): HTMLElement {
  const captionId = `${options.id}-caption`;
  const headCells = options.columns.map((column, index) =>
    options.header ? options.header(column, index) : h("th", { scope: "col", className: column.numeric ? "num" : null }, column.label),
  );
  const body = (rows: readonly Row[]) =>
    rows.map((row) =>
      h(
        "tr",
        {},
        options.columns.map((column, index) => cell(column, row, index === 0)),
      ),
    );
  const table = h(
    "table",
    { id: options.id, className: options.className ?? null },
    h("caption", { id: captionId }, options.caption),
    h("thead", {}, h("tr", {}, headCells)),
    h("tbody", {}, body(options.rows)),
    options.footer && options.footer.length > 0 ? h("tfoot", {}, body(options.footer)) : null,
  );
  return h("div", { className: "table-scroll", role: "region", "aria-labelledby": captionId, tabindex: 0 }, table);
}

function cell<Row>(column: Column<Row>, row: Row, isRowHeader: boolean): HTMLTableCellElement {
  const classes = [column.numeric ? "num" : null, column.cellClass?.(row) ?? null].filter(Boolean).join(" ") || null;
  return isRowHeader ? h("th", { scope: "row", className: classes }, column.cell(row)) : h("td", { className: classes }, column.cell(row));
}
