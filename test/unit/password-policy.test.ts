import { describe, expect, it } from "vitest";
import { dictionaries } from "../../src/domain/i18n";
import { LANGS } from "../../src/domain/lang";
import { MIN_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from "../../src/domain/password-policy";
import { PASSWORD_PROBLEM_CODES } from "../../src/services/password-rule";

const EMAIL = "maija.meikalainen@kunta.fi";

describe("password policy", () => {
  it.each<[string, PasswordProblem]>([
    ["", "blank"],
    [" ".repeat(12), "blank"],
    ["\t \t \t \t \t \t ", "blank"],
    ["\u3000".repeat(12), "blank"],
    ["abcdefghijk", "too_short"],
    ["kissa12", "too_short"],
    ["😀".repeat(11), "too_short"], // 11 characters, 22 UTF-16 units
    ["x".repeat(1025), "too_long"],
    [EMAIL, "is_email"],
    [EMAIL.toUpperCase(), "is_email"],
    [` ${EMAIL} `, "is_email"],
    ["maija.meikalainen", "is_email"],
    ["maijameikalainen2019", "is_email"],
    ["aaaaaaaaaaaa", "repeated"],
    ["111111111111", "repeated"],
    ["ababababababab", "repeated"],
    ["abcabcabcabc", "repeated"],
    ["Salasana1234", "common"],
    ["salasana salasana".replace(" ", ""), "common"],
    ["password1234", "common"],
    ["Passw0rd-2019", "common"],
    ["qwertyuiopå", "too_short"],
    ["qwertyuiop123", "common"],
    ["123456789012", "common"],
    ["098765432109", "common"],
    ["demo-kansallinen-2019", "common"],
    ["demo-agentti-2019", "common"],
    ["LapeAkatemia2019", "common"],
    ["tervetuloa2024!", "common"],
  ])("refuses %j (%s)", (password, problem) => {
    expect(passwordProblem(password, EMAIL)).toBe(problem);
  });

  it.each([
    "correct horse battery staple",
    "kolme iloista kirahvia",
    "Vp7-kQ2x-9LmZ",
    "a1b2c3d4e5f6g7",
    "ÅÄÖ åäö pitkä lause",
    "maija on hyvä johtaja",
    `${"x".repeat(MIN_PASSWORD_LENGTH - 1)}y`,
  ])("accepts %j", (password) => {
    expect(passwordProblem(password, EMAIL)).toBeNull();
  });

  it("accepts every password the CLI generates", async () => {
    const { generatePassword } = await import("../../src/auth/tokens");
    for (let i = 0; i < 200; i++) expect(passwordProblem(generatePassword(), EMAIL)).toBeNull();
  });

  it("has a message for every problem in Finnish, Swedish and English", () => {
    for (const lang of LANGS) {
      for (const problem of PASSWORD_PROBLEM_CODES) {
        expect(dictionaries[lang][`password.problem.${problem}`], `${lang} ${problem}`).toMatch(/\S{3}/);
      }
    }
  });
});
