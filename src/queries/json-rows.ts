import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";

// Several reads in one statement, each read's rows carried as one JSON text.
//
// The statistics endpoints read a few hundred small rows of sums per request. Through the driver
// each value of each row costs more than SQLite spends computing it (@libsql/client builds every
// row with Object.defineProperty per column, and each statement is a round trip at the edge), so
// those reads come back as one row whose columns are JSON arrays of arrays, which JSON.parse turns
// into values far faster. Exact: integers and texts go through JSON as they are; a REAL goes as an
// integer when it is a whole number (the common case: sums of grades) and otherwise as the text
// quote() writes, which SQLite makes round-trip to the same double (the .dump guarantee), parsed
// back with Number().

export type JsonColumnKind = "integer" | "real" | "text";

/** One read: a SELECT whose result columns are named as in `columns`, and how a row becomes a T. */
export interface JsonRead<T> {
  readonly select: SQL;
  /** Result column name → kind, in the order `row` receives the values. */
  readonly columns: Readonly<Record<string, JsonColumnKind>>;
  readonly row: (values: readonly (number | string | null)[]) => T;
}

export function jsonRead<T>(
  select: SQL,
  columns: Readonly<Record<string, JsonColumnKind>>,
  row: (values: readonly (number | string | null)[]) => T,
): JsonRead<T> {
  return { select, columns, row };
}

type RowsOf<R> = { readonly [K in keyof R]: R[K] extends JsonRead<infer T> ? T[] : never };

function columnValue(name: string, kind: JsonColumnKind): SQL {
  const column = sql`u.${sql.identifier(name)}`;
  if (kind !== "real") return column;
  return sql`CASE WHEN typeof(${column}) <> 'real' THEN ${column} WHEN ${column} = CAST(${column} AS INTEGER) THEN CAST(${column} AS INTEGER) ELSE quote(${column}) END`;
}

function arrayOf(read: JsonRead<unknown>): SQL {
  const values = Object.entries(read.columns).map(([name, kind]) => columnValue(name, kind));
  // The rows in the order the SELECT gives them: an aggregate over a subquery with ORDER BY (and
  // no ORDER BY or join of its own) keeps that order.
  return sql`(SELECT json_group_array(json_array(${sql.join(values, sql`, `)})) FROM (${read.select}) AS u)`;
}

function parsed<T>(read: JsonRead<T>, text: unknown): T[] {
  const reals = Object.values(read.columns).map((kind) => kind === "real");
  const rows = JSON.parse(String(text)) as (number | string | null)[][];
  return rows.map((values) => {
    for (let i = 0; i < values.length; i++) if (reals[i] && typeof values[i] === "string") values[i] = Number(values[i]);
    return read.row(values);
  });
}

/**
 * Every read in one statement (one round trip, one row through the driver), rows in each SELECT's
 * order; `alike` adds any number of reads of one row type (e.g. one per region asked for), whose
 * rows come back as `alike`, in the same order.
 */
export async function readTogether<R extends Record<string, JsonRead<unknown>>, A = never>(
  db: Db,
  reads: R,
  alike: readonly JsonRead<A>[] = [],
): Promise<RowsOf<R> & { readonly alike: A[][] }> {
  const all: [string, JsonRead<unknown>][] = [
    ...Object.entries(reads),
    ...alike.map((read, i): [string, JsonRead<unknown>] => [`alike${i}`, read]),
  ];
  const [row] = await db.all<Record<string, unknown>>(
    sql`SELECT ${sql.join(
      all.map(([name, read]) => sql`${arrayOf(read)} AS ${sql.identifier(name)}`),
      sql`, `,
    )}`,
  );
  const rows = Object.fromEntries(Object.entries(reads).map(([name, read]) => [name, parsed(read, row![name])]));
  return { ...rows, alike: alike.map((read, i) => parsed(read, row![`alike${i}`])) } as RowsOf<R> & { readonly alike: A[][] };
}
