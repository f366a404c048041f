import { describe, expect, it } from "vitest";
import {
  accessSummary,
  areaRegionsRead,
  canRead,
  canReadArea,
  canWrite,
  isNational,
  needsArea,
  needsRegions,
  readableRegions,
  readsEveryRegion,
  writableRegions,
  type Principal,
  type Role,
} from "../../src/auth/authorize";
import { ROLES } from "../../src/domain/roles";

// Region codes of Statistics Finland: 01 Uusimaa, 02 Varsinais-Suomi, 19 Lappi.
function person(role: Role, regions: readonly string[], allRegions = false): Principal {
  return { userId: 1, email: `${role}@example.fi`, name: role, role, regions, allRegions, area: null };
}

const national = person("national", []);
const agent = person("agent", ["01"]);
const viewer = person("viewer", ["01"]);
const allRegionsViewer = person("viewer", [], true);
// The all-regions flag is for viewers only: an agent who carries it still reads and writes only their own regions.
const allRegionsAgent = person("agent", ["01"], true);

describe("readableRegions", () => {
  it("gives the national team and an all-regions viewer every region", () => {
    expect(readableRegions(national)).toBe("all");
    expect(readableRegions(allRegionsViewer)).toBe("all");
  });
  it("gives agents and viewers exactly their assigned regions, all-regions flag or not for an agent", () => {
    expect(readableRegions(agent)).toEqual(["01"]);
    expect(readableRegions(viewer)).toEqual(["01"]);
    expect(readableRegions(allRegionsAgent)).toEqual(["01"]);
    expect(readableRegions(person("viewer", ["01", "19"]))).toEqual(["01", "19"]);
  });
});

describe("canRead", () => {
  it.each([
    ["national", national],
    ["agent", agent],
    ["viewer", viewer],
    ["all-regions viewer", allRegionsViewer],
    ["agent with the all-regions flag", allRegionsAgent],
    ["viewer with no region at all", person("viewer", [])],
  ])("lets a %s read a national day (region null)", (_label, p) => {
    expect(canRead(p, null)).toBe(true);
  });

  it("lets agents and viewers read their own region and no other", () => {
    for (const p of [agent, viewer]) {
      expect(canRead(p, "01")).toBe(true);
      expect(canRead(p, "02")).toBe(false);
      expect(canRead(p, "19")).toBe(false);
    }
  });
  it("lets a viewer of several regions read each of them and nothing else", () => {
    const several = person("viewer", ["01", "19"]);
    expect(canRead(several, "01")).toBe(true);
    expect(canRead(several, "19")).toBe(true);
    expect(canRead(several, "02")).toBe(false);
  });
  it("lets the national team and an all-regions viewer read any region", () => {
    for (const p of [national, allRegionsViewer]) {
      expect(canRead(p, "01")).toBe(true);
      expect(canRead(p, "19")).toBe(true);
    }
  });
  it("does not widen an agent's reading because of the all-regions flag", () => {
    expect(canRead(allRegionsAgent, "01")).toBe(true);
    expect(canRead(allRegionsAgent, "02")).toBe(false);
  });
});

describe("canWrite", () => {
  it("lets the national team change any region and national days", () => {
    expect(canWrite(national, "01")).toBe(true);
    expect(canWrite(national, "19")).toBe(true);
    expect(canWrite(national, null)).toBe(true);
  });
  it("lets an agent change only their own regions, never a national day", () => {
    expect(canWrite(agent, "01")).toBe(true);
    expect(canWrite(agent, "02")).toBe(false);
    expect(canWrite(agent, null)).toBe(false);
    expect(canWrite(allRegionsAgent, "02")).toBe(false);
  });
  it("never lets a viewer change anything, whatever they may read", () => {
    for (const p of [viewer, allRegionsViewer]) {
      expect(canWrite(p, "01")).toBe(false);
      expect(canWrite(p, "02")).toBe(false);
      expect(canWrite(p, null)).toBe(false);
    }
  });
});

describe("isNational", () => {
  it("is true for the national role only", () => {
    expect(isNational(national)).toBe(true);
    expect(isNational(agent)).toBe(false);
    expect(isNational(allRegionsViewer)).toBe(false);
  });
});

describe("readsEveryRegion", () => {
  it("is the national team and a viewer with the flag, never an agent with it", () => {
    expect(readsEveryRegion(national)).toBe(true);
    expect(readsEveryRegion(allRegionsViewer)).toBe(true);
    expect(readsEveryRegion(allRegionsAgent)).toBe(false);
    expect(readsEveryRegion(agent)).toBe(false);
    expect(readsEveryRegion(viewer)).toBe(false);
  });
  it("works on an account row as well as on a signed-in person (the users page)", () => {
    expect(readsEveryRegion({ role: "agent", regions: ["16"], allRegions: true })).toBe(false);
    expect(readsEveryRegion({ role: "viewer", regions: [], allRegions: true })).toBe(true);
  });
});

describe("writableRegions", () => {
  it("is every region for the national team, the own regions for an agent, none for a viewer", () => {
    expect(writableRegions(national)).toBe("all");
    expect(writableRegions(allRegionsAgent)).toEqual(["01"]);
    expect(writableRegions(allRegionsViewer)).toEqual([]);
    expect(writableRegions(person("viewer", ["01", "19"]))).toEqual([]);
  });
});

describe("accessSummary (what GET /api/me sends)", () => {
  it("agrees with canRead and canWrite for every kind of person and region", () => {
    const people = [national, agent, viewer, allRegionsViewer, allRegionsAgent, person("viewer", ["01", "19"])];
    for (const p of people) {
      const summary = accessSummary(p);
      for (const code of ["01", "02", "19"]) {
        const reads = summary.readableRegions === "all" || summary.readableRegions.includes(code);
        const writes = summary.writableRegions === "all" || summary.writableRegions.includes(code);
        expect([reads, writes], `${p.role} ${p.regions} ${p.allRegions} in ${code}`).toEqual([canRead(p, code), canWrite(p, code)]);
      }
      expect(summary.readsEveryRegion).toBe(summary.readableRegions === "all");
      expect(summary.isNational).toBe(p.role === "national");
    }
  });
});

describe("needsRegions", () => {
  it("asks a region of agents only", () => {
    expect(ROLES.map((role) => [role, needsRegions(role)])).toEqual([
      ["agent", true],
      ["viewer", false],
      ["municipal", false],
      ["national", false],
    ]);
  });
});

// A cooperation area of 13 Keski-Suomi and 16 Keski-Pohjanmaa (area 7).
const AREA = { id: 7, regions: ["13", "16"] };
const municipal: Principal = { ...person("municipal", []), area: AREA };

describe("municipal agents read by cooperation area", () => {
  it("reads every region of the area and no other, and changes none", () => {
    expect(readableRegions(municipal)).toEqual(["13", "16"]);
    expect(["13", "16", "15", "01"].map((code) => canRead(municipal, code))).toEqual([true, true, false, false]);
    expect(writableRegions(municipal)).toEqual([]);
    expect(canWrite(municipal, "16")).toBe(false);
    expect(readsEveryRegion(municipal)).toBe(false);
  });
  it("adds the area to regions assigned one by one, once each, sorted", () => {
    expect(readableRegions({ ...municipal, regions: ["16", "19"] })).toEqual(["13", "16", "19"]);
  });
  it("reads nothing by area without an area, and other roles never read by area", () => {
    expect(readableRegions(person("municipal", []))).toEqual([]);
    expect(areaRegionsRead({ ...agent, area: AREA })).toEqual([]);
    expect(readableRegions({ ...agent, area: AREA })).toEqual(["01"]);
    expect(readableRegions({ ...viewer, area: AREA })).toEqual(["01"]);
    expect(canRead({ ...viewer, area: AREA }, "13")).toBe(false);
  });
  it("says so in the access summary: the area read, or null", () => {
    expect(accessSummary(municipal)).toMatchObject({ readsArea: 7, readableRegions: ["13", "16"], writableRegions: [], isNational: false });
    expect(accessSummary({ ...agent, area: AREA }).readsArea).toBeNull();
    expect(accessSummary(person("municipal", [])).readsArea).toBeNull();
  });
  it("shows an area's pooled figure only to a person who reads all of its regions", () => {
    expect(canReadArea(municipal, ["13", "16"])).toBe(true);
    expect(canReadArea(municipal, ["13", "15"])).toBe(false);
    expect(canReadArea(agent, ["01"])).toBe(true);
    expect(canReadArea(agent, ["01", "02"])).toBe(false);
    expect(canReadArea(national, ["01", "02", "19"])).toBe(true);
  });
  it("asks an area of municipal agents only", () => {
    expect(ROLES.filter(needsArea)).toEqual(["municipal"]);
  });
});
