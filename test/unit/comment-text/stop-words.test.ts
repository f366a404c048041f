import { describe, expect, it } from "vitest";
import { STOP_WORDS } from "../../../src/domain/comment-text/stop-words";
import { tokenize } from "../../../src/domain/comment-text/terms";

// One word from each line of each language's list, so no part of a list can go missing unnoticed,
// and the words people judge a day with stay counted.
describe("STOP_WORDS", () => {
  it.each([
    ["fi", ["ja", "tämä", "siis", "meidän", "yms"]],
    ["sv", ["och", "hade", "vår", "ska"]],
    ["en", ["the", "those", "could", "then"]],
  ] as const)("leaves the common words of %s out of term counts", (lang, words) => {
    for (const word of words) expect(STOP_WORDS[lang].has(word), word).toBe(true);
    expect(tokenize(lang, words.join(" ")).every((token) => token.stop)).toBe(true);
  });

  it("keeps words of judgement, and keeps each language's list to its own language", () => {
    expect(STOP_WORDS.fi.has("hyvä")).toBe(false);
    expect(STOP_WORDS.sv.has("bra")).toBe(false);
    expect(STOP_WORDS.en.has("good")).toBe(false);
    expect(STOP_WORDS.fi.has("the")).toBe(false);
    expect(STOP_WORDS.en.has("ja")).toBe(false);
    // No empty entry (a doubled space in a list would make "" a stop word).
    for (const lang of ["fi", "sv", "en"] as const) expect(STOP_WORDS[lang].has("")).toBe(false);
  });
});
