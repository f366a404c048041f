import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { requireNational } from "../http/access";
import { sendJson } from "../http/contract";
import { AppError } from "../http/errors";
import { requirePrincipalWith } from "../http/session";
import { idParam, readJson } from "../http/validate";
import { changeProgramme, changeTheme, createProgramme, createTheme, programmeById, themeById } from "../services/programme-actions";
import { programmesForSession, themesForSession } from "../services/reference-lists";
import { ProgrammeChanges, ProgrammeInput, ThemeChanges, ThemeInput } from "../http/schemas";

/** Programmes and their themes: everyone signed in reads them, the national team changes them. */
export function programmeRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();

  app.get("/programmes", async (c) => {
    const { programmes } = await requirePrincipalWith(c, (sessionId) => programmesForSession(deps, sessionId));
    return sendJson(c, "GET /api/programmes", { programmes });
  });

  app.post("/programmes", async (c) => {
    const principal = requireNational(c);
    const id = await createProgramme(deps, principal, await readJson(c, ProgrammeInput));
    return sendJson(c, "POST /api/programmes", { programme: await programmeById(deps, id) }, 201);
  });

  app.patch("/programmes/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    // An unknown id is 404 even when the body is also wrong.
    await programmeById(deps, id);
    await changeProgramme(deps, principal, id, await readJson(c, ProgrammeChanges));
    return sendJson(c, "PATCH /api/programmes/:id", { programme: await programmeById(deps, id) });
  });

  app.get("/themes", async (c) => {
    const programme = c.req.query("programme");
    const programmeId = programme && /^[1-9]\d{0,9}$/.test(programme) ? Number(programme) : undefined;
    // Not signed in is 401 before a wrong filter is 422 (all themes are read and dropped then).
    const { themes } = await requirePrincipalWith(c, (sessionId) => themesForSession(deps, sessionId, programmeId));
    if (programme !== undefined && programmeId === undefined)
      throw new AppError("validation_failed", undefined, [{ key: "programme", code: "format", message: "programme must be an id" }]);
    return sendJson(c, "GET /api/themes", { themes });
  });

  app.post("/themes", async (c) => {
    const principal = requireNational(c);
    const id = await createTheme(deps, principal, await readJson(c, ThemeInput));
    return sendJson(c, "POST /api/themes", { theme: await themeById(deps, id) }, 201);
  });

  app.patch("/themes/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    await themeById(deps, id);
    await changeTheme(deps, principal, id, await readJson(c, ThemeChanges));
    return sendJson(c, "PATCH /api/themes/:id", { theme: await themeById(deps, id) });
  });

  return app;
}
