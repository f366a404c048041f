import type { ServiceContext } from "./context";
import type { Role } from "../domain/roles";
import { hashPassword } from "../auth/password";
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
  if (await emailExists(deps.db, input.email)) {
    throw new AppError("conflict", undefined, [{ key: "email", code: "taken", message: "a user with this email exists" }]);
  }
  requireAcceptablePassword(lang, "password", input.password, input.email);
  const { password, ...account } = input;
  const id = await insertUser(deps.db, { ...account, passwordHash: await hashPassword(password) });
  await deps.audit({
    action: "user_created",
    target: `user:${id}`,
    details: { email: input.email, role: input.role, regions: input.regions, ...(input.areaId && { area: input.areaId }) },
    ...(by === "cli" ? { actor: "cli" } : { userId: by.userId }),
  });
  return id;
}
