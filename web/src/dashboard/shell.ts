// The page frame around every view, as on the server-rendered staff pages: the brand and the
// language switch, the staff menu (the one list in src/domain/staff-menu.ts) and signing out.
import type { MeResponse } from "./api";
import { h } from "./dom";
import { t, type Lang } from "./i18n";
import { LANG_NAMES, LANGS } from "../../../src/domain/lang";
import { signOutAction, staffMenuLinks, STAFF_SIGN_OUT, type StaffMenuLink } from "../../../src/domain/staff-menu";
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
          const link = h(
            "a",
            {
              href: toSearch({ ...state, lang: code }),
              lang: code,
              hreflang: code,
              id: `lang-${code}`,
              "aria-current": code === state.lang ? "true" : null,
            },
            LANG_NAMES[code],
          );
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

/** The staff menu of src/domain/staff-menu.ts, the same list the server pages render (src/views/layout.tsx). */
export function staffNav(user: MeResponse["user"], lang: Lang): HTMLElement {
  const { pages, account } = staffMenuLinks(lang, { national: user.isNational, current: "dashboard" });
  const item = (link: StaffMenuLink) => h("a", { href: link.href, "aria-current": link.current ? "page" : null }, t(link.label));
  return h(
    "nav",
    { className: "staff", "aria-label": t("nav.label") },
    h(
      "ul",
      {},
      pages.map((link) => h("li", {}, item(link))),
    ),
    h(
      "div",
      { className: "account" },
      h("span", {}, t(STAFF_SIGN_OUT.signedInAs, { name: user.name })),
      account.map(item),
      h(
        "form",
        { method: "post", action: signOutAction(lang) },
        h("button", { type: "submit", className: "link" }, t(STAFF_SIGN_OUT.label)),
      ),
    ),
  );
}

/** Which views the person can open: the comparison of all regions is for those who read every
 *  region (the server's rule, src/auth/authorize.ts, sent in /api/me). */
export function availableViews(user: MeResponse["user"]): View[] {
  // Programmes side by side are the national team's; areas are for those who read every region
  // and for municipal agents (who start there: their area is what they follow).
  if (user.isNational) return ["national", "region", "trend", "areas", "programmes"];
  if (user.readsEveryRegion) return ["national", "region", "trend", "areas"];
  return user.readsArea !== null ? ["areas", "region", "trend"] : ["region", "trend"];
}

export function viewTabs(state: DashState, views: readonly View[], current: View, onView: (view: View) => void): HTMLElement {
  return h(
    "nav",
    { className: "views", "aria-label": t("dash.views.label") },
    h(
      "ul",
      {},
      views.map((view) => {
        const link = h(
          "a",
          { href: toSearch({ ...state, view }), id: `view-${view}`, "aria-current": view === current ? "page" : null },
          t(`dash.view.${view}`),
        );
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
