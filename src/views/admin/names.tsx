import { formatShortDate, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { localisedName, type NameColumns } from "../../domain/localised-name";
import type { ListState } from "../../domain/event-list-query";
import type { SurveyState } from "../../domain/survey-state";

// How staff pages name regions, themes and survey states in the reader's language.

export interface RegionNames extends NameColumns {
  readonly code: string;
}

export function regionName(lang: Lang, regions: readonly RegionNames[], code: string | null): string {
  if (code === null) return t(lang, "survey.nationalDay");
  const region = regions.find((r) => r.code === code);
  if (!region) return code;
  return localisedName(region, lang);
}

/** "6.11.2019": a calendar date short enough for a table column. */
export function shortDate(lang: Lang, isoDate: string): string {
  return formatShortDate(lang, isoDate);
}

/** Open, not yet open or closed, in words and colour (the words carry the meaning, not the colour). */
export function SurveyStateLabel({ lang, state }: { lang: Lang; state: SurveyState | ListState }) {
  return <span class={`state state-${state}`}>{t(lang, `admin.state.${state}`)}</span>;
}
