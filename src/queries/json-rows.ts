import type { InArgs } from "@libsql/client/web";
import { fillPlaceholders, sql, type SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
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

/**
 * One read: a SELECT whose result columns are named as in `columns`, and how a row becomes a T.
 * `key` names everything the SELECT's text and bound values depend on apart from `values` (the
 * values of its sql.placeholder()s): the statement is built once per set of keys (see compiled).
 */
export interface JsonRead<T> {
  readonly key: string;
  readonly select: () => SQL;
  /** Result column name → kind, in the order `row` receives the values. */
  readonly columns: Readonly<Record<string, JsonColumnKind>>;
  readonly row: (values: readonly (number | string | null)[]) => T;
  readonly values?: Readonly<Record<string, unknown>>;
}

export function jsonRead<T>(
  key: string,
  select: () => SQL,
  columns: Readonly<Record<string, JsonColumnKind>>,
  row: (values: readonly (number | string | null)[]) => T,
  values?: Readonly<Record<string, unknown>>,
): JsonRead<T> {
  return { key, select, columns, row, ...(values && { values }) };
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
  return sql`(SELECT json_group_array(json_array(${sql.join(values, sql`, `)})) FROM (${read.select()}) AS u)`;
}

function parsed<T>(read: JsonRead<T>, text: unknown): T[] {
  const reals = Object.values(read.columns).map((kind) => kind === "real");
  const rows = JSON.parse(String(text)) as (number | string | null)[][];
  return rows.map((values) => {
    for (let i = 0; i < values.length; i++) if (reals[i] && typeof values[i] === "string") values[i] = Number(values[i]);
    return read.row(values);
  });
}

// The statements built so far, by their reads' keys: building the text of a grouped read through
// drizzle costs about as much as SQLite takes to prepare and run it. Few distinct filters are
// asked for; the oldest is dropped beyond this many.
const STATEMENTS_KEPT = 200;
const statements = new Map<string, { readonly sql: string; readonly params: unknown[] }>();

const dialect = new SQLiteAsyncDialect();

function compiled(reads: readonly (readonly [string, JsonRead<unknown>])[]): { readonly sql: string; readonly params: unknown[] } {
  const key = JSON.stringify(reads.map(([name, read]) => [name, read.key]));
  const known = statements.get(key);
  if (known !== undefined) return known;
  const statement = dialect.sqlToQuery(
    sql`SELECT ${sql.join(
      reads.map(([name, read]) => sql`${arrayOf(read)} AS ${sql.identifier(name)}`),
      sql`, `,
    )}`,
  );
  if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
  statements.set(key, statement);
  return statement;
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
  const all: (readonly [string, JsonRead<unknown>])[] = [...Object.entries(reads), ...alike.map((read, i) => [`alike${i}`, read] as const)];
  const values: Record<string, unknown> = {};
  for (const [, read] of all) {
    for (const [name, value] of Object.entries(read.values ?? {})) {
      if (name in values && values[name] !== value) throw new Error(`two values for placeholder ${name}`);
      values[name] = value;
    }
  }
  const statement = compiled(all);
  // Straight to the client: the statement is built, and the one row is read by name.
  const { rows } = await db.$client.execute({ sql: statement.sql, args: fillPlaceholders(statement.params, values) as InArgs });
  const row = rows[0]!;
  const result = Object.fromEntries(Object.entries(reads).map(([name, read]) => [name, parsed(read, row[name])]));
  return { ...result, alike: alike.map((read, i) => parsed(read, row[`alike${i}`])) } as RowsOf<R> & { readonly alike: A[][] };
}
