import { describe, expect, it } from "vitest";
import { helsinkiInstant, helsinkiLocal } from "../../src/domain/helsinki-time";
import { formatDate, formatDateTime, formatShortDate } from "../../src/domain/i18n";

const iso = (local: string) => {
  const instant = helsinkiInstant(local);
  return instant === null ? null : new Date(instant).toISOString();
};

describe("helsinkiInstant", () => {
  it.each([
    ["2019-09-04T16:00", "2019-09-04T13:00:00.000Z"], // summer, UTC+3
    ["2019-01-15T09:00", "2019-01-15T07:00:00.000Z"], // winter, UTC+2
    ["2019-03-31T02:59", "2019-03-31T00:59:00.000Z"], // last minute before the spring switch
    ["2019-03-31T04:00", "2019-03-31T01:00:00.000Z"], // first minute after it
    ["2019-03-31T03:30", "2019-03-31T01:30:00.000Z"], // skipped by the clocks: moved to 04:30
    ["2019-10-27T03:30", "2019-10-27T00:30:00.000Z"], // happens twice: the first one
    ["2019-10-27T04:00", "2019-10-27T02:00:00.000Z"], // after the autumn switch
    ["2019-12-31T23:59", "2019-12-31T21:59:00.000Z"],
  ])("%s Helsinki is %s", (local, expected) => {
    expect(iso(local)).toBe(expected);
  });

  it.each(["", "2019-09-04", "2019-09-04T16:00Z", "2019-02-30T10:00", "2019-09-04T24:00", "2019-13-01T10:00", "4.9.2019 16:00"])(
    "refuses %j",
    (text) => {
      expect(helsinkiInstant(text)).toBeNull();
    },
  );

  it("round-trips every hour of a year through helsinkiLocal (the repeated autumn hour to its first instant)", () => {
    for (let t = Date.parse("2019-01-01T00:00:00Z"); t < Date.parse("2020-01-01T00:00:00Z"); t += 60 * 60 * 1000) {
      const local = helsinkiLocal(t);
      const back = helsinkiInstant(local)!;
      // In the repeated autumn hour the first instant is chosen, an hour before the second.
      expect([t, t - 60 * 60 * 1000], local).toContain(back);
      expect(helsinkiLocal(back)).toBe(local);
    }
  });
});

describe("dates and times as each language reads them, the same on Node and Workers", () => {
  it("refuses a wall-clock time with anything before it (kills: LOCAL without ^)", () => {
    expect(helsinkiInstant("x2019-09-04T10:00")).toBeNull();
    expect(helsinkiInstant("12019-09-04T10:00")).toBeNull();
  });

  it("writes Helsinki time (summer and winter)", () => {
    const summer = Date.parse("2019-09-04T13:00:00Z");
    expect(formatDateTime("fi", summer)).toBe("4.9.2019 klo 16.00");
    expect(formatDateTime("sv", summer)).toBe("4.9.2019 kl. 16.00");
    expect(formatDateTime("en", summer)).toBe("4 Sep 2019, 16:00");
    expect(formatDateTime("fi", summer, "long")).toBe("4. syyskuuta 2019 klo 16.00");
    expect(formatDateTime("sv", summer, "long")).toBe("4 september 2019 kl. 16.00");
    expect(formatDateTime("en", summer, "long")).toBe("4 September 2019 at 16:00");
    expect(formatDateTime("fi", Date.parse("2019-12-12T07:05:00Z"))).toBe("12.12.2019 klo 9.05");
  });

  it("writes calendar dates without Intl's locale data", () => {
    expect(formatDate("fi", "2019-11-06")).toBe("6. marraskuuta 2019");
    expect(formatDate("sv", "2019-11-06")).toBe("6 november 2019");
    expect(formatShortDate("sv", "2019-11-06")).toBe("6.11.2019");
    expect(formatShortDate("en", "2019-11-06")).toBe("6 Nov 2019");
    expect(formatDate("en", "not a date")).toBe("not a date");
  });
});
