// Short codes people type: six characters of Crockford's base32 (digits and capitals without I, L,
// O and U), so nothing on a poster or slide can be misread. Made by a database trigger
// (migrations/0009, which must use this same alphabet: test/unit/short-code.test.ts checks it).

export const SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 6;

// Crockford's decoding rules: case does not matter, I and L are read as 1, O as 0; hyphens and
// spaces people add to group characters are ignored.
const READ_AS: Record<string, string> = { I: "1", L: "1", O: "0" };
const CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** The code someone typed, as stored (upper case), or null when it cannot be a code at all. */
export function normaliseShortCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const code = typed
    .replace(/[\s\-–.]/g, "")
    .toUpperCase()
    .replace(/[ILO]/g, (ch) => READ_AS[ch]!);
  return CODE.test(code) ? code : null;
}

/** A fixed code for a demo day: "D" and the number in base32, so demo pages read the same on every
 *  start and runtime (random codes come from the trigger for every other survey). */
export function demoShortCode(n: number): string {
  return numberedShortCode("D", n);
}

/** A fixed code: a letter of the alphabet and the number in base32 (five characters, so numbers
 *  below 32⁵ are each their own code). For generated data that must not depend on the trigger's
 *  random codes, which collide by chance among tens of thousands of days. */
export function numberedShortCode(prefix: string, n: number): string {
  let code = "";
  for (let rest = n, i = 0; i < SHORT_CODE_LENGTH - 1; i++, rest = Math.floor(rest / 32)) code = SHORT_CODE_ALPHABET[rest % 32] + code;
  return `${prefix}${code}`;
}
