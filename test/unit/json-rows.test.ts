import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jsonRead, readTogether } from "../../src/queries/json-rows";
import { createTestDb } from "../helpers/test-db";

// The statistics reads carry their rows as JSON texts (src/queries/json-rows.ts): every value must
// come back as the very number or text SQLite holds, in the SELECT's order, on the real engine.

const TRICKY_REALS = [
  0.1,
  1 / 3,
  2 / 3,
  7.5,
  -7.25,
  123456789.125,
  2 ** 53 + 2,
  1e300 / 7,
  5e-324,
  Number.MIN_VALUE * 3,
  -1e-310,
  0.30000000000000004,
  2 ** 54 / 3,
];

describe("readTogether", () => {
  it("gives back every real exactly (whole numbers as integers, the rest as quote() writes them) and integers and texts as they are", async () => {
    const db = await createTestDb();
    const values = TRICKY_REALS.map((x, i) => sql`SELECT ${i} AS i, ${x} AS x, ${`text ${i} "quoted" ä`} AS t`);
    const { rows } = await readTogether(db, {
      rows: jsonRead(
        "tricky reals",
        () => sql`SELECT * FROM (${sql.join(values, sql` UNION ALL `)}) ORDER BY i`,
        { i: "integer", x: "real", t: "text" },
        (v) => ({ i: v[0], x: v[1], t: v[2] }),
      ),
    });
    expect(rows).toEqual(TRICKY_REALS.map((x, i) => ({ i, x, t: `text ${i} "quoted" ä` })));
    for (const [i, row] of rows.entries()) expect(Object.is(row.x, TRICKY_REALS[i])).toBe(true);
  });

  it("reads several SELECTs and a list of alike ones in one statement, each in its own order; NULLs stay null, empty reads give []", async () => {
    const db = await createTestDb();
    const numbers = (from: number, to: number, name: string) =>
      jsonRead(
        `numbers ${name} ${from} ${to}`,
        () =>
          sql`WITH RECURSIVE n(v) AS (SELECT ${from} UNION ALL SELECT v + 1 FROM n WHERE v < ${to}) SELECT v, CASE WHEN v % 2 = 0 THEN NULL ELSE v / 4.0 END AS q FROM n ORDER BY v DESC`,
        { v: "integer", q: "real" },
        (v) => [v[0], v[1]] as const,
      );
    const result = await readTogether(
      db,
      {
        down: numbers(1, 5, "down"),
        none: jsonRead(
          "none",
          () => sql`SELECT 1 AS one WHERE 0`,
          { one: "integer" },
          (v) => v[0],
        ),
      },
      [numbers(10, 11, "a"), numbers(20, 20, "b")],
    );
    expect(result.down).toEqual([
      [5, 1.25],
      [4, null],
      [3, 0.75],
      [2, null],
      [1, 0.25],
    ]);
    expect(result.none).toEqual([]);
    expect(result.alike).toEqual([
      [
        [11, 2.75],
        [10, null],
      ],
      [[20, null]],
    ]);
  });

  it("binds a placeholder's value anew on every call of a statement built once", async () => {
    const db = await createTestDb();
    const read = (now: number) =>
      jsonRead(
        "clock",
        () => sql`SELECT ${sql.placeholder("now")} + 1 AS later`,
        { later: "integer" },
        (v) => v[0],
        { now },
      );
    expect((await readTogether(db, { r: read(1) })).r).toEqual([2]);
    expect((await readTogether(db, { r: read(41) })).r).toEqual([42]);
  });
});
