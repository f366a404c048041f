// The filter form. It is a real GET form on "/" whose fields carry the URL's parameter names, so
// it reads like any form to assistive technology; the script turns a submit into a history entry.
// Nothing changes until "Show" is pressed (no surprise reloads while someone is still choosing).
import type { AreasResponse, MeResponse, ProgrammesResponse, RegionsResponse, ThemesResponse } from "./api";
import { h, type Content } from "./dom";
import { t, type Lang } from "./i18n";
import { localisedName } from "../../../src/domain/localised-name";
import { BUCKET_INTERVALS, DEFAULT_INTERVAL, isBucketInterval } from "../../../src/domain/stats/time-buckets";
import type { DashState, View } from "./url-state";

export interface FilterChoices {
  readonly regions: RegionsResponse["regions"];
  readonly programmes: ProgrammesResponse["programmes"];
  readonly themes: ThemesResponse["themes"];
  readonly me: MeResponse["user"];
  readonly areas: AreasResponse["areas"];
}

/**
 * The form folds away under a line that says the current filters: open on a wide screen, closed
 * on a phone, where the results would otherwise start a screen further down.
 */
export function filterForm(
  state: DashState & { region: string },
  view: View,
  choices: FilterChoices,
  summary: string,
  onApply: (changes: Partial<DashState>) => void,
): HTMLElement {
  const lang = state.lang;
  const readable = choices.regions.filter((r) => r.access !== "none");
  const themes = choices.themes.filter((th) => state.programme === null || th.programmeId === state.programme);
  const fields: Content[] =
    view === "programmes"
      ? programmePairFields(state, choices)
      : [
          h("input", { type: "hidden", name: "view", value: view }),
          h("input", { type: "hidden", name: "lang", value: lang }),
          view === "region"
            ? field(
                "f-region",
                t("dash.filter.region"),
                select(
                  "f-region",
                  "region",
                  readable.map((r) => [r.code, r.name[lang]]),
                  state.region,
                ),
              )
            : view === "areas"
              ? areaChoice(state, choices)
              : regionChoice(state, readable, lang),
          field(
            "f-programme",
            t("dash.filter.programme"),
            select(
              "f-programme",
              "programme",
              [["", t("dash.filter.all")], ...choices.programmes.map((p) => [String(p.id), p.name] as [string, string])],
              state.programme === null ? "" : String(state.programme),
            ),
          ),
          field(
            "f-theme",
            t("dash.filter.theme"),
            select(
              "f-theme",
              "theme",
              [["", t("dash.filter.all")], ...themes.map((th) => [String(th.id), localisedName(th, lang)] as [string, string])],
              state.theme === null ? "" : String(state.theme),
            ),
          ),
          field("f-from", t("dash.filter.from"), h("input", { type: "date", id: "f-from", name: "from", value: state.from ?? "" })),
          field("f-to", t("dash.filter.to"), h("input", { type: "date", id: "f-to", name: "to", value: state.to ?? "" })),
          view === "trend"
            ? field(
                "f-interval",
                t("dash.filter.interval"),
                select(
                  "f-interval",
                  "interval",
                  BUCKET_INTERVALS.map((i) => [i, t(`dash.interval.${i}`)]),
                  state.interval,
                ),
              )
            : null,
        ];
  const form = h(
    "form",
    { method: "get", action: "/", id: "filters", "aria-label": t("dash.filter.title") },
    h("div", { className: "filter-fields" }, fields),
    h(
      "div",
      { className: "actions" },
      h("button", { type: "submit", id: "f-apply" }, t("dash.filter.apply")),
      h("a", { href: `/?view=${view}&lang=${lang}`, id: "f-clear", className: "clear" }, t("dash.filter.clear")),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onApply(readForm(new FormData(form as HTMLFormElement), view));
  });
  form.querySelector("#f-clear")?.addEventListener("click", (event) => {
    const mouse = event as MouseEvent;
    if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey) return;
    event.preventDefault();
    onApply({
      region: view === "region" ? state.region : null,
      regions: [],
      from: null,
      to: null,
      theme: null,
      programme: null,
      area: null,
      compare: null,
      interval: DEFAULT_INTERVAL,
    });
  });
  const wide = matchMedia("(min-width: 48rem)").matches;
  return h(
    "details",
    { className: "filters", id: "filters-box", open: wide ? true : null },
    h("summary", { id: "filters-summary" }, h("strong", {}, `${t("dash.filter.title")}: `), summary),
    form,
  );
}

function readForm(data: FormData, view: View): Partial<DashState> {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" && value !== "" ? value : null;
  };
  const id = (name: string) => (text(name) && /^[1-9]\d{0,9}$/.test(text(name)!) ? Number(text(name)) : null);
  if (view === "programmes") return { programme: id("programme"), compare: id("compare") };
  const changes: Partial<DashState> = { from: text("from"), to: text("to"), theme: id("theme"), programme: id("programme") };
  if (view === "region") return { ...changes, region: text("region") };
  if (view === "areas") return { ...changes, area: id("area") };
  const regions = data
    .getAll("regions")
    .filter((v): v is string => typeof v === "string")
    .sort();
  const interval = text("interval");
  return { ...changes, regions, ...(view === "trend" && isBucketInterval(interval) ? { interval } : {}) };
}

/** The area shown first in the areas view (every area the reader sees is compared below it). */
function areaChoice(state: DashState, choices: FilterChoices): HTMLElement {
  const lang = state.lang;
  const label = (a: FilterChoices["areas"][number]) => (a.isDemo ? `${a.name[lang]} (${t("demo.badge")})` : a.name[lang]);
  // The areas whose figures the server gives this reader (every region readable, as /api/me says);
  // the server applies the rule itself (canReadArea), this only keeps the list to what can be shown.
  const scope = choices.me.readableRegions;
  const shown = choices.areas.filter((a) => a.regions.length > 0 && (scope === "all" || a.regions.every((code) => scope.includes(code))));
  return field(
    "f-area",
    t("dash.filter.area"),
    select(
      "f-area",
      "area",
      shown.map((a) => [String(a.id), label(a)] as [string, string]),
      state.area === null ? String(shown[0]?.id ?? "") : String(state.area),
    ),
  );
}

/** The two programmes compared: the first and the one it is compared with. */
function programmePairFields(state: DashState, choices: FilterChoices): Content[] {
  const options = choices.programmes.map((p) => [String(p.id), p.isDemo ? `${p.name} (${t("demo.badge")})` : p.name] as [string, string]);
  const first = state.programme ?? choices.programmes[0]?.id ?? null;
  const second = state.compare ?? choices.programmes.find((p) => p.id !== first)?.id ?? null;
  return [
    h("input", { type: "hidden", name: "view", value: "programmes" }),
    h("input", { type: "hidden", name: "lang", value: state.lang }),
    field("f-programme", t("dash.filter.programme"), select("f-programme", "programme", options, first === null ? "" : String(first))),
    field("f-compare", t("dash.filter.compare"), select("f-compare", "compare", options, second === null ? "" : String(second))),
  ];
}

/** A handful of regions out of 18: checkboxes in a group that opens on demand. */
function regionChoice(state: DashState, regions: RegionsResponse["regions"], lang: Lang): HTMLElement {
  const chosen = new Set(state.regions);
  const summary = chosen.size === 0 ? t("dash.filter.regionsAll") : t("dash.filter.regionsChosen", { count: chosen.size });
  return h(
    "details",
    { className: "field region-choice", id: "f-regions", open: chosen.size > 0 ? true : null },
    h("summary", {}, t("dash.filter.regions"), ": ", summary),
    h(
      "fieldset",
      {},
      h("legend", { className: "vh" }, t("dash.filter.regions")),
      h(
        "div",
        { className: "checks" },
        regions.map((r) =>
          h(
            "label",
            { for: `f-region-${r.code}` },
            h("input", { type: "checkbox", name: "regions", value: r.code, id: `f-region-${r.code}`, checked: chosen.has(r.code) }),
            " ",
            r.name[lang],
          ),
        ),
      ),
    ),
  );
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h("div", { className: "field" }, h("label", { className: "label", for: id }, label), control);
}

function select(id: string, name: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  return h(
    "select",
    { id, name },
    options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
  );
}
