import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { verifyAgainstNothing, verifyPassword } from "../auth/password";
import { keyedHashHex, newSessionToken, sha256Hex } from "../auth/tokens";
import { AppError } from "../http/errors";
import { SESSION_TTL_MS } from "../http/session";
import { auditInsert, recordRefusedSignIn } from "../queries/audit";
import { countAttemptQuery, deleteSpentHits, uncountAttemptQuery } from "../queries/rate-limits";
import { createSession, deleteExpiredSessions, deleteSession, deleteUserSessions } from "../queries/sessions";
import { findLoginUserQuery } from "../queries/users";

/**
 * Sign-in attempts allowed per 15-minute window. Per account: 10, so a person who mistypes a few
 * times is never stopped while a guesser gets 10 tries a quarter hour (~1,000 a day), far too few
 * for any password the policy accepts. Per client address: 30, because a venue's staff may share
 * one address. Every attempt is counted before its password is checked, in one statement that
 * returns the new count, so a burst of simultaneous requests is cut off at the limit like a
 * sequence is; a sign-in that succeeds gives its attempt back.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_CLIENT = 30;

export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string | null;
}

type SignInDeps = ServiceContext & { readonly identifierSecret: string };

/** Checks the password and opens a session; the error never says whether the email exists. */
export async function signIn(deps: SignInDeps, input: SignInRequest): Promise<{ token: string; userId: number }> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const accountHash = await keyedHashHex(deps.identifierSecret, `email:${email}`);
  const clientHash = await clientAddressHash(deps.identifierSecret, input.clientAddress);
  const accountKey = `account:${accountHash}`;
  const clientKey = clientAttemptKey(clientHash);
  // One batch (one round trip to a remote database): the attempts counted and the person read.
  // Writes first: the batch's deferred transaction then takes the write lock at its first
  // statement, never upgrading a read snapshot that a concurrent sign-in has made stale.
  const [[account], users, client] = await deps.db.batch([
    countAttemptQuery(deps.db, accountKey, SIGN_IN_WINDOW_MS, now),
    findLoginUserQuery(deps.db, email),
    ...(clientKey ? [countAttemptQuery(deps.db, clientKey, SIGN_IN_WINDOW_MS, now)] : []),
  ]);
  const accountAttempts = account!.count;
  const clientAttempts = (client as { count: number }[] | undefined)?.[0]?.count ?? 0;
  const windowStart = now - (now % SIGN_IN_WINDOW_MS);
  const found = users[0] ?? null;
  const userId = found?.id ?? null;

  if (clientAttempts > MAX_FAILURES_PER_CLIENT) {
    // Refused for the address alone: one row per window, whatever emails it rotates through.
    await recordRefusedSignIn(deps.db, { at: now, windowStart, action: "login_rate_limited", userId: null, accountHash: null, clientHash });
    throw new AppError("rate_limited");
  }
  if (accountAttempts > MAX_FAILURES_PER_ACCOUNT) {
    await recordRefusedSignIn(deps.db, { at: now, windowStart, action: "login_rate_limited", userId, accountHash, clientHash });
    throw new AppError("rate_limited");
  }

  const ok =
    found && !found.disabled ? await verifyPassword(input.password, found.passwordHash) : await verifyAgainstNothing(input.password);
  if (!ok || !found) {
    await recordRefusedSignIn(deps.db, { at: now, windowStart, action: "login_failed", userId, accountHash, clientHash });
    throw new AppError("invalid_credentials");
  }

  // The second and last batch: the attempt given back, the new session and its audit line, and
  // housekeeping where it is cheap and rare (expired sessions and spent counters go at each sign-in).
  const token = newSessionToken();
  await deps.db.batch([
    createSession(deps.db, { id: await sha256Hex(token), userId: found.id, now, ttlMs: SESSION_TTL_MS }),
    auditInsert(deps.db, { at: now, userId: found.id, actor: email, action: "login" }),
    uncountAttemptQuery(deps.db, accountKey),
    ...(clientKey ? [uncountAttemptQuery(deps.db, clientKey)] : []),
    deleteExpiredSessions(deps.db, now),
    deleteSpentHits(deps.db, SIGN_IN_WINDOW_MS, now),
  ]);
  return { token, userId: found.id };
}

/** A new session for the person; returns the cookie's value (only its hash is stored). */
export async function startSession(deps: ServiceContext, userId: number): Promise<string> {
  const token = newSessionToken();
  await createSession(deps.db, { id: await sha256Hex(token), userId, now: deps.now(), ttlMs: SESSION_TTL_MS });
  return token;
}

/** The keyed hash of a client address, or null when the runtime does not know it. */
export async function clientAddressHash(secret: string, clientAddress: string | null): Promise<string | null> {
  return clientAddress ? keyedHashHex(secret, `address:${clientAddress}`) : null;
}

/** The counter a client address's attempts share: sign-in and one-time links spend the same budget. */
export function clientAttemptKey(clientHash: string | null): string | null {
  return clientHash ? `client:${clientHash}` : null;
}

/** Ends this session, or with `everywhere` every session of the person, and says so in the audit log. */
export async function signOut(deps: ServiceContext, principal: SessionPrincipal, options: { everywhere: boolean }): Promise<void> {
  if (options.everywhere) await deleteUserSessions(deps.db, principal.userId);
  else await deleteSession(deps.db, principal.sessionId);
  await deps.audit({ userId: principal.userId, action: options.everywhere ? "logout_everywhere" : "logout" });
}
