import type { Context } from "hono";
import type { AppContext, AppEnv, SessionPrincipal } from "../app-env";
import { canRead, canWrite, isNational } from "../auth/authorize";
import { getEvent, type EventRow } from "../queries/events";
import { AppError } from "./errors";
import { requirePrincipal } from "./session";

// Route-side use of src/auth/authorize.ts: load, then allow or refuse. Another region's day is 403,
// never quietly left out of an answer.

export function requireNational(c: Context<AppEnv>): SessionPrincipal {
  const principal = requirePrincipal(c);
  if (!isNational(principal)) throw new AppError("forbidden");
  return principal;
}

export async function readableEvent(
  deps: AppContext,
  c: Context<AppEnv>,
  id: number,
): Promise<{ principal: SessionPrincipal; event: EventRow }> {
  const principal = requirePrincipal(c);
  const event = await getEvent(deps.db, id);
  if (!event) throw new AppError("not_found");
  if (!canRead(principal, event.regionCode)) throw new AppError("forbidden");
  return { principal, event };
}

export async function writableEvent(
  deps: AppContext,
  c: Context<AppEnv>,
  id: number,
): Promise<{ principal: SessionPrincipal; event: EventRow }> {
  const { principal, event } = await readableEvent(deps, c, id);
  if (!canWrite(principal, event.regionCode)) throw new AppError("forbidden");
  return { principal, event };
}

export function requireWriteRegion(principal: SessionPrincipal, regionCode: string | null): void {
  if (!canWrite(principal, regionCode)) throw new AppError("forbidden");
}
