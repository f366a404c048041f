import { describe, expect, it } from "vitest";
import { stem } from "../../../src/domain/comment-text/stemming";
import { commentTerms, countTerms, frequentTerms, tokenize } from "../../../src/domain/comment-text/terms";

// Edges of the term counts the search-and-terms tests do not reach.
describe("terms", () => {
  it("leaves out numbers only, not words with digits at either end", () => {
    expect(tokenize("fi", "kurssi2 2kurssi 2019").map((t) => t.word)).toEqual(["kurssi2", "2kurssi"]);
  });

  it("labels a term in a comment by its first written form", () => {
    const words = commentTerms({ text: "koulutuksen koulutus", lang: "fi" }, "word");
    expect([...words.values()]).toEqual(["koulutuksen"]);
    const phrases = commentTerms({ text: "hyvä koulutus hyvää koulutusta", lang: "fi" }, "phrase");
    expect(phrases.get([...phrases.keys()][0]!)).toBe("hyvä koulutus");
  });

  it("keeps terms of at least minCell comments, most used first, ties alphabetical, at most limit", () => {
    const term = (label: string, count: number) => ({ key: label, label, count });
    const counts = [term("b", 5), term("d", 2), term("c", 7), term("a", 5), term("e", 4)];
    expect(frequentTerms(counts, 5, 10).map((t) => t.label)).toEqual(["c", "a", "b"]);
    expect(frequentTerms(counts, 5, 2).map((t) => t.label)).toEqual(["c", "a"]);
    expect(frequentTerms([term("b", 5), term("a", 5)], 5, 10).map((t) => t.label)).toEqual(["a", "b"]);
  });

  it("labels a phrase in a comment by its first written form when the comment repeats its stems", () => {
    const key = `${stem("fi", "koulutus")} ${stem("fi", "johtamisen")}`;
    const phrases = commentTerms({ text: "koulutus johtamisen, koulutuksen johtamista", lang: "fi" }, "phrase");
    expect(stem("fi", "koulutuksen johtamista".split(" ")[1]!)).toBe(stem("fi", "johtamisen"));
    expect(phrases.get(key)).toBe("koulutus johtamisen");
  });

  it("labels a term by its most used form; a tie by the shortest, then alphabetically, whatever the comments' order", () => {
    const label = (...texts: string[]) =>
      countTerms(
        texts.map((text) => ({ text, lang: "fi" as const })),
        "word",
      )[0]!.label;
    // The forms share a stem (else they would be two terms).
    expect(stem("fi", "koulutuksen")).toBe(stem("fi", "koulutus"));
    expect(stem("fi", "johtamisen")).toBe(stem("fi", "johtamista"));
    expect(label("koulutuksen", "koulutus", "koulutuksen")).toBe("koulutuksen");
    expect(label("koulutus", "koulutuksen", "koulutus")).toBe("koulutus");
    expect(label("koulutuksen", "koulutus")).toBe("koulutus");
    expect(label("koulutus", "koulutuksen")).toBe("koulutus");
    // Same count, same length (ten letters each).
    expect(label("johtamista", "johtamisen")).toBe("johtamisen");
    expect(label("johtamisen", "johtamista")).toBe("johtamisen");
  });

  it("puts terms of equal count alphabetically whatever order they come in", () => {
    const term = (label: string, count: number) => ({ key: label, label, count });
    for (const order of [
      ["a", "b", "c"],
      ["c", "b", "a"],
      ["b", "c", "a"],
      ["a", "c", "b"],
    ])
      expect(
        frequentTerms(
          order.map((l) => term(l, 5)),
          5,
          10,
        ).map((t) => t.label),
      ).toEqual(["a", "b", "c"]);
  });
});
