import { describe, expect, it } from "vitest";
import { validateAnswers, type AnswerValidation, type RawAnswers } from "../../src/domain/answers";
import { GRADE_SCALE, type Question } from "../../src/domain/questions";

// The edges of answer validation: the lowest value and the first option are valid, blanks of every
// kind are "not answered", the spellings people type are accepted, and errors carry their parameters.
const text = { fi: "k", sv: "k", en: "q" };
const grade: Question = { id: 1, key: "grade", kind: "grade", required: true, text, scale: GRADE_SCALE, options: [], maxLength: null };
const halfGrade: Question = {
  id: 2,
  key: "half",
  kind: "grade",
  required: false,
  text,
  scale: { min: 4, max: 10, step: 0.5 },
  options: [],
  maxLength: null,
};
const sector: Question = {
  id: 3,
  key: "sector",
  kind: "choice",
  required: false,
  text,
  scale: null,
  options: [
    { value: "social_health", label: text },
    { value: "education", label: text },
  ],
  maxLength: null,
};
const comment: Question = { id: 4, key: "good", kind: "text", required: false, text, scale: null, options: [], maxLength: 10 };
const requiredComment: Question = { ...comment, id: 5, key: "must", required: true };

const check = (questions: Question[], entries: Record<string, unknown[]>): AnswerValidation =>
  validateAnswers(questions, new Map(Object.entries(entries)) as RawAnswers);

describe("scale boundaries", () => {
  it.each([
    ["4", 4],
    [4, 4],
    ["10", 10],
  ])("accepts the grade %j as %s", (value, numValue) => {
    expect(check([grade], { grade: [value] })).toEqual({ ok: true, answers: [{ questionId: 1, key: "grade", numValue, textValue: null }] });
  });

  it("refuses just outside the scale with the scale's bounds as parameters", () => {
    for (const value of ["3", "3,5", "10.5", "11"]) {
      expect(check([grade], { grade: [value] }), value).toEqual({
        ok: false,
        errors: [{ key: "grade", code: "out_of_range", params: { min: 4, max: 10 } }],
      });
    }
  });

  it("refuses a value between steps with the step as parameter", () => {
    expect(check([grade], { grade: ["8.5"] })).toEqual({ ok: false, errors: [{ key: "grade", code: "off_step", params: { step: 1 } }] });
    expect(check([halfGrade], { half: ["8.25"] })).toEqual({
      ok: false,
      errors: [{ key: "half", code: "off_step", params: { step: 0.5 } }],
    });
  });
});

describe("number spellings", () => {
  it.each([
    ["8,50", 8.5],
    ["8.50", 8.5],
    ["+8", 8],
    [" 8 ", 8],
    ["\t9\n", 9],
    ["08", 8],
  ])("reads %j as %s", (value, numValue) => {
    expect(check([halfGrade], { half: [value] })).toEqual({
      ok: true,
      answers: [{ questionId: 2, key: "half", numValue, textValue: null }],
    });
  });

  it.each(["8.", ",5", "8,5,0", "8 5", "0x8", "8e0", "1234567", "8.1234567", "--8", "½"])("does not read %j as a number", (value) => {
    expect(check([halfGrade], { half: [value] })).toEqual({ ok: false, errors: [{ key: "half", code: "not_a_number" }] });
  });

  it("reports NaN and infinities as not a number, other types as wrong type", () => {
    expect(check([grade], { grade: [Number.NaN] })).toEqual({ ok: false, errors: [{ key: "grade", code: "not_a_number" }] });
    expect(check([grade], { grade: [Number.NEGATIVE_INFINITY] })).toEqual({ ok: false, errors: [{ key: "grade", code: "not_a_number" }] });
    expect(check([grade], { grade: [[8]] })).toEqual({ ok: false, errors: [{ key: "grade", code: "wrong_type" }] });
  });
});

describe("choices", () => {
  it("maps the first option to position 1 and the last to its position", () => {
    expect(check([sector], { sector: ["social_health"] })).toEqual({
      ok: true,
      answers: [{ questionId: 3, key: "sector", numValue: 1, textValue: "social_health" }],
    });
    expect(check([sector], { sector: ["education"] })).toEqual({
      ok: true,
      answers: [{ questionId: 3, key: "sector", numValue: 2, textValue: "education" }],
    });
  });
  it("matches an option exactly (no case folding, no trimming)", () => {
    for (const value of ["Education", " education"]) {
      expect(check([sector], { sector: [value] }), value).toEqual({ ok: false, errors: [{ key: "sector", code: "unknown_option" }] });
    }
  });
});

describe("unanswered", () => {
  it.each([
    ["a whitespace-only comment", ["  \t\n "]],
    ["an empty string", [""]],
    ["JSON null", [null]],
    ["undefined", [undefined]],
    ["no value at all", []],
  ])("counts %s as not answered: left out, and 'required' when it must be answered", (_what, values) => {
    expect(check([grade, comment], { grade: ["8"], good: values })).toEqual({
      ok: true,
      answers: [{ questionId: 1, key: "grade", numValue: 8, textValue: null }],
    });
    expect(check([requiredComment], { must: values })).toEqual({ ok: false, errors: [{ key: "must", code: "required" }] });
  });

  it("counts a null grade as unanswered (required), not as the wrong type", () => {
    expect(check([grade], { grade: [null] })).toEqual({ ok: false, errors: [{ key: "grade", code: "required" }] });
  });

  it("ignores blanks beside one real value, but refuses two real values", () => {
    expect(check([grade], { grade: [null, "", "7"] })).toEqual({
      ok: true,
      answers: [{ questionId: 1, key: "grade", numValue: 7, textValue: null }],
    });
    expect(check([grade], { grade: ["7", "7"] })).toEqual({ ok: false, errors: [{ key: "grade", code: "duplicate" }] });
  });

  it("keeps a comment with text around its spaces verbatim", () => {
    expect(check([comment], { good: [" hyvä "] })).toEqual({
      ok: true,
      answers: [{ questionId: 4, key: "good", numValue: null, textValue: " hyvä " }],
    });
  });
});

describe("error parameters", () => {
  it("gives the limit and the length of a comment that is too long; the limit itself is accepted", () => {
    expect(check([comment], { good: ["x".repeat(11)] })).toEqual({
      ok: false,
      errors: [{ key: "good", code: "too_long", params: { max: 10, length: 11 } }],
    });
    expect(check([comment], { good: ["x".repeat(10)] }).ok).toBe(true);
    // the length in characters (code points), not UTF-16 units: 11 emoji are 22 units
    expect(check([comment], { good: ["😀".repeat(11)] })).toEqual({
      ok: false,
      errors: [{ key: "good", code: "too_long", params: { max: 10, length: 11 } }],
    });
  });
  it("has no limit when maxLength is null", () => {
    expect(check([{ ...comment, maxLength: null }], { good: ["x".repeat(5000)] }).ok).toBe(true);
  });
  it("drops U+0000 from a comment and keeps the rest", () => {
    expect(check([comment], { good: ["a\u0000b"] })).toEqual({
      ok: true,
      answers: [{ questionId: 4, key: "good", numValue: null, textValue: "ab" }],
    });
  });
  it("names an unknown question, and lists problems in question order after it", () => {
    expect(check([grade, comment], { colour: ["blue"], good: [1], grade: ["x"] })).toEqual({
      ok: false,
      errors: [
        { key: "colour", code: "unknown_question" },
        { key: "grade", code: "not_a_number" },
        { key: "good", code: "wrong_type" },
      ],
    });
  });
});
