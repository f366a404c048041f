import { normaliseShortCode } from "./short-code";

// Readable survey addresses an agent chooses (/s/kick-off-oulu). They live beside the random slug
// and the short code in the same /s/ space, so one must never be read as another: lower-case
// letters, digits and single hyphens only (what survives being printed, typed and read aloud),
// never something /s/ would take for a short code, and never a word our own routes use.

export const READABLE_SLUG_MIN = 4;
export const READABLE_SLUG_MAX = 40;

/** Words that are, or may become, paths of ours; an alias equal to one would read as a page. */
export const RESERVED_SLUGS: readonly string[] = [
  "admin",
  "api",
  "assets",
  "code",
  "display",
  "healthz",
  "live",
  "login",
  "logout",
  "new",
  "poster",
  "present",
  "qr",
  "survey",
  "test",
  "thanks",
];

const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type ReadableSlugProblem = "length" | "characters" | "reserved" | "looks_like_code";

export type ReadableSlugCheck =
  | { readonly ok: true; readonly slug: string }
  | { readonly ok: false; readonly problem: ReadableSlugProblem };

/**
 * The alias as stored (trimmed, lower case: unique whatever case people type), or what is wrong.
 * Uniqueness against other surveys is the database's to say (src/services/readable-slugs.ts).
 */
export function checkReadableSlug(typed: string): ReadableSlugCheck {
  const slug = typed.trim().toLowerCase();
  if (slug.length < READABLE_SLUG_MIN || slug.length > READABLE_SLUG_MAX) return { ok: false, problem: "length" };
  if (!SHAPE.test(slug)) return { ok: false, problem: "characters" };
  if (RESERVED_SLUGS.includes(slug)) return { ok: false, problem: "reserved" };
  // /s/<x> tries x as a short code (hyphens ignored, I/L/O read as digits): "ab-12cd" would be one.
  if (normaliseShortCode(slug) !== null) return { ok: false, problem: "looks_like_code" };
  return { ok: true, slug };
}
