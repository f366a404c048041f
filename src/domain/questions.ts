import type { Lang, Localized } from "./lang";

/**
 * The question kinds, listed once: the database column, the input schema and the staff form's
 * choice all take this list. Each kind's behaviour is spread wider: validation (answers.ts), the
 * survey control (src/views/survey-form.tsx), the figures (src/services/dashboard-figures.ts, the
 * CSV exports, the day's results page, web/src/dashboard/views/questions-section.ts) and the
 * staff form's texts in the i18n dictionaries (admin.question.kind.*).
 */
export const QUESTION_KINDS = ["grade", "likert", "choice", "text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** Kinds answered on a number scale: summarised by mean, SD, interval and distribution. */
export type ScaleKind = Extract<QuestionKind, "grade" | "likert">;

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
/** 1 = not at all … 5 = very much: the five-point scale of a likert question. */
export const LIKERT_SCALE: Scale = { min: 1, max: 5, step: 1 };

export function isScaleKind(kind: QuestionKind): kind is ScaleKind {
  return kind === "grade" || kind === "likert";
}

/** The scale a new question of this kind is given; choice and text questions have none. */
export function scaleForKind(kind: QuestionKind): Scale | null {
  return kind === "grade" ? GRADE_SCALE : kind === "likert" ? LIKERT_SCALE : null;
}

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
