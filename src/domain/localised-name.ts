import { LANGS, type Lang, type Localized } from "./lang";

// Regions and themes keep one name per language in three columns (name_fi, name_sv, name_en).
// Every face turns them into the reader's name or the JSON `{fi, sv, en}` through these helpers.

export interface NameColumns {
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

/** The three names keyed by language: the JSON shape `name: {fi, sv, en}`. */
export function localisedNames(row: NameColumns): Localized {
  return { fi: row.nameFi, sv: row.nameSv, en: row.nameEn };
}

/** The name in the reader's language. */
export function localisedName(row: NameColumns, lang: Lang): string {
  return localisedNames(row)[lang];
}

type JoinedColumns<P extends string> = { readonly [K in `${P}Fi` | `${P}Sv` | `${P}En`]: string | null };

/** A joined row's names under a prefix (themeFi, themeSv, themeEn); null when the join found none. */
export function joinedNames<P extends string>(row: JoinedColumns<P>, prefix: P): Localized | null {
  const column = (suffix: "Fi" | "Sv" | "En") => row[`${prefix}${suffix}` as keyof JoinedColumns<P>];
  const fi = column("Fi");
  if (fi === null) return null;
  return { fi, sv: column("Sv") ?? fi, en: column("En") ?? fi };
}

/** Texts a writer may give in one, two or three languages; a missing one is absent, null or blank. */
export type SomeLanguages = Readonly<Partial<Record<Lang, string | null>>>;

/** A text and the language it is really in, so a page can mark a fallback with a lang attribute. */
export interface TextInLanguage {
  readonly text: string;
  readonly lang: Lang;
}

/**
 * The language rule for texts staff write (a day's title and place, a day's own questions): the
 * reader's language when it was given, else the day's main language, else the first given in LANGS
 * order; null when none was given.
 */
export function inLanguage(texts: SomeLanguages, lang: Lang, mainLang: Lang): TextInLanguage | null {
  for (const candidate of [lang, mainLang, ...LANGS]) {
    const text = texts[candidate]?.trim();
    if (text) return { text, lang: candidate };
  }
  return null;
}

/** Every language filled in by the rule above (for forms and lists that want plain strings). */
export function withFallbacks(texts: SomeLanguages, mainLang: Lang): Localized {
  const pick = (lang: Lang) => inLanguage(texts, lang, mainLang)?.text ?? "";
  return { fi: pick("fi"), sv: pick("sv"), en: pick("en") };
}
