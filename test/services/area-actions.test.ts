import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { allAreas, areaById, changeArea, createArea, removeArea } from "../../src/services/area-actions";
import { serviceContext } from "../../src/services/context";
import { staffPrincipal } from "../helpers/accounts";
import { auditLines, outcomeOf } from "../helpers/service-calls";
import { createTestDb } from "../helpers/test-db";

// The national team's cooperation areas through the service on a real in-memory database with the
// real migrations: a region known and in one area only, what is stored, and each audit line. Each
// test names the mutant of src/services/area-actions.ts it holds in place.

let db: Db;
let national: SessionPrincipal;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const area = (nameFi: string, regions: string[], extra: { source?: string | null; isDemo?: boolean } = {}) => ({
  nameFi,
  nameSv: `${nameFi} sv`,
  nameEn: `${nameFi} en`,
  regions,
  source: extra.source ?? null,
  isDemo: extra.isDemo ?? false,
});

beforeEach(async () => {
  db = await createTestDb();
  national = await staffPrincipal(db, "national");
});

describe("createArea", () => {
  it("stores the area with its regions, listed by Finnish name (kills: allAreas' and areaById's bodies, the not_found check)", async () => {
    const north = await createArea(deps(), national, area("Pohjoinen", ["16", "17"]));
    const central = await createArea(deps(), national, area("Keski", ["13"], { source: "Päätös 1/2019", isDemo: true }));
    expect((await allAreas({ db })).map((a) => [a.id, a.nameFi, a.regions])).toEqual([
      [central, "Keski", ["13"]],
      [north, "Pohjoinen", ["16", "17"]],
    ]);
    expect(await areaById({ db }, central)).toMatchObject({ nameSv: "Keski sv", source: "Päätös 1/2019", isDemo: true, regions: ["13"] });
    expect(await outcomeOf(areaById({ db }, central + north))).toBe("not_found");
  });

  it("refuses an unknown region and one another area holds, naming them (kills: requireKnownRegions and the taken check removed, the message)", async () => {
    const north = await createArea(deps(), national, area("Pohjoinen", ["16", "17"]));
    expect(await outcomeOf(createArea(deps(), national, area("Outo", ["13", "98"])))).toBe("validation_failed:regions/unknown");
    const taken = await createArea(deps(), national, area("Päällekkäinen", ["17", "13", "16"])).catch(
      (e: { code: string; fields: unknown }) => e,
    );
    expect(taken).toMatchObject({
      code: "validation_failed",
      fields: [{ key: "regions", code: "in_other_area", message: `already in another area: 16 (area ${north}), 17 (area ${north})` }],
    });
    expect(await allAreas({ db })).toHaveLength(1);
    expect((await auditLines(db)).map((l) => l.action)).toEqual(["area_created"]);
  });

  it("audits the creation with its name and regions, the source and demo flag only when given (kills: the audit line, the && of source and isDemo)", async () => {
    const plain = await createArea(deps(), national, area("Pohjoinen", ["16"]));
    const sourced = await createArea(deps(), national, area("Keski", ["13"], { source: "Päätös 1/2019", isDemo: true }));
    expect(await auditLines(db)).toEqual([
      {
        userId: national.userId,
        actor: null,
        action: "area_created",
        regionCode: null,
        target: `area:${plain}`,
        details: { nameFi: "Pohjoinen", regions: ["16"] },
      },
      {
        userId: national.userId,
        actor: null,
        action: "area_created",
        regionCode: null,
        target: `area:${sourced}`,
        details: { nameFi: "Keski", regions: ["13"], source: "Päätös 1/2019", isDemo: true },
      },
    ]);
  });
});

describe("changeArea", () => {
  it("keeps the area's own regions free to list again, refuses another area's, and audits the change (kills: areaId null in the check, the audit line)", async () => {
    const north = await createArea(deps(), national, area("Pohjoinen", ["16", "17"]));
    const central = await createArea(deps(), national, area("Keski", ["13"]));
    await changeArea(deps(), national, north, { regions: ["17", "16", "18"], nameEn: "North" });
    expect(await areaById({ db }, north)).toMatchObject({ regions: ["16", "17", "18"], nameEn: "North", nameFi: "Pohjoinen" });
    expect(await outcomeOf(changeArea(deps(), national, central, { regions: ["13", "18"] }))).toBe(
      "validation_failed:regions/in_other_area",
    );
    expect(await outcomeOf(changeArea(deps(), national, central, { regions: ["99"] }))).toBe("validation_failed:regions/unknown");
    // A change without regions leaves them as they are.
    await changeArea(deps(), national, central, { nameFi: "Keskinen" });
    expect(await areaById({ db }, central)).toMatchObject({ regions: ["13"], nameFi: "Keskinen" });
    const lines = (await auditLines(db)).filter((l) => l.action === "area_updated");
    expect(lines).toEqual([
      {
        userId: national.userId,
        actor: null,
        action: "area_updated",
        regionCode: null,
        target: `area:${north}`,
        details: { regions: ["17", "16", "18"], nameEn: "North" },
      },
      {
        userId: national.userId,
        actor: null,
        action: "area_updated",
        regionCode: null,
        target: `area:${central}`,
        details: { nameFi: "Keskinen" },
      },
    ]);
  });

  it("answers not_found for an unknown area and writes nothing (kills: areaById removed from changeArea)", async () => {
    expect(await outcomeOf(changeArea(deps(), national, 42, { nameFi: "Ei ole" }))).toBe("not_found");
    expect(await auditLines(db)).toEqual([]);
  });
});

describe("removeArea", () => {
  it("deletes the area, frees its regions, answers what it was and audits it (kills: removeArea's body, the audit details)", async () => {
    const north = await createArea(deps(), national, area("Pohjoinen", ["16", "17"]));
    const removed = await removeArea(deps(), national, north);
    expect(removed).toMatchObject({ id: north, nameFi: "Pohjoinen", regions: ["16", "17"] });
    expect(await allAreas({ db })).toEqual([]);
    expect(await outcomeOf(createArea(deps(), national, area("Uusi", ["16"])))).toBe("ok");
    expect((await auditLines(db)).filter((l) => l.action === "area_deleted")).toEqual([
      {
        userId: national.userId,
        actor: null,
        action: "area_deleted",
        regionCode: null,
        target: `area:${north}`,
        details: { nameFi: "Pohjoinen", regions: ["16", "17"] },
      },
    ]);
    expect(await outcomeOf(removeArea(deps(), national, north))).toBe("not_found");
  });
});
