import type { Lang, Localized } from "./lang";

/** Question kinds are data: a new kind needs a case here and in answers.ts, nothing else. */
export type QuestionKind = "grade" | "likert" | "choice" | "text";

export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: Localized;
}

export interface Question {
  readonly id: number;
  readonly key: string;
  readonly kind: QuestionKind;
  readonly required: boolean;
  readonly text: Localized;
  /** grade and likert questions. */
  readonly scale: Scale | null;
  /** choice questions, in display order. */
  readonly options: readonly ChoiceOption[];
  /** text questions: the most characters (Unicode code points) accepted. */
  readonly maxLength: number | null;
}

/** Finnish school grades as used for the overall grade of a day. */
export const GRADE_SCALE: Scale = { min: 4, max: 10, step: 1 };

/** Floating-point steps (0.5, 0.25) must not make a valid value look off the scale. */
const STEP_TOLERANCE = 1e-9;

export function isOnScale(value: number, scale: Scale): boolean {
  if (!Number.isFinite(value) || value < scale.min - STEP_TOLERANCE || value > scale.max + STEP_TOLERANCE) return false;
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < STEP_TOLERANCE;
}

export function scaleValues(scale: Scale): number[] {
  const count = Math.round((scale.max - scale.min) / scale.step);
  return Array.from({ length: count + 1 }, (_, i) => roundToStep(scale.min + i * scale.step));
}

/** 4 + 3 × 0.1 is 4.300000000000001 in binary floating point; the scale value is 4.3. */
export function roundToStep(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export function questionText(question: Question, lang: Lang): string {
  return question.text[lang];
}
