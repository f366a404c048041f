import type { Lang } from "../lang";

// Words too common to say anything about a comment, per language: left out of term and phrase
// counts (search still finds them). Short on purpose: a word people use to judge a day ("hyvä",
// "bra", "good") is kept.
export const STOP_WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  fi: new Set(
    (
      "ja on ei se että kun mutta tai ole olla oli olisi ovat olivat ollut myös vain niin kuin jo sekä mitä mikä " +
      "tämä tässä tästä tätä siitä sen ne me minä mä hän he te sinä joka jotka jos nyt vielä paljon kaikki koko sitä " +
      "siis eli kanssa mukaan voisi voi pitäisi ehkä liian vähän esim mm jotain joku oma omaa aina myöskin vaan " +
      "meidän meillä meitä minun minulle itse sekä kuitenkin kyllä hieman enemmän muuta muut ym yms"
    ).split(" "),
  ),
  sv: new Set(
    (
      "och att det som en ett är var på i av för med till den de inte om men så också mer mycket kan skulle har " +
      "hade jag vi man du ni han hon den det dessa denna detta från eller när där här bara även nog lite mig oss " +
      "vår våra vårt sig sin sina sitt blev blir vara varit kunde får fick ska"
    ).split(" "),
  ),
  en: new Set(
    (
      "the a an and or but of to in on at for with from by is are was were be been being it this that these " +
      "those i we you he she they me us my our your their there here as so too very more some any not no can " +
      "could would should will just also about into than then"
    ).split(" "),
  ),
};
