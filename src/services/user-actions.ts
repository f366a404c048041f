import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import type { Lang } from "../domain/lang";
import { AppError } from "../http/errors";
import { deleteUserSessions } from "../queries/sessions";
import { getUser, listUsers, updateUser, type UserSummary } from "../queries/users";
import { createAccount, requireAreaForRole, requireKnownRegions } from "./create-account";
import type { UserChanges, UserInput } from "../http/schemas";

// What the national team can do to accounts, shared by the JSON API and the admin pages: check,
// write, end sessions where rights changed, and leave an audit line. Callers have already checked
// that the principal is national (src/http/access.ts requireNational).

/** Every account (no password hashes), for the national team's list. */
export async function allAccounts(deps: Pick<ServiceContext, "db">): Promise<UserSummary[]> {
  return listUsers(deps.db);
}

export async function createUser(
  deps: ServiceContext,
  principal: SessionPrincipal,
  input: v.InferOutput<typeof UserInput>,
  lang: Lang,
): Promise<number> {
  return createAccount(deps, lang, input, { userId: principal.userId });
}

/** Throws not_found for an unknown user. */
export async function changeUser(
  deps: ServiceContext,
  principal: SessionPrincipal,
  id: number,
  changes: v.InferOutput<typeof UserChanges>,
): Promise<void> {
  const before = await existingUser(deps, id);
  await requireKnownRegions(deps, changes.regions);
  if (changes.role !== undefined || changes.areaId !== undefined)
    await requireAreaForRole(deps, changes.role ?? before.role, changes.areaId === undefined ? before.areaId : changes.areaId);
  await updateUser(deps.db, id, changes);
  // A role, region or area change, or disabling, must take effect at once, not at the next sign-in.
  if (changes.disabled || changes.role || changes.regions || changes.areaId !== undefined) await deleteUserSessions(deps.db, id);
  await audit(deps, principal, "user_updated", id, changes);
}

/** Sign out everywhere; how many sessions ended. */
export async function revokeUserSessions(deps: ServiceContext, principal: SessionPrincipal, id: number): Promise<number> {
  await existingUser(deps, id);
  const revoked = await deleteUserSessions(deps.db, id);
  await audit(deps, principal, "logout_everywhere", id);
  return revoked;
}

export async function existingUser(deps: ServiceContext, id: number): Promise<UserSummary> {
  const user = await getUser(deps.db, id);
  if (!user) throw new AppError("not_found");
  return user;
}

async function audit(
  deps: ServiceContext,
  principal: SessionPrincipal,
  action: "user_updated" | "logout_everywhere",
  userId: number,
  details?: Record<string, unknown>,
) {
  await deps.audit({ userId: principal.userId, action, target: `user:${userId}`, ...(details && { details }) });
}
