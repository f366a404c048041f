import type { AppContext } from "../../app-env";
import { requireNational } from "../../http/access";
import { check, requestLang } from "../../http/validate";
import { listAudit } from "../../queries/audit";
import { listRegions } from "../../queries/regions";
import { listUsers } from "../../queries/users";
import { AuditPage } from "../../views/admin/audit-page";
import { AuditQuery } from "../../http/schemas";
import { adminApp, renderPage } from "../../http/admin-http";

/** Entries per page: a screenful to scan, few enough for a phone. */
const PAGE_SIZE = 50;

/** The audit log as a page: the national team only. */
export function adminAuditRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/audit", async (c) => {
    const principal = requireNational(c);
    const before = c.req.query("before");
    // Only the paging parameter goes to the schema (the page's own ?lang= is not part of it).
    const query = check(c, AuditQuery, before === undefined ? {} : { before });
    const [entries, users, regions] = await Promise.all([
      listAudit(deps.db, { limit: PAGE_SIZE, ...(query.before && { beforeId: query.before }) }),
      listUsers(deps.db),
      listRegions(deps.db),
    ]);
    const people = new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
    const olderThan = entries.length === PAGE_SIZE ? entries.at(-1)!.id : null;
    return renderPage(
      c,
      <AuditPage
        lang={requestLang(c)}
        principal={principal}
        entries={entries}
        people={people}
        regions={regions}
        olderThan={olderThan}
        isFirstPage={query.before === undefined}
      />,
    );
  });

  return app;
}
