import { helsinkiLocal } from "../helsinki-time";
import type { Lang } from "../lang";

// Dates and times written out by hand rather than by Intl: Cloudflare's workerd has no
// Finland-Swedish date formats and writes Sweden's ("2019-12-12", "13:00") where Node writes
// "12.12.2019" and "13.00". The same code must print the same text on both runtimes.

const MONTHS: Record<Lang, readonly string[]> = {
  // Finnish dates take the month in the partitive: "4. syyskuuta 2019".
  fi: [
    "tammikuuta",
    "helmikuuta",
    "maaliskuuta",
    "huhtikuuta",
    "toukokuuta",
    "kesäkuuta",
    "heinäkuuta",
    "elokuuta",
    "syyskuuta",
    "lokakuuta",
    "marraskuuta",
    "joulukuuta",
  ],
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

function parts(isoDate: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 ? [y, m, d] : null;
}

/** "4. syyskuuta 2019", "4 september 2019", "4 September 2019". */
export function formatDate(lang: Lang, isoDate: string): string {
  const p = parts(isoDate);
  if (!p) return isoDate;
  const [y, m, d] = p;
  const month = MONTHS[lang][m - 1]!;
  return lang === "fi" ? `${d}. ${month} ${y}` : `${d} ${month} ${y}`;
}

/** "4.9.2019" in Finnish and Swedish; "4 Sep 2019" in English, where 4/9 would read as April. */
export function formatShortDate(lang: Lang, isoDate: string): string {
  const p = parts(isoDate);
  if (!p) return isoDate;
  const [y, m, d] = p;
  return lang === "en" ? `${d} ${MONTHS.en[m - 1]!.slice(0, 3)} ${y}` : `${d}.${m}.${y}`;
}

/** An instant in Helsinki time: "4.9.2019 klo 16.00", "4.9.2019 kl. 16.00", "4 Sep 2019, 16:00". */
export function formatDateTime(lang: Lang, epochMs: number, style: "short" | "long" = "short"): string {
  const local = helsinkiLocal(epochMs);
  const date = style === "long" ? formatDate(lang, local) : formatShortDate(lang, local);
  const [hh, mm] = local.slice(11).split(":");
  if (lang === "fi") return `${date} klo ${Number(hh)}.${mm}`;
  if (lang === "sv") return `${date} kl. ${Number(hh)}.${mm}`;
  return `${date}${style === "long" ? " at" : ","} ${hh}:${mm}`;
}
