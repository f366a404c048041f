import { t } from "../../domain/i18n";
import { LANGS, type Lang } from "../../domain/lang";
import type { EventRow } from "../../queries/events";
import { errorFor, SelectField, TextField, valueOf, type Choice, type FieldError, type FormValues } from "./fields";

/** The value the region control sends for a day without a region. */
export const NATIONAL_EVENT = "national";

/** The controls of a day, in the order the page shows them (and the error summary lists them). */
export const EVENT_FIELDS = [
  "region",
  "date",
  "programme",
  "theme",
  "mainLang",
  "title",
  "titleSv",
  "titleEn",
  "location",
  "locationSv",
  "locationEn",
  "attendance",
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export interface EventChoices {
  /** Regions this person may create days in, already named in the page's language. */
  readonly regions: readonly Choice[];
  /** National team: a day without a region. */
  readonly allowNational: boolean;
  readonly programmes: readonly { readonly id: number; readonly name: string }[];
  readonly themes: readonly { readonly id: number; readonly programmeId: number; readonly name: string }[];
}

/** The Finnish title and place keep the plain names (title, location) the API has always had. */
const FIELD_LABELS = { title: "admin.event.titleFi", location: "admin.event.locationFi" } as const;

export function eventFieldLabel(lang: Lang, field: EventField): string {
  return t(lang, field === "title" || field === "location" ? FIELD_LABELS[field] : `admin.event.${field}`);
}

/** What the form shows for a saved day. */
export function eventValues(event: EventRow): FormValues {
  return {
    region: event.regionCode ?? NATIONAL_EVENT,
    date: event.date,
    programme: String(event.programmeId),
    theme: event.themeId === null ? "" : String(event.themeId),
    mainLang: event.mainLang,
    title: event.title,
    titleSv: event.titleSv ?? "",
    titleEn: event.titleEn ?? "",
    location: event.location ?? "",
    locationSv: event.locationSv ?? "",
    locationEn: event.locationEn ?? "",
    attendance: event.attendance === null ? "" : String(event.attendance),
  };
}

/** Region, date, programme, theme, title, place and head count; ids start with `prefix` so two forms can share a page. */
export function EventFields({
  lang,
  prefix,
  values,
  errors,
  choices,
}: {
  lang: Lang;
  prefix: string;
  values: FormValues;
  errors: readonly FieldError[];
  choices: EventChoices;
}) {
  const id = (field: EventField) => `${prefix}${field}`;
  const common = (field: EventField) => ({
    lang,
    id: id(field),
    name: field,
    label: eventFieldLabel(lang, field),
    value: valueOf(values, field),
    error: errorFor(errors, id(field)),
  });
  const regionChoices: Choice[] = [
    ...(choices.allowNational ? [{ value: NATIONAL_EVENT, label: t(lang, "survey.nationalDay") }] : []),
    ...choices.regions,
  ];
  // With one possible region there is nothing to choose; with more, nothing is chosen for the person.
  const withPlaceholder = regionChoices.length > 1 ? [{ value: "", label: t(lang, "admin.choose") }, ...regionChoices] : regionChoices;
  const themeGroups = choices.programmes
    .map((p) => ({
      group: p.name,
      choices: choices.themes.filter((th) => th.programmeId === p.id).map((th) => ({ value: String(th.id), label: th.name })),
    }))
    .filter((g) => g.choices.length > 0);
  return (
    <>
      <SelectField {...common("region")} choices={withPlaceholder} />
      <TextField {...common("date")} type="date" />
      <SelectField {...common("programme")} choices={choices.programmes.map((p) => ({ value: String(p.id), label: p.name }))} />
      <SelectField
        {...common("theme")}
        optional
        hint={t(lang, "admin.event.themeHint")}
        choices={[{ value: "", label: t(lang, "admin.event.noTheme") }, ...themeGroups]}
      />
      <SelectField
        {...common("mainLang")}
        hint={t(lang, "admin.event.mainLangHint")}
        choices={[
          { value: "", label: t(lang, "admin.event.mainLangFromRegion") },
          ...LANGS.map((code) => ({ value: code, label: t(lang, `langName.${code}`) })),
        ]}
      />
      <p class="hint">{t(lang, "admin.event.textsHint")}</p>
      <TextField {...common("title")} maxlength={200} />
      <TextField {...common("titleSv")} maxlength={200} />
      <TextField {...common("titleEn")} maxlength={200} />
      <TextField {...common("location")} optional maxlength={200} />
      <TextField {...common("locationSv")} optional maxlength={200} />
      <TextField {...common("locationEn")} optional maxlength={200} />
      <TextField {...common("attendance")} optional inputmode="numeric" hint={t(lang, "admin.event.attendanceHint")} autocomplete="off" />
    </>
  );
}
