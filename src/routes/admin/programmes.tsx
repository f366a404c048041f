import type { AppContext } from "../../app-env";
import { requireNational } from "../../http/access";
import { idParam, readForm, requestLang } from "../../http/validate";
import { PROGRAMME_FIELDS, ProgrammesPage, renameFields, THEME_FIELDS, type ProgrammesForm } from "../../views/admin/programmes-page";
import { allProgrammes, allThemes, changeTheme, createProgramme, createTheme } from "../../services/programme-actions";
import { ProgrammeInput, ThemeChanges, ThemeInput } from "../../http/schemas";
import { adminApp, doneMessage, redirectDone, renderPage, type Ctx } from "../../http/admin-http";
import { attempt, blankToNull, idValue, one, validateForm, wholeNumberOrNull, type FieldMapping, type Form } from "../../http/form-input";

function themeNames(form: Form) {
  return { nameFi: one(form, "nameFi"), nameSv: one(form, "nameSv"), nameEn: one(form, "nameEn") };
}

const nameMessages = (ids: { nameFi: string; nameSv: string; nameEn: string }) =>
  ({ [ids.nameFi]: "admin.error.name", [ids.nameSv]: "admin.error.name", [ids.nameEn]: "admin.error.name" }) as const;

const PROGRAMME_MAPPING: FieldMapping = {
  fields: PROGRAMME_FIELDS,
  messages: {
    [PROGRAMME_FIELDS.name]: "admin.error.name",
    [PROGRAMME_FIELDS.startsOn]: "admin.error.date",
    [PROGRAMME_FIELDS.endsOn]: "admin.error.date",
    [PROGRAMME_FIELDS.surveyCloseDays]: "admin.error.wholeNumber",
  },
};
const THEME_MAPPING: FieldMapping = {
  fields: THEME_FIELDS,
  messages: { [THEME_FIELDS.programmeId]: "admin.error.choose", ...nameMessages(THEME_FIELDS) },
};
const renameMapping = (themeId: number): FieldMapping => ({ fields: renameFields(themeId), messages: nameMessages(renameFields(themeId)) });

/** Programmes and themes as pages: the national team only. */
export function adminProgrammeRoutes(deps: AppContext) {
  const app = adminApp(deps);

  async function page(c: Ctx, form?: ProgrammesForm) {
    const principal = requireNational(c);
    const [programmes, themes] = await Promise.all([allProgrammes(deps), allThemes(deps)]);
    const done = form ? null : doneMessage(c);
    return renderPage(
      c,
      <ProgrammesPage
        lang={requestLang(c)}
        principal={principal}
        programmes={programmes}
        themes={themes}
        done={done}
        {...(form && { form })}
      />,
      form ? 422 : 200,
    );
  }

  app.get("/programmes", (c) => page(c));

  app.post("/programmes", async (c) => {
    const principal = requireNational(c);
    const lang = requestLang(c);
    const form = await readForm(c);
    const data = {
      name: one(form, "name"),
      startsOn: blankToNull(one(form, "startsOn").trim()),
      endsOn: blankToNull(one(form, "endsOn").trim()),
      surveyCloseDays: wholeNumberOrNull(one(form, "surveyCloseDays")),
    };
    const input = validateForm(lang, ProgrammeInput, data, PROGRAMME_MAPPING);
    if (!input.ok) return page(c, { name: "programme", values: form, errors: input.errors });
    await createProgramme(deps, principal, input.value);
    return redirectDone(c, "/admin/programmes", "programmeCreated");
  });

  app.post("/programmes/themes", async (c) => {
    const principal = requireNational(c);
    const lang = requestLang(c);
    const form = await readForm(c);
    const input = validateForm(lang, ThemeInput, { programmeId: idValue(one(form, "programme")), ...themeNames(form) }, THEME_MAPPING);
    const created = input.ok ? await attempt(lang, THEME_MAPPING, () => createTheme(deps, principal, input.value)) : input;
    if (!created.ok) return page(c, { name: "theme", values: form, errors: created.errors });
    return redirectDone(c, "/admin/programmes", "themeCreated");
  });

  app.post("/programmes/themes/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    const lang = requestLang(c);
    const form = await readForm(c);
    const changes = validateForm(lang, ThemeChanges, themeNames(form), renameMapping(id));
    if (!changes.ok) return page(c, { name: "rename", themeId: id, values: form, errors: changes.errors });
    // Throws not_found for a theme that does not exist.
    await changeTheme(deps, principal, id, changes.value);
    return redirectDone(c, "/admin/programmes", "themeRenamed");
  });

  return app;
}
