import type { AppContext } from "../../app-env";
import { requireNational } from "../../http/access";
import { idParam, readForm, requestLang } from "../../http/validate";
import type { UserSummary } from "../../queries/users";
import { allRegions } from "../../services/regions";
import type { FormValues } from "../../views/admin/fields";
import { userFieldIds } from "../../views/admin/user-fields";
import { UserPage } from "../../views/admin/user-page";
import { NEW_USER_PREFIX, UsersPage } from "../../views/admin/users-page";
import { Invitee, UserChanges, UserInput } from "../../http/schemas";
import { accountLinkUrl } from "../../domain/account-links";
import { publicOrigin } from "../../http/presenters/event-json";
import { inviteNewUser, newPasswordLink, type IssuedLink } from "../../services/account-links";
import { AccountLinkPage } from "../../views/admin/account-link-page";
import { PASSWORD_PROBLEM_CODES } from "../../services/password-rule";
import { allAccounts, changeUser, createUser, existingUser, revokeUserSessions } from "../../services/user-actions";
import { adminApp, doneMessage, redirectDone, renderPage, type Ctx } from "../../http/admin-http";
import { all, attempt, idValue, isChecked, one, validateForm, type FieldMapping, type Form, type FormResult } from "../../http/form-input";
import { allAreas } from "../../services/area-actions";

function userMapping(ids: ReturnType<typeof userFieldIds>): FieldMapping {
  return {
    fields: {
      name: ids.name,
      email: ids.email,
      role: ids.role,
      regions: ids.regions,
      allRegions: ids.allRegions,
      areaId: ids.areaId,
      password: ids.password,
    },
    messages: {
      [ids.name]: "admin.error.name",
      [ids.email]: "admin.error.email",
      [`${ids.email}:taken`]: "admin.error.emailTaken",
      [ids.role]: "admin.error.choose",
      [ids.regions]: "admin.error.choose",
      [ids.areaId]: "admin.error.choose",
      [`${ids.areaId}:required`]: "admin.error.area",
      [ids.password]: "admin.error.password",
      // The policy's own words, not the generic length message.
      ...Object.fromEntries(
        PASSWORD_PROBLEM_CODES.map((problem) => [`${ids.password}:password_${problem}`, `password.problem.${problem}` as const]),
      ),
    },
  };
}

/** The typed values to show again: everything but the password. */
function withoutPassword(form: Form): FormValues {
  const { password: _never, ...rest } = form;
  return rest;
}

/** Only what the form changes: an unchanged role or region list must not sign the person out. */
function changedFields(user: UserSummary, form: Form) {
  const regions = all(form, "regions").sort();
  const areaId = areaIdValue(form);
  const wanted = {
    name: one(form, "name"),
    role: one(form, "role"),
    regions,
    allRegions: isChecked(form, "allRegions"),
    disabled: isChecked(form, "disabled"),
  };
  return {
    ...(wanted.name !== user.name && { name: wanted.name }),
    ...(wanted.role !== user.role && { role: wanted.role }),
    ...(regions.join() !== [...user.regions].sort().join() && { regions }),
    ...(wanted.allRegions !== user.allRegions && { allRegions: wanted.allRegions }),
    ...(areaId !== user.areaId && { areaId }),
    ...(wanted.disabled !== user.disabled && { disabled: wanted.disabled }),
  };
}

/** Runs `next` on a valid form, or passes the form's errors on. */
async function withInput<T, R>(input: FormResult<T>, next: (value: T) => Promise<FormResult<R>>): Promise<FormResult<R>> {
  return input.ok ? next(input.value) : input;
}

/** The area <select>: "" is no area; anything else is left for the schema to judge. */
function areaIdValue(form: Form): number | string | null {
  const value = one(form, "areaId").trim();
  return value === "" ? null : idValue(value);
}

/** Accounts as pages: list, create or invite, change, one-time links, sign out everywhere. The national team only. */
export function adminUserRoutes(deps: AppContext) {
  const app = adminApp(deps);

  async function showLink(c: Ctx, link: IssuedLink) {
    const user = await existingUser(deps, link.userId);
    const url = accountLinkUrl(publicOrigin(deps, c), link.token);
    const page = (
      <AccountLinkPage
        lang={requestLang(c)}
        principal={requireNational(c)}
        user={user}
        kind={link.kind}
        url={url}
        expiresAt={link.expiresAt}
      />
    );
    return renderPage(c, page);
  }

  app.get("/users", async (c) => {
    const principal = requireNational(c);
    const [users, regions, areas] = await Promise.all([allAccounts(deps), allRegions(deps), allAreas(deps)]);
    return renderPage(
      c,
      <UsersPage lang={requestLang(c)} principal={principal} users={users} regions={regions} areas={areas} done={doneMessage(c)} />,
    );
  });

  app.post("/users", async (c) => {
    const principal = requireNational(c);
    const lang = requestLang(c);
    const form = await readForm(c);
    const regions = await allRegions(deps);
    const mapping = userMapping(userFieldIds(NEW_USER_PREFIX, regions));
    const account = {
      email: one(form, "email"),
      name: one(form, "name"),
      role: one(form, "role"),
      regions: all(form, "regions"),
      allRegions: isChecked(form, "allRegions"),
      areaId: areaIdValue(form),
    };
    // No password typed: the account is made without one, with an invitation link to hand over.
    const invite = one(form, "password") === "";
    const created = invite
      ? await withInput(validateForm(lang, Invitee, account, mapping), (value) =>
          attempt(lang, mapping, () => inviteNewUser(deps, principal, value)),
        )
      : await withInput(validateForm(lang, UserInput, { ...account, password: one(form, "password") }, mapping), (value) =>
          attempt(lang, mapping, () => createUser(deps, principal, value, lang)),
        );
    if (!created.ok) {
      const [users, areas] = await Promise.all([allAccounts(deps), allAreas(deps)]);
      return renderPage(
        c,
        <UsersPage
          lang={lang}
          principal={principal}
          users={users}
          regions={regions}
          areas={areas}
          form={{ values: withoutPassword(form), errors: created.errors }}
        />,
        422,
      );
    }
    if (typeof created.value === "number") return redirectDone(c, `/admin/users/${created.value}`, "userCreated");
    return showLink(c, created.value);
  });

  app.get("/users/:id", async (c) => {
    const principal = requireNational(c);
    const user = await existingUser(deps, idParam(c));
    const [regions, areas] = await Promise.all([allRegions(deps), allAreas(deps)]);
    return renderPage(
      c,
      <UserPage lang={requestLang(c)} principal={principal} user={user} regions={regions} areas={areas} done={doneMessage(c)} />,
    );
  });

  app.post("/users/:id", async (c) => {
    const principal = requireNational(c);
    const user = await existingUser(deps, idParam(c));
    const lang = requestLang(c);
    const form = await readForm(c);
    const regions = await allRegions(deps);
    const mapping = userMapping(userFieldIds("", regions));
    const changes = validateForm(lang, UserChanges, changedFields(user, form), mapping);
    // Saving an untouched form changes nothing and leaves no audit line.
    const unchanged = changes.ok && Object.keys(changes.value).length === 0;
    const saved =
      changes.ok && !unchanged ? await attempt(lang, mapping, () => changeUser(deps, principal, user.id, changes.value)) : changes;
    if (!saved.ok)
      return renderPage(
        c,
        <UserPage
          lang={lang}
          principal={principal}
          user={user}
          regions={regions}
          areas={await allAreas(deps)}
          form={{ values: form, errors: saved.errors }}
        />,
        422,
      );
    return redirectDone(c, `/admin/users/${user.id}`, "userSaved");
  });

  // Answers with the page that shows the new link, not a redirect: the link exists only in this response.
  app.post("/users/:id/password-link", async (c) => {
    const principal = requireNational(c);
    return showLink(c, await newPasswordLink(deps, principal, idParam(c)));
  });

  app.post("/users/:id/sessions/revoke", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    await revokeUserSessions(deps, principal, id);
    return redirectDone(c, `/admin/users/${id}`, "sessionsRevoked");
  });

  return app;
}
