import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { requireNational } from "../http/access";
import { AppError } from "../http/errors";
import { requirePrincipal } from "../http/session";
import { idParam, readJson } from "../http/validate";
import { recordAudit } from "../queries/audit";
import { getProgramme, getTheme, insertProgramme, insertTheme, listProgrammes, listThemes, updateProgramme, updateTheme } from "../queries/programmes";
import { ProgrammeChanges, ProgrammeInput, ThemeChanges, ThemeInput } from "./schemas";

/** Programmes and their themes: everyone signed in reads them, the national team changes them. */
export function programmeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? Date.now;

  app.get("/programmes", async (c) => {
    requirePrincipal(c);
    return c.json({ programmes: await listProgrammes(deps.db) });
  });

  app.post("/programmes", async (c) => {
    const principal = requireNational(c);
    const input = await readJson(c, ProgrammeInput);
    const id = await insertProgramme(deps.db, input);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "programme_created", target: `programme:${id}`, details: { name: input.name } });
    return c.json({ programme: await getProgramme(deps.db, id) }, 201);
  });

  app.patch("/programmes/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    if (!(await getProgramme(deps.db, id))) throw new AppError("not_found");
    const changes = await readJson(c, ProgrammeChanges);
    await updateProgramme(deps.db, id, changes);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "programme_updated", target: `programme:${id}`, details: changes });
    return c.json({ programme: await getProgramme(deps.db, id) });
  });

  app.get("/themes", async (c) => {
    requirePrincipal(c);
    const programme = c.req.query("programme");
    const programmeId = programme && /^[1-9]\d{0,9}$/.test(programme) ? Number(programme) : undefined;
    if (programme !== undefined && programmeId === undefined) throw new AppError("validation_failed", undefined, [{ key: "programme", code: "format", message: "programme must be an id" }]);
    return c.json({ themes: await listThemes(deps.db, programmeId) });
  });

  app.post("/themes", async (c) => {
    const principal = requireNational(c);
    const input = await readJson(c, ThemeInput);
    if (!(await getProgramme(deps.db, input.programmeId))) {
      throw new AppError("validation_failed", undefined, [{ key: "programmeId", code: "unknown", message: "programme not found" }]);
    }
    const id = await insertTheme(deps.db, input);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "theme_created", target: `theme:${id}`, details: { nameFi: input.nameFi } });
    return c.json({ theme: await getTheme(deps.db, id) }, 201);
  });

  app.patch("/themes/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    if (!(await getTheme(deps.db, id))) throw new AppError("not_found");
    const changes = await readJson(c, ThemeChanges);
    await updateTheme(deps.db, id, changes);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "theme_updated", target: `theme:${id}`, details: changes });
    return c.json({ theme: await getTheme(deps.db, id) });
  });

  return app;
}
