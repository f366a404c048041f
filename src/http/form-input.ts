import * as v from "valibot";
import { t, type MessageKey } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { AppError, type FieldProblem } from "./errors";
import { fieldProblems } from "./validate";
import type { FieldError } from "../views/admin/fields";

// HTML forms send only strings. These turn them into what the shared schemas (./schemas.ts)
// expect, without guessing: text that is not a whole number stays text, so the schema refuses it
// and the page says so, instead of a silent 0 or null.

export type Form = Record<string, string | string[]>;

/** The value of a control ("" when absent; the first one if a control was sent twice). */
export function one(form: Form, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value : (value?.[0] ?? "");
}

/** Every value of a repeated control (checkboxes). */
export function all(form: Form, name: string): string[] {
  const value = form[name];
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

export function isChecked(form: Form, name: string): boolean {
  return one(form, name) !== "";
}

/** An empty optional field means "none". */
export function blankToNull(text: string): string | null {
  return text.trim() === "" ? null : text;
}

/** "47" → 47, "" → null, "47 people" → "47 people" (which the schema then refuses). */
export function wholeNumberOrNull(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^-?\d{1,12}$/.test(trimmed) ? Number(trimmed) : text;
}

/** "8,5" or "8.5" → 8.5 (Finnish and Swedish write a decimal comma), "" → null, other text stays text
 *  so the schema refuses it. */
export function decimalOrText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^-?\d{1,5}([.,]\d{1,6})?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : text;
}

/** An id from a <select>: a number when it looks like one, else left for the schema to refuse. */
export function idValue(text: string): number | string {
  return /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : text;
}

export interface FieldMapping {
  /** Schema key (the first part of a dot path; "" for checks on the whole object) → control id. */
  readonly fields: Readonly<Record<string, string>>;
  /** Clearer messages than the generic ones: by "controlId:code", by "controlId", or by code. */
  readonly messages?: Readonly<Record<string, MessageKey>>;
}

/** Schema problems do not say "whole number" in words a person uses; these codes get their own. */
const MESSAGE_BY_CODE: Readonly<Record<string, MessageKey>> = {
  number: "admin.error.wholeNumber",
  unknown: "admin.error.choose",
  picklist: "admin.error.choose",
};

/** Turns problems found by a schema or an action into one line per form control, in form order. */
export function formErrors(lang: Lang, problems: readonly FieldProblem[], mapping: FieldMapping): FieldError[] {
  const order = Object.values(mapping.fields);
  const byField = new Map<string, string>();
  for (const problem of problems) {
    // Unmapped problems go to the whole-form control, else the first one: never silently dropped.
    const field = mapping.fields[problem.key] ?? mapping.fields[problem.key.split(".")[0] ?? ""] ?? mapping.fields[""] ?? order[0];
    if (!field || byField.has(field)) continue;
    const key = mapping.messages?.[`${field}:${problem.code}`] ?? mapping.messages?.[field] ?? MESSAGE_BY_CODE[problem.code];
    byField.set(field, key ? t(lang, key) : problem.message);
  }
  return [...byField].map(([field, message]) => ({ field, message })).sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

export type FormResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldError[] };

/** Validates converted form data with a shared schema. */
export function validateForm<S extends v.GenericSchema>(
  lang: Lang,
  schema: S,
  data: unknown,
  mapping: FieldMapping,
): FormResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: formErrors(lang, fieldProblems(lang, result.issues), mapping) };
}

/**
 * Runs an action; when it refuses the input itself (a theme of another programme, a taken email),
 * gives back the form errors instead. Anything else (forbidden, not found) goes on to the error page.
 */
export async function attempt<T>(lang: Lang, mapping: FieldMapping, action: () => Promise<T>): Promise<FormResult<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (error instanceof AppError && error.fields && (error.code === "validation_failed" || error.code === "conflict")) {
      const errors = formErrors(lang, error.fields, mapping);
      if (errors.length > 0) return { ok: false, errors };
    }
    throw error;
  }
}
