// A titled section of a view, with its downloads (CSV, XLSX) when the server has them.
import { exportHref, type DataFilter, type Export } from "../api";
import { h, type Content } from "../dom";
import { EXPORT_FORMATS, type ExportFormat } from "../../../../src/domain/export-formats";
import { lang, t, type MessageKey } from "../i18n";

export function section(id: string, title: string, ...content: Content[]): HTMLElement {
  return h("section", { id, "aria-labelledby": `${id}-title`, className: "panel" }, h("h2", { id: `${id}-title` }, title), ...content);
}

/** Each format's link text and its note on what the file is like. */
const FORMAT_TEXTS: { readonly [F in ExportFormat]: { readonly link: MessageKey; readonly note: MessageKey } } = {
  csv: { link: "dash.csv.download", note: "dash.csv.format" },
  xlsx: { link: "dash.xlsx.download", note: "dash.xlsx.format" },
};

/** The section's download in every format the server writes; each link's name says what is
 *  downloaded, not just "CSV". */
export function downloadLinks(kind: Export, filter: DataFilter, what: string): HTMLElement {
  return h(
    "p",
    { className: "csv" },
    ...EXPORT_FORMATS.flatMap((format, i) => [
      i > 0 ? h("br", {}) : null,
      h(
        "a",
        { href: exportHref(kind, format, filter, lang()), download: "", className: `${format}-link` },
        t(FORMAT_TEXTS[format].link, { what }),
      ),
      h("span", { className: "small-note" }, ` (${t(FORMAT_TEXTS[format].note)})`),
    ]),
  );
}

export function emptyState(text: string): HTMLElement {
  return h("p", { className: "empty" }, text);
}
