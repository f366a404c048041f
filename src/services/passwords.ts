import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Lang } from "../domain/lang";
import { t } from "../domain/i18n";
import { AppError } from "../http/errors";
import { countAttempt, uncountAttempt } from "../queries/rate-limits";
import { voidUnusedAccountLinks } from "../queries/account-links";
import { deleteOtherUserSessions, deleteUserSessions } from "../queries/sessions";
import { findLoginUser, setPasswordHash } from "../queries/users";
import { requireAcceptablePassword } from "./password-rule";
import { MAX_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_MS } from "./sign-in";

/** Who set a password: a signed-in national user, or an operator at the command line. */
export type SetBy = { readonly userId: number } | "cli";

/**
 * Gives an account a new password (the national team, or `npm run user:passwd`) and signs the
 * person out everywhere. Returns the account id, or null when no account has that email.
 */
export async function setAccountPassword(
  deps: ServiceContext,
  lang: Lang,
  input: { email: string; password: string; by: SetBy },
): Promise<number | null> {
  requireAcceptablePassword(lang, "password", input.password, input.email);
  const id = await setPasswordHash(deps.db, input.email, await hashPassword(input.password));
  if (id === null) return null;
  await deleteUserSessions(deps.db, id);
  // A one-time link made before this password must not replace it later.
  await voidUnusedAccountLinks(deps.db, id, deps.now());
  await deps.audit({
    action: "user_password_set",
    target: `user:${id}`,
    ...(input.by === "cli" ? { actor: "cli" } : { userId: input.by.userId }),
  });
  return id;
}

/**
 * A signed-in person changes their own password: the current one is required (a session left open
 * on a shared computer must not be enough), the new one must pass the policy, and every other
 * session of the person ends; this one stays. It stays rather than being re-issued: the person has
 * just proved the current password in it, a stolen cookie could not have made this change, and
 * "sign out everywhere" (src/services/sign-in.ts) ends this one too when a cookie may have leaked.
 */
export async function changeOwnPassword(
  deps: ServiceContext,
  lang: Lang,
  principal: SessionPrincipal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  // Guessing the current password through an open session is limited like sign-in is.
  const attemptKey = `password-change:${principal.userId}`;
  if ((await countAttempt(deps.db, attemptKey, SIGN_IN_WINDOW_MS, deps.now())) > MAX_FAILURES_PER_ACCOUNT)
    throw new AppError("rate_limited");
  const account = await findLoginUser(deps.db, principal.email);
  if (!account || !(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw new AppError("validation_failed", undefined, [
      { key: "currentPassword", code: "wrong", message: t(lang, "password.change.wrongCurrent") },
    ]);
  }
  await uncountAttempt(deps.db, attemptKey);
  requireAcceptablePassword(lang, "newPassword", input.newPassword, principal.email);
  await setPasswordHash(deps.db, principal.email, await hashPassword(input.newPassword));
  await deleteOtherUserSessions(deps.db, principal.userId, principal.sessionId);
  await voidUnusedAccountLinks(deps.db, principal.userId, deps.now());
  await deps.audit({ userId: principal.userId, action: "password_changed", target: `user:${principal.userId}` });
}
