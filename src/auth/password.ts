// Password hashing with PBKDF2-SHA256 through WebCrypto, identical on Node and Workers.
// 100,000 iterations is the most Cloudflare Workers allow in production (workerd#1346); local
// workerd does not enforce it, so test/unit/password.test.ts asserts the count.
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * What an invited account stores until the person sets a password with their link: not a hash, so
 * no password matches it (verifyPassword spends the time of a real check on it all the same).
 */
export const NO_PASSWORD = "none";

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  // As slow as a real check: sign-in must not tell an invited account (no password yet) from others.
  if (!parsed) return verifyAgainstNothing(password);
  const hash = await derive(password, parsed.salt, parsed.iterations);
  return constantTimeEqual(hash, parsed.hash);
}

/** Spends the same time as a real check, so a wrong email cannot be told from a wrong password. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await derive(password, new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS);
  return false;
}

export function parseStoredHash(stored: string): { iterations: number; salt: Uint8Array<ArrayBuffer>; hash: Uint8Array } | null {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || !hash) return null;
  const count = Number(iterations);
  if (!Number.isInteger(count) || count < 1 || count > PBKDF2_ITERATIONS) return null;
  return { iterations: count, salt: fromBase64(salt), hash: fromBase64(hash) };
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
}
