import { describe, expect, it } from "vitest";
import type { GradeBand } from "../../../src/domain/grade-band";
import { gradeBand } from "../../../src/domain/grade-band";
import type { Lang } from "../../../src/domain/lang";
import { releaseSelection } from "../../../src/domain/stats/comment-selection";

let seq = 0;
const comment = (eventId: number, lang: Lang, band: GradeBand | null, questionId = 1) => ({
  eventId,
  questionId,
  text: `c${String(++seq).padStart(4, "0")}`,
  lang,
  band,
});
const many = (count: number, make: () => ReturnType<typeof comment>) => Array.from({ length: count }, make);

describe("releaseSelection", () => {
  it("withholds a day list of k − 1 comments whole and releases one of k", () => {
    const four = many(4, () => comment(1, "fi", "9-10"));
    const five = many(5, () => comment(2, "fi", "9-10"));
    const result = releaseSelection([...four, ...five], {});
    expect(result.withheldLists).toBe(1);
    expect(result.comments.map((c) => c.eventId)).toEqual([2, 2, 2, 2, 2]);
  });

  it("treats each question of a day as its own list", () => {
    const good = many(5, () => comment(1, "fi", null, 1));
    const improve = many(3, () => comment(1, "fi", null, 2));
    const result = releaseSelection([...good, ...improve], {});
    expect(result.comments).toHaveLength(5);
    expect(result.withheldLists).toBe(1);
  });

  it("releases a grade band only where the day's band cell reaches k, hiding one more so the rest cannot be subtracted", () => {
    // 6 with 9–10, 4 with 7–8: the 7–8 cell is hidden, and then 9–10 too (it would reveal the 4 by subtraction).
    const day = [...many(6, () => comment(1, "fi", "9-10")), ...many(4, () => comment(1, "fi", "7-8"))];
    expect(releaseSelection(day, { band: "9-10" }).comments).toHaveLength(0);
    expect(releaseSelection(day, { band: "7-8" }).comments).toHaveLength(0);
    // With 5 in the other band both are shown.
    const even = [...many(6, () => comment(2, "fi", "9-10")), ...many(5, () => comment(2, "fi", "7-8"))];
    expect(releaseSelection(even, { band: "9-10" }).comments).toHaveLength(6);
    expect(releaseSelection(even, { band: "7-8" }).comments).toHaveLength(5);
  });

  it("never shows a band cell of k − 1, and shows one of k", () => {
    const base = many(10, () => comment(1, "fi", "9-10"));
    const fourLow = [...base, ...many(4, () => comment(1, "fi", "4-6")), ...many(5, () => comment(1, "fi", "7-8"))];
    expect(releaseSelection(fourLow, { band: "4-6" }).comments).toHaveLength(0);
    const fiveLow = [...base, ...many(5, () => comment(2, "fi", "4-6"))].map((c) => ({ ...c, eventId: 2 }));
    expect(releaseSelection(fiveLow, { band: "4-6" }).comments).toHaveLength(5);
  });

  it("filters by language by the same table, and names a language only as the day's list would", () => {
    const day = [...many(7, () => comment(1, "fi", null)), ...many(2, () => comment(1, "sv", null))];
    const all = releaseSelection(day, {});
    expect(all.comments).toHaveLength(9);
    expect(new Set(all.comments.map((c) => c.lang))).toEqual(new Set([null]));
    expect(releaseSelection(day, { lang: "sv" }).comments).toHaveLength(0);
  });

  it("sends no band and orders by text, not by arrival", () => {
    const day = many(5, () => comment(1, "fi", "9-10")).reverse();
    const released = releaseSelection(day, {}).comments;
    expect(released.map((c) => c.text)).toEqual([...day.map((c) => c.text)].sort());
    expect(released.every((c) => !("band" in c))).toBe(true);
  });

  it("a pooled selection is the union of each day's released part (no differencing across days)", () => {
    const small = many(3, () => comment(1, "fi", "9-10"));
    const big = many(5, () => comment(2, "fi", "9-10"));
    const both = releaseSelection([...small, ...big], { band: "9-10" }).comments;
    const alone = releaseSelection(big, { band: "9-10" }).comments;
    expect(both).toEqual(alone);
  });
});

describe("gradeBand", () => {
  it.each([
    [4, "4-6"],
    [6.5, "4-6"],
    [7, "7-8"],
    [8.5, "7-8"],
    [9, "9-10"],
    [10, "9-10"],
    [null, null],
    [3, null],
    [11, null],
  ] as const)("%s → %s", (grade, band) => {
    expect(gradeBand(grade)).toBe(band);
  });
});

describe("gradeBand of what is not a grade", () => {
  it("gives no band for NaN or an infinite value", () => {
    expect(gradeBand(Number.NaN)).toBeNull();
    expect(gradeBand(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("orders by text, then by day, whatever order the days and their comments arrived in", () => {
    // Three days (arriving 9, 3, 5) of five comments each; every day has "Hyvä" and "aikaa", the rest
    // are the day's own. Identical texts must come out by day, not by arrival.
    const day = (eventId: number, own: string[]) =>
      ["Hyvä", ...own, "aikaa"].map((text) => ({ eventId, questionId: 1, text, lang: "fi" as const, band: null }));
    const arrived = [...day(9, ["Vähän", "Pitkä", "Ok"]), ...day(3, ["Selkeä", "Paljon", "Kiitos"]), ...day(5, ["Turha", "Bra", "Jees"])];
    const released = releaseSelection(arrived, {}).comments.map((c) => `${c.text}@${c.eventId}`);
    expect(released).toEqual([
      "Bra@5",
      "Hyvä@3",
      "Hyvä@5",
      "Hyvä@9",
      "Jees@5",
      "Kiitos@3",
      "Ok@9",
      "Paljon@3",
      "Pitkä@9",
      "Selkeä@3",
      "Turha@5",
      "Vähän@9",
      "aikaa@3",
      "aikaa@5",
      "aikaa@9",
    ]);
  });
});
