import { describe, expect, it } from "vitest";
import { joinedNames, localisedName, localisedNames } from "../../src/domain/localised-name";

const region = { nameFi: "Pohjois-Savo", nameSv: "Norra Savolax", nameEn: "North Savo" };

describe("localised names", () => {
  it("gives the three columns as {fi, sv, en} and the reader's own", () => {
    expect(localisedNames(region)).toEqual({ fi: "Pohjois-Savo", sv: "Norra Savolax", en: "North Savo" });
    expect(localisedName(region, "fi")).toBe("Pohjois-Savo");
    expect(localisedName(region, "sv")).toBe("Norra Savolax");
    expect(localisedName(region, "en")).toBe("North Savo");
  });

  it("reads a joined row's names under a prefix; null when the join found none; Finnish where one is missing", () => {
    expect(joinedNames({ themeFi: "Arki", themeSv: "Vardag", themeEn: "Everyday" }, "theme")).toEqual({
      fi: "Arki",
      sv: "Vardag",
      en: "Everyday",
    });
    expect(joinedNames({ themeFi: null, themeSv: "Vardag", themeEn: "Everyday" }, "theme")).toBeNull();
    expect(joinedNames({ themeFi: "Arki", themeSv: null, themeEn: null }, "theme")).toEqual({ fi: "Arki", sv: "Arki", en: "Arki" });
  });
});
