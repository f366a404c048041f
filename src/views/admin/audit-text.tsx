import { dictionaries, formatDateTime, t, type MessageKey } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { dayTitle, type DayTextColumns } from "../../domain/day-texts";
import { localisedName, type NameColumns } from "../../domain/localised-name";
import { regionName, shortDate, type RegionNames } from "./names";

// The audit log in words: a day by its title, date and region, a person by name, ids as the names
// they stand for, and each detail under a label in the reader's language (issue 16 item 8).

export interface AuditNames {
  /** Who each user id is ("Name <email>"). */
  readonly people: ReadonlyMap<number, string>;
  readonly regions: readonly RegionNames[];
  readonly programmes: readonly { readonly id: number; readonly name: string }[];
  readonly themes: readonly (NameColumns & { readonly id: number })[];
  readonly events: ReadonlyMap<number, DayTextColumns & { readonly date: string; readonly regionCode: string | null }>;
  /** Comment categories, for tagging entries (issue 17); a deleted one shows as its id. */
  readonly categories?: readonly (NameColumns & { readonly id: number })[];
  /** Cooperation areas by id (an area deleted since is named by its id). */
  readonly areas?: readonly (NameColumns & { readonly id: number; readonly isDemo: boolean })[];
}

/** "Pohjoinen (demo)" in the reader's language, or "Area 3 (deleted)". */
export function areaText(lang: Lang, names: AuditNames, id: number): string {
  const area = names.areas?.find((a) => a.id === id);
  if (!area) return t(lang, "admin.audit.targetArea", { id });
  return area.isDemo ? `${localisedName(area, lang)} (${t(lang, "demo.badge")})` : localisedName(area, lang);
}

/** A message key when the dictionaries have it (a detail added later without a label keeps its code). */
function known(key: string): MessageKey | null {
  return key in dictionaries.fi ? (key as MessageKey) : null;
}

/** "Title (6.11.2019, Keski-Pohjanmaa)", or "Day 55" for a day deleted since. */
export function eventText(lang: Lang, names: AuditNames, id: number): string {
  const event = names.events.get(id);
  if (!event) return t(lang, "admin.audit.targetEvent", { id });
  return `${dayTitle(event, lang).text} (${shortDate(lang, event.date)}, ${regionName(lang, names.regions, event.regionCode)})`;
}

/** What an entry is about, linked where there is a page for it. */
export function AuditTarget({ lang, target, names }: { lang: Lang; target: string | null; names: AuditNames }) {
  if (!target) return <>–</>;
  const [kind, raw] = target.split(":");
  const id = Number(raw);
  if (kind === "event" && raw) return <a href={`/admin/events/${raw}?lang=${lang}`}>{eventText(lang, names, id)}</a>;
  if (kind === "user" && raw)
    return <a href={`/admin/users/${raw}?lang=${lang}`}>{names.people.get(id) ?? t(lang, "admin.audit.targetUser", { id: raw })}</a>;
  if (kind === "programme" && raw)
    return <a href={`/admin/programmes?lang=${lang}`}>{names.programmes.find((p) => p.id === id)?.name ?? target}</a>;
  if (kind === "theme" && raw) {
    const theme = names.themes.find((th) => th.id === id);
    return <a href={`/admin/programmes?lang=${lang}`}>{theme ? localisedName(theme, lang) : target}</a>;
  }
  if (kind === "area" && raw) return <a href={`/admin/areas/${raw}?lang=${lang}`}>{areaText(lang, names, id)}</a>;
  // An export's target is its table.
  const table = known(`admin.audit.table.${target}`);
  return <>{table ? t(lang, table) : target}</>;
}

/** One value in words: ids become names, dates and instants the reader's format. */
function valueText(lang: Lang, names: AuditNames, key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return t(lang, value ? "admin.audit.yes" : "admin.audit.no");
  // Each item of a list is named as one of its kind ("regions" holds region codes).
  const itemKey = key === "regions" ? "region" : key === "categories" ? "category" : key;
  const list = (items: unknown[]) => items.map((item) => valueText(lang, names, itemKey, item)).join(", ");
  if (Array.isArray(value)) return key === "days" ? value.map((id) => eventText(lang, names, Number(id))).join("; ") : list(value);
  switch (key) {
    case "event":
      return eventText(lang, names, Number(value));
    case "programme":
    case "programmeId":
      return names.programmes.find((p) => p.id === Number(value))?.name ?? String(value);
    case "theme":
    case "themeId": {
      const theme = names.themes.find((th) => th.id === Number(value));
      return theme ? localisedName(theme, lang) : String(value);
    }
    case "area":
    case "areaId":
      return areaText(lang, names, Number(value));
    case "region":
    case "regionCode":
      return regionName(lang, names.regions, String(value));
    case "regions":
      return typeof value === "string" ? list(value.split(",")) : String(value);
    case "date":
    case "from":
    case "to":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shortDate(lang, value) : String(value);
    case "opensAt":
    case "closesAt":
    case "window": {
      // Stored as epoch ms or as the ISO text that was sent; anything else is shown as it is.
      const at = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : Number.NaN;
      return Number.isFinite(at) ? formatDateTime(lang, at) : String(value);
    }
    case "role": {
      const role = known(`admin.role.${String(value)}`);
      return role ? t(lang, role) : String(value);
    }
    case "kind": {
      const kind = known(`admin.question.kind.${String(value)}`);
      return kind ? t(lang, kind) : String(value);
    }
    case "lang":
      return String(value).toUpperCase();
    case "link": {
      const link = known(`admin.audit.link.${String(value)}`);
      return link ? t(lang, link) : String(value);
    }
    case "category": {
      const category = names.categories?.find((c) => c.id === Number(value));
      return category ? localisedName(category, lang) : String(value);
    }
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
      .join(", ");
  }
  return String(value);
}

/** The details as "Label: value" lines; an export's filters are its details. Never secrets: none are stored. */
export function detailLines(lang: Lang, names: AuditNames, details: unknown): string[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [String(details)];
  const record = details as Record<string, unknown>;
  const fields =
    "query" in record && typeof record.query === "object" && record.query !== null
      ? Object.entries(record.query as Record<string, unknown>)
      : Object.entries(record);
  return fields.map(([key, value]) => {
    const label = known(`admin.audit.field.${key}`);
    return `${label ? t(lang, label) : key}: ${valueText(lang, names, key, value)}`;
  });
}
