import { beforeEach, describe, expect, it } from "vitest";
import type { SessionPrincipal } from "../../src/app-env";
import type { Db } from "../../src/db/client";
import { serviceContext } from "../../src/services/context";
import {
  allProgrammes,
  allThemes,
  changeProgramme,
  changeTheme,
  createProgramme,
  createTheme,
  programmeById,
  themeById,
} from "../../src/services/programme-actions";
import { staffPrincipal } from "../helpers/accounts";
import { auditLines, outcomeOf } from "../helpers/service-calls";
import { createTestDb } from "../helpers/test-db";

// The national team's programmes and themes through the service on a real in-memory database with
// the real migrations: what is stored, unknown references refused, and each audit line. Each test
// names the mutant of src/services/programme-actions.ts it holds in place.

let db: Db;
let national: SessionPrincipal;
const deps = () => serviceContext(db, { now: () => Date.parse("2019-09-04T08:00:00Z") });
const programme = (name: string, startsOn: string | null = null) => ({ name, startsOn, endsOn: null, surveyCloseDays: 14 });
const names = { nameFi: "Teema", nameSv: "Tema", nameEn: "Theme" };

beforeEach(async () => {
  db = await createTestDb();
  national = await staffPrincipal(db, "national");
});

describe("programmes", () => {
  it("stores a programme, lists them by start, and answers not_found for an unknown one (kills: allProgrammes' and programmeById's bodies, the not_found check)", async () => {
    const later = await createProgramme(deps(), national, programme("Myöhempi", "2020-01-01"));
    const earlier = await createProgramme(deps(), national, {
      name: "Aiempi",
      startsOn: "2019-01-01",
      endsOn: "2019-12-31",
      surveyCloseDays: null,
    });
    expect((await allProgrammes({ db })).map((p) => p.id)).toEqual([earlier, later]);
    expect(await programmeById({ db }, earlier)).toMatchObject({ name: "Aiempi", endsOn: "2019-12-31", surveyCloseDays: null });
    expect(await outcomeOf(programmeById({ db }, later + earlier))).toBe("not_found");
  });

  it("changes a known programme only, and audits creation and change (kills: programmeById removed from changeProgramme, the audit lines)", async () => {
    const id = await createProgramme(deps(), national, programme("Ohjelma"));
    expect(await outcomeOf(changeProgramme(deps(), national, id + 1, { name: "Ei ole" }))).toBe("not_found");
    await changeProgramme(deps(), national, id, { surveyCloseDays: 7, name: "Uusi nimi" });
    expect(await programmeById({ db }, id)).toMatchObject({ name: "Uusi nimi", surveyCloseDays: 7 });
    const target = `programme:${id}`;
    expect(await auditLines(db)).toEqual([
      { userId: national.userId, actor: null, action: "programme_created", regionCode: null, target, details: { name: "Ohjelma" } },
      {
        userId: national.userId,
        actor: null,
        action: "programme_updated",
        regionCode: null,
        target,
        details: { surveyCloseDays: 7, name: "Uusi nimi" },
      },
    ]);
  });
});

describe("themes", () => {
  it("refuses a theme for an unknown programme, stores one for a known programme, and lists by programme (kills: the programme check, allThemes' filter)", async () => {
    const first = await createProgramme(deps(), national, programme("Ensimmäinen"));
    const second = await createProgramme(deps(), national, programme("Toinen"));
    const refused = await createTheme(deps(), national, { programmeId: second + 1, ...names }).catch(
      (e: { code: string; fields: unknown }) => e,
    );
    expect(refused).toMatchObject({
      code: "validation_failed",
      fields: [{ key: "programmeId", code: "unknown", message: "programme not found" }],
    });
    const a = await createTheme(deps(), national, { programmeId: second, ...names });
    const b = await createTheme(deps(), national, { programmeId: first, nameFi: "Toinen teema", nameSv: "Annat", nameEn: "Other" });
    expect((await allThemes({ db })).map((t) => t.id)).toEqual([b, a]);
    expect((await allThemes({ db }, second)).map((t) => t.id)).toEqual([a]);
    expect(await themeById({ db }, a)).toMatchObject({ programmeId: second, ...names });
    expect(await outcomeOf(themeById({ db }, a + b))).toBe("not_found");
  });

  it("changes a known theme only, and audits creation and change (kills: themeById removed from changeTheme, the audit lines)", async () => {
    const programmeId = await createProgramme(deps(), national, programme("Ohjelma"));
    const id = await createTheme(deps(), national, { programmeId, ...names });
    expect(await outcomeOf(changeTheme(deps(), national, id + 1, { nameFi: "Ei ole" }))).toBe("not_found");
    await changeTheme(deps(), national, id, { nameEn: "Topic" });
    expect(await themeById({ db }, id)).toMatchObject({ nameFi: "Teema", nameEn: "Topic" });
    const lines = (await auditLines(db)).filter((l) => l.action.startsWith("theme"));
    expect(lines).toEqual([
      {
        userId: national.userId,
        actor: null,
        action: "theme_created",
        regionCode: null,
        target: `theme:${id}`,
        details: { nameFi: "Teema" },
      },
      {
        userId: national.userId,
        actor: null,
        action: "theme_updated",
        regionCode: null,
        target: `theme:${id}`,
        details: { nameEn: "Topic" },
      },
    ]);
  });
});
