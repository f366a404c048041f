import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import { regionsInOtherAreas } from "../domain/areas";
import { AppError } from "../http/errors";
import { deleteArea, getArea, insertArea, listAreas, updateArea, type AreaRow } from "../queries/areas";
import { requireKnownRegions } from "./create-account";
import type { AreaChanges, AreaInput } from "../http/schemas";

// What the national team can do to cooperation areas, shared by the JSON API and the staff pages:
// check the regions (known, and in no other area), write, and leave an audit line. Callers have
// already checked that the principal is national. Everyone signed in may read the list.

export async function allAreas(deps: Pick<ServiceContext, "db">): Promise<AreaRow[]> {
  return listAreas(deps.db);
}

/** The area; not_found when there is none. */
export async function areaById(deps: Pick<ServiceContext, "db">, id: number): Promise<AreaRow> {
  const found = await getArea(deps.db, id);
  if (!found) throw new AppError("not_found");
  return found;
}

/** Refuses regions that another area holds (422 on "regions", naming them). */
async function requireFreeRegions(deps: Pick<ServiceContext, "db">, areaId: number | null, regions: readonly string[] | undefined) {
  if (!regions) return;
  await requireKnownRegions(deps, regions);
  const taken = regionsInOtherAreas(await listAreas(deps.db), areaId, regions);
  if (taken.length > 0)
    throw new AppError("validation_failed", undefined, [
      {
        key: "regions",
        code: "in_other_area",
        message: `already in another area: ${taken.map((t) => `${t.region} (area ${t.areaId})`).join(", ")}`,
      },
    ]);
}

export async function createArea(
  deps: ServiceContext,
  principal: SessionPrincipal,
  input: v.InferOutput<typeof AreaInput>,
): Promise<number> {
  await requireFreeRegions(deps, null, input.regions);
  const id = await insertArea(deps.db, input);
  await audit(deps, principal, "area_created", id, {
    nameFi: input.nameFi,
    regions: input.regions,
    ...(input.source && { source: input.source }),
    ...(input.isDemo && { isDemo: true }),
  });
  return id;
}

/** Throws not_found for an unknown area. Accounts read the new regions from their next request on. */
export async function changeArea(
  deps: ServiceContext,
  principal: SessionPrincipal,
  id: number,
  changes: v.InferOutput<typeof AreaChanges>,
): Promise<void> {
  await areaById(deps, id);
  await requireFreeRegions(deps, id, changes.regions);
  await updateArea(deps.db, id, changes);
  await audit(deps, principal, "area_updated", id, changes);
}

/** Deletes the area; its municipal agents keep their accounts and read no area until given another. */
export async function removeArea(deps: ServiceContext, principal: SessionPrincipal, id: number): Promise<AreaRow> {
  const existing = await areaById(deps, id);
  await deleteArea(deps.db, id);
  await audit(deps, principal, "area_deleted", id, { nameFi: existing.nameFi, regions: existing.regions });
  return existing;
}

async function audit(
  deps: ServiceContext,
  principal: SessionPrincipal,
  action: "area_created" | "area_updated" | "area_deleted",
  id: number,
  details: Record<string, unknown>,
) {
  await deps.audit({ userId: principal.userId, action, target: `area:${id}`, details });
}
