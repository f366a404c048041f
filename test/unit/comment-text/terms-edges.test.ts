import { describe, expect, it } from "vitest";
import { commentTerms, frequentTerms, tokenize } from "../../../src/domain/comment-text/terms";

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
});
