import { describe, expect, it } from "vitest";
import { releaseComments } from "../../../src/domain/stats";

const many = (lang: "fi" | "sv" | "en", n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i}`, lang }));

describe("releaseComments", () => {
  it("shows a language only where 5 or more comments share it, with the complement hidden too", () => {
    const both = releaseComments([...many("sv", 5, "s"), ...many("fi", 5, "f")], "2019-09-04");
    expect(both.filter((c) => c.lang === "sv")).toHaveLength(5);
    expect(both.filter((c) => c.lang === "fi")).toHaveLength(5);
    // One Swedish comment: hidden, and then Finnish too (else "not Finnish" would name it).
    expect(releaseComments([...many("fi", 9, "f"), ...many("sv", 1, "s")], "2019-09-04").every((c) => c.lang === null)).toBe(true);
    // Five Swedish and five English hide nothing; one English among them hides English and the next smallest.
    const three = releaseComments([...many("fi", 12, "f"), ...many("sv", 6, "s"), ...many("en", 1, "e")], "2019-09-04");
    expect(new Set(three.map((c) => c.lang))).toEqual(new Set(["fi", null]));
  });

  it("orders by text, whatever the arrival order, and gives the day's date only", () => {
    const released = releaseComments(
      [
        { text: "b", lang: "fi" },
        { text: "a", lang: "fi" },
        { text: "c", lang: "fi" },
      ],
      "2019-11-06",
    );
    expect(released).toEqual([
      { text: "a", date: "2019-11-06", lang: null },
      { text: "b", date: "2019-11-06", lang: null },
      { text: "c", date: "2019-11-06", lang: null },
    ]);
  });
});
