// What every view gets from main.ts: the state it shows, who is looking, the regions, and how to
// draw charts (after the view is in the page) and record a change of state.
import type { ChartConfiguration, ChartType } from "chart.js";
import type { DataFilter, MeResponse, RegionsResponse } from "../api";
import type { DashState } from "../url-state";

export interface ViewContext {
  readonly state: DashState & { readonly region: string };
  readonly me: MeResponse["user"];
  readonly regions: RegionsResponse["regions"];
  readonly signal: AbortSignal;
  /** Queues a chart; it is drawn once the view's nodes are in the document (it needs their size). */
  draw<T extends ChartType>(canvas: HTMLCanvasElement, config: ChartConfiguration<T>): void;
  /** Records a change in the URL (replacing the history entry) without a new render: a re-sort. */
  remember(changes: Partial<DashState>): void;
  /** Says something in the page's polite status line (a re-sort, for example). */
  announce(text: string): void;
}

/** The filters every endpoint understands, from the URL state. */
export function dataFilter(state: DashState): DataFilter {
  return { from: state.from, to: state.to, theme: state.theme, programme: state.programme };
}

export function regionName(
  ctx: { readonly regions: ViewContext["regions"]; readonly state: Pick<DashState, "lang"> },
  code: string,
): string {
  return ctx.regions.find((r) => r.code === code)?.name[ctx.state.lang] ?? code;
}
