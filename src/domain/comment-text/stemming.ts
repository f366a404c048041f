import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as finnishStem } from "@orama/stemmers/finnish";
import { stemmer as swedishStem } from "@orama/stemmers/swedish";
import type { Lang } from "../lang";

// Words of an open comment reduced to a stem in the comment's own language, so that inflected forms
// meet: koulutus / koulutuksen / koulutuksessa, utbildning / utbildningen / utbildningar.
// The stemmers are Snowball's, as packaged by @orama/stemmers (fi + sv + en ≈ 3.3 KB gzip, measured
// with esbuild --minify), small enough to run in the Worker beside everything else.

const SNOWBALL: Readonly<Record<Lang, (word: string) => string>> = { fi: finnishStem, sv: swedishStem, en: englishStem };

/**
 * Snowball's Finnish stemmer leaves two frequent noun families apart; one rule each joins them:
 * - -minen / -misen / -mista (johtaminen → johtamin, johtamisen → johtamis, johtamista → johtam):
 *   a stem ending in "min" or "mis" loses its last two letters;
 * - -us / -uksen / -ukset (koulutus → koulutus, koulutuksen → koulutuks): a vowel + "ks" ending
 *   becomes vowel + "s" (also kehitys / kehityksen, kiitos / kiitoksen).
 */
function joinFinnishFamilies(stem: string): string {
  if (stem.length >= 5 && /m[ie][ns]$/.test(stem)) return stem.slice(0, -2);
  return stem.replace(/([aeiouyäö])ks$/, "$1s");
}

/** The stem of one lower-case word in the given language. */
export function stem(lang: Lang, word: string): string {
  const stemmed = SNOWBALL[lang](word);
  return lang === "fi" ? joinFinnishFamilies(stemmed) : stemmed;
}
