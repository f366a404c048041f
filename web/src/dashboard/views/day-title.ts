// A day without a theme is named by its title. The API gives it in the reader's language, else in
// the day's main language (src/domain/day-texts.ts); a title in another language than the page is
// marked with its lang, as the server's pages do (src/views/lang-attr.tsx).
import type { EventSummary } from "../api";
import { shownDayTitle } from "../../../../src/domain/day-texts";
import type { Lang } from "../../../../src/domain/lang";
import { h, type Content } from "../dom";

/** The day's theme in the page's language, or its title (marked with its lang when it falls back). */
export function dayName(day: EventSummary, pageLang: Lang): Content {
  if (day.theme) return day.theme.names[pageLang];
  const title = shownDayTitle(day, pageLang);
  return title.lang === pageLang ? title.text : h("span", { lang: title.lang }, title.text);
}
