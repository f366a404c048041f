// Does the funnel plot flag regions at the rate it promises? Simulated national programmes with
// strong day clustering (the demo data's between-day variance 0.19 and within-day 0.69, ICC ≈ 0.22)
// and 18 regions × 3 days of 15–60 answers. With no true region effect about 5 % of regions
// should fall outside the 95 % limits; with a real effect the region should be found.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/demo/random";
import { addClusterSums, eventSums, NO_CLUSTER_SUMS, type ClusterSums } from "../../../src/domain/stats/clustered-pool";
import { funnelPoint, yardstick } from "../../../src/domain/stats/funnel";

const REGIONS = 18;
const EVENTS_PER_REGION = 3;
const BETWEEN_EVENT_SD = Math.sqrt(0.19);
const WITHIN_EVENT_SD = Math.sqrt(0.69);

function normal(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** One region's days: each day gets its own shift, then each answer its own noise. */
function simulateRegion(random: () => number, regionEffect: number): ClusterSums {
  let sums = NO_CLUSTER_SUMS;
  for (let d = 0; d < EVENTS_PER_REGION; d++) {
    const n = 15 + Math.floor(random() * 46);
    const eventMean = 8 + regionEffect + BETWEEN_EVENT_SD * normal(random);
    let sum = 0;
    let sumSq = 0;
    for (let j = 0; j < n; j++) {
      const x = eventMean + WITHIN_EVENT_SD * normal(random);
      sum += x;
      sumSq += x * x;
    }
    sums = addClusterSums(sums, eventSums(n, sum, sumSq));
  }
  return sums;
}

/** Flags of every region of one programme against its own rest of the country. */
function flagsOfProgramme(random: () => number, effects: readonly number[]): boolean[] {
  const regions = effects.map((effect) => simulateRegion(random, effect));
  return regions.map((region, i) => {
    const rest = regions.filter((_, j) => j !== i).reduce(addClusterSums, NO_CLUSTER_SUMS);
    const point = funnelPoint(region, yardstick(rest)!)!;
    return point.flag !== "within";
  });
}

describe("funnel limits on simulated programmes", () => {
  it("flag about 5 % of regions at 95 % when no region differs (400 programmes, 7,200 regions)", () => {
    const random = seededRandom(20191104);
    let flagged = 0;
    let total = 0;
    for (let p = 0; p < 400; p++) {
      const flags = flagsOfProgramme(random, Array(REGIONS).fill(0));
      flagged += flags.filter(Boolean).length;
      total += flags.length;
    }
    // Tolerance 3.5 %–6.5 %: the binomial SE of 7,200 independent draws is 0.26 points, and
    // regions of one programme share a yardstick, so the real SE is larger; ±1.5 points is about
    // ±4 naive SEs. A pool that ignored day clustering (each answer independent) flags about half of them here.
    const share = flagged / total;
    expect(share).toBeGreaterThan(0.035);
    expect(share).toBeLessThan(0.065);
  });

  it("find a region whose participants grade 0.8 higher (about 1.8 between-day SDs) in most programmes", () => {
    const random = seededRandom(4242);
    let found = 0;
    let othersFlagged = 0;
    const programmes = 200;
    for (let p = 0; p < programmes; p++) {
      const flags = flagsOfProgramme(random, [0.8, ...Array(REGIONS - 1).fill(0)]);
      if (flags[0]) found++;
      othersFlagged += flags.slice(1).filter(Boolean).length;
    }
    // Power for a 0.8 shift with 3 days: SE of a region ≈ √(0.19·Σn²/N² + 0.69/N) ≈ 0.27, plus the
    // yardstick's; z ≈ 2.8, so about 80 % are found. Ask for more than 60 %, and that the other
    // regions are still flagged at close to the nominal rate (under 8 %).
    expect(found / programmes).toBeGreaterThan(0.6);
    expect(othersFlagged / (programmes * (REGIONS - 1))).toBeLessThan(0.08);
  });
});
