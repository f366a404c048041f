import { describe, expect, it } from "vitest";
import { dictionaries, formatDate, formatNumber, t } from "../../src/domain/i18n";
import { chooseLang, LANGS } from "../../src/domain/lang";
import { joinedNames, localisedName, localisedNames } from "../../src/domain/localised-name";

describe("dictionaries", () => {
  it("have identical key sets and no empty values in fi, sv and en", () => {
    const fiKeys = Object.keys(dictionaries.fi).sort();
    for (const lang of ["sv", "en"] as const) {
      expect(Object.keys(dictionaries[lang]).sort(), lang).toEqual(fiKeys);
    }
    for (const [lang, dict] of Object.entries(dictionaries)) {
      for (const [key, value] of Object.entries(dict)) expect(value.trim(), `${lang} ${key}`).not.toBe("");
    }
  });
  it("use the same placeholders in every language", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(dictionaries.fi) as (keyof typeof dictionaries.fi)[]) {
      expect(placeholders(dictionaries.sv[key]), key).toEqual(placeholders(dictionaries.fi[key]));
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(dictionaries.fi[key]));
    }
  });
  it("fill placeholders with locale numbers", () => {
    expect(t("fi", "errors.out_of_range", { min: 4, max: 10 })).toBe("Valitse arvo väliltä 4–10.");
    expect(formatNumber("fi", 8.5)).toBe("8,5");
    expect(formatNumber("sv", 8.5)).toBe("8,5");
    expect(formatNumber("en", 8.5)).toBe("8.5");
    expect(formatNumber("fi", -1.5)).toBe("-1,5");
  });
  it("write dates as each language reads them", () => {
    expect(formatDate("fi", "2019-09-04")).toBe("4. syyskuuta 2019");
    expect(formatDate("en", "2019-09-04")).toBe("4 September 2019");
    expect(formatDate("sv", "2019-09-04")).toBe("4 september 2019");
  });
});

describe("chooseLang", () => {
  it.each([
    ["sv", null, "sv"],
    ["xx", "en-GB,en;q=0.9", "en"],
    [null, "sv-FI,fi;q=0.8", "sv"],
    [null, "de-DE,en;q=0.5,sv;q=0.7", "sv"],
    [null, "de", "fi"],
    [null, "nb-NO", "sv"],
    [null, null, "fi"],
    [null, "en;q=0", "fi"],
  ])("explicit %s, Accept-Language %s → %s", (explicit, accept, expected) => {
    expect(chooseLang(explicit, accept)).toBe(expected);
  });
});

describe("localised region and theme names", () => {
  const keskiPohjanmaa = { code: "16", nameFi: "Keski-Pohjanmaa", nameSv: "Mellersta Österbotten", nameEn: "Central Ostrobothnia" };
  it("give the reader's name and the {fi, sv, en} object from the three name columns", () => {
    expect(LANGS.map((lang) => localisedName(keskiPohjanmaa, lang))).toEqual([
      "Keski-Pohjanmaa",
      "Mellersta Österbotten",
      "Central Ostrobothnia",
    ]);
    expect(localisedNames(keskiPohjanmaa)).toEqual({ fi: "Keski-Pohjanmaa", sv: "Mellersta Österbotten", en: "Central Ostrobothnia" });
  });
  it("read a joined row's prefixed columns, null when the join found nothing, Finnish where a language is missing", () => {
    expect(joinedNames({ themeFi: "Uusi vaikuttavuus", themeSv: "Ny effektivitet", themeEn: "New effectiveness" }, "theme")).toEqual({
      fi: "Uusi vaikuttavuus",
      sv: "Ny effektivitet",
      en: "New effectiveness",
    });
    expect(joinedNames({ regionFi: null, regionSv: null, regionEn: null }, "region")).toBeNull();
    expect(joinedNames({ themeFi: "Uusi vaikuttavuus", themeSv: null, themeEn: null }, "theme")).toEqual({
      fi: "Uusi vaikuttavuus",
      sv: "Uusi vaikuttavuus",
      en: "Uusi vaikuttavuus",
    });
  });
});
