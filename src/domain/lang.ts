export const LANGS = ["fi", "sv", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** Each language named in itself, as the language switch offers it. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { fi: "Suomi", sv: "Svenska", en: "English" };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The participant's language: an explicit choice wins, then the browser's preference, then
 *  `fallback` — Finnish, or on a survey the day's main language (a request with no preference). */
export function chooseLang(explicit: string | undefined | null, acceptLanguage: string | undefined | null, fallback: Lang = "fi"): Lang {
  if (isLang(explicit)) return explicit;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(",")
      .map((part, index) => {
        const [tag = "", ...params] = part.trim().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        const weight = q ? Number(q.slice(2)) : 1;
        return { base: tag.toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
      })
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.index - b.index);
    for (const entry of ranked) {
      if (isLang(entry.base)) return entry.base;
      // Norwegian and Danish readers understand Swedish better than Finnish.
      if (entry.base === "nb" || entry.base === "nn" || entry.base === "no" || entry.base === "da") return "sv";
    }
  }
  return fallback;
}

export type Localized = Readonly<Record<Lang, string>>;
