// The page frame around every view, as on the server-rendered staff pages: the brand and the
// language switch, the staff menu (with the way back to the academy days) and signing out.
import type { MeResponse } from "./api";
import { h } from "./dom";
import { t, type Lang } from "./i18n";
import { LANG_NAMES, LANGS } from "../../../src/domain/lang";
import { toSearch, type DashState, type View } from "./url-state";

export function header(state: DashState, onLang: (lang: Lang) => void): HTMLElement {
  return h(
    "header",
    {},
    h("span", { className: "brand" }, t("app.name")),
    h(
      "nav",
      { "aria-label": t("lang.label") },
      h(
        "ul",
        { className: "langs" },
        LANGS.map((code) => {
          const link = h("a", { href: toSearch({ ...state, lang: code }), lang: code, hreflang: code, id: `lang-${code}`, "aria-current": code === state.lang ? "true" : null }, LANG_NAMES[code]);
          link.addEventListener("click", (event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            onLang(code);
          });
          return h("li", {}, link);
        }),
      ),
    ),
  );
}

/** The same menu as src/views/layout.tsx, so moving between the dashboard and /admin feels like one site. */
export function staffNav(user: MeResponse["user"], lang: Lang): HTMLElement {
  const q = `?lang=${lang}`;
  const item = (href: string, text: string, current = false) => h("li", {}, h("a", { href, "aria-current": current ? "page" : null }, text));
  return h(
    "nav",
    { className: "staff", "aria-label": t("nav.label") },
    h(
      "ul",
      {},
      item(`/${q}`, t("nav.dashboard"), true),
      item(`/admin${q}`, t("nav.days")),
      user.isNational ? [item(`/admin/programmes${q}`, t("nav.programmes")), item(`/admin/users${q}`, t("nav.users")), item(`/admin/audit${q}`, t("nav.audit"))] : null,
    ),
    h(
      "form",
      { method: "post", action: `/logout${q}` },
      h("span", {}, t("nav.signedInAs", { name: user.name })),
      " ",
      h("button", { type: "submit", className: "link" }, t("nav.signOut")),
    ),
  );
}

/** Which views the person can open: the comparison of all regions is for those who read every
 *  region (the server's rule, src/auth/authorize.ts, sent in /api/me). */
export function availableViews(user: MeResponse["user"]): View[] {
  return user.readsEveryRegion ? ["national", "region", "trend"] : ["region", "trend"];
}

export function viewTabs(state: DashState, views: readonly View[], current: View, onView: (view: View) => void): HTMLElement {
  return h(
    "nav",
    { className: "views", "aria-label": t("dash.views.label") },
    h(
      "ul",
      {},
      views.map((view) => {
        const link = h("a", { href: toSearch({ ...state, view }), id: `view-${view}`, "aria-current": view === current ? "page" : null }, t(`dash.view.${view}`));
        link.addEventListener("click", (event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          onView(view);
        });
        return h("li", {}, link);
      }),
    ),
  );
}
