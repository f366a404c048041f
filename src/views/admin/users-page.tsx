import { readsEveryRegion, type Principal } from "../../auth/authorize";
import { t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import type { UserSummary } from "../../queries/users";
import { AdminPage } from "./admin-page";
import { ErrorSummary, errorFor, TextField, valueOf, valuesOf, type FieldError, type FormValues } from "./fields";
import { regionName, type RegionNames } from "./names";
import { AreaField, RegionFields, RoleField, userFieldIds, userFieldLabels, type AreaChoice } from "./user-fields";
import { localisedName } from "../../domain/localised-name";

export interface UsersPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly users: readonly UserSummary[];
  readonly regions: readonly RegionNames[];
  /** The cooperation areas a municipal agent can be given. */
  readonly areas?: readonly AreaChoice[];
  readonly done?: string | null;
  /** The create form as sent (without the password), when it had errors. */
  readonly form?: { readonly values: FormValues; readonly errors: readonly FieldError[] };
}

export const NEW_USER_PREFIX = "new-";

/** Everyone with an account, and a form for a new one: the national team only. */
export function UsersPage({ lang, principal, users, regions, areas = [], done, form }: UsersPageProps) {
  const title = t(lang, "admin.users.title");
  const ids = userFieldIds(NEW_USER_PREFIX, regions);
  const labels = userFieldLabels(lang, ids);
  const errors = form?.errors ?? [];
  const values = form?.values ?? { role: "agent" };
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="users"
      hasErrors={errors.length > 0}
      langHref={(code) => `/admin/users?lang=${code}`}
      done={done}
    >
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labelOf={(field) => labels[field] ?? field} />
      <div class="table-scroll" role="region" aria-labelledby="users-caption" tabindex={0}>
        <table>
          <caption id="users-caption">{t(lang, "admin.users.caption", { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, "admin.user.name")}</th>
              <th scope="col">{t(lang, "admin.user.email")}</th>
              <th scope="col">{t(lang, "admin.user.role")}</th>
              <th scope="col">{t(lang, "admin.user.regions")}</th>
              <th scope="col">{t(lang, "admin.user.state")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}?lang=${lang}`}>{u.name}</a>
                </td>
                <td>{u.email}</td>
                <td>{t(lang, `admin.role.${u.role}`)}</td>
                <td>
                  {readsEveryRegion(u)
                    ? t(lang, "admin.user.everyRegion")
                    : u.regions.map((code) => regionName(lang, regions, code)).join(", ") || "–"}
                  {u.areaId !== null && <AreaOfUser lang={lang} areas={areas} areaId={u.areaId} />}
                </td>
                <td>{t(lang, u.disabled ? "admin.user.disabled" : "admin.user.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">{t(lang, "admin.user.new")}</h2>
        <form method="post" action={`/admin/users?lang=${lang}`} novalidate>
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
          <TextField
            lang={lang}
            type="email"
            id={ids.email}
            name="email"
            label={labels[ids.email]!}
            value={valueOf(values, "email")}
            error={errorFor(errors, ids.email)}
            autocomplete="off"
            spellcheck={false}
          />
          <RoleField lang={lang} id={ids.role} value={valueOf(values, "role")} error={errorFor(errors, ids.role)} />
          <RegionFields
            lang={lang}
            prefix={NEW_USER_PREFIX}
            regions={regions}
            checked={valuesOf(values, "regions")}
            allRegions={valueOf(values, "allRegions") !== ""}
            error={errorFor(errors, ids.regions)}
          />
          <AreaField lang={lang} id={ids.areaId} areas={areas} value={valueOf(values, "areaId")} error={errorFor(errors, ids.areaId)} />
          {/* Never filled in again, not even after an error: the password is not echoed anywhere. */}
          <TextField
            lang={lang}
            type="password"
            id={ids.password}
            name="password"
            label={labels[ids.password]!}
            hint={t(lang, "admin.user.passwordHint")}
            optional
            value=""
            error={errorFor(errors, ids.password)}
            autocomplete="new-password"
          />
          <button type="submit">{t(lang, "admin.user.create")}</button>
        </form>
      </section>
    </AdminPage>
  );
}

/** "· Area: Pohjoinen (demo)" after an account's regions. */
function AreaOfUser({ lang, areas, areaId }: { lang: Lang; areas: readonly AreaChoice[]; areaId: number }) {
  const area = areas.find((a) => a.id === areaId);
  if (!area) return null;
  return (
    <>
      {` · ${t(lang, "admin.user.area")}: ${localisedName(area, lang)}`}
      {area.isDemo && <span class="badge">{t(lang, "demo.badge")}</span>}
    </>
  );
}
