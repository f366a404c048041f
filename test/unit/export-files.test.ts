import { describe, expect, it } from "vitest";
import { exportFileName, fileSlug, scopeText, standingCaveats, withExportNotes } from "../../src/domain/export-files";
import type { Table } from "../../src/domain/table";

// What every download carries beside its table: the file name and the notes. Expected texts are
// the English dictionary's, written out here.
const names: Record<string, string> = { "16": "Keski-Pohjanmaa", "21": "Åland", "01": "Uusimaa" };
const regionName = (code: string) => names[code] ?? code;
const table: Table = {
  name: "events",
  title: "Päivien tiedot",
  columns: [{ title: "n", type: "number" }],
  rows: [[1]],
  notes: ["The table's own note."],
};

describe("standingCaveats", () => {
  it("gives source, day unit, left-out days, suppression below 5 and demo rows, in that order", () => {
    const caveats = standingCaveats("en");
    expect(caveats).toHaveLength(5);
    expect(caveats[0]).toMatch(/^Source: /);
    expect(caveats[1]).toMatch(/^The uncertainty of pooled figures is computed per day/);
    expect(caveats[2]).toMatch(/^Days with only a published mean/);
    expect(caveats[3]).toMatch(/^Background groups and open comments with fewer than 5 answers/);
    expect(caveats[4]).toBe("Rows marked as demo data are for demonstration, not real results.");
  });
});

describe("scopeText", () => {
  it("names every filter given, regions by name, in a fixed order", () => {
    expect(
      scopeText(
        "en",
        { region: "16", regions: ["21", "01"], from: "2019-01-01", to: "2019-12-31", theme: 3, programme: 2, event: 7 },
        regionName,
      ),
    ).toBe("region Keski-Pohjanmaa, regions Åland, Uusimaa, period 2019-01-01–2019-12-31, theme no. 3, programme no. 2, day no. 7");
  });

  it("gives a half-open period with its one end, counts theme 0 as a filter, and says 'none' without filters", () => {
    expect(scopeText("en", { from: "2019-01-01" }, regionName)).toBe("period 2019-01-01–");
    expect(scopeText("en", { to: "2019-12-31" }, regionName)).toBe("period –2019-12-31");
    expect(scopeText("en", { theme: 0, programme: 0, event: 0 }, regionName)).toBe("theme no. 0, programme no. 0, day no. 0");
    expect(scopeText("en", { regions: [], region: "" }, regionName)).toBe("none (all regions you may read)");
    expect(scopeText("en", {}, regionName)).toBe("none (all regions you may read)");
  });
});

describe("withExportNotes", () => {
  it("adds the notes sheet: retrieved on the Helsinki date, the filters, the table's notes, the caveats, the number note", () => {
    // 2019-12-31 22:30 UTC is already 1 January 2020 in Helsinki (UTC+2).
    const out = withExportNotes("en", table, { region: "16" }, regionName, Date.UTC(2019, 11, 31, 22, 30));
    expect(out.notesTitle).toBe("Notes");
    expect(out.rows).toEqual(table.rows);
    expect(out.columns).toEqual(table.columns);
    expect(out.notes).toEqual([
      "Palaute: Päivien tiedot. Data retrieved 1 Jan 2020.",
      "Filters: region Keski-Pohjanmaa.",
      "The table's own note.",
      ...standingCaveats("en"),
      "Numbers are number cells; the decimals shown are formatting only.",
    ]);
  });
});

describe("fileSlug and exportFileName", () => {
  it("makes ASCII slugs: accents dropped, runs of other characters one dash, no dash at either end", () => {
    expect(fileSlug("Keski-Pohjanmaa")).toBe("keski-pohjanmaa");
    expect(fileSlug("Åland")).toBe("aland");
    expect(fileSlug("  Päivien tiedot (2019)!  ")).toBe("paivien-tiedot-2019");
    expect(fileSlug("--a__b--")).toBe("a-b");
  });

  it("names the file by title, region(s), period and other filters", () => {
    expect(exportFileName(table, {}, regionName, "xlsx")).toBe("palaute-paivien-tiedot.xlsx");
    expect(
      exportFileName(
        table,
        { region: "16", regions: ["21", "01"], from: "2019-01-01", to: "2019-12-31", theme: 3, programme: 2, event: 7 },
        regionName,
        "csv",
      ),
    ).toBe("palaute-paivien-tiedot-keski-pohjanmaa-aland-uusimaa-2019-01-01_2019-12-31-theme-3-programme-2-day-7.csv");
    expect(exportFileName(table, { from: "2019-01-01" }, regionName, "csv")).toBe("palaute-paivien-tiedot-2019-01-01_.csv");
    expect(exportFileName(table, { to: "2019-12-31", theme: 0, regions: [] }, regionName, "csv")).toBe(
      "palaute-paivien-tiedot-_2019-12-31-theme-0.csv",
    );
  });
});
