import { describe, expect, it } from "vitest";
import { MIN_CELL, poolReleasedBreakdowns, smallNWarning, suppress, suppressBreakdown, suppressComments } from "../../../src/domain/stats";

describe("suppress", () => {
  it.each([
    { n: 0, minCell: MIN_CELL, shown: false },
    { n: 4, minCell: MIN_CELL, shown: false },
    { n: 5, minCell: MIN_CELL, shown: true },
    { n: 47, minCell: MIN_CELL, shown: true },
    { n: 9, minCell: 10, shown: false },
    { n: 10, minCell: 10, shown: true },
  ])("n $n with minCell $minCell → shown $shown", ({ n, minCell, shown }) => {
    const cell = suppress(n, { mean: 8.2 }, minCell);
    expect(cell).toEqual(shown ? { suppressed: false, n, value: { mean: 8.2 } } : { suppressed: true, n: null, value: null });
  });

  it("MIN_CELL is 5", () => expect(MIN_CELL).toBe(5));
});

describe("smallNWarning (totals are shown, with a warning)", () => {
  it.each([
    { n: 0, warn: true },
    { n: 1, warn: true },
    { n: 4, warn: true },
    { n: 5, warn: false },
    { n: 106, warn: false },
  ])("n $n → $warn", ({ n, warn }) => expect(smallNWarning(n)).toBe(warn));
});

describe("suppressBreakdown", () => {
  // rows are [key, n]; the value is the key in lower case so we can see what leaks
  it.each([
    {
      name: "all cells large",
      rows: [
        ["A", 20],
        ["B", 12],
        ["C", 7],
      ],
      shown: ["A", "B", "C"],
    },
    // C (3) is small; alone it would be total − A − B, so the smallest other row (B) goes too
    {
      name: "one small cell hides the next smallest",
      rows: [
        ["A", 20],
        ["B", 12],
        ["C", 3],
      ],
      shown: ["A"],
    },
    // B + C = 3 + 2 = 5 ≥ 5 answers: their sum can be derived but describes five people
    {
      name: "two small cells that together reach MIN_CELL",
      rows: [
        ["A", 20],
        ["B", 3],
        ["C", 2],
      ],
      shown: ["A"],
    },
    // B + C = 2 + 1 = 3 < 5: add the smallest shown row, D (9) → 12
    {
      name: "two small cells under MIN_CELL together",
      rows: [
        ["A", 20],
        ["B", 2],
        ["C", 1],
        ["D", 9],
      ],
      shown: ["A"],
    },
    // an empty row is hidden but reveals nothing, so it does not count as protection either way
    {
      name: "an empty row alone needs no complement",
      rows: [
        ["A", 20],
        ["B", 0],
        ["C", 8],
      ],
      shown: ["A", "C"],
    },
    {
      name: "an empty row does not protect a small one",
      rows: [
        ["A", 20],
        ["B", 0],
        ["C", 3],
        ["D", 6],
      ],
      shown: ["A"],
    },
    {
      name: "two rows, one small: both hidden",
      rows: [
        ["A", 20],
        ["B", 4],
      ],
      shown: [],
    },
    { name: "a single small row", rows: [["A", 3]], shown: [] },
    { name: "no rows", rows: [], shown: [] },
  ] as { name: string; rows: [string, number][]; shown: string[] }[])("$name", ({ rows, shown }) => {
    const result = suppressBreakdown(rows.map(([key, n]) => ({ key, n, value: key.toLowerCase() })));
    expect(result.map((r) => r.key)).toEqual(rows.map(([key]) => key)); // order kept
    for (const [i, row] of result.entries()) {
      const n = rows[i]?.[1];
      if (shown.includes(row.key))
        expect(row, JSON.stringify(result)).toEqual({ key: row.key, suppressed: false, n, value: row.key.toLowerCase() });
      else expect(row, JSON.stringify(result)).toEqual({ key: row.key, suppressed: true, n: null, value: null });
    }
  });

  it("honours a custom minCell", () => {
    const result = suppressBreakdown(
      [
        { key: "a", n: 12, value: 1 },
        { key: "b", n: 11, value: 2 },
        { key: "c", n: 30, value: 3 },
      ],
      12,
    );
    expect(result.map((r) => r.suppressed)).toEqual([true, true, false]);
  });
});

describe("suppressComments", () => {
  const comments = ["Hyvä päivä", "Bra dag", "Great", "Kiitos", "Tack"];
  it("hides fewer than MIN_CELL comments, count included", () => {
    expect(suppressComments(comments.slice(0, 4))).toEqual({ suppressed: true, n: null, value: null });
  });
  it("shows MIN_CELL comments or more", () => {
    expect(suppressComments(comments)).toEqual({ suppressed: false, n: 5, value: comments });
  });
});

describe("poolReleasedBreakdowns (a pool is the sum of the days' released tables)", () => {
  it("adds only the cells each day shows, and says where an option was hidden", () => {
    // Day 1: parish 1, social 11 → parish hidden (1 < 5), then social too (a lone hidden cell
    // would follow from the total). Day 2: parish 6, social 9 → both shown.
    const pooled = poolReleasedBreakdowns(
      ["parish", "social"],
      [
        [1, 11],
        [6, 9],
      ],
    );
    expect(pooled).toEqual({
      n: 27,
      hiddenN: 12,
      rows: [
        { key: "parish", n: 6, suppressed: false, hiddenInDays: 1 },
        { key: "social", n: 9, suppressed: false, hiddenInDays: 1 },
      ],
    });
  });

  it("hides an option no day shows (two hidden cells of 5 together: the third stays shown)", () => {
    expect(poolReleasedBreakdowns(["a", "b", "c"], [[2, 3, 10]]).rows).toEqual([
      { key: "a", n: null, suppressed: true, hiddenInDays: 1 },
      { key: "b", n: null, suppressed: true, hiddenInDays: 1 },
      { key: "c", n: 10, suppressed: false, hiddenInDays: 0 },
    ]);
  });

  it("over no days hides nothing: every option is 0, none marked hidden", () => {
    // A filter that matches no day: nothing was suppressed, so nothing may read as "hidden".
    expect(poolReleasedBreakdowns(["a", "b"], [])).toEqual({
      n: 0,
      hiddenN: 0,
      rows: [
        { key: "a", n: 0, suppressed: false, hiddenInDays: 0 },
        { key: "b", n: 0, suppressed: false, hiddenInDays: 0 },
      ],
    });
  });

  it("one day's pool is that day's own table", () => {
    const event = [7, 0, 3, 12];
    const pooled = poolReleasedBreakdowns([0, 1, 2, 3], [event]).rows.map((r) => (r.suppressed ? null : r.n));
    const own = suppressBreakdown(event.map((n, key) => ({ key, n, value: null }))).map((r) => r.n);
    expect(pooled).toEqual(own);
  });
});
