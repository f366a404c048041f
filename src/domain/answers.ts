import { isOnScale, roundToStep, type Question } from "./questions";

/** What a respondent sent for each question key, every value kept so duplicates can be refused. */
export type RawAnswers = ReadonlyMap<string, readonly unknown[]>;

export type AnswerErrorCode =
  | "required"
  | "not_a_number"
  | "out_of_range"
  | "off_step"
  | "unknown_option"
  | "too_long"
  | "wrong_type"
  | "duplicate"
  | "unknown_question";

export interface AnswerError {
  readonly key: string;
  readonly code: AnswerErrorCode;
  readonly params?: Readonly<Record<string, number>>;
}

export interface ValidAnswer {
  readonly questionId: number;
  readonly key: string;
  /** Scale value, or the 1-based option position for choice questions. */
  readonly numValue: number | null;
  readonly textValue: string | null;
}

export type AnswerValidation =
  | { readonly ok: true; readonly answers: readonly ValidAnswer[] }
  | { readonly ok: false; readonly errors: readonly AnswerError[] };

// Accepts "8", "8.5", "8,5" (Finnish and Swedish decimal comma) and nothing looser: no "8e0", no "0x8".
const NUMBER_TEXT = /^[+-]?\d{1,6}(?:[.,]\d{1,6})?$/;

/** Validates every answer against the question set; reports every problem, not just the first. */
export function validateAnswers(questions: readonly Question[], raw: RawAnswers): AnswerValidation {
  const errors: AnswerError[] = [];
  const answers: ValidAnswer[] = [];
  const known = new Set(questions.map((q) => q.key));
  for (const key of raw.keys()) {
    if (!known.has(key)) errors.push({ key, code: "unknown_question" });
  }
  for (const question of questions) {
    const values = (raw.get(question.key) ?? []).filter((v) => !isBlank(v));
    if (values.length > 1) {
      errors.push({ key: question.key, code: "duplicate" });
      continue;
    }
    const value = values[0];
    if (value === undefined) {
      if (question.required) errors.push({ key: question.key, code: "required" });
      continue;
    }
    const result = validateOne(question, value);
    if ("code" in result) errors.push(result);
    else answers.push(result);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function validateOne(question: Question, value: unknown): ValidAnswer | AnswerError {
  const key = question.key;
  switch (question.kind) {
    case "grade":
    case "likert": {
      const scale = question.scale;
      if (!scale) throw new Error(`question ${key} has no scale`);
      const num = toNumber(value);
      if (num === "wrong_type") return { key, code: "wrong_type" };
      if (num === null) return { key, code: "not_a_number" };
      if (num < scale.min || num > scale.max) return { key, code: "out_of_range", params: { min: scale.min, max: scale.max } };
      if (!isOnScale(num, scale)) return { key, code: "off_step", params: { step: scale.step } };
      return { questionId: question.id, key, numValue: roundToStep(num), textValue: null };
    }
    case "choice": {
      if (typeof value !== "string") return { key, code: "wrong_type" };
      const position = question.options.findIndex((option) => option.value === value);
      if (position < 0) return { key, code: "unknown_option" };
      return { questionId: question.id, key, numValue: position + 1, textValue: value };
    }
    case "text": {
      if (typeof value !== "string") return { key, code: "wrong_type" };
      const length = [...value].length;
      if (question.maxLength !== null && length > question.maxLength) {
        return { key, code: "too_long", params: { max: question.maxLength, length } };
      }
      // Stored verbatim: what a person typed is theirs; escaping happens where it is shown. The one
      // exception is U+0000, which no keyboard types and which SQLite's text functions cut at.
      return { questionId: question.id, key, numValue: null, textValue: value.replace(/\u0000/g, "") };
    }
  }
}

function toNumber(value: unknown): number | null | "wrong_type" {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return "wrong_type";
  const text = value.trim();
  if (!NUMBER_TEXT.test(text)) return null;
  return Number(text.replace(",", "."));
}
