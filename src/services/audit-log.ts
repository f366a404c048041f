import { listAudit } from "../queries/audit";
import { listRegions } from "../queries/regions";
import { listUsers } from "../queries/users";
import type { ServiceContext } from "./context";

// Reading the audit log: the national team only (the routes check with requireNational first).

/** One page, newest first: `limit` entries older than entry `before` (from the start when left out). */
export async function auditEntries(
  deps: Pick<ServiceContext, "db">,
  page: { readonly limit: number; readonly before?: number | undefined },
) {
  return listAudit(deps.db, { limit: page.limit, ...(page.before && { beforeId: page.before }) });
}

/**
 * A page of the log as the staff page shows it: the entries, who each account is ("name <email>"),
 * the regions for their names, and the id to page on from (null on the last page).
 */
export async function auditLogPage(
  deps: Pick<ServiceContext, "db">,
  page: { readonly limit: number; readonly before?: number | undefined },
) {
  const [entries, users, regions] = await Promise.all([auditEntries(deps, page), listUsers(deps.db), listRegions(deps.db)]);
  const people = new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
  const olderThan = entries.length === page.limit ? entries.at(-1)!.id : null;
  return { entries, people, regions, olderThan };
}
