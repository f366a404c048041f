import type { Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { localisedName } from "../../domain/localised-name";
import type { AreaRow } from "../../queries/areas";
import { AdminPage } from "./admin-page";
import {
  CheckboxField,
  ErrorLine,
  ErrorSummary,
  LocalisedNameFields,
  errorFor,
  TextAreaField,
  valueOf,
  valuesOf,
  type FieldError,
  type FormValues,
} from "./fields";
import { regionName, type RegionNames } from "./names";

// The national team's cooperation areas: a list with a form for a new one, and a page per area to
// change or delete it. A demo area carries the demo badge beside its name everywhere it appears.

export interface AreaForm {
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
}

/** Control ids; `prefix` keeps the new-area form's apart from an edit form's. */
export function areaFieldIds(prefix: string, regions: readonly RegionNames[]) {
  return {
    nameFi: `${prefix}name-fi`,
    nameSv: `${prefix}name-sv`,
    nameEn: `${prefix}name-en`,
    // Errors about the region list link to its first box: a link target must take focus.
    regions: `${prefix}region-${regions[0]?.code ?? ""}`,
    source: `${prefix}source`,
    isDemo: `${prefix}demo`,
  };
}

export const NEW_AREA_PREFIX = "new-area-";
export const editAreaPrefix = (id: number) => `area-${id}-`;

function areaLabels(lang: Lang, ids: ReturnType<typeof areaFieldIds>): Record<string, string> {
  return {
    [ids.nameFi]: t(lang, "admin.areas.nameFi"),
    [ids.nameSv]: t(lang, "admin.areas.nameSv"),
    [ids.nameEn]: t(lang, "admin.areas.nameEn"),
    [ids.regions]: t(lang, "admin.areas.regions"),
    [ids.source]: t(lang, "admin.areas.source"),
    [ids.isDemo]: t(lang, "admin.areas.isDemo"),
  };
}

/** An area's name with its demo badge: how every staff page writes it. */
export function AreaName({ lang, area }: { lang: Lang; area: Pick<AreaRow, "nameFi" | "nameSv" | "nameEn" | "isDemo"> }) {
  return (
    <>
      {localisedName(area, lang)}
      {area.isDemo && (
        <>
          {" "}
          <span class="badge">{t(lang, "demo.badge")}</span>
        </>
      )}
    </>
  );
}

function AreaFields(props: {
  lang: Lang;
  prefix: string;
  regions: readonly RegionNames[];
  areas: readonly AreaRow[];
  /** The area being edited (its own regions are free), or null for a new one. */
  areaId: number | null;
  values: FormValues | undefined;
  errors: readonly FieldError[];
}) {
  const { lang, prefix, regions, values, errors } = props;
  const ids = areaFieldIds(prefix, regions);
  const regionsError = errorFor(errors, ids.regions);
  const errorId = `${prefix}regions-error`;
  const owner = new Map<string, AreaRow>();
  for (const a of props.areas) if (a.id !== props.areaId) for (const code of a.regions) owner.set(code, a);
  return (
    <>
      <LocalisedNameFields lang={lang} labels="admin.areas" ids={ids} values={values} errors={errors} />
      <fieldset
        class={`group${regionsError ? " invalid" : ""}`}
        aria-describedby={[`${prefix}regions-hint`, regionsError ? errorId : ""].filter(Boolean).join(" ")}
      >
        <legend>{t(lang, "admin.areas.regions")}</legend>
        <p class="hint" id={`${prefix}regions-hint`}>
          {t(lang, "admin.areas.regionsHint")}
        </p>
        {regionsError && <ErrorLine lang={lang} id={errorId} message={regionsError} />}
        <div class="checks">
          {regions.map((r) => {
            const other = owner.get(r.code);
            const name = regionName(lang, regions, r.code);
            return (
              <CheckboxField
                id={`${prefix}region-${r.code}`}
                name="regions"
                value={r.code}
                label={other ? `${name} (${t(lang, "admin.areas.inArea", { area: localisedName(other, lang) })})` : name}
                checked={valuesOf(values, "regions").includes(r.code)}
              />
            );
          })}
        </div>
      </fieldset>
      <TextAreaField
        lang={lang}
        id={ids.source}
        name="source"
        label={t(lang, "admin.areas.source")}
        hint={t(lang, "admin.areas.sourceHint")}
        optional
        rows={2}
        value={valueOf(values, "source")}
        error={errorFor(errors, ids.source)}
      />
      <CheckboxField
        id={ids.isDemo}
        name="isDemo"
        label={t(lang, "admin.areas.isDemo")}
        hint={t(lang, "admin.areas.isDemoHint")}
        checked={valueOf(values, "isDemo") !== ""}
      />
    </>
  );
}

export function AreasPage(props: {
  lang: Lang;
  principal: Principal;
  areas: readonly AreaRow[];
  regions: readonly RegionNames[];
  done?: string | null;
  form?: AreaForm;
}) {
  const { lang, areas, regions, form } = props;
  const title = t(lang, "admin.areas.title");
  const errors = form?.errors ?? [];
  const labels = areaLabels(lang, areaFieldIds(NEW_AREA_PREFIX, regions));
  return (
    <AdminPage
      lang={lang}
      principal={props.principal}
      title={title}
      menuPage="areas"
      hasErrors={errors.length > 0}
      langHref={(code) => `/admin/areas?lang=${code}`}
      done={props.done}
    >
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <p>{t(lang, "admin.areas.intro")}</p>
      {areas.length === 0 ? (
        <p>{t(lang, "admin.areas.none")}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="areas-caption" tabindex={0}>
          <table id="areas">
            <caption id="areas-caption">{t(lang, "admin.areas.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, "admin.areas.col.name")}</th>
                <th scope="col">{t(lang, "admin.areas.col.regions")}</th>
                <th scope="col">{t(lang, "admin.areas.col.source")}</th>
                <th scope="col" class="num">
                  {t(lang, "admin.areas.col.users")}
                </th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/areas/${a.id}?lang=${lang}`}>
                      <AreaName lang={lang} area={a} />
                    </a>
                  </th>
                  <td>{a.regions.map((code) => regionName(lang, regions, code)).join(", ")}</td>
                  <td>{a.source ?? (a.isDemo ? t(lang, "dash.areas.demoNote") : t(lang, "admin.areas.noSource"))}</td>
                  <td class="num">{String(a.users)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-area-heading">
        <h2 id="new-area-heading">{t(lang, "admin.areas.new")}</h2>
        <form method="post" action={`/admin/areas?lang=${lang}`} novalidate>
          <AreaFields
            lang={lang}
            prefix={NEW_AREA_PREFIX}
            regions={regions}
            areas={areas}
            areaId={null}
            values={form?.values}
            errors={errors}
          />
          <button type="submit">{t(lang, "admin.areas.create")}</button>
        </form>
      </section>
    </AdminPage>
  );
}

/** One area's values as the edit form shows them before any change. */
export function areaFormValues(area: AreaRow): FormValues {
  return {
    nameFi: area.nameFi,
    nameSv: area.nameSv,
    nameEn: area.nameEn,
    regions: area.regions,
    source: area.source ?? "",
    isDemo: area.isDemo ? "on" : "",
  };
}

export function AreaPage(props: {
  lang: Lang;
  principal: Principal;
  area: AreaRow;
  areas: readonly AreaRow[];
  regions: readonly RegionNames[];
  done?: string | null;
  form?: AreaForm;
}) {
  const { lang, area, regions, form } = props;
  const name = localisedName(area, lang);
  const title = t(lang, "admin.areas.edit", { name });
  const errors = form?.errors ?? [];
  const prefix = editAreaPrefix(area.id);
  const labels = areaLabels(lang, areaFieldIds(prefix, regions));
  return (
    <AdminPage
      lang={lang}
      principal={props.principal}
      title={title}
      menuPage="areas"
      hasErrors={errors.length > 0}
      langHref={(code) => `/admin/areas/${area.id}?lang=${code}`}
      done={props.done}
    >
      <p>
        <a href={`/admin/areas?lang=${lang}`}>{t(lang, "admin.areas.back")}</a>
      </p>
      <h1>
        {t(lang, "admin.areas.edit", { name })}
        {area.isDemo && (
          <>
            {" "}
            <span class="badge">{t(lang, "demo.badge")}</span>
          </>
        )}
      </h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <form method="post" action={`/admin/areas/${area.id}?lang=${lang}`} novalidate>
        <AreaFields
          lang={lang}
          prefix={prefix}
          regions={regions}
          areas={props.areas}
          areaId={area.id}
          values={form?.values ?? areaFormValues(area)}
          errors={errors}
        />
        <button type="submit">{t(lang, "admin.areas.save")}</button>
      </form>
      <section aria-labelledby="delete-area-heading">
        <h2 id="delete-area-heading">{t(lang, "admin.areas.delete")}</h2>
        <p class="hint">{t(lang, "admin.areas.deleteHint")}</p>
        <form method="post" action={`/admin/areas/${area.id}/delete?lang=${lang}`}>
          <button type="submit" class="secondary">
            {t(lang, "admin.areas.delete")}
          </button>
        </form>
      </section>
    </AdminPage>
  );
}
