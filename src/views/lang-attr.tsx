import type { Lang } from "../domain/lang";

/** The lang attribute for a text shown in another language than the page's (a fallback), so screen
 *  readers pronounce it right; nothing when it is in the page's language. */
export function langAttr(textLang: Lang, pageLang: Lang): Lang | undefined {
  return textLang === pageLang ? undefined : textLang;
}

/** A text in its own language: wrapped in a span with that lang when it is not the page's. */
export function InLanguage({ text, textLang, pageLang }: { text: string; textLang: Lang; pageLang: Lang }) {
  return textLang === pageLang ? text : <span lang={textLang}>{text}</span>;
}
