import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoShortCode, normaliseShortCode, numberedShortCode, SHORT_CODE_ALPHABET } from "../../src/domain/short-code";

describe("short codes", () => {
  it("use Crockford's base32: digits and capitals without I, L, O and U", () => {
    expect(SHORT_CODE_ALPHABET).toBe("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it.each([
    ["4K7M2Q", "4K7M2Q"],
    ["4k7m2q", "4K7M2Q"],
    [" 4k7-m2q ", "4K7M2Q"],
    ["4K7 M2Q", "4K7M2Q"],
    ["ol1IlO", "011110"],
    ["4K7M2U", null], // U is not in the alphabet
    ["4K7M2", null],
    ["4K7M2QQ", null],
    ["4K7M2Ä", null],
    ["", null],
    ["x".repeat(1000), null],
    [`${" ".repeat(34)}4K7M2Q`, "4K7M2Q"], // 40 characters typed: still read
    [`${" ".repeat(35)}4K7M2Q`, null], // 41: refused before any work
  ])("read %j as %j", (typed, code) => {
    expect(normaliseShortCode(typed)).toBe(code);
  });

  it("give demo days fixed, distinct codes in the same alphabet", () => {
    const codes = Array.from({ length: 200 }, (_, i) => demoShortCode(i + 1));
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) expect(normaliseShortCode(code), code).toBe(code);
    expect(demoShortCode(1)).toBe("D00001");
    expect(demoShortCode(33)).toBe("D00011");
  });

  it("give generated days (the bench's 20k) a code each, distinct up to 32⁵, with their own first letter", () => {
    expect(numberedShortCode("B", 0)).toBe("B00000");
    expect(numberedShortCode("B", 32 ** 5 - 1)).toBe("BZZZZZ");
    expect(numberedShortCode("B", 20_535)).toBe("B00M1Q"); // 20·32² + 1·32 + 23
    const codes = new Set(Array.from({ length: 25_000 }, (_, i) => numberedShortCode("B", i)));
    expect(codes.size).toBe(25_000);
  });

  it("are made by the migration's trigger from the same alphabet", () => {
    const dir = join(process.cwd(), "migrations");
    const sql = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    const alphabets = new Set([...sql.matchAll(/short_code` = substr\('([0-9A-Z]+)'/g)].map((m) => m[1]));
    expect([...alphabets]).toEqual([SHORT_CODE_ALPHABET]);
    expect(sql).toContain("% 32");
  });
});
