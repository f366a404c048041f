import type { Lang } from "../lang";
import { stem } from "./stemming";
import { STOP_WORDS } from "./stop-words";

// Comments as words: each word lower-cased, stemmed in the comment's language, and counted once per
// comment (a term's count is how many comments use it, so one long comment cannot make a term).

export interface Token {
  /** The word as written, lower-cased. */
  readonly word: string;
  readonly stem: string;
  readonly stop: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text: letters and digits, split at everything else (hyphens too), numbers left out. */
export function tokenize(lang: Lang, text: string): Token[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  return words
    .filter((word) => word.length >= 2 && !/^\d+$/.test(word))
    .map((word) => ({ word, stem: stem(lang, word), stop: STOP_WORDS[lang].has(word) }));
}

/** A term or phrase: its stem key, the way it is most often written, and how many comments use it. */
export interface TermCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export interface TextComment {
  readonly text: string;
  readonly lang: Lang;
}

/** Per comment, the set of term keys: single stems, or two adjacent words that are not stop words. */
export function commentTerms(comment: TextComment, kind: "word" | "phrase"): Map<string, string> {
  const tokens = tokenize(comment.lang, comment.text);
  const found = new Map<string, string>();
  tokens.forEach((token, i) => {
    if (token.stop) return;
    if (kind === "word") {
      if (!found.has(token.stem)) found.set(token.stem, token.word);
      return;
    }
    const next = tokens[i + 1];
    if (!next || next.stop) return;
    const key = `${token.stem} ${next.stem}`;
    if (!found.has(key)) found.set(key, `${token.word} ${next.word}`);
  });
  return found;
}

/** Each term's count (comments that use it) and its most frequent written form, over the given comments. */
export function countTerms(comments: readonly TextComment[], kind: "word" | "phrase"): TermCount[] {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const comment of comments) {
    for (const [key, form] of commentTerms(comment, kind)) {
      const entry = counts.get(key) ?? { count: 0, forms: new Map<string, number>() };
      entry.count += 1;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  return [...counts.entries()].map(([key, { count, forms }]) => ({ key, label: mostFrequent(forms), count }));
}

/** The most used form; ties go to the shortest (most often the base form), then alphabetically, so
 *  the label does not depend on the order of the comments. */
function mostFrequent(forms: ReadonlyMap<string, number>): string {
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
}

/**
 * The k rule for terms: a term used in fewer than minCell comments is not shown, its count
 * included (a rare word can point at its writer). Most used first, then alphabetically.
 */
export function frequentTerms(counts: readonly TermCount[], minCell: number, limit: number): TermCount[] {
  return counts
    .filter((term) => term.count >= minCell)
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, limit);
}
