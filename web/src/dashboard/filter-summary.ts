// The filters in words under the heading: on paper the form is hidden, and a printed report
// must still say which days it covers.
import type { AreasResponse, ProgrammesResponse, RegionsResponse, ThemesResponse } from "./api";
import { h } from "./dom";
import { date, t } from "./i18n";
import { localisedName } from "../../../src/domain/localised-name";
import type { DashState, View } from "./url-state";
import { regionName } from "./views/view-context";

type Reference = {
  regions: RegionsResponse["regions"];
  programmes: ProgrammesResponse["programmes"];
  themes: ThemesResponse["themes"];
  areas: AreasResponse["areas"];
};

/** For paper only: on screen the same words open the filter form (see filters.ts). */
export function filterSummary(state: DashState, view: View, reference: Reference): HTMLElement {
  return h(
    "p",
    { className: "meta filter-summary print-only" },
    h("strong", {}, `${t("dash.summary.filters")}: `),
    filterSummaryText(state, view, reference),
  );
}

export function filterSummaryText(state: DashState, view: View, reference: Reference): string {
  const lang = state.lang;
  const parts: string[] = [];
  if (view === "programmes") {
    const name = (id: number | null) => reference.programmes.find((p) => p.id === id)?.name ?? "–";
    const first = state.programme ?? reference.programmes[0]?.id ?? null;
    return `${name(first)} · ${name(state.compare ?? reference.programmes.find((p) => p.id !== first)?.id ?? null)}`;
  }
  const programme = reference.programmes.find((p) => p.id === state.programme);
  parts.push(programme ? programme.name : t("dash.summary.allProgrammes"));
  const theme = reference.themes.find((th) => th.id === state.theme);
  parts.push(theme ? localisedName(theme, lang) : t("dash.summary.allThemes"));
  if (state.from || state.to) parts.push(`${state.from ? date(state.from) : "…"} – ${state.to ? date(state.to) : "…"}`);
  if (view === "areas") {
    const area = reference.areas.find((a) => a.id === state.area) ?? reference.areas[0];
    if (area) parts.push(area.isDemo ? `${area.name[lang]} (${t("demo.badge")})` : area.name[lang]);
  } else if (view !== "region") {
    const names = state.regions.map((code) => regionName({ regions: reference.regions, state }, code));
    parts.push(names.length === 0 ? t("dash.summary.allRegions") : names.join(", "));
  }
  if (view === "trend") parts.push(t(`dash.interval.${state.interval}`));
  return parts.join(" · ");
}
