// Terms that tell two groups of comments apart (low against high grades, one region against the
// rest). For each term a 2×2 table — comments of group A and of group B, with and without the term —
// is scored two ways:
// - Pearson's chi-square without continuity correction, N(ad − bc)² / ((a+b)(c+d)(a+c)(b+d)), which
//   ranks the terms (how surely the term's share differs between the groups);
// - the log odds ratio with 0.5 added to every cell (Haldane–Anscombe), which says which group uses
//   the term more and by how much, and stays finite when a term is missing from one group.
// The k rule: a term is scored only when its count in each group is 0 or at least minCell (a count of
// 1…minCell−1 would be shown, or could be worked out from the score), and its total reaches minCell.

export interface GroupCounts {
  /** Comments in the group that use the term. */
  readonly withTerm: number;
  /** Comments in the group. */
  readonly total: number;
}

export interface TermContrast {
  readonly chiSquare: number;
  /** ln(odds in A / odds in B), each cell + 0.5: positive when group A uses the term more. */
  readonly logOddsRatio: number;
  /** Its standard error, √(Σ 1/(cell + 0.5)). */
  readonly logOddsRatioSe: number;
}

/** The two scores of one term; chi-square is 0 when a margin is empty (no contrast to measure). */
export function termContrast(a: GroupCounts, b: GroupCounts): TermContrast {
  const cells = [a.withTerm, a.total - a.withTerm, b.withTerm, b.total - b.withTerm] as const;
  const [x, y, z, w] = cells;
  const n = x + y + z + w;
  const margins = (x + y) * (z + w) * (x + z) * (y + w);
  const chiSquare = margins === 0 ? 0 : (n * (x * w - y * z) ** 2) / margins;
  const logOddsRatio = Math.log(((x + 0.5) * (w + 0.5)) / ((y + 0.5) * (z + 0.5)));
  const logOddsRatioSe = Math.sqrt(cells.reduce((sum, cell) => sum + 1 / (cell + 0.5), 0));
  return { chiSquare, logOddsRatio, logOddsRatioSe };
}

/** The k rule for a term shown beside two groups (see above). */
export function contrastReleasable(aCount: number, bCount: number, minCell: number): boolean {
  const ok = (count: number) => count === 0 || count >= minCell;
  return ok(aCount) && ok(bCount) && aCount + bCount >= minCell;
}

export interface DistinguishingTerm extends TermContrast {
  readonly key: string;
  readonly label: string;
  readonly countA: number;
  readonly countB: number;
  /** The group that uses the term more. */
  readonly leans: "a" | "b";
}

/** The terms that most tell the groups apart, by chi-square, releasable ones only. */
export function distinguishingTerms(
  groupA: readonly { key: string; label: string; count: number }[],
  groupB: readonly { key: string; label: string; count: number }[],
  totals: { readonly a: number; readonly b: number },
  minCell: number,
  limit: number,
): DistinguishingTerm[] {
  const byKey = new Map<string, { label: string; a: number; b: number }>();
  for (const term of groupA) byKey.set(term.key, { label: term.label, a: term.count, b: 0 });
  for (const term of groupB) {
    const entry = byKey.get(term.key);
    if (entry) entry.b = term.count;
    else byKey.set(term.key, { label: term.label, a: 0, b: term.count });
  }
  return [...byKey.entries()]
    .filter(([, counts]) => contrastReleasable(counts.a, counts.b, minCell))
    .map(([key, counts]) => {
      const contrast = termContrast({ withTerm: counts.a, total: totals.a }, { withTerm: counts.b, total: totals.b });
      return {
        key,
        label: counts.label,
        countA: counts.a,
        countB: counts.b,
        ...contrast,
        leans: contrast.logOddsRatio >= 0 ? ("a" as const) : ("b" as const),
      };
    })
    .filter((term) => term.chiSquare > 0)
    .sort((x, y) => y.chiSquare - x.chiSquare || (x.label < y.label ? -1 : 1))
    .slice(0, limit);
}
