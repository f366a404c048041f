import type { Lang, Localized } from "./lang";

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
