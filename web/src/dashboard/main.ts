// The dashboard's entry: reads the state from the URL, checks who is signed in, and renders the
// chosen view; every change goes through the URL, so links, reloads and back/forward agree.
import {
  api,
  ApiError,
  SignedOut,
  type AreasResponse,
  type MeResponse,
  type ProgrammesResponse,
  type RegionsResponse,
  type ThemesResponse,
} from "./api";
import { destroyCharts, showChart } from "./charts/chart-host";
import { h } from "./dom";
import { filterForm } from "./filters";
import { setLang, t, tOr } from "./i18n";
import { availableViews, header, staffNav, viewTabs } from "./shell";
import { filterSummary, filterSummaryText } from "./filter-summary";
import { parseState, toSearch, withChanges, type DashState, type View } from "./url-state";
import { nationalView } from "./views/national-view";
import { regionView } from "./views/region-view";
import { trendView } from "./views/trend-view";
import { areasView } from "./views/areas-view";
import { programmesView } from "./views/programmes-view";
import { regionName, type ViewContext } from "./views/view-context";

interface Reference {
  readonly me: MeResponse["user"];
  readonly regions: RegionsResponse["regions"];
  readonly programmes: ProgrammesResponse["programmes"];
  readonly themes: ThemesResponse["themes"];
  readonly areas: AreasResponse["areas"];
}

const VIEW_RENDERERS: Record<View, (ctx: ViewContext, reference: Reference) => Promise<Node[]>> = {
  region: regionView,
  national: nationalView,
  trend: trendView,
  areas: areasView,
  programmes: (ctx, reference) => programmesView(reference.programmes)(ctx),
};

const browserLanguages = () => (navigator.languages ?? [navigator.language]).join(",");
let state: DashState = parseState(location.search, browserLanguages());
let current: AbortController | null = null;

const topBar = document.getElementById("top")!;
const main = document.getElementById("main")!;
const skip = document.getElementById("skip")!;
const footer = document.getElementById("footer")!;

async function boot(): Promise<void> {
  setLang(state.lang);
  history.replaceState(null, "", toSearch(state));
  let reference: Reference;
  try {
    const [me, regions, programmes, themes, areas] = await Promise.all([
      api.me(),
      api.regions(),
      api.programmes(),
      api.themes(),
      api.areas(),
    ]);
    reference = { me: me.user, regions: regions.regions, programmes: programmes.programmes, themes: themes.themes, areas: areas.areas };
  } catch (error) {
    if (error instanceof SignedOut) return;
    main.replaceChildren(
      h("h1", {}, t("app.name")),
      errorBox(error, () => void boot()),
    );
    return;
  }
  addEventListener("popstate", () => {
    state = parseState(location.search, browserLanguages());
    void render(reference);
  });
  await render(reference);
}

function navigate(reference: Reference, changes: Partial<DashState>): void {
  state = withChanges(state, changes);
  history.pushState(null, "", toSearch(state));
  void render(reference);
}

async function render(reference: Reference): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const focusedId =
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement.id : "";
  destroyCharts();
  setLang(state.lang);

  const views = availableViews(reference.me);
  const view: View = state.view && views.includes(state.view) ? state.view : views[0]!;
  const region = state.region ?? defaultRegion(reference);
  const shown = { ...state, region };
  const title =
    view === "region"
      ? t("dash.title.region", { region: regionName({ regions: reference.regions, state }, region) })
      : t(`dash.title.${view}`);
  document.title = `${title} – ${t("app.name")}`;
  skip.textContent = t("page.skip");
  // The same footer as the server pages: the accessibility statement is linked from every page.
  footer.replaceChildren(h("p", {}, t("page.footer")), h("p", {}, h("a", { href: `/accessibility?lang=${state.lang}` }, t("a11y.link"))));
  topBar.replaceChildren(
    header(state, (lang) => navigate(reference, { lang })),
    staffNav(reference.me, state.lang),
  );

  const status = h("p", { id: "status", role: "status", "aria-live": "polite", className: "status" }, t("dash.loading"));
  const results = h("div", { id: "results", "aria-busy": "true" }, h("p", { className: "loading" }, t("dash.loading")));
  // A region's page labels its own days (demo or with their published source) once they are loaded.
  const demo =
    view !== "region" && view !== "areas" && isDemo(reference, state) ? h("span", { className: "badge" }, t("demo.badge")) : null;
  main.replaceChildren(
    h("h1", { id: "title", tabindex: -1 }, title, demo ? " " : null, demo),
    viewTabs(state, views, view, (next) => navigate(reference, { view: next })),
    filterForm(shown, view, reference, filterSummaryText(shown, view, reference), (changes) => navigate(reference, { ...changes, view })),
    filterSummary(shown, view, reference),
    ...(view === "region" ? [printButton()] : []),
    status,
    results,
  );
  restoreFocus(focusedId);

  const pending: [HTMLCanvasElement, Parameters<typeof showChart>[1]][] = [];
  const ctx: ViewContext = {
    state: shown,
    me: reference.me,
    regions: reference.regions,
    signal: controller.signal,
    draw: (canvas, config) => void pending.push([canvas, config as Parameters<typeof showChart>[1]]),
    remember: (changes) => {
      state = withChanges(state, changes);
      history.replaceState(null, "", toSearch(state));
    },
    announce: (text) => {
      status.textContent = text;
    },
  };
  try {
    const nodes = await VIEW_RENDERERS[view](ctx, reference);
    if (controller.signal.aborted) return;
    results.replaceChildren(...nodes);
    for (const [canvas, config] of pending) showChart(canvas, config);
    status.textContent = t("dash.updated", { title });
    // Said to screen readers; on screen the heading and the results say it already.
    status.classList.add("vh");
  } catch (error) {
    if (controller.signal.aborted || error instanceof SignedOut) return;
    results.replaceChildren(errorBox(error, () => void render(reference)));
    status.textContent = "";
  } finally {
    if (!controller.signal.aborted) results.removeAttribute("aria-busy");
  }
}

/**
 * A re-render replaces the page's controls; the control that had focus gets it back (same id),
 * or, when it is now folded away (the filter form on a phone), the heading of the new view.
 */
function restoreFocus(id: string): void {
  if (!id) return;
  const element = document.getElementById(id);
  if (element && element.getClientRects().length > 0) element.focus();
  else document.getElementById("title")?.focus();
}

/** An agent starts with their own region; the national team with the first region on the list. */
function defaultRegion(reference: Reference): string {
  const readable = reference.regions.filter((r) => r.access !== "none").map((r) => r.code);
  return reference.me.regions.find((code) => readable.includes(code)) ?? readable[0] ?? "01";
}

function isDemo(reference: Reference, shown: DashState): boolean {
  const programmes = shown.programme === null ? reference.programmes : reference.programmes.filter((p) => p.id === shown.programme);
  return programmes.some((p) => p.isDemo);
}

function printButton(): HTMLElement {
  const button = h("button", { type: "button", className: "secondary print-button", id: "print" }, t("dash.print"));
  button.addEventListener("click", () => print());
  return h("p", { className: "screen-only" }, button);
}

function errorBox(error: unknown, retry: () => void): HTMLElement {
  const message =
    error instanceof ApiError
      ? tOr(`http.${error.code}`, "dash.error.load")
      : error instanceof TypeError
        ? t("dash.error.network")
        : t("dash.error.load");
  // Trying again helps with a dropped connection or a server hiccup, not with a refusal (4xx).
  const transient = !(error instanceof ApiError) || error.status >= 500;
  const button = transient ? h("button", { type: "button", className: "secondary", id: "retry" }, t("dash.error.retry")) : null;
  button?.addEventListener("click", retry);
  return h("div", { className: "summary", role: "alert" }, h("h2", {}, t("dash.error.title")), h("p", {}, message), button);
}

void boot();
