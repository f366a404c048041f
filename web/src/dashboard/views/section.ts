// A titled section of a view, with its CSV download when the server has one for it.
import { exportHref, type DataFilter, type Export } from "../api";
import { h, type Content } from "../dom";
import { lang, t } from "../i18n";

export function section(id: string, title: string, ...content: Content[]): HTMLElement {
  return h("section", { id, "aria-labelledby": `${id}-title`, className: "panel" }, h("h2", { id: `${id}-title` }, title), ...content);
}

/** A download link; its name says what is downloaded, not just "CSV". */
export function csvLink(kind: Export, filter: DataFilter, what: string): HTMLElement {
  return h(
    "p",
    { className: "csv" },
    h("a", { href: exportHref(kind, filter, lang()), download: "", className: "csv-link" }, t("dash.csv.download", { what })),
    h("span", { className: "small-note" }, ` (${t("dash.csv.format")})`),
  );
}

export function emptyState(text: string): HTMLElement {
  return h("p", { className: "empty" }, text);
}
