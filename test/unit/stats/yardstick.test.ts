import { describe, expect, it } from "vitest";
import { coversWholeMonths, yardstickState, type BlockContribution } from "../../../src/domain/stats";

const agent16 = { readsAllRegions: false, canRead: (code: string) => code === "16" };
const block = (regionCode: string | null, respondents: number, b = "2019-09|1|1"): BlockContribution => ({
  month: b.slice(0, 7),
  block: b,
  regionCode,
  respondents,
});

describe("coversWholeMonths", () => {
  it.each([
    [undefined, undefined, true],
    ["2019-09-01", "2019-09-30", true],
    ["2019-02-01", "2019-02-28", true],
    ["2020-02-01", "2020-02-28", false],
    ["2020-02-01", "2020-02-29", true],
    ["2019-09-04", "2019-09-30", false],
    ["2019-09-01", "2019-09-04", false],
    ["2019-09-01", undefined, true],
  ])("%s…%s → %s", (from, to, whole) => expect(coversWholeMonths(from, to)).toBe(whole));
});

describe("yardstickState", () => {
  it("always shows it to a reader of every region", () => {
    expect(
      yardstickState({ readsAllRegions: true, canRead: () => true }, { from: "2019-09-04", to: "2019-09-04" }, [block("15", 1)]),
    ).toEqual({ shown: true });
  });

  it("withholds it when the dates cut a month", () => {
    expect(yardstickState(agent16, { from: "2019-09-04", to: "2019-09-04" }, [])).toEqual({ shown: false, reason: "whole_months" });
  });

  it("needs 3 other regions with at least 5 respondents in every block", () => {
    const three = [block("01", 5), block("02", 9), block("15", 30)];
    expect(yardstickState(agent16, {}, three)).toEqual({ shown: true });
    expect(yardstickState(agent16, {}, [block("01", 4), block("02", 9), block("15", 30)])).toEqual({
      shown: false,
      reason: "too_few_regions",
    });
    // A small fourth region rides along; the reader's own region and national days do not count.
    expect(yardstickState(agent16, {}, [...three, block("04", 1), block("16", 50), block(null, 100)])).toEqual({ shown: true });
    expect(yardstickState(agent16, {}, [block("01", 5), block("02", 9), block("16", 50), block(null, 100)])).toEqual({
      shown: false,
      reason: "too_few_regions",
    });
    // Every block on its own: a second block with one other region fails the whole pool.
    expect(yardstickState(agent16, {}, [...three, block("04", 40, "2019-10|1|1")])).toEqual({ shown: false, reason: "too_few_regions" });
  });

  it("shows a pool with no other regions' answers in it (it reveals nothing the reader cannot read)", () => {
    expect(yardstickState(agent16, {}, [block("16", 50), block(null, 10), block("01", 0)])).toEqual({ shown: true });
  });
});
