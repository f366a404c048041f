import { describe, expect, it } from "vitest";
import { dayPlace, dayTitle, dayTitles, placeColumns, titleColumns, type DayTextColumns } from "../../src/domain/day-texts";
import { chooseLang } from "../../src/domain/lang";
import { inLanguage, withFallbacks } from "../../src/domain/localised-name";
import { questionInLanguages, shownLang, writtenTexts } from "../../src/domain/questions";

// The language rule for texts staff write (issue 16 item 5): the reader's language, else the day's
// main language, else the first written in fi, sv, en order.

const day = (texts: Partial<DayTextColumns>): DayTextColumns => ({
  title: "",
  titleSv: null,
  titleEn: null,
  location: null,
  locationSv: null,
  locationEn: null,
  mainLang: "fi",
  ...texts,
});

describe("inLanguage", () => {
  it.each([
    // texts, reader, main language → text, language it is in
    [{ fi: "Päivä", sv: "Dag", en: "Day" }, "sv", "fi", "Dag", "sv"],
    [{ fi: "Päivä" }, "sv", "fi", "Päivä", "fi"],
    [{ fi: "Päivä" }, "en", "sv", "Päivä", "fi"],
    [{ fi: "Päivä", sv: "Dag" }, "en", "sv", "Dag", "sv"],
    [{ fi: "Päivä", sv: "Dag" }, "en", "fi", "Päivä", "fi"],
    [{ en: "Day" }, "fi", "fi", "Day", "en"],
    [{ fi: "  ", sv: "Dag" }, "fi", "fi", "Dag", "sv"],
    [{ fi: null, sv: "", en: " Day " }, "sv", "sv", "Day", "en"],
  ] as const)("%o for a %s reader, main %s → %s (%s)", (texts, lang, main, text, shownIn) => {
    expect(inLanguage(texts, lang, main)).toEqual({ text, lang: shownIn });
  });

  it("is null when nothing was written", () => {
    expect(inLanguage({ fi: "", sv: null }, "fi", "sv")).toBeNull();
  });

  it("fills every language for lists", () => {
    expect(withFallbacks({ sv: "Dag" }, "fi")).toEqual({ fi: "Dag", sv: "Dag", en: "Dag" });
    expect(withFallbacks({ fi: "Päivä", en: "Day" }, "en")).toEqual({ fi: "Päivä", sv: "Day", en: "Day" });
    // Each language keeps its own text when it has one, and nothing written gives "" everywhere.
    expect(withFallbacks({ fi: "Päivä", sv: "Dag", en: "Day" }, "fi")).toEqual({ fi: "Päivä", sv: "Dag", en: "Day" });
    expect(withFallbacks({}, "sv")).toEqual({ fi: "", sv: "", en: "" });
  });
});

describe("a day's title and place", () => {
  it("falls back to the main language and says which language it is in", () => {
    const swedishDay = day({ title: "Päivä", titleSv: "Dag", mainLang: "sv", locationSv: "Vasa" });
    expect(dayTitle(swedishDay, "en")).toEqual({ text: "Dag", lang: "sv" });
    expect(dayTitle(swedishDay, "fi")).toEqual({ text: "Päivä", lang: "fi" });
    expect(dayPlace(swedishDay, "fi")).toEqual({ text: "Vasa", lang: "sv" });
    expect(dayPlace(day({}), "fi")).toBeNull();
  });

  it("stores a missing Finnish title as '' and the others as null", () => {
    expect(titleColumns({ sv: " Dag ", en: "" })).toEqual({ title: "", titleSv: "Dag", titleEn: null });
    expect(placeColumns({ fi: "Kokkola" })).toEqual({ location: "Kokkola", locationSv: null, locationEn: null });
    expect(dayTitles(day({ title: "", titleSv: "Dag" }))).toEqual({ fi: null, sv: "Dag", en: null });
  });
});

describe("an own question written in one language", () => {
  const stored = {
    id: 1,
    key: "own_1",
    kind: "choice" as const,
    required: false,
    text: { fi: "", sv: "Kommer du igen?", en: "" },
    scale: null,
    options: [
      { value: "a", label: { fi: "Kyllä", sv: "Ja", en: "Yes" } },
      { value: "b", label: { fi: "Ei", sv: "", en: "" } },
    ],
    maxLength: null,
  };

  it("shows the main language's text to the others and marks where it fell back", () => {
    const q = questionInLanguages(stored, "sv");
    expect(q.text).toEqual({ fi: "Kommer du igen?", sv: "Kommer du igen?", en: "Kommer du igen?" });
    expect(q.shownIn).toEqual({ fi: "sv", sv: "sv", en: "sv" });
    expect(q.options[0]!.shownIn).toBeUndefined();
    // Main language Swedish, but the option has only Finnish: the first written stands in.
    expect(q.options[1]!.label).toEqual({ fi: "Ei", sv: "Ei", en: "Ei" });
    expect(q.options[1]!.shownIn).toEqual({ fi: "fi", sv: "fi", en: "fi" });
  });

  it("gives the edit form back what was written", () => {
    const q = questionInLanguages(stored, "fi");
    expect(writtenTexts(q.text, q.shownIn)).toEqual({ fi: "", sv: "Kommer du igen?", en: "" });
  });

  it("keeps an option written in every language as written, with no fallback marked (kills: { text } → {})", () => {
    const q = questionInLanguages(stored, "sv");
    expect(q.options[0]).toEqual({ value: "a", label: { fi: "Kyllä", sv: "Ja", en: "Yes" } });
  });

  it("gives back each language that was written, and blank where one fell back (kills: own('fi') and own('en') → own(''))", () => {
    const text = { fi: "Tuletko uudelleen?", sv: "Tuletko uudelleen?", en: "Will you come again?" };
    expect(writtenTexts(text, { fi: "fi", sv: "fi", en: "en" })).toEqual({ fi: "Tuletko uudelleen?", sv: "", en: "Will you come again?" });
    expect(writtenTexts(text, undefined)).toEqual(text);
  });

  it("a text written in no language shows blank in all three, not undefined (kills: the { text: '', lang } fallback → {}, its '' → 'Stryker was here!')", () => {
    const q = questionInLanguages({ ...stored, text: { fi: "", sv: "", en: "" }, options: [] }, "fi");
    expect(q.text).toEqual({ fi: "", sv: "", en: "" });
    expect(q.shownIn).toBeUndefined();
  });

  it("says which language a reader really gets: the fallback's, or their own when nothing fell back (kills: shownLang's body, ?. and ??)", () => {
    expect(shownLang({ fi: "sv", sv: "sv", en: "sv" }, "fi")).toBe("sv");
    expect(shownLang({ fi: "fi", sv: "sv", en: "fi" }, "sv")).toBe("sv");
    expect(shownLang(undefined, "en")).toBe("en");
  });
});

describe("a participant without a language preference", () => {
  it("gets the day's main language; a stated preference still wins", () => {
    expect(chooseLang(undefined, undefined, "sv")).toBe("sv");
    expect(chooseLang(undefined, "de-DE,de;q=0.9", "sv")).toBe("sv");
    expect(chooseLang(undefined, "fi-FI", "sv")).toBe("fi");
    expect(chooseLang("en", "fi-FI", "sv")).toBe("en");
    expect(chooseLang(undefined, undefined)).toBe("fi");
  });
});
