import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { canRead, readsEveryRegion } from "../auth/authorize";
import { yardstickState, type YardstickState } from "../domain/stats";
import type { EventFilter } from "../queries/events";
import { yardstickBlocks } from "../queries/yardstick-blocks";

/**
 * The one place the yardstick rule (src/domain/stats/yardstick.ts) meets the data: every endpoint
 * that returns a pool over regions the caller may not read asks here, per figure, before it
 * returns it. `months` narrows the check to one trend bucket's months.
 */
export async function yardstickGuard(
  deps: ServiceContext,
  principal: SessionPrincipal,
  filter: EventFilter,
): Promise<(months?: (month: string) => boolean) => YardstickState> {
  const reader = { readsAllRegions: readsEveryRegion(principal), canRead: (code: string) => canRead(principal, code) };
  if (reader.readsAllRegions) return () => ({ shown: true });
  const blocks = await yardstickBlocks(deps.db, filter);
  return (months) => yardstickState(reader, filter, months ? blocks.filter((b) => months(b.month)) : blocks);
}

/** The filter step: the pooled figure when the rule lets it through, else null beside the reason. */
export function withheldUnless<T>(state: YardstickState, figure: T): T | null {
  return state.shown ? figure : null;
}
