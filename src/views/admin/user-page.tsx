import type { Principal } from "../../auth/authorize";
import { ACCOUNT_LINK_LIFETIME_MS, HOUR_MS } from "../../domain/account-links";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { UserSummary } from "../../queries/users";
import { AdminPage } from "./admin-page";
import { CheckboxField, ErrorSummary, errorFor, TextField, valueOf, valuesOf, type FieldError, type FormValues } from "./fields";
import type { RegionNames } from "./names";
import { AreaField, RegionFields, RoleField, userFieldIds, userFieldLabels, type AreaChoice } from "./user-fields";

export interface UserPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly user: UserSummary;
  readonly regions: readonly RegionNames[];
  /** The cooperation areas a municipal agent can be given. */
  readonly areas?: readonly AreaChoice[];
  readonly done?: string | null;
  readonly form?: { readonly values: FormValues; readonly errors: readonly FieldError[] };
}

/** What the edit form shows for a saved account. */
export function userValues(user: UserSummary): FormValues {
  return {
    name: user.name,
    role: user.role,
    regions: user.regions,
    allRegions: user.allRegions ? "on" : "",
    areaId: user.areaId === null ? "" : String(user.areaId),
    disabled: user.disabled ? "on" : "",
  };
}

/** One account: name, role, regions, disabled, and signing the person out everywhere. */
export function UserPage({ lang, principal, user, regions, areas = [], done, form }: UserPageProps) {
  const ids = userFieldIds("", regions);
  const labels: Record<string, string> = { ...userFieldLabels(lang, ids), disabled: t(lang, "admin.user.disable") };
  const errors = form?.errors ?? [];
  const values = form?.values ?? userValues(user);
  const base = `/admin/users/${user.id}`;
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={user.name}
      hasErrors={errors.length > 0}
      langHref={(code) => `${base}?lang=${code}`}
      done={done}
    >
      <a class="back" href={`/admin/users?lang=${lang}`}>
        {t(lang, "admin.users.back")}
      </a>
      <h1>{user.name}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <p class="meta">{user.email}</p>
      <form method="post" action={`${base}?lang=${lang}`} novalidate>
        <TextField
          lang={lang}
          id={ids.name}
          name="name"
          label={labels[ids.name]!}
          value={valueOf(values, "name")}
          error={errorFor(errors, ids.name)}
          autocomplete="off"
          maxlength={200}
        />
        <RoleField lang={lang} id={ids.role} value={valueOf(values, "role")} error={errorFor(errors, ids.role)} />
        <RegionFields
          lang={lang}
          prefix=""
          regions={regions}
          checked={valuesOf(values, "regions")}
          allRegions={valueOf(values, "allRegions") !== ""}
          error={errorFor(errors, ids.regions)}
        />
        <AreaField lang={lang} id={ids.areaId} areas={areas} value={valueOf(values, "areaId")} error={errorFor(errors, ids.areaId)} />
        <CheckboxField
          id="disabled"
          name="disabled"
          label={t(lang, "admin.user.disable")}
          hint={t(lang, "admin.user.disableHint")}
          checked={valueOf(values, "disabled") !== ""}
        />
        <button type="submit">{t(lang, "admin.user.save")}</button>
      </form>
      {!user.disabled && (
        <section aria-labelledby="link-heading">
          <h2 id="link-heading">{t(lang, "admin.user.link")}</h2>
          <p id="link-hint">
            {t(lang, "admin.user.linkHint", {
              hours: ACCOUNT_LINK_LIFETIME_MS.reset / HOUR_MS,
              days: ACCOUNT_LINK_LIFETIME_MS.invitation / (24 * HOUR_MS),
            })}
          </p>
          <form method="post" action={`${base}/password-link?lang=${lang}`}>
            <button type="submit" class="secondary" aria-describedby="link-hint">
              {t(lang, "admin.user.makeLink")}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t(lang, "admin.user.sessions")}</h2>
        <p id="sessions-hint">{t(lang, "admin.user.sessionsHint")}</p>
        <form method="post" action={`${base}/sessions/revoke?lang=${lang}`}>
          <button type="submit" class="secondary" aria-describedby="sessions-hint">
            {t(lang, "admin.user.revoke")}
          </button>
        </form>
      </section>
    </AdminPage>
  );
}
