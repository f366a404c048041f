// What every download carries beside its table, whatever the table: a file name that says what it
// holds (the table, the region, the period, the other filters), and the notes a reader needs with
// the figures: when and from where the data came, the filters, and the caveats that hold for every
// figure Palaute exports (they are the reports' caveats too).
import { MIN_CELL } from "./stats";
import { helsinkiLocal } from "./helsinki-time";
import { formatShortDate, t } from "./i18n";
import type { Lang } from "./lang";
import type { Table } from "./table";

/** The filters of a download, as the request gave them, with the region codes' names. */
export interface ExportScope {
  readonly region?: string | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly theme?: number | undefined;
  readonly programme?: number | undefined;
  readonly event?: number | undefined;
  readonly interval?: string | undefined;
}

/** The caveats every figure from Palaute carries, in the reader's language. */
export function standingCaveats(lang: Lang): string[] {
  return [
    t(lang, "export.caveat.source"),
    t(lang, "export.caveat.dayUnit"),
    t(lang, "export.caveat.leftOut"),
    t(lang, "export.caveat.suppression", { min: MIN_CELL }),
    t(lang, "export.caveat.demo"),
  ];
}

/** "alue Keski-Pohjanmaa, aikaväli 2019-01-01–2019-12-31, teema nro 3", or "ei rajauksia (…)". */
export function scopeText(lang: Lang, scope: ExportScope, regionName: (code: string) => string): string {
  const parts = [
    scope.region && t(lang, "export.filter.region", { name: regionName(scope.region) }),
    scope.regions?.length && t(lang, "export.filter.regions", { names: scope.regions.map(regionName).join(", ") }),
    (scope.from || scope.to) && t(lang, "export.filter.period", { from: scope.from ?? "", to: scope.to ?? "" }),
    scope.theme !== undefined && t(lang, "export.filter.theme", { id: String(scope.theme) }),
    scope.programme !== undefined && t(lang, "export.filter.programme", { id: String(scope.programme) }),
    scope.event !== undefined && t(lang, "export.filter.event", { id: String(scope.event) }),
  ].filter((part): part is string => typeof part === "string" && part !== "");
  return parts.length > 0 ? parts.join(", ") : t(lang, "export.notes.noFilters");
}

/** The table with its notes sheet: where the data came from and on which day (the date, not the
 *  minute: the same request gives the same file all day), its filters, the table's own notes, then
 *  the standing caveats. */
export function withExportNotes(
  lang: Lang,
  table: Table,
  scope: ExportScope,
  regionName: (code: string) => string,
  exportedAtMs: number,
): Table {
  return {
    ...table,
    notesTitle: t(lang, "export.notes.title"),
    notes: [
      t(lang, "export.notes.exported", { title: table.title, when: formatShortDate(lang, helsinkiLocal(exportedAtMs).slice(0, 10)) }),
      t(lang, "export.notes.filters", { filters: scopeText(lang, scope, regionName) }),
      ...table.notes,
      ...standingCaveats(lang),
      t(lang, "export.caveat.numbers"),
    ],
  };
}

/** "Keski-Pohjanmaa" → "keski-pohjanmaa", "Åland" → "aland": ASCII for a file name. */
export function fileSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** palaute-paivien-tiedot-keski-pohjanmaa-2019-01-01_2019-12-31-theme-3.xlsx: the table's title in
 *  the reader's language, then the region(s), the period and the other filters. */
export function exportFileName(table: Table, scope: ExportScope, regionName: (code: string) => string, format: string): string {
  const period = scope.from || scope.to ? `${scope.from ?? ""}_${scope.to ?? ""}` : null;
  const parts = [
    "palaute",
    fileSlug(table.title),
    scope.region ? fileSlug(regionName(scope.region)) : null,
    scope.regions?.length ? scope.regions.map((code) => fileSlug(regionName(code))).join("-") : null,
    period,
    scope.theme !== undefined ? `theme-${scope.theme}` : null,
    scope.programme !== undefined ? `programme-${scope.programme}` : null,
    scope.event !== undefined ? `day-${scope.event}` : null,
  ];
  return `${parts.filter((part) => part).join("-")}.${format}`;
}
