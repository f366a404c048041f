import { describe, expect, it } from "vitest";
import { formatNumber, formatShortDate, t } from "../../src/domain/i18n";
import { formatDate } from "../../src/domain/i18n/dates";

describe("t", () => {
  it("returns the template as written when no parameters are given", () => {
    expect(t("en", "nav.signedInAs")).toBe("Signed in: {name}");
  });
  it("fills text parameters verbatim and numbers in the language's format", () => {
    expect(t("en", "nav.signedInAs", { name: "Aino" })).toBe("Signed in: Aino");
    expect(t("en", "admin.event.rate", { percent: 42.5 })).toBe("42.5% of attendance");
    expect(t("fi", "nav.signedInAs", { name: "8.5" })).toContain("8.5");
    expect(t("fi", "admin.errors.intro", { count: 2.5 })).toContain("2,5");
  });
  it("leaves a placeholder it has no value for", () => {
    expect(t("en", "nav.signedInAs", { other: 1 })).toBe("Signed in: {name}");
  });
});

describe("formatNumber", () => {
  it("rounds to two decimals by default, or to the digits asked for", () => {
    expect(formatNumber("fi", 8.456)).toBe("8,46");
    expect(formatNumber("fi", 8.456, 1)).toBe("8,5");
    expect(formatNumber("en", 8.456)).toBe("8.46");
  });
  it("never groups thousands (no spaces or commas inside a number)", () => {
    expect(formatNumber("fi", 12345.5)).toBe("12345,5");
    // Swedish numbers are formatted by sv-FI, Finnish by fi-FI: the two agree on every finite
    // number and differ on NaN's word, which is how a test tells them apart.
    expect([formatNumber("sv", Number.NaN), formatNumber("fi", Number.NaN)]).toEqual(["NaN", "epäluku"]);
    expect(formatNumber("sv", 12345.5)).toBe("12345,5");
    expect(formatNumber("en", 12345.5)).toBe("12345.5");
  });
});

describe("formatShortDate", () => {
  it("handles the first and last month and leaves text that is not a date alone", () => {
    expect(formatShortDate("fi", "2019-01-31")).toBe("31.1.2019");
    expect(formatShortDate("en", "2019-12-01")).toBe("1 Dec 2019");
    expect(formatShortDate("en", "2019-13-01")).toBe("2019-13-01");
    expect(formatShortDate("sv", "2019-00-01")).toBe("2019-00-01");
    expect(formatShortDate("fi", "x2019-09-04")).toBe("x2019-09-04");
  });
});

describe("formatDate's month names", () => {
  // The reference is the runtime's own CLDR data (Intl), not the project's table: Finnish takes the
  // partitive after a day ("4. helmikuuta"), Swedish and English the plain name.
  const cldr = (locale: string, month: number) =>
    new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" })
      .formatToParts(Date.UTC(2019, month - 1, 4))
      .find((part) => part.type === "month")!.value;
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])("names month %i as CLDR does in fi, sv and en", (month) => {
    const iso = `2019-${String(month).padStart(2, "0")}-04`;
    expect(formatDate("fi", iso)).toContain(cldr("fi-FI", month));
    expect(formatDate("sv", iso)).toContain(cldr("sv-FI", month));
    expect(formatDate("en", iso)).toContain(cldr("en-GB", month));
  });
});
