import { LANGS, type Lang, type Localized } from "./lang";
import { inLanguage, type SomeLanguages } from "./localised-name";

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
  /** Which language each reader's label is really in, when some were not written (see Question). */
  readonly shownIn?: Readonly<Record<Lang, Lang>>;
}

export interface Question {
  readonly id: number;
  readonly key: string;
  readonly kind: QuestionKind;
  readonly required: boolean;
  /** Every language filled in: a day's own question may be written in one language only, and the
   *  missing ones show the day's main language (questionInLanguages). */
  readonly text: Localized;
  /** Which language each reader's text is really in; absent when all three were written. Pages put
   *  a lang attribute on a fallback so screen readers pronounce it right. */
  readonly shownIn?: Readonly<Record<Lang, Lang>>;
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

/** The texts as stored (blank where not written) with the missing ones filled from the day's main
 *  language by the rule of inLanguage, and `shownIn` saying so. */
export function questionInLanguages(
  stored: Omit<Question, "text" | "options" | "shownIn"> & {
    text: SomeLanguages;
    options: readonly { value: string; label: SomeLanguages }[];
  },
  mainLang: Lang,
): Question {
  const filled = (texts: SomeLanguages) => {
    const shown = LANGS.map((lang) => inLanguage(texts, lang, mainLang) ?? { text: "", lang });
    const text = Object.fromEntries(LANGS.map((lang, i) => [lang, shown[i]!.text])) as Record<Lang, string>;
    const shownIn = Object.fromEntries(LANGS.map((lang, i) => [lang, shown[i]!.lang])) as Record<Lang, Lang>;
    return LANGS.every((lang) => shownIn[lang] === lang) ? { text } : { text, shownIn };
  };
  const { text, shownIn } = filled(stored.text);
  return {
    ...stored,
    text,
    ...(shownIn && { shownIn }),
    options: stored.options.map((option) => {
      const label = filled(option.label);
      return { value: option.value, label: label.text, ...(label.shownIn && { shownIn: label.shownIn }) };
    }),
  };
}

/** What the writer gave in each language ('' where the text falls back): for edit forms and copies. */
export function writtenTexts(text: Localized, shownIn: Readonly<Record<Lang, Lang>> | undefined): Localized {
  const own = (lang: Lang) => (!shownIn || shownIn[lang] === lang ? text[lang] : "");
  return { fi: own("fi"), sv: own("sv"), en: own("en") };
}

/** The language a reader of `lang` really gets this text in. */
export function shownLang(shownIn: Readonly<Record<Lang, Lang>> | undefined, lang: Lang): Lang {
  return shownIn?.[lang] ?? lang;
}
