import { describe, expect, it } from "vitest";
import { chooseLang, isLang, LANG_NAMES, LANGS } from "../../src/domain/lang";

describe("chooseLang from Accept-Language", () => {
  it.each([
    ["de, sv;q=0.5", "sv"], // spaces after commas
    ["sv; q=0.5, en; q=0.7", "en"], // spaces before q
    ["sv;level=1,en;q=0.5", "sv"], // a parameter that is not q leaves the weight at 1
    ["fr,en,sv", "en"], // equal weights: the first listed wins
    ["fr,sv,en", "sv"],
    ["nb", "sv"],
    ["nn", "sv"],
    ["no", "sv"],
    ["da-DK", "sv"],
    ["EN-gb", "en"],
    ["en;q=abc,sv;q=0.1", "sv"], // an unreadable weight counts as 0
  ])("%s → %s", (accept, lang) => {
    expect(chooseLang(undefined, accept)).toBe(lang);
  });
  it("lets an explicit choice win, and ignores one that is not a language", () => {
    expect(chooseLang("en", "sv")).toBe("en");
    expect(chooseLang("de", "sv")).toBe("sv");
    expect(isLang(1)).toBe(false);
    expect(isLang("fi")).toBe(true);
  });
});

describe("LANG_NAMES", () => {
  // The language switcher names each language in itself (a Swede looks for "Svenska"); the
  // reference is the runtime's CLDR autonyms, capitalised as a menu item is.
  it.each(LANGS)("names %s in itself, as CLDR does", (code) => {
    const autonym = new Intl.DisplayNames([code], { type: "language" }).of(code)!;
    expect(LANG_NAMES[code]).toBe(autonym.charAt(0).toLocaleUpperCase(code) + autonym.slice(1));
  });
});
