import * as v from "valibot";
import { isLang, LANGS, type Lang } from "../domain/lang";
import { decodeUtf8, mediaType, readLimitedBody } from "./body";
import { t } from "../domain/i18n";
import { AppError } from "./errors";
import { parseJsonBody } from "./json-duplicates";

/** A questionnaire is a few short answers and two comments; 64 KB is far above any honest one. */
export const SUBMISSION_BODY_LIMIT = 64 * 1024;

export interface Submission {
  readonly format: "form" | "json";
  /** Null when the client sent none: the server then makes one (no retry safety for that client). */
  readonly submissionId: string | null;
  readonly lang: Lang | null;
  readonly answers: ReadonlyMap<string, readonly unknown[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const JsonSubmission = v.strictObject({
  submission_id: v.optional(v.string()),
  lang: v.optional(v.picklist(LANGS)),
  answers: v.custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    "answers must be an object keyed by question",
  ),
});

/** Reads a POST /s/:slug body: form-encoded (the JavaScript-off form) or JSON (scripts, apps). */
/** `lang` is the language to explain a malformed body in (the body itself may name another). */
export async function readSubmission(request: Request, lang: Lang): Promise<Submission> {
  const type = mediaType(request);
  if (type !== "application/x-www-form-urlencoded" && type !== "application/json") {
    throw new AppError("unsupported_media_type");
  }
  const text = decodeUtf8(await readLimitedBody(request, SUBMISSION_BODY_LIMIT));
  return type === "application/json" ? parseJson(text, lang) : parseForm(text);
}

/** Lowercase canonical form, so a retry typed in capitals still finds its first submission. */
function checkSubmissionId(id: string | null | undefined): string | null {
  if (id === null || id === undefined || id === "") return null;
  if (!UUID.test(id)) throw new AppError("invalid_submission_id");
  return id.toLowerCase();
}

function parseForm(text: string): Submission {
  const answers = new Map<string, unknown[]>();
  let submissionId: string | null = null;
  let lang: Lang | null = null;
  const seen = new Set<string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === "submission_id" || key === "lang") {
      if (seen.has(key))
        throw new AppError("bad_request", undefined, [{ key, code: "duplicate", message: `${key} was sent more than once` }]);
      seen.add(key);
      if (key === "submission_id") submissionId = checkSubmissionId(value);
      else lang = isLang(value) ? value : null;
      continue;
    }
    const list = answers.get(key) ?? [];
    list.push(value);
    answers.set(key, list);
  }
  return { format: "form", submissionId, lang, answers };
}

function parseJson(text: string, lang: Lang): Submission {
  const data = parseJsonBody(text, t(lang, "errors.duplicate"));
  const parsed = v.safeParse(JsonSubmission, data);
  if (!parsed.success) {
    throw new AppError(
      "bad_request",
      undefined,
      parsed.issues.map((issue) => ({
        key: v.getDotPath(issue) ?? "",
        code: issue.type,
        message: issue.message,
      })),
    );
  }
  const answers = new Map<string, unknown[]>();
  for (const [key, value] of Object.entries(parsed.output.answers)) answers.set(key, [value]);
  return {
    format: "json",
    submissionId: checkSubmissionId(parsed.output.submission_id),
    lang: parsed.output.lang ?? null,
    answers,
  };
}

/** The first value sent for each question, so a form that comes back with errors keeps every answer. */
export function firstValues(submission: Submission): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, list] of submission.answers) {
    const first = list.find((v) => typeof v === "string" || typeof v === "number");
    if (first !== undefined) values.set(key, String(first));
  }
  return values;
}
