import type { Principal } from "../../auth/authorize";
import { formatDate, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { AdminPage } from "./admin-page";
import { ErrorSummary, errorFor, LocalisedNameFields, SelectField, TextField, valueOf, type FieldError, type FormValues } from "./fields";
import { localisedName } from "../../domain/localised-name";
import { DEFAULT_CLOSE_AFTER_DAYS } from "../../domain/survey-closing";

export interface ProgrammeItem {
  readonly id: number;
  readonly name: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly surveyCloseDays: number | null;
  readonly isDemo: boolean;
}

export interface ThemeItem {
  readonly id: number;
  readonly programmeId: number;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

/** Which form came back with errors: a new programme, a new theme, or renaming one theme. */
export type ProgrammesForm =
  | { readonly name: "programme" | "theme"; readonly values: FormValues; readonly errors: readonly FieldError[] }
  | { readonly name: "rename"; readonly themeId: number; readonly values: FormValues; readonly errors: readonly FieldError[] };

export const PROGRAMME_FIELDS = {
  name: "programme-name",
  startsOn: "programme-starts",
  endsOn: "programme-ends",
  surveyCloseDays: "programme-close-days",
} as const;
export const THEME_FIELDS = { programmeId: "theme-programme", nameFi: "theme-fi", nameSv: "theme-sv", nameEn: "theme-en" } as const;
export const renameFields = (themeId: number) =>
  ({ nameFi: `theme-${themeId}-fi`, nameSv: `theme-${themeId}-sv`, nameEn: `theme-${themeId}-en` }) as const;

export interface ProgrammesPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly programmes: readonly ProgrammeItem[];
  readonly themes: readonly ThemeItem[];
  readonly done?: string | null;
  readonly form?: ProgrammesForm;
}

/** Programmes and their themes (names in Finnish, Swedish and English): the national team's. */
export function ProgrammesPage({ lang, principal, programmes, themes, done, form }: ProgrammesPageProps) {
  const title = t(lang, "admin.programmes.title");
  const errors = form?.errors ?? [];
  const labels: Record<string, string> = {
    [PROGRAMME_FIELDS.name]: t(lang, "admin.programme.name"),
    [PROGRAMME_FIELDS.startsOn]: t(lang, "admin.programme.startsOn"),
    [PROGRAMME_FIELDS.endsOn]: t(lang, "admin.programme.endsOn"),
    [THEME_FIELDS.programmeId]: t(lang, "admin.event.programme"),
  };
  const labelOf = (field: string) =>
    labels[field] ??
    t(lang, field.endsWith("-sv") ? "admin.theme.nameSv" : field.endsWith("-en") ? "admin.theme.nameEn" : "admin.theme.nameFi");
  const programmeForm = form?.name === "programme" ? form : undefined;
  const themeForm = form?.name === "theme" ? form : undefined;
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="programmes"
      hasErrors={errors.length > 0}
      langHref={(code) => `/admin/programmes?lang=${code}`}
      done={done}
    >
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={labelOf} />
      {programmes.length === 0 && <p>{t(lang, "admin.programmes.none")}</p>}
      {programmes.map((p) => (
        <section aria-labelledby={`programme-${p.id}`}>
          <h2 id={`programme-${p.id}`}>
            {p.name}
            {p.isDemo && (
              <>
                {" "}
                <span class="badge">{t(lang, "demo.badge")}</span>
              </>
            )}
          </h2>
          {(p.startsOn || p.endsOn) && (
            <p class="meta">
              {p.startsOn ? formatDate(lang, p.startsOn) : "…"} – {p.endsOn ? formatDate(lang, p.endsOn) : "…"}
            </p>
          )}
          <p class="meta">
            {t(lang, "admin.programme.closeAfterDays")}:{" "}
            {p.surveyCloseDays === null ? t(lang, "admin.survey.noLimit") : String(p.surveyCloseDays)}
          </p>
          <ThemeList
            lang={lang}
            themes={themes.filter((th) => th.programmeId === p.id)}
            form={form?.name === "rename" ? form : undefined}
          />
        </section>
      ))}

      <section aria-labelledby="new-theme-heading">
        <h2 id="new-theme-heading">{t(lang, "admin.theme.new")}</h2>
        {programmes.length === 0 ? (
          <p>{t(lang, "admin.theme.needsProgramme")}</p>
        ) : (
          <form method="post" action={`/admin/programmes/themes?lang=${lang}`} novalidate>
            <SelectField
              lang={lang}
              id={THEME_FIELDS.programmeId}
              name="programme"
              label={t(lang, "admin.event.programme")}
              value={valueOf(themeForm?.values, "programme") || String(programmes.at(-1)!.id)}
              error={errorFor(themeForm?.errors, THEME_FIELDS.programmeId)}
              choices={programmes.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <LocalisedNameFields
              lang={lang}
              labels="admin.theme"
              ids={THEME_FIELDS}
              values={themeForm?.values}
              errors={themeForm?.errors}
            />
            <button type="submit">{t(lang, "admin.theme.create")}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="new-programme-heading">
        <h2 id="new-programme-heading">{t(lang, "admin.programme.new")}</h2>
        <form method="post" action={`/admin/programmes?lang=${lang}`} novalidate>
          <TextField
            lang={lang}
            id={PROGRAMME_FIELDS.name}
            name="name"
            label={t(lang, "admin.programme.name")}
            value={valueOf(programmeForm?.values, "name")}
            error={errorFor(programmeForm?.errors, PROGRAMME_FIELDS.name)}
            maxlength={200}
          />
          <TextField
            lang={lang}
            type="date"
            id={PROGRAMME_FIELDS.startsOn}
            name="startsOn"
            label={t(lang, "admin.programme.startsOn")}
            optional
            value={valueOf(programmeForm?.values, "startsOn")}
            error={errorFor(programmeForm?.errors, PROGRAMME_FIELDS.startsOn)}
          />
          <TextField
            lang={lang}
            type="date"
            id={PROGRAMME_FIELDS.endsOn}
            name="endsOn"
            label={t(lang, "admin.programme.endsOn")}
            optional
            value={valueOf(programmeForm?.values, "endsOn")}
            error={errorFor(programmeForm?.errors, PROGRAMME_FIELDS.endsOn)}
          />
          <TextField
            lang={lang}
            id={PROGRAMME_FIELDS.surveyCloseDays}
            name="surveyCloseDays"
            inputmode="numeric"
            label={t(lang, "admin.programme.closeAfterDays")}
            optional
            value={programmeForm ? valueOf(programmeForm.values, "surveyCloseDays") : String(DEFAULT_CLOSE_AFTER_DAYS)}
            error={errorFor(programmeForm?.errors, PROGRAMME_FIELDS.surveyCloseDays)}
          />
          <button type="submit">{t(lang, "admin.programme.create")}</button>
        </form>
      </section>
    </AdminPage>
  );
}

function ThemeList({
  lang,
  themes,
  form,
}: {
  lang: Lang;
  themes: readonly ThemeItem[];
  form: Extract<ProgrammesForm, { name: "rename" }> | undefined;
}) {
  if (themes.length === 0) return <p>{t(lang, "admin.themes.none")}</p>;
  return (
    <ul class="questions">
      {themes.map((th) => {
        const mine = form?.themeId === th.id ? form : undefined;
        return (
          <li>
            <span lang="fi">{th.nameFi}</span> / <span lang="sv">{th.nameSv}</span> / <span lang="en">{th.nameEn}</span>
            {/* Closed until wanted: a long list of rename forms would bury the themes themselves. */}
            <details open={mine !== undefined}>
              <summary>
                {t(lang, "admin.theme.rename")}
                <span class="vh">: {localisedName(th, lang)}</span>
              </summary>
              <form method="post" action={`/admin/programmes/themes/${th.id}?lang=${lang}`} novalidate>
                <LocalisedNameFields
                  labels="admin.theme"
                  lang={lang}
                  ids={renameFields(th.id)}
                  values={mine?.values ?? { nameFi: th.nameFi, nameSv: th.nameSv, nameEn: th.nameEn }}
                  errors={mine?.errors}
                />
                <button type="submit" class="secondary">
                  {t(lang, "admin.theme.save")}
                </button>
              </form>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
