import type { ServiceContext } from "./context";
import type { Role } from "../domain/roles";
import { hashPassword, NO_PASSWORD } from "../auth/password";
import { needsArea } from "../auth/authorize";
import { getArea } from "../queries/areas";
import type { Lang } from "../domain/lang";
import { AppError } from "../http/errors";
import { listRegions } from "../queries/regions";
import { emailExists, insertUser } from "../queries/users";
import type { SetBy } from "./passwords";
import { requireAcceptablePassword } from "./password-rule";

export interface NewAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly regions: readonly string[];
  readonly allRegions: boolean;
  /** The cooperation area a municipal agent reads; required for that role (needsArea). */
  readonly areaId?: number | null;
  readonly password: string;
}

/** An area that exists, and one for a role that reads by area (422 on the field "areaId"). */
export async function requireAreaForRole(deps: Pick<ServiceContext, "db">, role: Role, areaId: number | null): Promise<void> {
  if (areaId !== null && !(await getArea(deps.db, areaId)))
    throw new AppError("validation_failed", undefined, [{ key: "areaId", code: "unknown", message: "area not found" }]);
  if (areaId === null && needsArea(role))
    throw new AppError("validation_failed", undefined, [{ key: "areaId", code: "required", message: "a municipal agent needs an area" }]);
}

/** Refuses region codes that do not exist (422 on the field "regions"). */
export async function requireKnownRegions(deps: Pick<ServiceContext, "db">, regions: readonly string[] | undefined): Promise<void> {
  if (!regions) return;
  const known = new Set((await listRegions(deps.db)).map((r) => r.code));
  const unknown = regions.filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw new AppError("validation_failed", undefined, [
      { key: "regions", code: "unknown", message: `unknown regions: ${unknown.join(", ")}` },
    ]);
}

/** Creates an account (staff pages, API, `npm run user:add`): known regions, a free email, a password the policy accepts. */
export async function createAccount(deps: ServiceContext, lang: Lang, input: NewAccount, by: SetBy): Promise<number> {
  await requireKnownRegions(deps, input.regions);
  await requireAreaForRole(deps, input.role, input.areaId ?? null);
  await requireFreeEmail(deps, input.email);
  requireAcceptablePassword(lang, "password", input.password, input.email);
  const { password, ...account } = input;
  return insertAccount(deps, account, await hashPassword(password), by);
}

/**
 * Creates an account without a password, for an invitation link (src/services/account-links.ts):
 * nobody can sign in to it until the person sets their own password with the link.
 */
export async function createAccountWithoutPassword(deps: ServiceContext, input: Omit<NewAccount, "password">, by: SetBy): Promise<number> {
  await requireKnownRegions(deps, input.regions);
  await requireAreaForRole(deps, input.role, input.areaId ?? null);
  await requireFreeEmail(deps, input.email);
  return insertAccount(deps, input, NO_PASSWORD, by);
}

async function requireFreeEmail(deps: ServiceContext, email: string): Promise<void> {
  if (await emailExists(deps.db, email)) {
    throw new AppError("conflict", undefined, [{ key: "email", code: "taken", message: "a user with this email exists" }]);
  }
}

async function insertAccount(
  deps: ServiceContext,
  account: Omit<NewAccount, "password">,
  passwordHash: string,
  by: SetBy,
): Promise<number> {
  const id = await insertUser(deps.db, { ...account, passwordHash });
  await deps.audit({
    action: "user_created",
    target: `user:${id}`,
    details: { email: account.email, role: account.role, regions: account.regions, ...(account.areaId && { area: account.areaId }) },
    ...(by === "cli" ? { actor: "cli" } : { userId: by.userId }),
  });
  return id;
}
