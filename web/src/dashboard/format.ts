// How figures are written on screen and in chart labels: per locale (8,5 in fi/sv, 8.5 in en),
// always with the same number of decimals so a column of means lines up and 8.0 reads "8,0".
import type { Interval } from "../../../src/domain/stats";
import { lang, num, t } from "./i18n";

/** Fixed decimals through formatNumber (which drops trailing zeros): 8 → "8,0". */
export function fixed(value: number, digits = 1): string {
  const text = num(Number(value.toFixed(digits)), digits);
  if (digits === 0) return text;
  const separator = num(0.5).charAt(1);
  const [whole, decimals = ""] = text.split(separator);
  return `${whole}${separator}${decimals.padEnd(digits, "0")}`;
}

export function mean(value: number | null): string {
  return value === null ? "–" : fixed(value, 1);
}

export function interval(ci: Interval | null): string {
  return ci === null ? "–" : `${fixed(ci[0], 1)}–${fixed(ci[1], 1)}`;
}

/** A figure's interval, or why it has none ("too few to estimate"). */
export function ciText(grade: {
  readonly ci95: Interval | null;
  readonly ciWithheld?: string | null;
  readonly mean: number | null;
}): string {
  if (grade.ci95 !== null) return interval(grade.ci95);
  return grade.mean !== null && grade.ciWithheld ? t("dash.ci.tooFew") : "–";
}

/** A signed difference: "+0,3", "-0,2". */
export function signed(value: number | null, digits = 2): string {
  if (value === null) return "–";
  return `${value > 0 ? "+" : ""}${fixed(value, digits)}`;
}

export function count(value: number | null): string {
  return value === null ? "–" : num(value, 0);
}

/** 0.64 → "64 %" (fi, sv: a no-break space before the sign) or "64%" (en). */
export function percent(rate: number | null): string {
  if (rate === null) return "–";
  const value = num(Math.round(rate * 100), 0);
  return lang() === "en" ? `${value}%` : `${value}\u00a0%`;
}

/** Bucket keys from the trend API: "2019-autumn", "2019", "2019-09". */
export function bucketLabel(key: string): string {
  const term = /^(\d{4})-(spring|autumn)$/.exec(key);
  if (term) return t(term[2] === "spring" ? "dash.term.spring" : "dash.term.autumn", { year: term[1]! });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const locale = lang() === "en" ? "en-GB" : lang() === "sv" ? "sv-FI" : "fi-FI";
    return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15)),
    );
  }
  return key;
}

/** A long date split before the year, so chart axes can put it on two lines. */
export function twoLineDate(formatted: string): string[] {
  const cut = formatted.lastIndexOf(" ");
  return cut > 0 ? [formatted.slice(0, cut), formatted.slice(cut + 1)] : [formatted];
}
