import { t } from "../../domain/i18n";
import { DEFAULT_SORT, LIST_SORTS, LIST_STATES, NATIONAL_REGION } from "../../domain/event-list-query";
import type { Lang } from "../../domain/lang";
import { localisedName, type NameColumns } from "../../domain/localised-name";
import type { EventListOptions } from "../../services/event-list";
import { SelectField, TextField, type Choice } from "./fields";
import type { RegionNames } from "./names";

export interface FilterChoices {
  readonly filterRegions: readonly RegionNames[];
  readonly programmes: readonly { readonly id: number; readonly name: string }[];
  readonly themes: readonly (NameColumns & { readonly id: number; readonly programmeId: number })[];
}

/** A filter's label by its query key, for the note about values left out. */
export function filterLabel(lang: Lang, key: string): string {
  switch (key) {
    case "q":
      return t(lang, "admin.days.search");
    case "programme":
      return t(lang, "admin.event.programme");
    case "region":
      return t(lang, "admin.event.region");
    case "theme":
      return t(lang, "admin.event.theme");
    case "state":
      return t(lang, "admin.days.state");
    case "from":
      return t(lang, "admin.days.from");
    case "to":
      return t(lang, "admin.days.to");
    case "sort":
      return t(lang, "admin.days.sort");
    default:
      return t(lang, "admin.days.pages");
  }
}

/** The list's address with these options; defaults are left out so the plain list stays "/admin". */
export function listHref(lang: Lang, options: EventListOptions, changes: Partial<EventListOptions> = {}): string {
  const all = { ...options, ...changes };
  const params = new URLSearchParams({ lang });
  if (all.q) params.set("q", all.q);
  if (all.programme !== undefined) params.set("programme", String(all.programme));
  if (all.region !== undefined) params.set("region", all.region);
  if (all.theme !== undefined) params.set("theme", String(all.theme));
  if (all.state !== undefined) params.set("state", all.state);
  if (all.from) params.set("from", all.from);
  if (all.to) params.set("to", all.to);
  if (all.sort !== DEFAULT_SORT) params.set("sort", all.sort);
  if (all.page > 1) params.set("page", String(all.page));
  return `/admin?${params.toString()}`;
}

/** A plain GET form: works without JavaScript, and the filters land in the URL (bookmarks, back button). */
export function EventListFilters({ lang, options, choices }: { lang: Lang; options: EventListOptions; choices: FilterChoices }) {
  const all: Choice = { value: "", label: t(lang, "admin.days.all") };
  const regionChoices: Choice[] = [
    all,
    { value: NATIONAL_REGION, label: t(lang, "admin.days.nationalOnly") },
    ...choices.filterRegions.map((r) => ({ value: r.code, label: localisedName(r, lang) })),
  ];
  const themeGroups = choices.programmes
    .map((p) => ({
      group: p.name,
      choices: choices.themes
        .filter((th) => th.programmeId === p.id)
        .map((th) => ({ value: String(th.id), label: localisedName(th, lang) })),
    }))
    .filter((g) => g.choices.length > 0);
  return (
    <form method="get" action="/admin" class="list-filters" aria-labelledby="days-filters">
      <h2 id="days-filters">{t(lang, "admin.days.filters")}</h2>
      <input type="hidden" name="lang" value={lang} />
      <TextField lang={lang} id="filter-q" name="q" label={t(lang, "admin.days.search")} value={options.q ?? ""} maxlength={100} />
      <SelectField
        lang={lang}
        id="filter-programme"
        name="programme"
        label={t(lang, "admin.event.programme")}
        value={options.programme === undefined ? "" : String(options.programme)}
        choices={[all, ...choices.programmes.map((p) => ({ value: String(p.id), label: p.name }))]}
      />
      <SelectField
        lang={lang}
        id="filter-region"
        name="region"
        label={t(lang, "admin.event.region")}
        value={options.region ?? ""}
        choices={regionChoices}
      />
      <SelectField
        lang={lang}
        id="filter-theme"
        name="theme"
        label={t(lang, "admin.event.theme")}
        value={options.theme === undefined ? "" : String(options.theme)}
        choices={[all, ...themeGroups]}
      />
      <SelectField
        lang={lang}
        id="filter-state"
        name="state"
        label={t(lang, "admin.days.state")}
        value={options.state ?? ""}
        choices={[all, ...LIST_STATES.map((s) => ({ value: s, label: t(lang, `admin.state.${s}`) }))]}
      />
      <TextField lang={lang} id="filter-from" name="from" type="date" label={t(lang, "admin.days.from")} value={options.from ?? ""} />
      <TextField lang={lang} id="filter-to" name="to" type="date" label={t(lang, "admin.days.to")} value={options.to ?? ""} />
      <SelectField
        lang={lang}
        id="filter-sort"
        name="sort"
        label={t(lang, "admin.days.sort")}
        value={options.sort}
        choices={LIST_SORTS.map((s) => ({ value: s, label: t(lang, `admin.days.sort.${s}`) }))}
      />
      <p class="actions">
        <button type="submit">{t(lang, "admin.days.apply")}</button>
        <a href={`/admin?lang=${lang}`}>{t(lang, "admin.days.clear")}</a>
      </p>
    </form>
  );
}
