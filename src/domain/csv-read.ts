// Reads CSV as Finnish Excel saves it (UTF-8 with a BOM, ';' between fields, CRLF, decimal comma)
// and as plain UTF-8 with ',' and LF. Pure: the text in, rows of cells with their line numbers out.

export interface CsvRow {
  /** The file line the row starts on (1 = the header), for messages a person can find. */
  readonly line: number;
  readonly cells: string[];
}

/** The separator is whichever of ';' and ',' the header line uses more (Excel in Finland writes ';'). */
export function detectSeparator(text: string): ";" | "," {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** Quoted fields may hold the separator, "" for a quote, and line breaks. Blank lines are skipped. */
export function readCsv(text: string): CsvRow[] {
  const body = text.replace(/^\uFEFF/, "");
  const separator = detectSeparator(body);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === separator) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      continue;
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** "8,5" and "8.5" are 8.5; "" is null; anything else is NaN (the caller reports it). */
export function readDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^-?\d{1,6}([.,]\d{1,6})?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : Number.NaN;
}

/** A whole number; "" is null; anything else is NaN. */
export function readWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** "2019-09-04" or Finnish "4.9.2019" → "2019-09-04"; null when it is neither or no such day. */
export function readDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [y, m, d] = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : finnish
      ? [finnish[3]!, finnish[2]!.padStart(2, "0"), finnish[1]!.padStart(2, "0")]
      : [];
  if (!y) return null;
  const value = `${y}-${m}-${d}`;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}
