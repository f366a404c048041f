import { describe, expect, it } from "vitest";
import { dayPlace, dayPlaces, dayTextColumns, dayTitle, hasTitle, shownDayTitle, type DayTextColumns } from "../../src/domain/day-texts";

// The parts of src/domain/day-texts.ts that day-languages.test.ts does not reach: the text columns
// of a wider row, the places per language, the title rule over the JSON shape, and hasTitle.
const svDay: DayTextColumns = {
  title: "",
  titleSv: " Skoldag ",
  titleEn: null,
  location: "Kokkola",
  locationSv: "  ",
  locationEn: "Kokkola (city)",
  mainLang: "sv",
};

describe("day texts", () => {
  it("keeps only the text columns of a row that has more", () => {
    expect(dayTextColumns({ ...svDay, id: 7, regionCode: "16" } as DayTextColumns)).toEqual(svDay);
  });

  it("gives the places as written, blank ones null", () => {
    expect(dayPlaces(svDay)).toEqual({ fi: "Kokkola", sv: null, en: "Kokkola (city)" });
    expect(dayPlace(svDay, "sv")).toEqual({ text: "Kokkola", lang: "fi" });
    expect(dayPlace({ ...svDay, location: null, locationEn: null }, "fi")).toBeNull();
  });

  it("shows a title of the JSON shape in the reader's language, else the main language's, else ''", () => {
    expect(shownDayTitle({ titles: { fi: "Koulupäivä", sv: "Skoldag" }, mainLang: "sv" }, "fi")).toEqual({
      text: "Koulupäivä",
      lang: "fi",
    });
    expect(shownDayTitle({ titles: { fi: "Koulupäivä", sv: "Skoldag" }, mainLang: "sv" }, "en")).toEqual({ text: "Skoldag", lang: "sv" });
    expect(shownDayTitle({ titles: {}, mainLang: "sv" }, "en")).toEqual({ text: "", lang: "sv" });
    expect(dayTitle({ ...svDay, titleSv: null }, "en")).toEqual({ text: "", lang: "sv" });
  });

  it("says a day has a title when any language has text that is not blank", () => {
    expect(hasTitle({ fi: "", sv: "  ", en: null })).toBe(false);
    expect(hasTitle({})).toBe(false);
    expect(hasTitle({ fi: "", en: "School day" })).toBe(true);
    expect(hasTitle({ sv: "Skoldag" })).toBe(true);
  });
});
