import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/domain/csv";

describe("CSV for Finnish Excel", () => {
  it("writes a BOM, ';' separators, CRLF, quoted text and decimal commas", () => {
    expect(toCsv(["Alue", "Keskiarvo"], [["Keski-Pohjanmaa", 8.5], ['Sanoi "hyvä"; ok', -1.25], ["tyhjä", null]])).toBe(
      '\uFEFF"Alue";"Keskiarvo"\r\n"Keski-Pohjanmaa";8,5\r\n"Sanoi ""hyvä""; ok";-1,25\r\n"tyhjä";\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ["+358 40 123", `"'+358 40 123"`],
    ["-2", `"'-2"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
    ["ok = fine", `"ok = fine"`],
  ])("neutralizes formula-looking text %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("rounds numbers to four decimals and leaves non-finite ones empty", () => {
    expect(csvCell(8.123456)).toBe("8,1235");
    expect(csvCell(Number.NaN)).toBe("");
  });
});
