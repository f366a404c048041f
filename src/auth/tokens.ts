/** Random secrets for cookies, survey links and generated passwords. */
const URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 256 random bits, base64url: the session cookie's value. Only its hash is stored. */
export function newSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Keyed hash (HMAC-SHA256) of an identifier we must recognise again but never store in clear: a
 * client address or a typed email. A plain SHA-256 of an IPv4 address or a known email is undone by
 * trying every candidate; without the secret, this one is not.
 */
export async function keyedHashHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const digest = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A fresh secret for keyedHashHex: 256 random bits, base64url. */
export function newIdentifierSecret(): string {
  return newSessionToken();
}

/** Letters and digits without bias (rejection sampling): 16 characters ≈ 95 bits, unguessable. */
export function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += URL_SAFE[byte % 62];
    }
  }
  return out;
}

/** 20 letters and digits ≈ 119 bits, in groups of five so it survives being read out over the phone. */
export function generatePassword(): string {
  return randomAlphanumeric(20).replace(/(.{5})(?!$)/g, "$1-");
}

/** keyedHashHex for many identifiers under one secret: the key is imported once. */
export async function keyedHasher(secret: string): Promise<(text: string) => Promise<string>> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return async (text) => {
    const digest = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  };
}
