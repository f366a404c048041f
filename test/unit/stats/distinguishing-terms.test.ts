import { describe, expect, it } from "vitest";
import { contrastReleasable, distinguishingTerms, termContrast } from "../../../src/domain/stats/distinguishing-terms";

// Reference values, computed once with Debian's python3-scipy 1.10.1 and python3-statsmodels 0.13.5:
//   from scipy.stats import chi2_contingency
//   from statsmodels.stats.contingency_tables import Table2x2
//   chi2_contingency(np.array(t), correction=False)[0]
//   Table2x2(np.array(t, dtype=float) + 0.5).log_oddsratio, .log_oddsratio_se
// where t = [[a with, a without], [b with, b without]].
const SCIPY = [
  { table: [12, 18, 3, 27], chi2: 7.200000000000001, logOr: 1.6693809484011335, se: 0.6753754334679165 },
  { table: [5, 45, 0, 40], chi2: 4.235294117647059, logOr: 2.2814849209539596, se: 1.4928119646562643 },
  { table: [7, 13, 20, 10], chi2: 4.844337090713904, logOr: -1.256836293883004, se: 0.5928119351450177 },
] as const;

describe("termContrast", () => {
  it("matches a hand-computed chi-square", () => {
    // a = 12 of 30, b = 3 of 30: N = 60, ad − bc = 12·27 − 18·3 = 270, margins 30·30·15·45 = 607 500,
    // chi² = 60 · 270² / 607 500 = 7.2; log OR = ln(12.5 · 27.5 / (18.5 · 3.5)) = ln(5.3089…) = 1.6694.
    const result = termContrast({ withTerm: 12, total: 30 }, { withTerm: 3, total: 30 });
    expect(result.chiSquare).toBeCloseTo(7.2, 12);
    expect(result.logOddsRatio).toBeCloseTo(Math.log((12.5 * 27.5) / (18.5 * 3.5)), 12);
  });

  it.each(SCIPY)("matches scipy and statsmodels for $table", ({ table, chi2, logOr, se }) => {
    const [a, aWithout, b, bWithout] = table;
    const result = termContrast({ withTerm: a, total: a + aWithout }, { withTerm: b, total: b + bWithout });
    expect(result.chiSquare).toBeCloseTo(chi2, 10);
    expect(result.logOddsRatio).toBeCloseTo(logOr, 10);
    expect(result.logOddsRatioSe).toBeCloseTo(se, 10);
  });

  it("is 0 when a margin is empty", () => {
    expect(termContrast({ withTerm: 5, total: 5 }, { withTerm: 7, total: 7 }).chiSquare).toBe(0);
  });
});

describe("the k rule for contrasted terms", () => {
  it("needs each group's count to be 0 or at least k (k − 1 refused) and the total to reach k", () => {
    expect(contrastReleasable(5, 0, 5)).toBe(true);
    expect(contrastReleasable(4, 0, 5)).toBe(false);
    expect(contrastReleasable(5, 4, 5)).toBe(false);
    expect(contrastReleasable(5, 5, 5)).toBe(true);
    expect(contrastReleasable(0, 0, 5)).toBe(false);
  });

  it("lists releasable terms by chi-square, saying which group leans to each", () => {
    const terms = distinguishingTerms(
      [
        { key: "kiire", label: "kiire", count: 12 },
        { key: "hyvä", label: "hyvä", count: 10 },
        { key: "harva", label: "harva", count: 4 },
      ],
      [
        { key: "kiire", label: "kiire", count: 5 },
        { key: "harva", label: "harva", count: 9 },
        { key: "hyvä", label: "hyvä", count: 10 },
        { key: "innostava", label: "innostava", count: 9 },
      ],
      { a: 30, b: 30 },
      5,
      10,
    );
    expect(terms.map((term) => [term.label, term.leans])).toEqual([
      ["innostava", "b"],
      ["kiire", "a"],
    ]);
    // kiire: 12 of 30 against 5 of 30: 60 · (12·25 − 18·5)² / (30·30·17·43) = 4.0219…; harva (4 in a) is left out.
    expect(terms[1]!.chiSquare).toBeCloseTo((60 * 210 ** 2) / (30 * 30 * 17 * 43), 12);
  });
});

describe("distinguishingTerms keeps to the k rule", () => {
  it("leaves out a term that one group uses in fewer than k comments, however strongly it contrasts", () => {
    const t = (key: string, count: number) => ({ key, label: key, count });
    // "rare": 3 comments in group a, none in b — a strong contrast, but 3 < k = 5 could point at the writers.
    // "common": 20 in a, 5 in b — releasable.
    const terms = distinguishingTerms([t("rare", 3), t("common", 20)], [t("common", 5)], { a: 40, b: 40 }, 5, 10);
    expect(terms.map((term) => term.key)).toEqual(["common"]);
  });

  it("puts terms of equal chi-square in the alphabetical order of their labels, whatever order they come in", () => {
    // Both terms: 12 of 40 comments in a, 5 of 40 in b, so the same chi-square; the keys (stems)
    // sort the other way round from the labels, and the labels decide.
    const a = [
      { key: "a-stem", label: "zeta", count: 12 },
      { key: "z-stem", label: "alfa", count: 12 },
    ];
    const b = [
      { key: "a-stem", label: "zeta", count: 5 },
      { key: "z-stem", label: "alfa", count: 5 },
    ];
    for (const [groupA, groupB] of [
      [a, b],
      [[...a].reverse(), [...b].reverse()],
    ]) {
      const terms = distinguishingTerms(groupA!, groupB!, { a: 40, b: 40 }, 5, 10);
      expect(terms.map((term) => term.label)).toEqual(["alfa", "zeta"]);
      expect(terms[0]!.chiSquare).toBe(terms[1]!.chiSquare);
    }
  });

  it("lists at most limit terms", () => {
    const t = (key: string, count: number) => ({ key, label: key, count });
    const terms = distinguishingTerms([t("x", 20), t("y", 15)], [t("x", 5), t("y", 6)], { a: 40, b: 40 }, 5, 1);
    expect(terms.map((term) => term.key)).toEqual(["x"]);
  });
});
