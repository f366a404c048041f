import type { Lang } from "../lang";
import { stem } from "./stemming";
import { tokenize, type TextComment } from "./terms";

// Search that finds inflected and compound forms. Every word of the query must match some word of
// the comment (AND), each compared in the comment's language:
// - inflection: the word's stem starts with the query word's stem (koulutuksessa ~ koulutus,
//   utbildningarna ~ utbildning, ledarskapet ~ ledarskap);
// - compounds (Finnish and Swedish write them as one word): a query stem of at least
//   MIN_COMPOUND_PART letters also matches inside a word's stem after its first
//   MIN_COMPOUND_HEAD letters (lapsiperhepalvelut ~ perhe, täydennyskoulutuksen ~ koulutus).
// The minimums keep short stems ("työ", "ik") from matching inside unrelated words.

export const MIN_COMPOUND_PART = 4;
export const MIN_COMPOUND_HEAD = 3;

/** The query's words (lower-cased, stop words kept: someone may search for them on purpose). */
export function queryWords(query: string): string[] {
  return tokenize("en", query).map((token) => token.word);
}

function wordMatches(lang: Lang, queryWord: string, commentStem: string): boolean {
  const wanted = stem(lang, queryWord);
  if (commentStem.startsWith(wanted)) return true;
  return wanted.length >= MIN_COMPOUND_PART && commentStem.indexOf(wanted, MIN_COMPOUND_HEAD) >= 0;
}

/** True when every word of the query matches a word of the comment. An empty query matches all. */
export function matchesQuery(comment: TextComment, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const stems = tokenize(comment.lang, comment.text).map((token) => token.stem);
  return words.every((word) => stems.some((commentStem) => wordMatches(comment.lang, word, commentStem)));
}
