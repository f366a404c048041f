import { describe, expect, it } from "vitest";
import { matchesQuery, queryWords } from "../../../src/domain/comment-text/search";
import { stem } from "../../../src/domain/comment-text/stemming";
import { countTerms, frequentTerms, tokenize } from "../../../src/domain/comment-text/terms";

const fi = (text: string) => ({ text, lang: "fi" as const });
const sv = (text: string) => ({ text, lang: "sv" as const });
const finds = (comment: { text: string; lang: "fi" | "sv" | "en" }, query: string) => matchesQuery(comment, queryWords(query));

describe("stems join inflected forms", () => {
  it.each([
    ["koulutus", "koulutuksen"],
    ["koulutus", "koulutuksessa"],
    ["koulutus", "koulutukset"],
    ["johtaminen", "johtamisen"],
    ["johtaminen", "johtamista"],
    ["kehitys", "kehityksen"],
    ["perhe", "perheiden"],
  ])("Finnish %s ~ %s", (a, b) => {
    expect(stem("fi", a)).toBe(stem("fi", b));
  });

  it.each([
    ["utbildning", "utbildningen"],
    ["utbildning", "utbildningar"],
    ["utbildning", "utbildningarna"],
    ["familj", "familjer"],
  ])("Swedish %s ~ %s", (a, b) => {
    expect(stem("sv", a)).toBe(stem("sv", b));
  });

  it("keeps different words apart", () => {
    expect(stem("fi", "koulutus")).not.toBe(stem("fi", "johtaminen"));
    expect(stem("fi", "perhe")).not.toBe(stem("fi", "palvelu"));
  });
});

describe("search", () => {
  it("finds Finnish inflected forms from any form of the query", () => {
    for (const query of ["koulutus", "koulutuksen", "koulutuksessa"]) {
      expect(finds(fi("Koulutuksessa oli hyvää asiaa"), query), query).toBe(true);
      expect(finds(fi("Koulutus oli hyvä"), query), query).toBe(true);
    }
    expect(finds(fi("Johtamisen malleista puhuttiin"), "johtaminen")).toBe(true);
    expect(finds(fi("Johtaminen kiinnosti"), "johtamisen")).toBe(true);
  });

  it("finds Swedish inflected forms", () => {
    for (const text of ["Utbildningen var bra", "Fler utbildningar behövs", "utbildning"])
      expect(finds(sv(text), "utbildning"), text).toBe(true);
    expect(finds(sv("Ledarskapet diskuterades"), "ledarskap")).toBe(true);
  });

  it("matches Finnish compounds by their first part (prefix) and by a later part of at least 4 letters", () => {
    expect(finds(fi("Lapsiperhepalvelut puhuttivat"), "lapsi")).toBe(true);
    expect(finds(fi("Lapsiperhepalvelut puhuttivat"), "perhe")).toBe(true);
    expect(finds(fi("Lapsiperhepalvelut puhuttivat"), "palvelut")).toBe(true);
    expect(finds(fi("Täydennyskoulutuksen tarve"), "koulutus")).toBe(true);
  });

  it("does not match a short stem inside another word, nor a word that is not there", () => {
    // "työ" (3 letters) is shorter than a compound part may be: not found inside "yhteistyö" …
    expect(finds(fi("Yhteistyö toimi"), "työ")).toBe(false);
    // … but a word that starts with it is.
    expect(finds(fi("Työpajat olivat hyviä"), "työ")).toBe(true);
    expect(finds(fi("Koulutus oli hyvä"), "johtaminen")).toBe(false);
    expect(finds(sv("Utbildningen var bra"), "ledarskap")).toBe(false);
  });

  it("needs every word of the query (AND) and ignores case and punctuation", () => {
    expect(finds(fi("KOULUTUS ja johtaminen!"), "johtamisen, koulutuksen")).toBe(true);
    expect(finds(fi("Koulutus oli hyvä."), "koulutus johtaminen")).toBe(false);
    expect(finds(fi("mitä tahansa"), "")).toBe(true);
  });
});

describe("term and phrase counts", () => {
  it("counts comments, not occurrences, with inflected forms together and stop words left out", () => {
    const comments = [
      fi("Koulutus ja koulutuksen sisältö"),
      fi("Koulutuksessa oli hyvä tunnelma"),
      fi("Johtamisen koulutukset"),
      sv("Utbildningen var bra"),
      sv("Bra utbildningar"),
    ];
    const terms = new Map(countTerms(comments, "word").map((term) => [term.key, term]));
    expect(terms.get(stem("fi", "koulutus"))?.count).toBe(3);
    expect(terms.get(stem("sv", "utbildning"))?.count).toBe(2);
    expect(terms.get(stem("sv", "bra"))?.count).toBe(2);
    expect(terms.has("ja")).toBe(false);
    expect(terms.has("var")).toBe(false);
  });

  it("labels a term by its most used written form (ties: the shortest)", () => {
    const terms = countTerms([fi("koulutuksen"), fi("koulutuksen"), fi("koulutus")], "word");
    expect(terms).toEqual([{ key: "koulutus", label: "koulutuksen", count: 3 }]);
    expect(countTerms([fi("koulutuksen"), fi("koulutus")], "word")[0]?.label).toBe("koulutus");
  });

  it("counts two-word phrases of adjacent words that are not stop words", () => {
    const phrases = countTerms([fi("Hyvä koulutus"), fi("hyvä koulutuksen anti"), fi("hyvä ja koulutus")], "phrase");
    const good = phrases.find((p) => p.key === `${stem("fi", "hyvä")} ${stem("fi", "koulutus")}`);
    expect(good?.count).toBe(2);
    expect(good?.label).toBe("hyvä koulutus");
  });

  it("shows no term used in fewer than k comments (k − 1 hidden, k shown)", () => {
    const four = Array.from({ length: 4 }, () => fi("koulutus"));
    expect(frequentTerms(countTerms(four, "word"), 5, 30)).toEqual([]);
    const five = [...four, fi("koulutuksen")];
    expect(frequentTerms(countTerms(five, "word"), 5, 30)).toEqual([{ key: "koulutus", label: "koulutus", count: 5 }]);
  });

  it("tokenizes at hyphens and leaves numbers and one-letter words out", () => {
    expect(tokenize("fi", "LAPE-akatemia 2019 on a").map((token) => token.word)).toEqual(["lape", "akatemia", "on"]);
  });
});
