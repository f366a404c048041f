import { listAudit } from "../queries/audit";
import { listCommentCategories } from "../queries/comment-explorer";
import { listAreas } from "../queries/areas";
import { eventNames } from "../queries/events";
import { listProgrammes, listThemes } from "../queries/programmes";
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

/** The days an entry names: its target ("event:12"), an export's ?event=, retention's list of days. */
function eventIdsOf(entry: { target: string | null; details: unknown }): number[] {
  const ids: unknown[] = [];
  const target = /^event:(\d+)$/.exec(entry.target ?? "");
  if (target) ids.push(target[1]);
  const details = entry.details as { query?: { event?: unknown }; days?: unknown } | null;
  if (details && typeof details === "object") {
    ids.push(details.query?.event);
    if (Array.isArray(details.days)) ids.push(...details.days);
  }
  return ids.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
}

/**
 * A page of the log as the staff page shows it: the entries and the names it speaks in — who each
 * account is, each day's title, date and region, the regions, programmes and themes — and the id
 * to page on from (null on the last page).
 */
export async function auditLogPage(
  deps: Pick<ServiceContext, "db">,
  page: { readonly limit: number; readonly before?: number | undefined },
) {
  const entries = await auditEntries(deps, page);
  const ids = [...new Set(entries.flatMap(eventIdsOf))];
  const [users, regions, programmes, themes, events, categories, areas] = await Promise.all([
    listUsers(deps.db),
    listRegions(deps.db),
    listProgrammes(deps.db),
    listThemes(deps.db),
    eventNames(deps.db, ids),
    listCommentCategories(deps.db),
    listAreas(deps.db),
  ]);
  const people = new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
  const olderThan = entries.length === page.limit ? entries.at(-1)!.id : null;
  return { entries, people, regions, programmes, themes, categories, areas, events: new Map(events.map((e) => [e.id, e])), olderThan };
}
