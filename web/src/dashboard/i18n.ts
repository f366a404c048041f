// The dashboard's language: one per page, switched without a reload. The dictionaries are the
// server's (src/domain/i18n), so the dashboard and the server pages say the same things.
import { dictionaries, formatDate, formatNumber, t as translate, type MessageKey } from "../../../src/domain/i18n";
import type { Lang } from "../../../src/domain/lang";

export type { Lang, MessageKey };
export type Params = Readonly<Record<string, string | number>>;

let current: Lang = "fi";

export function setLang(lang: Lang): void {
  current = lang;
  // Screen readers pick their voice from it; absent only when unit tests run this without a page.
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

/** For keys built at run time (error codes): the key when the dictionary has it, else a fallback. */
export function tOr(key: string, fallback: MessageKey, params?: Params): string {
  return key in dictionaries[current] ? translate(current, key as MessageKey, params) : translate(current, fallback, params);
}

export function num(value: number, maximumFractionDigits = 2): string {
  return formatNumber(current, value, maximumFractionDigits);
}

export function date(isoDate: string): string {
  return formatDate(current, isoDate);
}
