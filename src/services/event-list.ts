import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import { canWrite, readableRegions } from "../auth/authorize";
import { LIST_PAGE_SIZE, NATIONAL_REGION, pageWindow, searchPattern } from "../domain/event-list-query";
import type { EventListQuery } from "../http/schemas";
import { countEventList, pageOfEventList, type EventListFilter } from "../queries/events";
import { listProgrammes, listThemes } from "../queries/programmes";
import { listRegions } from "../queries/regions";
import type { ServiceContext } from "./context";

export type EventListOptions = v.InferOutput<typeof EventListQuery>;

/**
 * The staff start page's list: one page of the days this person may read that match the filters
 * (another region's days are left out here, where a list is asked for; src/http/access.ts refuses
 * them one by one), every region for their names, the regions, programmes and themes the filters
 * offer, and whether the person may create a day anywhere (a national day or in a region).
 */
export async function eventList(deps: Pick<ServiceContext, "db" | "now">, principal: SessionPrincipal, options: EventListOptions) {
  const readable = readableRegions(principal);
  const term = options.q?.trim();
  const filter: EventListFilter = {
    regions: readable,
    // Cancelled days stay on the staff list (labelled); every figure leaves them out.
    includeCancelled: true,
    region: options.region === NATIONAL_REGION ? undefined : options.region,
    nationalOnly: options.region === NATIONAL_REGION,
    programmeId: options.programme,
    themeId: options.theme,
    from: options.from,
    to: options.to,
    search: term ? searchPattern(term) : undefined,
    state: options.state,
    now: deps.now(),
  };
  const [total, regions, programmes, themes] = await Promise.all([
    countEventList(deps.db, filter),
    listRegions(deps.db),
    listProgrammes(deps.db),
    listThemes(deps.db),
  ]);
  const window = pageWindow(total, options.page);
  const events =
    total === 0 ? [] : await pageOfEventList(deps.db, filter, { sort: options.sort, limit: LIST_PAGE_SIZE, offset: window.offset });
  const filterRegions = readable === "all" ? regions : regions.filter((r) => readable.includes(r.code));
  const canCreate = canWrite(principal, null) || regions.some((r) => canWrite(principal, r.code));
  return { events, window, regions, filterRegions, programmes, themes, canCreate };
}
