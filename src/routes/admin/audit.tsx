import type { AppContext } from "../../app-env";
import { requireNational } from "../../http/access";
import { check, requestLang } from "../../http/validate";
import { auditLogPage } from "../../services/audit-log";
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
    const { entries, olderThan, ...names } = await auditLogPage(deps, { limit: PAGE_SIZE, before: query.before });
    return renderPage(
      c,
      <AuditPage
        lang={requestLang(c)}
        principal={principal}
        entries={entries}
        names={names}
        olderThan={olderThan}
        isFirstPage={query.before === undefined}
      />,
    );
  });

  return app;
}
