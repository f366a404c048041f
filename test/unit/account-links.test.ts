import { describe, expect, it } from "vitest";
import { newSessionToken } from "../../src/auth/tokens";
import { ACCOUNT_LINK_TOKEN, accountLinkUrl } from "../../src/domain/account-links";

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
