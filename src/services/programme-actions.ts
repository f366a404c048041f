import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { AppError } from "../http/errors";
import {
  getProgramme,
  getTheme,
  insertProgramme,
  insertTheme,
  listProgrammes,
  listThemes,
  updateProgramme,
  updateTheme,
} from "../queries/programmes";
import type { ProgrammeChanges, ProgrammeInput, ThemeChanges, ThemeInput } from "../http/schemas";

// What the national team can do to programmes and themes, shared by the JSON API and the admin
// pages: check references, write, and leave an audit line. Callers have already checked that the
// principal is national (src/http/access.ts requireNational). Everyone signed in may read them.

/** Every programme, oldest first as the day form offers them. */
export async function allProgrammes(deps: Pick<ServiceContext, "db">) {
  return listProgrammes(deps.db);
}

/** Every theme, or one programme's. */
export async function allThemes(deps: Pick<ServiceContext, "db">, programmeId?: number) {
  return listThemes(deps.db, programmeId);
}

/** The programme; not_found when there is none. */
export async function programmeById(deps: Pick<ServiceContext, "db">, id: number) {
  const programme = await getProgramme(deps.db, id);
  if (!programme) throw new AppError("not_found");
  return programme;
}

/** The theme; not_found when there is none. */
export async function themeById(deps: Pick<ServiceContext, "db">, id: number) {
  const theme = await getTheme(deps.db, id);
  if (!theme) throw new AppError("not_found");
  return theme;
}

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
  await programmeById(deps, id);
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
  await themeById(deps, id);
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
