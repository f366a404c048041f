// Figures as staff pages and reports write them: a mean with one decimal, its interval or why there
// is none, a rate as a percentage.
import { formatNumber, t } from "../domain/i18n";
import type { Lang } from "../domain/lang";

/** 8,5 / 8.5 with exactly one decimal, so 8 reads "8,0". */
export function mean(lang: Lang, value: number | null): string {
  if (value === null) return "–";
  const text = formatNumber(lang, Number(value.toFixed(1)), 1);
  return /[.,]/.test(text) ? text : `${text}${lang === "en" ? "." : ","}0`;
}

/** The interval, or why there is none (under 10 answers for a day, under 3 days for a pool). */
export function ci(
  lang: Lang,
  grade: { readonly ci95: readonly [number, number] | null; readonly ciWithheld?: string | null; readonly mean: number | null },
): string {
  if (grade.ci95) return `${mean(lang, grade.ci95[0])}–${mean(lang, grade.ci95[1])}`;
  return grade.mean !== null && grade.ciWithheld ? t(lang, "dash.ci.tooFew") : "–";
}

export function percent(lang: Lang, rate: number | null): string {
  if (rate === null) return "–";
  const value = formatNumber(lang, Math.round(rate * 100), 0);
  return lang === "en" ? `${value}%` : `${value}\u00a0%`;
}
