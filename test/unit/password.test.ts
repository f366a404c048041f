import { describe, expect, it } from "vitest";
import { hashPassword, parseStoredHash, PBKDF2_ITERATIONS, verifyPassword } from "../../src/auth/password";
import { newSessionToken, randomAlphanumeric, sha256Hex } from "../../src/auth/tokens";

describe("passwords", () => {
  it("use PBKDF2-SHA256 at exactly 100,000 iterations, the Cloudflare Workers production cap", async () => {
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    const stored = await hashPassword("kalakukko ja karjalanpiirakka");
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(parseStoredHash(stored)!.iterations).toBe(100_000);
  });

  it("verify the right password only, with a fresh salt every time", async () => {
    const a = await hashPassword("salasana-123456");
    const b = await hashPassword("salasana-123456");
    expect(a).not.toBe(b);
    expect(a).not.toContain("salasana");
    expect(await verifyPassword("salasana-123456", a)).toBe(true);
    expect(await verifyPassword("salasana-123457", a)).toBe(false);
    expect(await verifyPassword("salasana-123456", "garbage")).toBe(false);
  });

  it("refuse a stored hash above the iteration cap, which a Worker could not verify", () => {
    expect(parseStoredHash("pbkdf2-sha256$600000$AAAA$AAAA")).toBeNull();
  });

  it("treat composed and decomposed Unicode the same (ä typed on different keyboards)", async () => {
    const stored = await hashPassword("pääsy\u00e4");
    expect(await verifyPassword("pääsya\u0308", stored)).toBe(true);
  });
});

describe("tokens", () => {
  it("are long, random and URL-safe", () => {
    const tokens = new Set(Array.from({ length: 100 }, newSessionToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomAlphanumeric(16)).toMatch(/^[A-Za-z0-9]{16}$/);
  });
  it("hash to hex SHA-256", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
