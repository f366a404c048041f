import { formatShortDate, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { SurveyState } from "../../domain/survey-state";

// How staff pages name regions, themes and survey states in the reader's language.

export interface RegionNames {
  readonly code: string;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

export function regionName(lang: Lang, regions: readonly RegionNames[], code: string | null): string {
  if (code === null) return t(lang, "survey.nationalDay");
  const region = regions.find((r) => r.code === code);
  if (!region) return code;
  return lang === "sv" ? region.nameSv : lang === "en" ? region.nameEn : region.nameFi;
}

export function localName(lang: Lang, names: { nameFi: string; nameSv: string; nameEn: string }): string {
  return lang === "sv" ? names.nameSv : lang === "en" ? names.nameEn : names.nameFi;
}

/** "6.11.2019": a calendar date short enough for a table column. */
export function shortDate(lang: Lang, isoDate: string): string {
  return formatShortDate(lang, isoDate);
}

/** Open, not yet open or closed, in words and colour (the words carry the meaning, not the colour). */
export function SurveyStateLabel({ lang, state }: { lang: Lang; state: SurveyState }) {
  return <span class={`state state-${state}`}>{t(lang, `admin.state.${state}`)}</span>;
}
