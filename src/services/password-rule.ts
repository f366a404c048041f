import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { passwordProblem, type PasswordProblem } from "../domain/password-policy";
import { AppError, type FieldProblem } from "../http/errors";

/** Field problem codes of the policy, so forms can word them (src/routes/admin/users.tsx). */
export const PASSWORD_PROBLEM_CODES: readonly PasswordProblem[] = ["blank", "too_short", "too_long", "is_email", "repeated", "common"];

/** The policy's verdict as a field problem in the reader's language, or null when the password may be used. */
export function passwordFieldProblem(lang: Lang, field: string, password: string, email: string): FieldProblem | null {
  const problem = passwordProblem(password, email);
  return problem ? { key: field, code: `password_${problem}`, message: t(lang, `password.problem.${problem}`) } : null;
}

/** Throws validation_failed (422) naming `field` when the policy refuses the password. */
export function requireAcceptablePassword(lang: Lang, field: string, password: string, email: string): void {
  const problem = passwordFieldProblem(lang, field, password, email);
  if (problem) throw new AppError("validation_failed", undefined, [problem]);
}
