import type { AppContext } from "../../app-env";
import { requireNational } from "../../http/access";
import { adminApp, doneMessage, redirectDone, renderPage, type Ctx } from "../../http/admin-http";
import { all, attempt, isChecked, one, validateForm, type FieldMapping, type Form } from "../../http/form-input";
import { AreaChanges, AreaInput } from "../../http/schemas";
import { idParam, readForm, requestLang } from "../../http/validate";
import type { RegionNames } from "../../views/admin/names";
import { allAreas, areaById, changeArea, createArea, removeArea } from "../../services/area-actions";
import { allRegions } from "../../services/regions";
import { AreaPage, AreasPage, areaFieldIds, editAreaPrefix, NEW_AREA_PREFIX, type AreaForm } from "../../views/admin/areas-page";

function areaMapping(ids: ReturnType<typeof areaFieldIds>): FieldMapping {
  return {
    fields: { nameFi: ids.nameFi, nameSv: ids.nameSv, nameEn: ids.nameEn, regions: ids.regions, source: ids.source, isDemo: ids.isDemo },
    messages: {
      [ids.nameFi]: "admin.error.name",
      [ids.nameSv]: "admin.error.name",
      [ids.nameEn]: "admin.error.name",
      [ids.regions]: "admin.error.choose",
      [`${ids.regions}:in_other_area`]: "admin.error.regionInOtherArea",
    },
  };
}

/** The form as the schemas take it (the API's JSON body, field for field). */
function areaData(form: Form) {
  return {
    nameFi: one(form, "nameFi"),
    nameSv: one(form, "nameSv"),
    nameEn: one(form, "nameEn"),
    regions: all(form, "regions"),
    source: one(form, "source"),
    isDemo: isChecked(form, "isDemo"),
  };
}

/** Cooperation areas as pages: list, create, change, delete. The national team only. */
export function adminAreaRoutes(deps: AppContext) {
  const app = adminApp(deps);

  async function listPage(c: Ctx, regions?: readonly RegionNames[], form?: AreaForm) {
    const principal = requireNational(c);
    const [areas, allRegionRows] = await Promise.all([allAreas(deps), regions ? Promise.resolve(regions) : allRegions(deps)]);
    const props = { lang: requestLang(c), principal, areas, regions: allRegionRows, done: form ? null : doneMessage(c) };
    return renderPage(c, <AreasPage {...props} {...(form && { form })} />, form ? 422 : 200);
  }

  async function editPage(c: Ctx, id: number, form?: AreaForm) {
    const principal = requireNational(c);
    const [area, areas, regions] = await Promise.all([areaById(deps, id), allAreas(deps), allRegions(deps)]);
    const props = { lang: requestLang(c), principal, area, areas, regions, done: form ? null : doneMessage(c) };
    return renderPage(c, <AreaPage {...props} {...(form && { form })} />, form ? 422 : 200);
  }

  app.get("/areas", (c) => listPage(c));

  app.post("/areas", async (c) => {
    const principal = requireNational(c);
    const lang = requestLang(c);
    const form = await readForm(c);
    const regions = await allRegions(deps);
    const mapping = areaMapping(areaFieldIds(NEW_AREA_PREFIX, regions));
    const input = validateForm(lang, AreaInput, areaData(form), mapping);
    const created = input.ok ? await attempt(lang, mapping, () => createArea(deps, principal, input.value)) : input;
    if (!created.ok) return listPage(c, regions, { values: form, errors: created.errors });
    return redirectDone(c, "/admin/areas", "areaCreated");
  });

  app.get("/areas/:id", (c) => editPage(c, idParam(c)));

  app.post("/areas/:id", async (c) => {
    const principal = requireNational(c);
    const id = idParam(c);
    await areaById(deps, id);
    const lang = requestLang(c);
    const form = await readForm(c);
    const mapping = areaMapping(areaFieldIds(editAreaPrefix(id), await allRegions(deps)));
    const input = validateForm(lang, AreaChanges, areaData(form), mapping);
    const saved = input.ok ? await attempt(lang, mapping, () => changeArea(deps, principal, id, input.value)) : input;
    if (!saved.ok) return editPage(c, id, { values: form, errors: saved.errors });
    return redirectDone(c, `/admin/areas/${id}`, "areaSaved");
  });

  app.post("/areas/:id/delete", async (c) => {
    const principal = requireNational(c);
    await removeArea(deps, principal, idParam(c));
    return redirectDone(c, "/admin/areas", "areaDeleted");
  });

  return app;
}
