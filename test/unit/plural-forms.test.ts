import { describe, expect, it } from "vitest";
import { tCount } from "../../src/domain/i18n";

// Issue 16: "1 korjattavaa kohtaa" / "1 punkter" / "1 things to fix" — counts in the right plural form.
describe("plural forms (Intl.PluralRules)", () => {
  it.each([
    ["fi", 1, "Lomakkeessa on 1 korjattava kohta."],
    ["fi", 2, "Lomakkeessa on 2 korjattavaa kohtaa."],
    ["fi", 0, "Lomakkeessa on 0 korjattavaa kohtaa."],
    ["sv", 1, "Formuläret har 1 punkt att rätta."],
    ["sv", 3, "Formuläret har 3 punkter att rätta."],
    ["en", 1, "The form has 1 thing to fix."],
    ["en", 12, "The form has 12 things to fix."],
  ] as const)("%s, %i: %s", (lang, count, start) => {
    expect(tCount(lang, "errors.summaryIntro", count)).toMatch(new RegExp(`^${start.replace(/\./g, "\\.")}`));
    expect(tCount(lang, "admin.errors.intro", count)).toMatch(
      new RegExp(`^${start.replace(/\./g, "\\.").replace(" to fix", " to correct")}`),
    );
  });
});
