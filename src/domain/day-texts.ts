import type { Lang } from "./lang";
import { inLanguage, type SomeLanguages, type TextInLanguage } from "./localised-name";

// A day's title and place are written in one, two or three languages (event.title/title_sv/title_en,
// event.location/…); whatever is missing is shown in the day's main language by the rule of
// src/domain/localised-name.ts inLanguage. Every face shows them through these helpers.

export interface DayTextColumns {
  /** Finnish; '' when the day has no Finnish title. */
  readonly title: string;
  readonly titleSv: string | null;
  readonly titleEn: string | null;
  readonly location: string | null;
  readonly locationSv: string | null;
  readonly locationEn: string | null;
  readonly mainLang: Lang;
}

/** Just the text columns of a row that has more (for a page that names the day). */
export function dayTextColumns(day: DayTextColumns): DayTextColumns {
  const { title, titleSv, titleEn, location, locationSv, locationEn, mainLang } = day;
  return { title, titleSv, titleEn, location, locationSv, locationEn, mainLang };
}

/** The titles as given, missing ones null: the JSON shape `titles: {fi, sv, en}`. */
export function dayTitles(day: DayTextColumns): Record<Lang, string | null> {
  return { fi: given(day.title), sv: given(day.titleSv), en: given(day.titleEn) };
}

export function dayPlaces(day: DayTextColumns): Record<Lang, string | null> {
  return { fi: given(day.location), sv: given(day.locationSv), en: given(day.locationEn) };
}

/** The day's title for a reader of `lang`, and the language it is in. A day always has a title in
 *  some language (the input schemas insist); "" only for a row written around them. */
export function dayTitle(day: DayTextColumns, lang: Lang): TextInLanguage {
  return inLanguage(dayTitles(day), lang, day.mainLang) ?? { text: "", lang: day.mainLang };
}

/** The day's place for a reader of `lang`, or null when no place was given. */
export function dayPlace(day: DayTextColumns, lang: Lang): TextInLanguage | null {
  return inLanguage(dayPlaces(day), lang, day.mainLang);
}

/** The same rule over a day as the JSON API shows it (`titles` as written and `mainLang`): the title
 *  and its language, for a page that marks a fallback with a lang attribute. */
export function shownDayTitle(day: { readonly titles: SomeLanguages; readonly mainLang: Lang }, lang: Lang): TextInLanguage {
  return inLanguage(day.titles, lang, day.mainLang) ?? { text: "", lang: day.mainLang };
}

/** The columns for titles or places given per language: Finnish in the plain column ('' or null
 *  when missing, as the column allows), the others null when missing. */
export function titleColumns(titles: SomeLanguages) {
  return { title: given(titles.fi) ?? "", titleSv: given(titles.sv), titleEn: given(titles.en) };
}

export function placeColumns(places: SomeLanguages) {
  return { location: given(places.fi), locationSv: given(places.sv), locationEn: given(places.en) };
}

/** The rule that a day has a title in at least one language (the others fall back to it). */
export function hasTitle(titles: SomeLanguages): boolean {
  return Object.values(titles).some((title) => given(title) !== null);
}

function given(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}
