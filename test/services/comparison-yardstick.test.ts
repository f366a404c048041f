import { beforeAll, describe, expect, it, vi } from "vitest";
import { serviceContext } from "../../src/services/context";
import { withheldUnless, yardstickGuard } from "../../src/services/comparison-yardstick";
import { testPrincipal } from "../helpers/accounts";
import { figuresWorld, type FiguresWorld } from "../helpers/figures-fixture";

// The yardstick rule meeting the data (src/services/comparison-yardstick.ts) on a real in-memory
// database with the real migrations (test/helpers/figures-fixture.ts): block 2019-11 × B × B1 holds
// answers from region 01 besides 16, every other block from three other regions or none. Each
// test names the rule, and the mutants, it holds in place.

let w: FiguresWorld;
const deps = () => serviceContext(w.db, { now: () => Date.parse("2020-01-15T12:00:00Z") });
const national = testPrincipal({ userId: 1, email: "n@test.example", name: "N", role: "national" });
const viewer16 = testPrincipal({ userId: 2, email: "v@test.example", name: "V", role: "viewer", regions: ["16"] });
const everyRegionViewer = testPrincipal({ userId: 3, email: "a@test.example", name: "A", role: "viewer", allRegions: true });

beforeAll(async () => {
  w = await figuresWorld();
});

describe("yardstickGuard", () => {
  it("a reader of some regions: withheld while a block has too few other regions, per the months asked (kills: the months filter → all blocks, the reader's canRead)", async () => {
    const guard = await yardstickGuard(deps(), viewer16, { regions: "all" });
    expect(guard()).toEqual({ shown: false, reason: "too_few_regions" });
    expect(guard((month) => month === "2019-09")).toEqual({ shown: true });
    expect(guard((month) => month === "2019-11")).toEqual({ shown: false, reason: "too_few_regions" });
    // Within programme A every block passes.
    expect((await yardstickGuard(deps(), viewer16, { regions: "all", programmeId: w.programmes.a }))()).toEqual({ shown: true });
    // The reader's own region does not count as another: a reader of 16 and 01 sees November's pool.
    const both = testPrincipal({ userId: 4, email: "b@test.example", name: "B", role: "viewer", regions: ["16", "01"] });
    expect((await yardstickGuard(deps(), both, { regions: "all" }))((month) => month === "2019-11")).toEqual({ shown: true });
  });

  it("a one-day range is withheld for whole months (kills: the filter passed to the rule)", async () => {
    const guard = await yardstickGuard(deps(), viewer16, { regions: "all", from: "2019-09-04", to: "2019-09-04" });
    expect(guard()).toEqual({ shown: false, reason: "whole_months" });
  });

  it("a reader of every region is shown every pool without a read of the blocks (kills: readsAllRegions → false, the shortcut's answer)", async () => {
    for (const principal of [national, everyRegionViewer]) {
      const execute = vi.spyOn(w.db.$client, "execute");
      const guard = await yardstickGuard(deps(), principal, { regions: "all" });
      expect(execute).not.toHaveBeenCalled();
      execute.mockRestore();
      expect(guard()).toEqual({ shown: true });
      expect(guard(() => false)).toEqual({ shown: true });
    }
    // The spy does see the blocks' read where one is needed.
    const execute = vi.spyOn(w.db.$client, "execute");
    await yardstickGuard(deps(), viewer16, { regions: "all" });
    expect(execute).toHaveBeenCalledTimes(1);
    execute.mockRestore();
  });
});

describe("withheldUnless", () => {
  it("gives the figure when shown and null when withheld (kills: state.shown → true/false)", () => {
    expect(withheldUnless({ shown: true }, 7)).toBe(7);
    expect(withheldUnless({ shown: false, reason: "too_few_regions" }, 7)).toBeNull();
  });
});
