import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { ROLES } from "../../domain/roles";
import { CheckboxField, ErrorLine, SelectField, type FieldError } from "./fields";
import { localisedName, type NameColumns } from "../../domain/localised-name";
import type { RegionNames } from "./names";

/** Control ids; `prefix` keeps the create form's apart from an edit form's. */
export function userFieldIds(prefix: string, regions: readonly RegionNames[]) {
  return {
    email: `${prefix}email`,
    name: `${prefix}name`,
    role: `${prefix}role`,
    // Errors about the region list link to its first box: a link target must take focus.
    regions: regionBoxId(prefix, regions[0]?.code ?? ""),
    allRegions: `${prefix}all-regions`,
    areaId: `${prefix}area`,
    password: `${prefix}password`,
  };
}

/** An area as the account forms offer it: its name, with the demo label for an example area. */
export interface AreaChoice extends NameColumns {
  readonly id: number;
  readonly isDemo: boolean;
}

/** The cooperation area a municipal agent reads (src/auth/authorize.ts areaRegionsRead). */
export function AreaField(props: { lang: Lang; id: string; areas: readonly AreaChoice[]; value: string; error: string | undefined }) {
  const { lang, areas } = props;
  return (
    <SelectField
      lang={lang}
      id={props.id}
      name="areaId"
      label={t(lang, "admin.user.area")}
      hint={t(lang, "admin.user.areaHint")}
      value={props.value}
      error={props.error}
      choices={[
        { value: "", label: t(lang, "admin.user.areaNone") },
        ...areas.map((a) => ({
          value: String(a.id),
          label: a.isDemo ? `${localisedName(a, lang)} (${t(lang, "demo.badge")})` : localisedName(a, lang),
        })),
      ]}
    />
  );
}

export function regionBoxId(prefix: string, code: string): string {
  return `${prefix}region-${code}`;
}

export function RoleField({ lang, id, value, error }: { lang: Lang; id: string; value: string; error: string | undefined }) {
  return (
    <SelectField
      lang={lang}
      id={id}
      name="role"
      label={t(lang, "admin.user.role")}
      hint={t(lang, "admin.user.roleHint")}
      value={value}
      error={error}
      choices={ROLES.map((role) => ({ value: role, label: t(lang, `admin.role.${role}`) }))}
    />
  );
}

/** The 18 regions as checkboxes in one group with a legend, and "every region" for viewers. */
export function RegionFields(props: {
  lang: Lang;
  prefix: string;
  regions: readonly RegionNames[];
  checked: readonly string[];
  allRegions: boolean;
  error: string | undefined;
}) {
  const { lang, prefix, regions, error } = props;
  const errorId = `${prefix}regions-error`;
  return (
    <>
      <fieldset
        class={`group${error ? " invalid" : ""}`}
        aria-describedby={[`${prefix}regions-hint`, error ? errorId : ""].filter(Boolean).join(" ")}
      >
        <legend>{t(lang, "admin.user.regions")}</legend>
        <p class="hint" id={`${prefix}regions-hint`}>
          {t(lang, "admin.user.regionsHint")}
        </p>
        {error && <ErrorLine lang={lang} id={errorId} message={error} />}
        <div class="checks">
          {regions.map((r) => (
            <CheckboxField
              id={regionBoxId(prefix, r.code)}
              name="regions"
              value={r.code}
              label={localisedName(r, lang)}
              checked={props.checked.includes(r.code)}
            />
          ))}
        </div>
      </fieldset>
      <CheckboxField
        id={`${prefix}all-regions`}
        name="allRegions"
        label={t(lang, "admin.user.allRegions")}
        hint={t(lang, "admin.user.allRegionsHint")}
        checked={props.allRegions}
      />
    </>
  );
}

export function userFieldLabels(lang: Lang, ids: ReturnType<typeof userFieldIds>): Record<string, string> {
  return {
    [ids.email]: t(lang, "admin.user.email"),
    [ids.name]: t(lang, "admin.user.name"),
    [ids.role]: t(lang, "admin.user.role"),
    [ids.regions]: t(lang, "admin.user.regions"),
    [ids.allRegions]: t(lang, "admin.user.allRegions"),
    [ids.areaId]: t(lang, "admin.user.area"),
    [ids.password]: t(lang, "admin.user.password"),
  };
}

export type { FieldError };
