import { MIN_CELL } from "./suppression";

/**
 * The comparison yardstick ("national", or the pool of other regions) shown to someone who cannot
 * read every region. Without a rule, a one-day or one-theme filter turns the pool into another
 * region's single day. The rule:
 *
 * 1. The pool is built from whole blocks: a block is one calendar month × programme × theme. Date
 *    filters must cover whole months (from the 1st to the month's last day), so no filter cuts a
 *    block; every yardstick is then a union of whole blocks, and the difference of any two is too.
 * 2. Every block in the pool that holds answers from regions the reader cannot read must hold them
 *    from at least MIN_OTHER_REGIONS such regions with at least MIN_CELL respondents each.
 *
 * A difference of two shown yardsticks is therefore a union of blocks that each pass (2) on their
 * own: it never isolates one region or one day. Regions the reader can read, and national days,
 * are not counted: the reader sees them anyway and could subtract them.
 */
export const MIN_OTHER_REGIONS = 3;

export type YardstickReason = "too_few_regions" | "whole_months";
export type YardstickState = { readonly shown: true } | { readonly shown: false; readonly reason: YardstickReason };

/** Respondents one region brings to one block of the pool. */
export interface BlockContribution {
  /** YYYY-MM, Helsinki calendar month. */
  readonly month: string;
  /** Identifies the month × programme × theme block. */
  readonly block: string;
  readonly regionCode: string | null;
  readonly respondents: number;
}

export interface YardstickReader {
  readonly readsAllRegions: boolean;
  canRead(regionCode: string): boolean;
}

/** True when the range starts on a month's first day and ends on a month's last day (open ends count as whole). */
export function coversWholeMonths(from: string | undefined, to: string | undefined): boolean {
  if (from !== undefined && !from.endsWith("-01")) return false;
  if (to === undefined) return true;
  const [y, m] = to.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Number(to.slice(8, 10)) === lastDay;
}

export function yardstickState(
  reader: YardstickReader,
  range: { readonly from?: string | undefined; readonly to?: string | undefined },
  contributions: readonly BlockContribution[],
  minRegions: number = MIN_OTHER_REGIONS,
  minRespondents: number = MIN_CELL,
): YardstickState {
  if (reader.readsAllRegions) return { shown: true };
  if (!coversWholeMonths(range.from, range.to)) return { shown: false, reason: "whole_months" };
  const othersByBlock = new Map<string, number[]>();
  for (const c of contributions) {
    if (c.regionCode === null || reader.canRead(c.regionCode) || c.respondents <= 0) continue;
    const list = othersByBlock.get(c.block) ?? [];
    list.push(c.respondents);
    othersByBlock.set(c.block, list);
  }
  for (const respondents of othersByBlock.values()) {
    if (respondents.filter((n) => n >= minRespondents).length < minRegions) return { shown: false, reason: "too_few_regions" };
  }
  return { shown: true };
}
