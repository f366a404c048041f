import type { Lang } from "../lang";
import { en } from "./en";
import { fi, type Dictionary, type MessageKey } from "./fi";
import { sv } from "./sv";

export { formatDate, formatDateTime, formatShortDate } from "./dates";

export type { Dictionary, MessageKey };
export const dictionaries: Readonly<Record<Lang, Dictionary>> = { fi, sv, en };

/** Looks up a message and fills its {placeholders}. */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(lang, params[name] as string | number) : whole,
  );
}

/**
 * A text with a count in it, in the right plural form: Intl.PluralRules picks the form, and a key
 * with ".one" after it holds the singular ("1 korjattava kohta", not "1 korjattavaa kohtaa"); the
 * plain key is every other form. Finnish, Swedish and English need only these two.
 */
export function tCount(lang: Lang, key: PluralKey, count: number, params: Readonly<Record<string, string | number>> = {}): string {
  const form = new Intl.PluralRules(lang).select(count);
  return t(lang, form === "one" ? `${key}.one` : key, { ...params, count });
}

/** The keys that have a ".one" form. */
export type PluralKey = { [K in MessageKey]: `${K}.one` extends MessageKey ? K : never }[MessageKey];

function formatParam(lang: Lang, value: string | number): string {
  return typeof value === "number" ? formatNumber(lang, value) : value;
}

/** 8,5 in Finnish and Swedish, 8.5 in English; a plain hyphen-minus, never U+2212. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : lang === "sv" ? "sv-FI" : "fi-FI", {
    maximumFractionDigits,
    useGrouping: false,
  })
    .format(value)
    .replace("\u2212", "-");
}
