// One-time links the national team hands over instead of a password (issue 16 item 7).

export const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a link works, the one place that says so. An invitation waits a week, because a new
 * person may not read their mail at once; a reset link is for someone who is waiting for it now, so
 * a day, which keeps a link forwarded or left in a mailbox useful to others for as short a time as
 * is practical.
 */
export const ACCOUNT_LINK_LIFETIME_MS = {
  invitation: 7 * 24 * HOUR_MS,
  reset: 24 * HOUR_MS,
} as const;

/** An invitation for an account that has no password yet; a reset for one that has. */
export type AccountLinkKind = keyof typeof ACCOUNT_LINK_LIFETIME_MS;

/** Where a link points: this path and the token. */
export const SET_PASSWORD_PATH = "/set-password";

/** The shape of a token (newSessionToken: 256 random bits, base64url, 43 characters). */
export const ACCOUNT_LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The address to hand over: the site's public address when one is configured, else the request's origin. */
export function accountLinkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}${SET_PASSWORD_PATH}/${token}`;
}
