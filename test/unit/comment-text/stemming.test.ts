import { describe, expect, it } from "vitest";
import { stem } from "../../../src/domain/comment-text/stemming";

// The two Finnish joining rules of src/domain/comment-text/stemming.ts at their edges. Snowball's
// own stems (in the comments) were read from @orama/stemmers 3.x for each word; each case names the
// mutant of the rule it holds in place (issue 19).

describe("the Finnish -minen / -misen rule", () => {
  it("joins a family whose Snowball stem is exactly five letters (kills: length >= 5 → > 5)", () => {
    // uiminen → uimin, uimisen → uimis (five letters each): both lose their last two.
    expect(stem("fi", "uiminen")).toBe("uim");
    expect(stem("fi", "uimisen")).toBe("uim");
  });

  it("leaves a four-letter stem whole (kills: the length condition → true)", () => {
    // emis ("sow") is its own Snowball stem; cut, it would meet every word stemmed to "em".
    expect(stem("fi", "emis")).toBe("emis");
  });

  it("cuts only at the end of the stem (kills: the regex without $)", () => {
    // ministeri → minister: "min" at its start is not the -minen ending.
    expect(stem("fi", "ministeri")).toBe("minister");
  });
});

describe("the Finnish -us / -uksen rule", () => {
  it("turns a vowel + ks only at the end of the stem (kills: the regex without $)", () => {
    // aksentti → aksent, maksimi → maksim: a "ks" inside a stem stays.
    expect(stem("fi", "aksentti")).toBe("aksent");
    expect(stem("fi", "maksimi")).toBe("maksim");
    // koulutuksen → koulutuks → koulutus, as koulutus itself.
    expect(stem("fi", "koulutuksen")).toBe(stem("fi", "koulutus"));
  });
});

describe("Swedish and English", () => {
  it("do not go through the Finnish rules (kills: lang === 'fi' → true)", () => {
    // Snowball leaves English "admin" and Swedish "kamin" (a stove) as they are; the Finnish rule
    // would cut both to three letters.
    expect(stem("en", "admin")).toBe("admin");
    expect(stem("sv", "kamin")).toBe("kamin");
  });
});
