import type { SessionPrincipal } from "../app-env";
import { canWrite, readableRegions } from "../auth/authorize";
import { listEvents } from "../queries/events";
import { listRegions } from "../queries/regions";
import type { ServiceContext } from "./context";

/**
 * The staff start page's list: the days this person may read (another region's days are left out
 * here, where a list is asked for; src/http/access.ts refuses them one by one), every region for
 * their names, and whether the person may create a day anywhere (a national day or in a region).
 */
export async function eventList(deps: Pick<ServiceContext, "db">, principal: SessionPrincipal) {
  const [events, regions] = await Promise.all([
    listEvents(deps.db, { regions: readableRegions(principal), includeCancelled: true }),
    listRegions(deps.db),
  ]);
  const canCreate = canWrite(principal, null) || regions.some((r) => canWrite(principal, r.code));
  return { events, regions, canCreate };
}
