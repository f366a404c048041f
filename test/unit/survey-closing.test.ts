import { describe, expect, it } from "vitest";
import { DEFAULT_CLOSE_AFTER_DAYS, defaultClosesAt } from "../../src/domain/survey-closing";

// Expected instants written by hand as UTC: 23.59 Helsinki is 21.59Z in winter (EET, +2) and 20.59Z in summer (EEST, +3).
describe("defaultClosesAt", () => {
  it("closes 14 days after the day at 23.59 Helsinki time, across a year's end", () => {
    expect(DEFAULT_CLOSE_AFTER_DAYS).toBe(14);
    expect(defaultClosesAt("2019-12-25", 14)).toBe(Date.parse("2020-01-08T21:59:00Z"));
  });

  it("counts days across a month's end and the change to summer time", () => {
    expect(defaultClosesAt("2020-03-20", 14)).toBe(Date.parse("2020-04-03T20:59:00Z"));
    expect(defaultClosesAt("2020-02-27", 3)).toBe(Date.parse("2020-03-01T21:59:00Z"));
  });

  it("closes on the day itself for 0, and never when the programme sets no default", () => {
    expect(defaultClosesAt("2020-06-10", 0)).toBe(Date.parse("2020-06-10T20:59:00Z"));
    expect(defaultClosesAt("2020-06-10", null)).toBeNull();
  });
});
