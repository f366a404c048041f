import type { AreaJson } from "../../api-types";
import { localisedNames } from "../../domain/localised-name";
import type { AreaRow } from "../../queries/areas";

/** An area as the JSON API shows it: the three names as `name: {fi, sv, en}`. */
export function areaJson(row: AreaRow): AreaJson {
  return { id: row.id, name: localisedNames(row), regions: row.regions, isDemo: row.isDemo, source: row.source, users: row.users };
}
