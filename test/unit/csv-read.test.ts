import { describe, expect, it } from "vitest";
import { detectSeparator, readCsv, readDate, readDecimal, readWholeNumber } from "../../src/domain/csv-read";

describe("readCsv", () => {
  it("reads Finnish Excel: a BOM, ';', CRLF, quoted fields with the separator, quotes and line breaks", () => {
    const text = '\uFEFFpvm;nimi;arvo\r\n4.9.2019;"Kuopio; Iisalmi";"8,5"\r\n5.9.2019;"sanoi ""hei""";"kaksi\r\nriviä"\r\n';
    expect(readCsv(text)).toEqual([
      { line: 1, cells: ["pvm", "nimi", "arvo"] },
      { line: 2, cells: ["4.9.2019", "Kuopio; Iisalmi", "8,5"] },
      { line: 3, cells: ["5.9.2019", 'sanoi "hei"', "kaksi\r\nriviä"] },
    ]);
  });

  it("reads plain UTF-8 with ',' and LF, skips blank lines and keeps the line numbers a person sees", () => {
    expect(readCsv('a,b\n\n"x\ny",2\n ,  \n3,4')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 3, cells: ["x\ny", "2"] },
      { line: 6, cells: ["3", "4"] },
    ]);
  });

  it("drops only the file's leading BOM; a U+FEFF typed inside a cell is kept", () => {
    expect(readCsv("\uFEFFa;b\nx\uFEFFy;z")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x\uFEFFy", "z"] },
    ]);
    expect(readCsv("a;b\nx\uFEFFy;z")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x\uFEFFy", "z"] },
    ]);
  });

  it("keeps a one-column last row that has no line break after it", () => {
    expect(readCsv("a\nb")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["b"] },
    ]);
  });

  it("ends a row at a lone CR as well, and keeps an empty last cell", () => {
    expect(readCsv("a;b\rc;\r")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["c", ""] },
    ]);
  });

  it("opens a quote only at the start of a cell (after blanks); a quote inside a cell is text", () => {
    expect(readCsv('  "q;r";ab"c"d\n')).toEqual([{ line: 1, cells: ["q;r", 'ab"c"d'] }]);
  });

  it("returns no rows for an empty text or a lone BOM", () => {
    expect(readCsv("")).toEqual([]);
    expect(readCsv("\uFEFF")).toEqual([]);
  });
});

describe("detectSeparator", () => {
  it("takes whichever of ';' and ',' the header uses more; a tie or neither is ';'", () => {
    expect(detectSeparator("a,b;c,d\n;;;;;;")).toBe(",");
    expect(detectSeparator("a;b;c,d")).toBe(";");
    expect(detectSeparator("a;b,c")).toBe(";");
    expect(detectSeparator("abc")).toBe(";");
    expect(detectSeparator("\uFEFFa,b")).toBe(",");
    expect(detectSeparator("a,b\r\n;;;;")).toBe(",");
  });
});

describe("readDecimal and readWholeNumber", () => {
  it("reads a decimal comma or point, blank as null, anything else as NaN", () => {
    expect(readDecimal(" 8,5 ")).toBe(8.5);
    expect(readDecimal("8.25")).toBe(8.25);
    expect(readDecimal("-3")).toBe(-3);
    expect(readDecimal("123456,123456")).toBe(123456.123456);
    expect(readDecimal("  ")).toBeNull();
    for (const bad of ["8,", ",5", "1234567", "1,1234567", "8 5", "x8", "8x", "+8", "8,5,1"]) expect(readDecimal(bad), bad).toBeNaN();
  });

  it("reads whole numbers of up to seven digits", () => {
    expect(readWholeNumber(" 42 ")).toBe(42);
    expect(readWholeNumber("1234567")).toBe(1234567);
    expect(readWholeNumber("")).toBeNull();
    for (const bad of ["12345678", "4,2", "-1", "x1", "1x"]) expect(readWholeNumber(bad), bad).toBeNaN();
  });
});

describe("readDate", () => {
  it("reads ISO and Finnish dates, padding day and month", () => {
    expect(readDate(" 2019-09-04 ")).toBe("2019-09-04");
    expect(readDate("4.9.2019")).toBe("2019-09-04");
    expect(readDate("14.11.2019")).toBe("2019-11-14");
    // Nothing before the day: "124.9.2019" is not the 24th, "x4.9.2019" not the 4th.
    expect(readDate("124.9.2019")).toBeNull();
    expect(readDate("x4.9.2019")).toBeNull();
    expect(readDate("29.2.2020")).toBe("2020-02-29");
  });

  it("refuses days that do not exist and other shapes", () => {
    for (const bad of [
      "29.2.2019",
      "2019-02-30",
      "2019-13-01",
      "32.1.2019",
      "4.9.19",
      "2019-9-4",
      "x2019-09-04",
      "2019-09-04x",
      "4.9.2019.",
      "",
      "a.b.cdef",
    ])
      expect(readDate(bad), bad).toBeNull();
  });
});
