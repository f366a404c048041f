import type { SessionPrincipal } from "../app-env";
import { newSessionToken, sha256Hex } from "../auth/tokens";
import { getEvent, type EventRow } from "../queries/events";
import {
  deletePresenterDisplay,
  findEventIdByDisplayToken,
  presenterDisplayCreatedAt,
  replacePresenterDisplay,
} from "../queries/presenter-display";
import type { ServiceContext } from "./context";

// A day's display link (/live/<token>): the presenter view without a sign-in, for the computer
// that drives the projector. The token is 256 random bits shown once to the person who made it;
// only its SHA-256 is stored, so the database cannot give it back. Making a new one revokes the
// old one. The caller has checked that the person may change the day.

/** Tokens are what newSessionToken makes: 43 base64url characters. Anything else is not looked up. */
export const DISPLAY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Makes (or replaces) the day's display link; returns the token, the only time it exists in clear. */
export async function createDisplayLink(deps: ServiceContext, principal: SessionPrincipal, event: EventRow): Promise<string> {
  const token = newSessionToken();
  const replaced = (await presenterDisplayCreatedAt(deps.db, event.id)) !== null;
  await replacePresenterDisplay(deps.db, event.id, await sha256Hex(token), deps.now());
  await deps.audit({
    userId: principal.userId,
    action: "display_link_created",
    regionCode: event.regionCode,
    target: `event:${event.id}`,
    details: { replaced },
  });
  return token;
}

/** Revokes the day's display link: a screen showing it stops updating and says the link no longer works. */
export async function revokeDisplayLink(deps: ServiceContext, principal: SessionPrincipal, event: EventRow): Promise<boolean> {
  const revoked = await deletePresenterDisplay(deps.db, event.id);
  if (revoked) {
    await deps.audit({
      userId: principal.userId,
      action: "display_link_revoked",
      regionCode: event.regionCode,
      target: `event:${event.id}`,
    });
  }
  return revoked;
}

/** When the day's current display link was made, or null when it has none. */
export function displayLinkCreatedAt(deps: Pick<ServiceContext, "db">, event: EventRow): Promise<number | null> {
  return presenterDisplayCreatedAt(deps.db, event.id);
}

/** The day a display token opens, or null for a malformed, unknown or revoked one. */
export async function eventForDisplayToken(deps: Pick<ServiceContext, "db">, token: string): Promise<EventRow | null> {
  if (!DISPLAY_TOKEN.test(token)) return null;
  const eventId = await findEventIdByDisplayToken(deps.db, await sha256Hex(token));
  return eventId === null ? null : getEvent(deps.db, eventId);
}
