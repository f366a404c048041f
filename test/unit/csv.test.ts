import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/domain/csv";

describe("CSV for Finnish Excel", () => {
  it("writes a BOM, ';' separators, CRLF, quoted text and decimal commas", () => {
    expect(
      toCsv(
        ["Alue", "Keskiarvo"],
        [
          ["Keski-Pohjanmaa", 8.5],
          ['Sanoi "hyvä"; ok', -1.25],
          ["tyhjä", null],
        ],
      ),
    ).toBe('\uFEFF"Alue";"Keskiarvo"\r\n"Keski-Pohjanmaa";8,5\r\n"Sanoi ""hyvä""; ok";-1,25\r\n"tyhjä";\r\n');
  });

  // Payloads from formula-injection cheat sheets and the outside test of issue 15 (35 payloads through
  // LibreOffice): every one must come out with a leading apostrophe (NUL dropped), everything else
  // untouched.
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ["=1+1", `"'=1+1"`],
    ["+358 40 123", `"'+358 40 123"`],
    ["-2", `"'-2"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
    ["\n=1+1", `"'\n=1+1"`],
    ["\r\n=1+1", `"'\r\n=1+1"`],
    ["\u0000=1+1", `"'=1+1"`],
    ["\u0000\u0000=HYPERLINK(1)", `"'=HYPERLINK(1)"`],
    ["\u0001=1", `"'\u0001=1"`],
    ["\u001f@x", `"'\u001f@x"`],
    ["\u007f=1", `"'\u007f=1"`],
    ["\uff1d1+1", `"'\uff1d1+1"`],
    ['＝HYPERLINK("x")', `"'＝HYPERLINK(""x"")"`],
    ["＋1", `"'＋1"`],
    ["－1", `"'－1"`],
    ["＠SUM(1)", `"'＠SUM(1)"`],
    ["﹦1", `"'﹦1"`],
    ["﹢1", `"'﹢1"`],
    ["﹣1", `"'﹣1"`],
    ["﹫x", `"'﹫x"`],
    ["−1", `"'−1"`],
    [" =1+1", `"' =1+1"`],
    ["\u00a0=1+1", `"'\u00a0=1+1"`],
    ["\u3000＝1", `"'\u3000＝1"`],
    ["\u200b=1", `"'\u200b=1"`],
    ["\ufeff=1", `"'\ufeff=1"`],
    ["ok = fine", `"ok = fine"`],
    ["a\u0000b", `"ab"`],
    ["Keski-Pohjanmaa", `"Keski-Pohjanmaa"`],
    ["hyvä päivä!", `"hyvä päivä!"`],
    ["", `""`],
  ])("neutralizes formula-looking text %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("rounds numbers to four decimals and leaves non-finite ones empty", () => {
    expect(csvCell(8.123456)).toBe("8,1235");
    expect(csvCell(Number.NaN)).toBe("");
  });
});
