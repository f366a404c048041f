import { describe, expect, it } from "vitest";
import { bucketKey, bucketRange, fillSeries, formatCalendarDate, helsinkiDate, type BucketInterval } from "../../../src/domain/stats";

describe("helsinkiDate", () => {
  // Finland: EET (UTC+2) in winter, EEST (UTC+3) from the last Sunday of March 01:00 UTC
  // to the last Sunday of October 01:00 UTC (2019: 31 March and 27 October).
  it.each([
    { input: "2019-09-04", date: "2019-09-04", why: "a date string is already a Helsinki date" },
    { input: Date.UTC(2019, 9, 26, 22, 30), date: "2019-10-27", why: "22:30Z + 3 h (EEST) = 01:30 on the 27th" },
    { input: Date.UTC(2019, 9, 26, 20, 59), date: "2019-10-26", why: "20:59Z + 3 h = 23:59 on the 26th" },
    { input: Date.UTC(2019, 9, 27, 21, 30), date: "2019-10-27", why: "after the change: 21:30Z + 2 h (EET) = 23:30" },
    { input: Date.UTC(2019, 9, 27, 22, 0), date: "2019-10-28", why: "22:00Z + 2 h = midnight of the 28th" },
    { input: Date.UTC(2019, 2, 30, 21, 59), date: "2019-03-30", why: "21:59Z + 2 h = 23:59 on the 30th" },
    { input: Date.UTC(2019, 2, 30, 22, 0), date: "2019-03-31", why: "22:00Z + 2 h = midnight of the 31st" },
    { input: Date.UTC(2019, 2, 31, 20, 59), date: "2019-03-31", why: "after the change: 20:59Z + 3 h = 23:59" },
    { input: Date.UTC(2019, 2, 31, 21, 0), date: "2019-04-01", why: "21:00Z + 3 h = midnight of 1 April" },
    { input: Date.UTC(2019, 5, 30, 21, 30), date: "2019-07-01", why: "21:30Z + 3 h = 00:30 on 1 July" },
    { input: Date.UTC(2019, 11, 31, 21, 59, 59), date: "2019-12-31", why: "21:59:59Z + 2 h = 23:59:59" },
    { input: Date.UTC(2019, 11, 31, 22, 0), date: "2020-01-01", why: "22:00Z + 2 h = new year" },
    { input: "2019-10-26T22:30:00Z", date: "2019-10-27", why: "ISO timestamp in UTC" },
    { input: "2019-10-26T22:30:00.000Z", date: "2019-10-27", why: "ISO timestamp with milliseconds" },
    { input: "2019-06-30T23:30:00+02:00", date: "2019-07-01", why: "23:30+02:00 = 21:30Z = 00:30 EEST" },
    { input: "2020-02-29", date: "2020-02-29", why: "leap day" },
  ])("$input → $date ($why)", ({ input, date }) => {
    expect(formatCalendarDate(helsinkiDate(input))).toBe(date);
  });

  it.each([
    "2019-02-29", // not a leap year
    "2019-13-01",
    "2019-00-10",
    "2019-04-31",
    "2019-9-4",
    "4.9.2019",
    "2019-10-26T22:30:00", // no zone: ambiguous
    "",
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])("refuses %s", (input) => {
    expect(() => helsinkiDate(input)).toThrow(RangeError);
  });
});

describe("bucketKey", () => {
  it.each([
    { date: "2019-03-20", month: "2019-03", term: "2019-spring", year: "2019" },
    { date: "2019-06-30", month: "2019-06", term: "2019-spring", year: "2019" },
    { date: "2019-07-01", month: "2019-07", term: "2019-autumn", year: "2019" },
    { date: "2019-09-04", month: "2019-09", term: "2019-autumn", year: "2019" },
    { date: "2019-12-31", month: "2019-12", term: "2019-autumn", year: "2019" },
    { date: "2020-01-01", month: "2020-01", term: "2020-spring", year: "2020" },
    // 2019-06-30T21:30Z is 00:30 on 1 July in Helsinki: autumn, not spring
    { date: Date.UTC(2019, 5, 30, 21, 30), month: "2019-07", term: "2019-autumn", year: "2019" },
    // 2019-10-26T22:30Z is 27 October in Helsinki; 31 Dec 22:30Z is already next year
    { date: Date.UTC(2019, 9, 26, 22, 30), month: "2019-10", term: "2019-autumn", year: "2019" },
    { date: Date.UTC(2019, 11, 31, 22, 30), month: "2020-01", term: "2020-spring", year: "2020" },
    { date: Date.UTC(2019, 2, 31, 21, 0), month: "2019-04", term: "2019-spring", year: "2019" },
  ])("$date → $month / $term / $year", ({ date, month, term, year }) => {
    expect(bucketKey(date, "month")).toBe(month);
    expect(bucketKey(date, "term")).toBe(term);
    expect(bucketKey(date, "year")).toBe(year);
  });
});

describe("bucketRange", () => {
  it.each([
    { from: "2019-11-15", to: "2020-02-03", interval: "month", keys: ["2019-11", "2019-12", "2020-01", "2020-02"] },
    { from: "2019-03-20", to: "2019-03-21", interval: "month", keys: ["2019-03"] },
    {
      from: "2019-03-20",
      to: "2021-01-10",
      interval: "term",
      keys: ["2019-spring", "2019-autumn", "2020-spring", "2020-autumn", "2021-spring"],
    },
    { from: "2019-07-01", to: "2020-06-30", interval: "term", keys: ["2019-autumn", "2020-spring"] },
    { from: "2019-06-30", to: "2019-07-01", interval: "term", keys: ["2019-spring", "2019-autumn"] },
    { from: "2018-12-31", to: "2020-01-01", interval: "year", keys: ["2018", "2019", "2020"] },
    { from: "2019-01-01", to: "2019-12-31", interval: "year", keys: ["2019"] },
    // 2018-12-31T22:30Z is 1 January 2019 in Helsinki
    { from: Date.UTC(2018, 11, 31, 22, 30), to: "2019-03-01", interval: "month", keys: ["2019-01", "2019-02", "2019-03"] },
    { from: "2020-01-01", to: "2019-12-31", interval: "month", keys: [] },
  ] as { from: string | number; to: string | number; interval: BucketInterval; keys: string[] }[])(
    "$interval $from … $to",
    ({ from, to, interval, keys }) => {
      expect(bucketRange(from, to, interval)).toEqual(keys);
    },
  );

  it("covers a whole year of months", () => {
    const keys = bucketRange("2019-01-01", "2019-12-31", "month");
    expect(keys).toHaveLength(12);
    expect(keys[0]).toBe("2019-01");
    expect(keys[11]).toBe("2019-12");
  });
});

describe("fillSeries", () => {
  // A function, so the code under test runs inside the tests, never while the file is collected.
  const keys = () => bucketRange("2019-01-01", "2020-12-31", "term"); // 2019-spring … 2020-autumn

  it("keeps every bucket, with null (a gap, not a zero) where there is no data", () => {
    const series = fillSeries(
      keys(),
      new Map([
        ["2020-autumn", { mean: 8.1 }],
        ["2019-spring", { mean: 8.5 }],
      ]),
    );
    expect(series).toEqual([
      { key: "2019-spring", value: { mean: 8.5 } },
      { key: "2019-autumn", value: null },
      { key: "2020-spring", value: null },
      { key: "2020-autumn", value: { mean: 8.1 } },
    ]);
  });

  it("keeps a real zero as zero", () => {
    expect(fillSeries(["2019", "2020"], [["2019", 0]])).toEqual([
      { key: "2019", value: 0 },
      { key: "2020", value: null },
    ]);
  });

  it("drops points outside the range", () => {
    expect(
      fillSeries(
        ["2019"],
        [
          ["2018", 3],
          ["2019", 4],
        ],
      ),
    ).toEqual([{ key: "2019", value: 4 }]);
  });

  it("refuses two points for one bucket", () => {
    expect(() =>
      fillSeries(keys(), [
        ["2019-spring", 1],
        ["2019-spring", 2],
      ]),
    ).toThrow(RangeError);
  });

  it("gives an empty series for an empty range", () => {
    expect(fillSeries([], [["2019", 1]])).toEqual([]);
  });
});
