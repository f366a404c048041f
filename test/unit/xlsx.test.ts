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
