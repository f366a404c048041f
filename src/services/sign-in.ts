import type { AppDeps } from "../app-env";
import { verifyAgainstNothing, verifyPassword } from "../auth/password";
import { newSessionToken, sha256Hex } from "../auth/tokens";
import { AppError } from "../http/errors";
import { SESSION_TTL_MS } from "../http/session";
import { recordAudit } from "../queries/audit";
import { addHit, clearHits, currentCount, deleteSpentHits } from "../queries/rate-limits";
import { createSession, deleteExpiredSessions } from "../queries/sessions";
import { findLoginUser } from "../queries/users";

/**
 * Failed sign-ins allowed per 15 minutes. Per account: a person who mistypes a few times is never
 * stopped, a password guesser gets 10 tries a quarter hour (~1,000 a day), far too few for any
 * password our users would choose. Per client address: 30, because a venue's staff may share one
 * address. Successful sign-ins do not count.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_CLIENT = 30;

export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string | null;
}

/** Checks the password and opens a session; the error never says whether the email exists. */
export async function signIn(deps: AppDeps, input: SignInRequest): Promise<{ token: string; userId: number }> {
  const now = (deps.now ?? Date.now)();
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${await sha256Hex(email)}`;
  const clientKey = input.clientAddress ? `client:${await sha256Hex(input.clientAddress)}` : null;
  const [accountFailures, clientFailures] = await Promise.all([
    currentCount(deps.db, accountKey, SIGN_IN_WINDOW_MS, now),
    clientKey ? currentCount(deps.db, clientKey, SIGN_IN_WINDOW_MS, now) : Promise.resolve(0),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || clientFailures >= MAX_FAILURES_PER_CLIENT) {
    await recordAudit(deps.db, { at: now, actor: email, action: "login_rate_limited" });
    throw new AppError("rate_limited");
  }

  const found = await findLoginUser(deps.db, email);
  const ok = found && !found.disabled ? await verifyPassword(input.password, found.passwordHash) : await verifyAgainstNothing(input.password);
  if (!ok || !found) {
    await addHit(deps.db, accountKey, SIGN_IN_WINDOW_MS, now);
    if (clientKey) await addHit(deps.db, clientKey, SIGN_IN_WINDOW_MS, now);
    await recordAudit(deps.db, { at: now, userId: found?.id ?? null, actor: email, action: "login_failed" });
    throw new AppError("invalid_credentials");
  }

  await clearHits(deps.db, accountKey);
  // Housekeeping where it is cheap and rare: expired sessions and spent counters go at each sign-in.
  await deleteExpiredSessions(deps.db, now);
  await deleteSpentHits(deps.db, SIGN_IN_WINDOW_MS, now);
  const token = newSessionToken();
  await createSession(deps.db, { id: await sha256Hex(token), userId: found.id, now, ttlMs: SESSION_TTL_MS });
  await recordAudit(deps.db, { at: now, userId: found.id, actor: email, action: "login" });
  return { token, userId: found.id };
}
