import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { hashPassword } from "../auth/password";
import { requireNational } from "../http/access";
import { AppError } from "../http/errors";
import { check, idParam, readJson } from "../http/validate";
import { recordAudit } from "../queries/audit";
import { listRegions } from "../queries/regions";
import { deleteUserSessions } from "../queries/sessions";
import { emailExists, getUser, insertUser, listUsers, setPasswordHash, updateUser } from "../queries/users";
import { AuditQuery, PasswordInput, UserChanges, UserInput } from "./schemas";
import { listAudit } from "../queries/audit";

/** Users, region assignments and the audit log: the national team only. */
export function userRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? Date.now;

  async function checkRegions(regions: readonly string[] | undefined) {
    if (!regions) return;
    const known = new Set((await listRegions(deps.db)).map((r) => r.code));
    const unknown = regions.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new AppError("validation_failed", undefined, [{ key: "regions", code: "unknown", message: `unknown regions: ${unknown.join(", ")}` }]);
  }

  app.get("/users", async (c) => {
    requireNational(c);
    return c.json({ users: await listUsers(deps.db) });
  });

  app.post("/users", async (c) => {
    const principal = requireNational(c);
    const input = await readJson(c, UserInput);
    await checkRegions(input.regions);
    if (await emailExists(deps.db, input.email)) {
      throw new AppError("conflict", undefined, [{ key: "email", code: "taken", message: "a user with this email exists" }]);
    }
    const id = await insertUser(deps.db, { ...input, passwordHash: await hashPassword(input.password) });
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "user_created", target: `user:${id}`, details: { email: input.email, role: input.role, regions: input.regions } });
    return c.json({ user: await getUser(deps.db, id) }, 201);
  });

  app.patch("/users/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    if (!(await getUser(deps.db, id))) throw new AppError("not_found");
    const changes = await readJson(c, UserChanges);
    await checkRegions(changes.regions);
    await updateUser(deps.db, id, changes);
    // A role or region change, or disabling, must take effect at once, not at the next sign-in.
    if (changes.disabled || changes.role || changes.regions) await deleteUserSessions(deps.db, id);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "user_updated", target: `user:${id}`, details: changes });
    return c.json({ user: await getUser(deps.db, id) });
  });

  app.put("/users/:id/password", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    const target = await getUser(deps.db, id);
    if (!target) throw new AppError("not_found");
    const { password } = await readJson(c, PasswordInput);
    await setPasswordHash(deps.db, target.email, await hashPassword(password));
    await deleteUserSessions(deps.db, id);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "user_password_set", target: `user:${id}` });
    return c.body(null, 204);
  });

  app.post("/users/:id/sessions/revoke", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    if (!(await getUser(deps.db, id))) throw new AppError("not_found");
    const revoked = await deleteUserSessions(deps.db, id);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "logout_everywhere", target: `user:${id}` });
    return c.json({ revoked });
  });

  app.get("/audit", async (c) => {
    requireNational(c);
    const query = check(c, AuditQuery, c.req.query());
    return c.json({ entries: await listAudit(deps.db, { limit: query.limit, ...(query.before && { beforeId: query.before }) }) });
  });

  return app;
}
