import { describe, expect, it } from "vitest";
import { helsinkiInstant } from "../../src/domain/helsinki-time";
import { formatDate } from "../../src/domain/i18n";
import { helsinkiDate } from "../../src/domain/stats";

describe("helsinkiInstant refuses what is not a wall-clock time", () => {
  it.each(["2019-00-10T10:00", "2019-13-01T10:00", "2019-09-00T10:00", "2019-09-31T10:00", "2019-09-04T24:00", "2019-09-04T10:60"])(
    "%s → null",
    (local) => {
      expect(helsinkiInstant(local)).toBeNull();
    },
  );
  it("accepts the last minute of a day", () => {
    // 23:59 in September is UTC+3: 20:59Z
    expect(new Date(helsinkiInstant("2019-09-30T23:59")!).toISOString()).toBe("2019-09-30T20:59:00.000Z");
  });
});

describe("helsinkiDate", () => {
  it("reads a timestamp with a zone as Helsinki's date, seconds optional", () => {
    expect(helsinkiDate("2019-09-04T21:30Z")).toEqual({ year: 2019, month: 9, day: 5 }); // 00:30 on the 5th in Helsinki
    expect(helsinkiDate("2019-09-04T21:30:15.5+00:00")).toEqual({ year: 2019, month: 9, day: 5 });
  });
  it.each(["x2019-09-04T10:00Z", "2019-09-04T10:00Zjunk", "2019-09-04T10:00:5Z", "x2019-09-04", "12019-09-04"])(
    "refuses %j, saying what it expects",
    (input) => {
      expect(() => helsinkiDate(input)).toThrow(
        `expected YYYY-MM-DD, an ISO timestamp with a zone, or epoch ms; got ${JSON.stringify(input)}`,
      );
    },
  );
  it("refuses day 0 and a day past the month's end, naming the input", () => {
    expect(() => helsinkiDate("2019-09-00")).toThrow("not a calendar date: 2019-09-00");
    expect(() => helsinkiDate("2019-02-29")).toThrow("not a calendar date: 2019-02-29");
  });
  it("refuses an instant that is not a number", () => {
    expect(() => helsinkiDate(Number.NaN)).toThrow("not a valid instant: NaN");
  });
});

describe("formatDate", () => {
  it("names every month, December included", () => {
    expect(formatDate("fi", "2019-12-04")).toBe("4. joulukuuta 2019");
    expect(formatDate("fi", "2019-01-04")).toBe("4. tammikuuta 2019");
    expect(formatDate("sv", "2019-12-04")).toBe("4 december 2019");
  });
});
