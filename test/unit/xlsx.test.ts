import { describe, expect, it } from "vitest";
import type { Table } from "../../src/domain/table";
import { excelSerialDate, toXlsx } from "../../src/domain/xlsx";
import { quotePrefixedCells, readXlsx } from "../helpers/xlsx-reader";

const table: Table = {
  name: "events",
  title: "päivien tiedot: [kaikki]",
  notesTitle: "Huomiot",
  columns: [
    { title: "Päivämäärä", type: "date" },
    { title: "Kommentti", type: "text" },
    { title: "n", type: "number" },
    { title: "Keskiarvo", type: "number", decimals: 2 },
    { title: "Vastausprosentti (%)", type: "number", decimals: 1 },
  ],
  rows: [
    ["2019-09-04", '=HYPERLINK("http://x","click")', 47, 8.5, 78.72340425531915],
    ["2019-11-06", "+358 40 123", 0, 8, null],
    [null, "@everyone", null, Number.NaN, 100],
    ["not a date", "\u2212 1 and a\u0000nul & <tag>", 12, -0.25, 0.5],
    ["2020-02-29", "Hyvä päivä", 3, 10, 33.3],
    ["2019-09-04", "\tTAB first", 1, 9, 1],
  ],
  notes: ["Alle 5 vastausta piilotettu.", "=1+1 as a note stays text"],
};

describe("XLSX writer, read back with exceljs", () => {
  it("writes numbers as numbers, dates as dates and every text as text, cell by cell", async () => {
    const bytes = toXlsx(table);
    const [data, notes] = await readXlsx(bytes);
    // Sheet names: no [ ] : in them, capitalised title, the notes' own title.
    expect(data!.name).toBe("Päivien tiedot kaikki");
    expect(notes!.name).toBe("Huomiot");
    expect(data!.rows[0]).toEqual(["Päivämäärä", "Kommentti", "n", "Keskiarvo", "Vastausprosentti (%)"]);
    expect(data!.rows.slice(1)).toEqual([
      [new Date(Date.UTC(2019, 8, 4)), '=HYPERLINK("http://x","click")', 47, 8.5, 78.72340425531915],
      [new Date(Date.UTC(2019, 10, 6)), "+358 40 123", 0, 8, null],
      [null, "@everyone", null, null, 100],
      ["not a date", "\u2212 1 and anul & <tag>", 12, -0.25, 0.5],
      [new Date(Date.UTC(2020, 1, 29)), "Hyvä päivä", 3, 10, 33.3],
      [new Date(Date.UTC(2019, 8, 4)), "\tTAB first", 1, 9, 1],
    ]);
    expect(notes!.rows).toEqual([["päivien tiedot: [kaikki]"], ["Alle 5 vastausta piilotettu."], ["=1+1 as a note stays text"]]);
  });

  it("marks text that a spreadsheet could take for a formula with the quote prefix, and nothing else", () => {
    const bytes = toXlsx(table);
    expect([...quotePrefixedCells(bytes, 1)].sort()).toEqual(["B2", "B3", "B4", "B5", "B7"]);
    expect([...quotePrefixedCells(bytes, 2)]).toEqual(["A3"]);
  });

  it("shows each number column with its decimals in an unlocalised format code (Excel shows 8,50 in Finnish)", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(toXlsx(table));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    const styles = strFromU8(files["xl/styles.xml"]!);
    const xfs = styles.slice(styles.indexOf("<cellXfs")).match(/<xf\b[^>]*>/g)!;
    const formatOf = (ref: string) => {
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)![1] ?? "0";
      const id = /numFmtId="(\d+)"/.exec(xfs[Number(s)]!)![1]!;
      return id === "164" ? "0.0" : id === "165" ? "d.m.yyyy" : id === "1" ? "0" : id === "2" ? "0.00" : id;
    };
    expect([formatOf("A2"), formatOf("C2"), formatOf("D2"), formatOf("E2")]).toEqual(["d.m.yyyy", "0", "0.00", "0.0"]);
  });

  it("counts Excel dates from 1899-12-30", () => {
    expect(excelSerialDate("1900-03-01")).toBe(61);
    expect(excelSerialDate("2019-09-04")).toBe(43712);
    expect(excelSerialDate("2019-9-4")).toBeNull();
    // Only a whole date-only value is a date: anything before or after it keeps the cell text.
    expect(excelSerialDate("x2019-09-04")).toBeNull();
    expect(excelSerialDate("2019-09-04T10:00")).toBeNull();
  });
});

describe("XLSX bytes", () => {
  it("depend only on the table (no clock inside), so both runtimes send the same file", async () => {
    const first = toXlsx(table);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.from(toXlsx(table)).equals(Buffer.from(first))).toBe(true);
  });
});

describe("stored ZIP", () => {
  it("computes CRC-32 as zlib does, and another reader (Python's zipfile) opens the archive and finds each part intact", async () => {
    const { crc32: zlibCrc32 } = await import("node:zlib");
    const { crc32, zipStored } = await import("../../src/domain/zip-store");
    for (const text of ["", "a", "Hyvä päivä", "x".repeat(10_000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(crc32(bytes), text.slice(0, 10)).toBe(zlibCrc32(bytes));
    }
    const { execFileSync } = await import("node:child_process");
    const archive = zipStored([
      ["a.xml", new TextEncoder().encode("<a/>")],
      ["dir/b.txt", new TextEncoder().encode("Hyvä")],
    ]);
    const listing = execFileSync(
      "/usr/bin/python3",
      [
        "-c",
        "import sys,zipfile,io;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));assert z.testzip() is None;print([(i.filename,z.read(i).decode(),i.date_time) for i in z.infolist()])",
      ],
      { input: archive, encoding: "utf8" },
    );
    // Every entry dated 2000-01-01 00:00 (a fixed time, so the bytes depend only on the files).
    expect(listing.trim()).toBe("[('a.xml', '<a/>', (2000, 1, 1, 0, 0, 0)), ('dir/b.txt', 'Hyvä', (2000, 1, 1, 0, 0, 0))]");
  });
});

/** The parts of a workbook as text, read with fflate (not the writer's own packing code). */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const { unzipSync, strFromU8 } = await import("fflate");
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

const sheetNames = (workbook: string) => [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map(([, name]) => name);

function named(title: string, notesTitle?: string): Table {
  return { name: "t", title, ...(notesTitle === undefined ? {} : { notesTitle }), columns: [], rows: [], notes: [] };
}

describe("XLSX sheet XML, as a spreadsheet program reads it", () => {
  it("writes each cell with its type and format, escapes text, and leaves empty and missing cells out", async () => {
    const files = await parts(
      toXlsx({
        name: "t",
        title: "Taulu",
        columns: [
          { title: "Pvm", type: "date" },
          { title: "n", type: "number" },
          { title: "ka", type: "number" },
          { title: "Teksti", type: "text" },
          { title: "Koodi", type: "text" },
        ],
        // The second row is one cell short: the missing cell is as empty as a null one.
        rows: [
          ["2019-09-04", 3, 1, "2019-09-04", "x"],
          [null, 12, 2.5, "a & b <c>"],
        ],
        notes: [],
      }),
    );
    const sheet = files["xl/worksheets/sheet1.xml"]!;
    const text = (ref: string, style: string, value: string) =>
      `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${value}</t></is></c>`;
    // Styles: 1 header, 2 whole numbers "0", 4 two decimals "0.00", 5 date "d.m.yyyy", none plain text.
    // A text column's "2019-09-04" stays text; a number column with any fraction gets two decimals.
    expect(sheet.slice(sheet.indexOf("<sheetData>"), sheet.indexOf("</sheetData>") + 12)).toBe(
      "<sheetData>" +
        `<row r="1">${text("A1", ' s="1"', "Pvm")}${text("B1", ' s="1"', "n")}${text("C1", ' s="1"', "ka")}${text("D1", ' s="1"', "Teksti")}${text("E1", ' s="1"', "Koodi")}</row>` +
        `<row r="2"><c r="A2" s="5" ><v>43712</v></c><c r="B2" s="2" ><v>3</v></c><c r="C2" s="4" ><v>1</v></c>${text("D2", "", "2019-09-04")}${text("E2", "", "x")}</row>` +
        `<row r="3"><c r="B3" s="2" ><v>12</v></c><c r="C3" s="4" ><v>2.5</v></c>${text("D3", "", "a &amp; b &lt;c&gt;")}</row>` +
        "</sheetData>",
    );
  });

  it("names columns past Z with two letters (Y, Z, AA, AB)", async () => {
    const columns = Array.from({ length: 28 }, (_, i) => ({ title: `c${i + 1}`, type: "number" as const }));
    const files = await parts(toXlsx({ name: "t", title: "Leveä", columns, rows: [columns.map((_, i) => i + 1)], notes: [] }));
    const refs = [...files["xl/worksheets/sheet1.xml"]!.matchAll(/<c r="([A-Z]+)2"/g)].map(([, letters]) => letters);
    expect(refs.slice(22)).toEqual(["W", "X", "Y", "Z", "AA", "AB"]);
    expect(refs).toHaveLength(28);
  });

  it("sizes columns to their data within bounds (date ≥ 10, other ≥ 4, title counts up to 16, at most 60) and the notes column at 110", async () => {
    const files = await parts(
      toXlsx({
        name: "t",
        title: "Leveydet",
        columns: [
          { title: "Pvm", type: "date" },
          { title: "n", type: "number" },
          { title: "Pitkä otsikko, joka rivittyy otsakerivillä", type: "text" },
          { title: "Nimi", type: "text" },
        ],
        rows: [
          [null, 7, "ab", "x".repeat(70)],
          [null, 12, null, "y"],
        ],
        notes: ["Huomio"],
      }),
    );
    const col = (i: number, width: number) => `<col min="${i}" max="${i}" width="${width}" customWidth="1"/>`;
    // Widths are characters + 2: date 10, "12" → 4, title capped at 16, 70 characters capped at 60.
    expect(files["xl/worksheets/sheet1.xml"]).toContain(`<cols>${col(1, 12)}${col(2, 6)}${col(3, 18)}${col(4, 60)}</cols>`);
    expect(files["xl/worksheets/sheet2.xml"]).toContain(`<cols>${col(1, 110)}</cols>`);
  });

  it("freezes the header row of the data sheet only", async () => {
    const files = await parts(toXlsx(table));
    expect(files["xl/worksheets/sheet1.xml"]).toContain(
      '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>',
    );
    expect(files["xl/worksheets/sheet2.xml"]).toContain('<sheetView workbookViewId="0"></sheetView>');
  });

  it("writes no empty <cols> for a table without columns (Excel calls such a file damaged)", async () => {
    const sheet = (await parts(toXlsx(named("Tyhjä"))))["xl/worksheets/sheet1.xml"]!;
    expect(sheet).not.toContain("<cols");
    expect(sheet).toContain('<sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"></row></sheetData>');
  });
});

describe("XLSX sheet names (Excel: at most 31 characters, none of : \\ / ? * [ ], unique ignoring case)", () => {
  const names = async (title: string, notesTitle?: string) =>
    sheetNames((await parts(toXlsx(named(title, notesTitle))))["xl/workbook.xml"]!);

  it("replaces forbidden characters with spaces, drops control characters and cuts at 31 characters", async () => {
    expect(await names("a:b/c\\d?e*f[g]")).toEqual(["A b c d e f g", "Notes"]);
    expect(await names("tulos\u0001kset")).toEqual(["Tuloskset", "Notes"]);
    expect(await names("vastausprosentit koulutusohjelmittain")).toEqual(["Vastausprosentit koulutusohjelm", "Notes"]);
    expect(await names("[]")).toEqual(["Sheet", "Notes"]);
  });

  it("keeps a character outside the BMP (a surrogate pair) whole and drops a lone surrogate of either half (kills: NOT_XML's look-arounds)", async () => {
    expect(await names("Palaute 😀")).toEqual(["Palaute 😀", "Notes"]);
    expect(await names("A\ud800b")).toEqual(["Ab", "Notes"]);
    expect(await names("A\udc00b")).toEqual(["Ab", "Notes"]);
  });

  it("keeps the two names apart when they differ only in case, still within 31 characters", async () => {
    expect(await names("tulokset", "TULOKSET")).toEqual(["Tulokset", "TULOKSET 2"]);
    expect(await names("Vastausprosentit koulutusohjelmittain", "vastausprosentit koulutusohjelmittain")).toEqual([
      "Vastausprosentit koulutusohjelm",
      "vastausprosentit koulutusohje 2",
    ]);
  });
});

describe("XLSX package", () => {
  it("links every sheet and the styles through relationships to parts that exist, with their content types", async () => {
    const files = await parts(toXlsx(table));
    const xsdId = /^[A-Za-z_][\w.-]*$/;
    const relations = (xml: string) =>
      [...xml.matchAll(/<Relationship Id="([^"]*)" Type="([^"]*)" Target="([^"]*)"\/>/g)].map(([, id, type, target]) => ({
        id,
        type,
        target,
      }));
    const [root] = relations(files["_rels/.rels"]!);
    expect(root!.id).toMatch(xsdId);
    expect(root!.type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument");
    expect(files[root!.target!]).toContain("<workbook ");
    const workbookRels = relations(files["xl/_rels/workbook.xml.rels"]!);
    const ids = [...files["xl/workbook.xml"]!.matchAll(/r:id="([^"]*)"/g)].map(([, id]) => id);
    const contentTypes = files["[Content_Types].xml"]!;
    for (const id of ids) {
      const rel = workbookRels.find((r) => r.id === id)!;
      expect(rel.type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet");
      expect(files[`xl/${rel.target}`]).toContain("<worksheet ");
      expect(contentTypes).toContain(
        `<Override PartName="/xl/${rel.target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      );
    }
    const styles = workbookRels.filter((r) => r.type?.endsWith("/styles"));
    expect(styles).toHaveLength(1);
    expect(styles[0]!.id).toMatch(xsdId);
    expect(files[`xl/${styles[0]!.target}`]).toContain("<styleSheet ");
    expect(new Set(workbookRels.map((r) => r.id)).size).toBe(3);
  });
});
