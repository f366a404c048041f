import { Hono } from "hono";
import type { AppContext, AppEnv } from "../app-env";
import { requireNational } from "../http/access";
import { sendJson } from "../http/contract";
import { check, idParam, readJson, requestLang } from "../http/validate";
import { auditEntries } from "../services/audit-log";
import { setAccountPassword } from "../services/passwords";
import { AuditQuery, PasswordInput, UserChanges, UserInput } from "../http/schemas";
import { allAccounts, changeUser, createUser, existingUser, revokeUserSessions } from "../services/user-actions";

/** Users, region assignments and the audit log: the national team only. */
export function userRoutes(deps: AppContext) {
  const app = new Hono<AppEnv>();

  app.get("/users", async (c) => {
    requireNational(c);
    return sendJson(c, "GET /api/users", { users: await allAccounts(deps) });
  });

  app.post("/users", async (c) => {
    const principal = requireNational(c);
    const id = await createUser(deps, principal, await readJson(c, UserInput), requestLang(c));
    return sendJson(c, "POST /api/users", { user: await existingUser(deps, id) }, 201);
  });

  app.patch("/users/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    await existingUser(deps, id);
    await changeUser(deps, principal, id, await readJson(c, UserChanges));
    return sendJson(c, "PATCH /api/users/:id", { user: await existingUser(deps, id) });
  });

  app.put("/users/:id/password", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    const target = await existingUser(deps, id);
    const { password } = await readJson(c, PasswordInput);
    await setAccountPassword(deps, requestLang(c), { email: target.email, password, by: { userId: principal.userId } });
    return c.body(null, 204);
  });

  app.post("/users/:id/sessions/revoke", async (c) => {
    const principal = requireNational(c);
    return sendJson(c, "POST /api/users/:id/sessions/revoke", { revoked: await revokeUserSessions(deps, principal, idParam(c)) });
  });

  app.get("/audit", async (c) => {
    requireNational(c);
    const query = check(c, AuditQuery, c.req.query());
    return sendJson(c, "GET /api/audit", {
      entries: await auditEntries(deps, query),
    });
  });

  return app;
}
