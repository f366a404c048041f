import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { AppError } from "../http/errors";
import { getProgramme, getTheme, insertProgramme, insertTheme, updateProgramme, updateTheme } from "../queries/programmes";
import type { ProgrammeChanges, ProgrammeInput, ThemeChanges, ThemeInput } from "../http/schemas";

// What the national team can do to programmes and themes, shared by the JSON API and the admin
// pages: check references, write, and leave an audit line. Callers have already checked that the
// principal is national (src/http/access.ts requireNational).

export async function createProgramme(
  deps: ServiceContext,
  principal: SessionPrincipal,
  input: v.InferOutput<typeof ProgrammeInput>,
): Promise<number> {
  const id = await insertProgramme(deps.db, input);
  await audit(deps, principal, "programme_created", `programme:${id}`, { name: input.name });
  return id;
}

/** Throws not_found for an unknown programme. */
export async function changeProgramme(
  deps: ServiceContext,
  principal: SessionPrincipal,
  id: number,
  changes: v.InferOutput<typeof ProgrammeChanges>,
) {
  if (!(await getProgramme(deps.db, id))) throw new AppError("not_found");
  await updateProgramme(deps.db, id, changes);
  await audit(deps, principal, "programme_updated", `programme:${id}`, changes);
}

export async function createTheme(
  deps: ServiceContext,
  principal: SessionPrincipal,
  input: v.InferOutput<typeof ThemeInput>,
): Promise<number> {
  if (!(await getProgramme(deps.db, input.programmeId))) {
    throw new AppError("validation_failed", undefined, [{ key: "programmeId", code: "unknown", message: "programme not found" }]);
  }
  const id = await insertTheme(deps.db, input);
  await audit(deps, principal, "theme_created", `theme:${id}`, { nameFi: input.nameFi });
  return id;
}

/** Throws not_found for an unknown theme. */
export async function changeTheme(
  deps: ServiceContext,
  principal: SessionPrincipal,
  id: number,
  changes: v.InferOutput<typeof ThemeChanges>,
) {
  if (!(await getTheme(deps.db, id))) throw new AppError("not_found");
  await updateTheme(deps.db, id, changes);
  await audit(deps, principal, "theme_updated", `theme:${id}`, changes);
}

async function audit(
  deps: ServiceContext,
  principal: SessionPrincipal,
  action: "programme_created" | "programme_updated" | "theme_created" | "theme_updated",
  target: string,
  details: Record<string, unknown>,
) {
  await deps.audit({ userId: principal.userId, action, target, details });
}
