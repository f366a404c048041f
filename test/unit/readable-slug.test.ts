import { describe, expect, it } from "vitest";
import { checkReadableSlug, READABLE_SLUG_MAX, RESERVED_SLUGS } from "../../src/domain/readable-slug";
import { normaliseShortCode } from "../../src/domain/short-code";

describe("checkReadableSlug", () => {
  it.each([
    ["kick-off-oulu", "kick-off-oulu"],
    ["  Kick-Off-Oulu ", "kick-off-oulu"],
    ["lape2019", "lape2019"],
    ["kokous", "kokous"], // six letters, but U is not in the short-code alphabet
    ["abcd", "abcd"],
    ["a".repeat(READABLE_SLUG_MAX), "a".repeat(READABLE_SLUG_MAX)],
  ])("accepts %j as %j", (typed, slug) => {
    expect(checkReadableSlug(typed)).toEqual({ ok: true, slug });
  });

  it.each([
    ["abc", "length"],
    ["a".repeat(READABLE_SLUG_MAX + 1), "length"],
    ["", "length"],
    ["kick off", "characters"],
    ["-kickoff", "characters"],
    ["kickoff-", "characters"],
    ["kick--off", "characters"],
    ["päivä-oulu", "characters"],
    ["kick_off", "characters"],
    ["kick/off", "characters"],
    ["admin", "reserved"],
    ["Thanks", "reserved"],
    ["code", "reserved"],
    ["ab12cd", "looks_like_code"],
    ["ab-12cd", "looks_like_code"],
    ["oil123", "looks_like_code"],
  ])("refuses %j (%s)", (typed, problem) => {
    expect(checkReadableSlug(typed)).toEqual({ ok: false, problem });
  });

  it("never accepts what /s/ would read as a short code, nor a reserved word", () => {
    for (const word of RESERVED_SLUGS) expect(checkReadableSlug(word).ok).toBe(false);
    for (const typed of ["abcdef", "zzzzzz", "123456", "a-b-c-d-e-f"]) {
      expect(normaliseShortCode(typed)).not.toBeNull();
      expect(checkReadableSlug(typed).ok).toBe(false);
    }
  });

  it("refuses each word of ours that is long enough to be an alias as reserved (written out, not read from the list)", () => {
    for (const word of [
      "admin",
      "assets",
      "code",
      "display",
      "healthz",
      "live",
      "login",
      "logout",
      "poster",
      "present",
      "survey",
      "test",
      "thanks",
    ]) {
      expect(checkReadableSlug(word), word).toEqual({ ok: false, problem: "reserved" });
    }
    for (const word of ["api", "new", "qr"]) expect(RESERVED_SLUGS).toContain(word); // shorter than any alias, reserved all the same
  });
});
