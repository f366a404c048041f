import { describe, expect, it } from "vitest";
import { validateAnswers, type RawAnswers } from "../../src/domain/answers";
import { GRADE_SCALE, isOnScale, isScaleKind, QUESTION_KINDS, scaleForKind, scaleValues, type Question } from "../../src/domain/questions";

const text = { fi: "k", sv: "k", en: "q" };
const questions: Question[] = [
  { id: 1, key: "grade", kind: "grade", required: true, text, scale: GRADE_SCALE, options: [], maxLength: null },
  { id: 2, key: "usefulness", kind: "likert", required: false, text, scale: { min: 1, max: 5, step: 1 }, options: [], maxLength: null },
  {
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
  },
  { id: 4, key: "good", kind: "text", required: false, text, scale: null, options: [], maxLength: 10 },
  { id: 5, key: "half", kind: "grade", required: false, text, scale: { min: 4, max: 10, step: 0.5 }, options: [], maxLength: null },
];

function raw(entries: Record<string, unknown[]>): RawAnswers {
  return new Map(Object.entries(entries));
}

describe("grade scale", () => {
  it("lists every value of the Finnish school scale", () => {
    expect(scaleValues(GRADE_SCALE)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });
  it.each([
    [4, true],
    [10, true],
    [8, true],
    [8.5, false],
    [3, false],
    [11, false],
    [Number.NaN, false],
  ])("%s on 4–10 step 1 → %s", (value, expected) => {
    expect(isOnScale(value, GRADE_SCALE)).toBe(expected);
  });
  it("accepts half steps on a half-step scale without float noise", () => {
    const half = { min: 4, max: 10, step: 0.5 };
    expect(scaleValues(half)).toHaveLength(13);
    expect(isOnScale(8.5, half)).toBe(true);
    expect(isOnScale(8.25, half)).toBe(false);
    expect(scaleValues({ min: 0, max: 1, step: 0.1 })[3]).toBe(0.3);
  });
});

describe("validateAnswers", () => {
  it("accepts a full valid answer set and maps choices to their position", () => {
    const result = validateAnswers(
      questions,
      raw({ grade: ["9"], usefulness: [4], sector: ["education"], good: ["Hyvä!"], half: ["8,5"] }),
    );
    expect(result).toEqual({
      ok: true,
      answers: [
        { questionId: 1, key: "grade", numValue: 9, textValue: null },
        { questionId: 2, key: "usefulness", numValue: 4, textValue: null },
        { questionId: 3, key: "sector", numValue: 2, textValue: "education" },
        { questionId: 4, key: "good", numValue: null, textValue: "Hyvä!" },
        { questionId: 5, key: "half", numValue: 8.5, textValue: null },
      ],
    });
  });

  it("needs only the required grade; blanks count as no answer", () => {
    const result = validateAnswers(questions, raw({ grade: ["8"], good: ["   "], sector: [""] }));
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ grade: [] }, "grade", "required"],
    [{ grade: ["11"] }, "grade", "out_of_range"],
    [{ grade: ["3"] }, "grade", "out_of_range"],
    [{ grade: ["8.5"] }, "grade", "off_step"],
    [{ grade: ["kahdeksan"] }, "grade", "not_a_number"],
    [{ grade: ["8e0"] }, "grade", "not_a_number"],
    [{ grade: [true] }, "grade", "wrong_type"],
    [{ grade: [{}] }, "grade", "wrong_type"],
    [{ grade: ["8", "9"] }, "grade", "duplicate"],
    [{ grade: ["8"], sector: ["pirate"] }, "sector", "unknown_option"],
    [{ grade: ["8"], sector: [3] }, "sector", "wrong_type"],
    [{ grade: ["8"], good: ["x".repeat(11)] }, "good", "too_long"],
    [{ grade: ["8"], good: [42] }, "good", "wrong_type"],
    [{ grade: ["8"], colour: ["blue"] }, "colour", "unknown_question"],
    [{ grade: [Number.POSITIVE_INFINITY] }, "grade", "not_a_number"],
  ])("%j → %s %s", (input, key, code) => {
    const result = validateAnswers(questions, raw(input as Record<string, unknown[]>));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ key, code }));
  });

  it("reports every problem at once", () => {
    const result = validateAnswers(questions, raw({ grade: ["11"], usefulness: ["0"], good: ["x".repeat(20)] }));
    expect(result.ok ? [] : result.errors.map((e) => e.key)).toEqual(["grade", "usefulness", "good"]);
  });

  it("names the question when a scale question was stored without its scale, a programming error (kills: the !scale check → false, its message → '')", () => {
    const broken: Question = { ...questions[0]!, scale: null };
    expect(() => validateAnswers([broken], raw({ grade: ["8"] }))).toThrow("question grade has no scale");
  });

  it("counts text length in characters, not UTF-16 units", () => {
    const tenEmoji = "😀".repeat(10);
    expect(validateAnswers(questions, raw({ grade: ["8"], good: [tenEmoji] })).ok).toBe(true);
  });
});

describe("question kinds", () => {
  it("give grade questions the school scale 4–10, likert 1–5, and choice and text none", () => {
    expect(QUESTION_KINDS.map((kind) => [kind, scaleForKind(kind), isScaleKind(kind)])).toEqual([
      ["grade", { min: 4, max: 10, step: 1 }, true],
      ["likert", { min: 1, max: 5, step: 1 }, true],
      ["choice", null, false],
      ["text", null, false],
    ]);
  });
});
