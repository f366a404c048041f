import { describe, expect, it } from "vitest";
import { newSessionToken } from "../../src/auth/tokens";
import { ACCOUNT_LINK_LIFETIME_MS, ACCOUNT_LINK_TOKEN, accountLinkUrl, HOUR_MS } from "../../src/domain/account-links";

describe("one-time link addresses", () => {
  it("join the public address and the token with one slash, whatever the configured address ends with", () => {
    expect(accountLinkUrl("https://palaute.example.fi", "abc")).toBe("https://palaute.example.fi/set-password/abc");
    expect(accountLinkUrl("https://palaute.example.fi/", "abc")).toBe("https://palaute.example.fi/set-password/abc");
    expect(accountLinkUrl("http://127.0.0.1:8787//", "abc")).toBe("http://127.0.0.1:8787/set-password/abc");
  });

  it("the token shape accepts every token the app makes and nothing that could break out of a path", () => {
    for (let i = 0; i < 200; i++) expect(newSessionToken()).toMatch(ACCOUNT_LINK_TOKEN);
    for (const bad of [
      "",
      "a".repeat(42),
      "a".repeat(44),
      `${"a".repeat(42)}/`,
      `${"a".repeat(42)}=`,
      `${"a".repeat(42)}ä`,
      `${"a".repeat(42)}.`,
    ])
      expect(bad).not.toMatch(ACCOUNT_LINK_TOKEN);
  });
});

describe("how long a one-time link works", () => {
  it("an invitation a week, a reset link a day", () => {
    expect(HOUR_MS).toBe(3_600_000);
    expect(ACCOUNT_LINK_LIFETIME_MS.invitation).toBe(7 * 86_400_000);
    expect(ACCOUNT_LINK_LIFETIME_MS.reset).toBe(86_400_000);
  });
});
