import { describe, expect, it } from "vitest";
import { importErrorText, parseImport, rowAction, type ImportRow, type StoredEvent } from "../../src/domain/history-import";

const refs = {
  regions: new Map([
    ["16", "16"],
    ["pohjois-savo", "16"],
    ["norra savolax", "16"],
    ["07", "07"],
  ]),
  themes: new Map([
    ["arki", 1],
    ["vardag", 1],
    ["perhe", 2],
  ]),
};
const HEADER = "alue;päivämäärä;teema;otsikko;paikka;osallistujat;keskiarvo;vastaajat;lähde";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\r\n");

describe("parseImport", () => {
  it("reads a Finnish template row with every column", () => {
    const { rows, errors } = parseImport(csv("Pohjois-Savo;4.9.2019;Arki;Syyspäivä;  Kuopio ;40;8,5;30;Raportti 2019"), refs);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        regionCode: "16",
        date: "2019-09-04",
        themeId: 1,
        title: "Syyspäivä",
        place: "Kuopio",
        attendance: 40,
        mean: 8.5,
        n: 30,
        source: "Raportti 2019",
      },
    ]);
  });

  it("reads English column names in any order and case; optional columns may be missing or blank", () => {
    const text = "Source,Mean,Title,Date,Region\nreport,7.25,Kick-off,2019-01-15,National\nreport,8,Day,2019-01-16, 07 ";
    const { rows, errors } = parseImport(text, refs);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        regionCode: null,
        date: "2019-01-15",
        themeId: null,
        title: "Kick-off",
        place: null,
        attendance: null,
        mean: 7.25,
        n: null,
        source: "report",
      },
      {
        line: 3,
        regionCode: "07",
        date: "2019-01-16",
        themeId: null,
        title: "Day",
        place: null,
        attendance: null,
        mean: 8,
        n: null,
        source: "report",
      },
    ]);
    for (const national of ["valtakunnallinen", "RIKSOMFATTANDE"])
      expect(parseImport(`${HEADER}\n${national};1.1.2019;;T;;;8;;s`, refs).rows[0]?.regionCode).toBeNull();
  });

  it("knows every column by its English name too", () => {
    // Each of COLUMN_NAMES' English names; the Finnish ones are the HEADER above.
    const { rows, errors } = parseImport(
      "region,date,theme,title,place,attendance,mean,n,source\n07,2019-01-16,perhe,Day,Kuopio,40,8,30,report",
      refs,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        regionCode: "07",
        date: "2019-01-16",
        themeId: 2,
        title: "Day",
        place: "Kuopio",
        attendance: 40,
        mean: 8,
        n: 30,
        source: "report",
      },
    ]);
  });

  it("reads header names with spaces around them, and a short row's missing cells as blank", () => {
    const padded = parseImport(" Region ; Date ;Title; Mean ;Source\n07;1.1.2019;T;8;s", refs);
    expect(padded.errors).toEqual([]);
    expect(padded.rows[0]).toMatchObject({ regionCode: "07", date: "2019-01-01", title: "T", mean: 8, source: "s" });
    // The row ends before the source column: a missing source, not a crash or a made-up value.
    expect(parseImport(`${HEADER}\n07;1.1.2019;;T;;;8`, refs).errors).toEqual([{ line: 2, code: "source", column: "source" }]);
  });

  it("names only its own error for a later row of the same day that has one (not also 'duplicate')", () => {
    const { errors } = parseImport(csv("07;1.1.2019;;T;;;8;;s", "07;1.1.2019;;T;;;11;;s"), refs);
    expect(errors.map((e) => e.code)).toEqual(["mean_off_scale"]);
  });

  it("cuts a place at 200 characters", () => {
    const { rows } = parseImport(csv(`16;4.9.2019;;T;${"p".repeat(250)};;8;;s`), refs);
    expect(rows[0]?.place).toBe("p".repeat(200));
  });

  it("refuses a file without a header or without a required column", () => {
    expect(parseImport("", refs)).toEqual({ rows: [], errors: [{ line: 1, code: "columns" }] });
    for (const missing of ["alue", "päivämäärä", "otsikko", "keskiarvo", "lähde"]) {
      const header = HEADER.split(";")
        .filter((name) => name !== missing)
        .join(";");
      expect(parseImport(`\n\n${header}\n16;4.9.2019`, refs), missing).toEqual({ rows: [], errors: [{ line: 3, code: "columns" }] });
    }
  });

  it("names every wrong cell of a row, with its column, and leaves the row out", () => {
    const { rows, errors } = parseImport(csv(`Lappi;31.2.2019;Talous;;;x;kahdeksan;1,5;`), refs);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, code: "region", column: "region" },
      { line: 2, code: "date", column: "date" },
      { line: 2, code: "theme", column: "theme" },
      { line: 2, code: "title", column: "title" },
      { line: 2, code: "attendance", column: "attendance" },
      { line: 2, code: "mean", column: "mean" },
      { line: 2, code: "n", column: "n" },
      { line: 2, code: "source", column: "source" },
    ]);
  });

  it("takes limits at their edges: title 200, source 500, attendance 10,000", () => {
    const ok = parseImport(csv(`16;4.9.2019;;${"t".repeat(200)};;10000;8;;${"s".repeat(500)}`), refs);
    expect(ok.errors).toEqual([]);
    const over = parseImport(csv(`16;4.9.2019;;${"t".repeat(201)};;10001;8;;${"s".repeat(501)}`), refs);
    expect(over.errors.map((e) => e.code)).toEqual(["title", "attendance", "source"]);
    expect(parseImport(csv("16;4.9.2019;;T;;;;;s"), refs).errors).toEqual([{ line: 2, code: "mean", column: "mean" }]);
  });

  it("checks the figures as a published result: mean on the scale, n at least 1 and at most attendance", () => {
    const { errors } = parseImport(
      csv("16;4.9.2019;;T;;;10,5;;s", "16;5.9.2019;;T;;;8;0;s", "16;6.9.2019;;T;;20;8;21;s", "16;7.9.2019;;T;;20;8;20;s"),
      refs,
    );
    expect(errors).toEqual([
      { line: 2, code: "mean_off_scale", column: "mean" },
      { line: 3, code: "n_below_one", column: "n" },
      { line: 4, code: "n_above_attendance", column: "n" },
    ]);
  });

  it("refuses a second row for the same region and date, national days included, but not the first", () => {
    const { rows, errors } = parseImport(
      csv(
        "16;4.9.2019;;A;;;8;;s",
        "pohjois-savo;2019-09-04;;B;;;8;;s",
        "07;4.9.2019;;C;;;8;;s",
        "national;4.9.2019;;D;;;8;;s",
        "national;4.9.2019;;E;;;8;;s",
      ),
      refs,
    );
    expect(rows.map((r) => r.title)).toEqual(["A", "C", "D"]);
    expect(errors).toEqual([
      { line: 3, code: "duplicate" },
      { line: 6, code: "duplicate" },
    ]);
  });

  it("reports a later row for the same day as a duplicate even when the earlier row had errors", () => {
    // Both rows are then listed, so the person sees the file names the day twice.
    const { rows, errors } = parseImport(csv("16;4.9.2019;;;;;8;;s", "16;4.9.2019;;B;;;8;;s"), refs);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, code: "title", column: "title" },
      { line: 3, code: "duplicate" },
    ]);
  });
});

describe("rowAction", () => {
  const row: ImportRow = {
    line: 2,
    regionCode: "16",
    date: "2019-09-04",
    themeId: 1,
    title: "T",
    place: "K",
    attendance: 40,
    mean: 8.5,
    n: 30,
    source: "s",
  };
  const stored: StoredEvent = {
    themeId: 1,
    title: "T",
    location: "K",
    attendance: 40,
    reportedGradeMean: 8.5,
    reportedGradeN: 30,
    reportedSource: "s",
    responseCount: 0,
  };

  it("creates a new day, leaves an identical one, updates a changed one", () => {
    expect(rowAction(row, undefined)).toBe("create");
    expect(rowAction(row, stored)).toBe("unchanged");
    expect(rowAction(row, { ...stored, responseCount: 3 })).toBe("unchanged");
    const changes: Partial<StoredEvent>[] = [
      { themeId: 2 },
      { title: "U" },
      { location: null },
      { attendance: 41 },
      { reportedGradeMean: 8.4 },
      { reportedGradeN: null },
      { reportedSource: "t" },
    ];
    for (const change of changes) expect(rowAction(row, { ...stored, ...change }), JSON.stringify(change)).toBe("update");
  });

  it("never overwrites a day that has answers", () => {
    expect(rowAction(row, { ...stored, title: "U", responseCount: 1 })).toBe("has_answers");
  });
});

describe("importErrorText", () => {
  it("says the line and the problem in the reader's language", () => {
    expect(importErrorText("en", { line: 3, code: "region", column: "region" })).toBe(
      "Line 3: Unknown region (give the region's name or code, or national).",
    );
    expect(importErrorText("fi", { line: 7, code: "duplicate" })).toMatch(/^.*7.*: \S/);
  });
});
