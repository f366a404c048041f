// The one password rule, for every password a person or the CLI sets (staff pages, API, scripts).
// Length is the main defence; the other checks refuse what a guesser tries first.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = "blank" | "too_short" | "too_long" | "is_email" | "repeated" | "common";

/**
 * Passwords and words that are tried first: the most common leaked passwords of 12+ characters,
 * their Finnish and Swedish counterparts, this service's own names, and the demo accounts' published
 * passwords. Compared after lower-casing and dropping spaces, separators and trailing digits.
 */
const COMMON = new Set([
  "password",
  "passw0rd",
  "salasana",
  "lösenord",
  "losenord",
  "qwerty",
  "qwertyuiop",
  "qwertyuiopå",
  "asdfghjkl",
  "asdfghjklöä",
  "zxcvbnm",
  "1q2w3e4r5t",
  "1q2w3e4r5t6y",
  "q1w2e3r4t5y6",
  "iloveyou",
  "minäsinua",
  "jagälskardig",
  "letmein",
  "welcome",
  "tervetuloa",
  "välkommen",
  "admin",
  "administrator",
  "ylläpitäjä",
  "changeme",
  "vaihdatama",
  "trustno",
  "trustno1",
  "sunshine",
  "football",
  "princess",
  "monkey",
  "dragon",
  "master",
  "baseball",
  "superman",
  "starwars",
  "abcdefghijkl",
  "abcdefghijklmnop",
  "abc",
  "qazwsxedc",
  "qazwsxedcrfv",
  "aaaaaa",
  "palaute",
  "palautesalasana",
  "lape",
  "lapeakatemia",
  "akatemia",
  "muutosagentti",
  "kansallinen",
  "demokansallinen",
  "demoagentti",
  "suomi",
  "finland",
  "helsinki",
  "kesäkuu",
  "syksy",
  "kevät",
  "talvi",
  "kesä",
]);

/** Rising and falling digit runs ("123456789012", "987654321098") of any length. */
function isDigitRun(text: string): boolean {
  if (!/^\d+$/.test(text)) return false;
  const steps = new Set([...text].slice(1).map((ch, i) => (Number(ch) - Number(text[i]) + 10) % 10));
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

/** Drops the spaces and separators a person types between words (the address's "@" and dots too). */
const squeeze = (text: string) => text.replace(/[\s\-_.,:;!?'"*#@+/\\]+/g, "");

/** What is wrong with `password` for the account `email`, or null when it may be used. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if (password.trim() === "") return "blank";
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  const lower = password.normalize("NFC").toLowerCase();
  const compact = squeeze(lower);
  const address = email.trim().toLowerCase();
  const localPart = address.split("@")[0] ?? "";
  if (
    lower.trim() === address ||
    compact === squeeze(address) ||
    (localPart.length >= 4 && compact.replace(/\d+$/, "") === squeeze(localPart))
  )
    return "is_email";
  // One character or a short group repeated: "aaaaaaaaaaaa", "abcabcabcabc", "12121212…".
  // Tested on the password as typed too: "!?!?!?!?!?!?" has no letters left once squeezed.
  if (/^(.{1,4})\1+$/su.test(compact) || /^(.{1,4})\1+$/su.test(lower)) return "repeated";
  const core = compact.replace(/^\d+|\d+$/g, "");
  const repeatedUnit = /^(.+?)\1+$/su.exec(core)?.[1];
  if (
    isDigitRun(compact) ||
    [compact, compact.replace(/\d+$/, ""), core, repeatedUnit].some((word) => word !== undefined && COMMON.has(word))
  )
    return "common";
  return null;
}
