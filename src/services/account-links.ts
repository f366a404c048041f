import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { hashPassword, NO_PASSWORD } from "../auth/password";
import { newSessionToken, sha256Hex } from "../auth/tokens";
import { ACCOUNT_LINK_LIFETIME_MS, ACCOUNT_LINK_TOKEN, type AccountLinkKind } from "../domain/account-links";
import type { Lang } from "../domain/lang";
import { AppError } from "../http/errors";
import { findLiveAccountLink, insertAccountLink, spendAccountLink, voidUnusedAccountLinks } from "../queries/account-links";
import { countAttempt, uncountAttempt } from "../queries/rate-limits";
import { deleteUserSessions } from "../queries/sessions";
import { findLoginUser, setPasswordHash } from "../queries/users";
import { createAccountWithoutPassword, type NewAccount } from "./create-account";
import { requireAcceptablePassword } from "./password-rule";
import { clientAddressHash, clientAttemptKey, MAX_FAILURES_PER_CLIENT, SIGN_IN_WINDOW_MS, startSession } from "./sign-in";
import { existingUser } from "./user-actions";

// One-time links instead of passwords handed over (issue 16 item 7). The national team makes a
// link; the page shows it once; the person opens it and chooses their own password. Only the
// SHA-256 of the link's 256-bit random token is stored. A link works once, until it expires
// (src/domain/account-links.ts), and a newer link for the same person voids the older ones.

export interface IssuedLink {
  readonly userId: number;
  readonly kind: AccountLinkKind;
  /** The secret part of the link: shown once, never stored. */
  readonly token: string;
  readonly expiresAt: number;
}

/** A new account without a password and its invitation link (the national team's "invite"). */
export async function inviteNewUser(
  deps: ServiceContext,
  principal: SessionPrincipal,
  input: Omit<NewAccount, "password">,
): Promise<IssuedLink> {
  const userId = await createAccountWithoutPassword(deps, input, { userId: principal.userId });
  return issueLink(deps, principal, userId, "invitation");
}

/**
 * A link for an existing account: a reset link when it has a password, a fresh invitation when the
 * person never set one (their first link expired or was lost). Older unused links stop working.
 */
export async function newPasswordLink(deps: ServiceContext, principal: SessionPrincipal, userId: number): Promise<IssuedLink> {
  const target = await existingUser(deps, userId);
  if (target.disabled) throw new AppError("conflict");
  const account = await findLoginUser(deps.db, target.email);
  const kind: AccountLinkKind = account?.passwordHash === NO_PASSWORD ? "invitation" : "reset";
  await voidUnusedAccountLinks(deps.db, userId, deps.now());
  return issueLink(deps, principal, userId, kind);
}

async function issueLink(deps: ServiceContext, principal: SessionPrincipal, userId: number, kind: AccountLinkKind): Promise<IssuedLink> {
  const token = newSessionToken();
  const createdAt = deps.now();
  const expiresAt = createdAt + ACCOUNT_LINK_LIFETIME_MS[kind];
  await insertAccountLink(deps.db, { tokenHash: await sha256Hex(token), userId, kind, createdBy: principal.userId, createdAt, expiresAt });
  await deps.audit({
    userId: principal.userId,
    action: "account_link_created",
    target: `user:${userId}`,
    details: { link: kind },
  });
  return { userId, kind, token, expiresAt };
}

type LinkDeps = ServiceContext & { readonly identifierSecret: string };

/** Whose link this is, for the page that asks for the new password; `gone` for any link that does not work. */
export async function openAccountLink(
  deps: LinkDeps,
  token: string,
  clientAddress: string | null,
): Promise<{ email: string; kind: AccountLinkKind }> {
  const { link } = await liveLink(deps, token, clientAddress);
  return { email: link.email, kind: link.kind };
}

/**
 * Sets the person's own password with their link and signs them in: the link is spent, every other
 * session of the person ends (whoever had the old password is out), other unused links are voided.
 * Returns the new session's cookie value. A password the policy refuses leaves the link unspent.
 */
export async function setPasswordWithLink(
  deps: LinkDeps,
  lang: Lang,
  input: { token: string; password: string; clientAddress: string | null },
): Promise<{ sessionToken: string; userId: number }> {
  const { link, tokenHash } = await liveLink(deps, input.token, input.clientAddress);
  requireAcceptablePassword(lang, "password", input.password, link.email);
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  // Spent in one statement before anything changes: of two requests with the same link, one wins.
  const userId = await spendAccountLink(deps.db, tokenHash, now);
  if (userId === null) throw new AppError("gone");
  await setPasswordHash(deps.db, link.email, passwordHash);
  await deleteUserSessions(deps.db, userId);
  await voidUnusedAccountLinks(deps.db, userId, now);
  await deps.audit({ userId, action: "account_link_used", target: `user:${userId}`, details: { link: link.kind } });
  return { sessionToken: await startSession(deps, userId), userId };
}

/**
 * The live link for a token, counted against the client address like a sign-in attempt (the same
 * counter and limit, src/services/sign-in.ts): a working link gives its attempt back, so only
 * guesses, and used or expired links, spend the budget. One answer, `gone`, for every link that
 * does not work, so the page never tells which links exist.
 */
async function liveLink(deps: LinkDeps, token: string, clientAddress: string | null) {
  const key = clientAttemptKey(await clientAddressHash(deps.identifierSecret, clientAddress));
  if (key && (await countAttempt(deps.db, key, SIGN_IN_WINDOW_MS, deps.now())) > MAX_FAILURES_PER_CLIENT)
    throw new AppError("rate_limited");
  const tokenHash = ACCOUNT_LINK_TOKEN.test(token) ? await sha256Hex(token) : null;
  const link = tokenHash ? await findLiveAccountLink(deps.db, tokenHash, deps.now()) : null;
  if (!link || !tokenHash) throw new AppError("gone");
  if (key) await uncountAttempt(deps.db, key);
  return { link, tokenHash };
}
