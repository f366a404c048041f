import { describe, expect, it } from "vitest";
import type { EventGrade, EventSummary, PooledGrade, RegionStats } from "../../src/api-types";
import { csvWriter } from "../../src/domain/csv";
import { commentsTable, eventsTable, questionsTable, regionsTable, themesTable, trendTable } from "../../src/domain/export-tables";
import type { Table } from "../../src/domain/table";
import { EXPORT_FORMATS } from "../../src/domain/export-formats";
import { TABLE_WRITERS } from "../../src/domain/table-writers";

// Each export's table written as CSV, byte for byte as the CSV exports have always been (the expected
// lines are written out by hand from the columns and the CSV rules: BOM, ';', CRLF, quoted text,
// decimal comma), plus the column types and caveats a writer for another format gets.

const csv = (table: Table) => csvWriter.write(table) as string;
const lines = (...rows: string[]) => `\uFEFF${rows.join("\r\n")}\r\n`;
const names = new Map([
  ["16", "Central Ostrobothnia"],
  ["15", "Ostrobothnia"],
]);
const localized = (en: string) => ({ fi: `${en} fi`, sv: `${en} sv`, en });

const pooled = (over: Partial<PooledGrade> = {}): PooledGrade => ({
  n: 40,
  mean: 8.25,
  sd: 1.1,
  ci95: [7.9, 8.6],
  source: "responses",
  eventsPooled: 3,
  excludedUnknownN: 0,
  smallN: false,
  days: 3,
  se: 0.1,
  ciDf: 2,
  ciWithheld: null,
  ...over,
});
const eventGrade = (over: Partial<EventGrade> = {}): EventGrade => ({
  source: "responses",
  n: 12,
  mean: 8.5,
  sd: 0.9,
  ci95: [7.93, 9.07],
  ciWithheld: null,
  median: 8.5,
  distribution: { "8": 6, "9": 6 },
  smallN: false,
  ...over,
});
const GRADE = '"Source";"n";"Mean";"Standard deviation";"95% confidence interval, lower";"95% confidence interval, upper"';
const POOLED = `${GRADE};"Days with answers (k)";"No confidence interval because";"Published days without a respondent count (not in the mean)"`;

describe("export tables written as CSV", () => {
  it("events: one row per day, the national day named as the whole country", () => {
    const event = (over: Partial<EventSummary>): EventSummary =>
      ({
        id: 1,
        programmeId: 1,
        date: "2019-09-04",
        region: "16",
        theme: { id: 2, name: "Leadership", names: localized("Leadership") },
        title: "Autumn day",
        location: null,
        attendance: 47,
        responses: 40,
        responseRate: 40 / 47,
        rateStatus: "ok",
        reported: null,
        archivedOn: null,
        grade: eventGrade(),
        isDemo: false,
        survey: { slug: "s", url: "u", opensAt: null, closesAt: null, state: "closed" },
        ...over,
      }) as EventSummary;
    const table = eventsTable(
      "en",
      [
        event({}),
        event({
          date: "2020-02-05",
          region: null,
          theme: null,
          title: "=1+1",
          attendance: 5,
          responses: 6,
          responseRate: 1.2,
          rateStatus: "over_100",
          archivedOn: "2025-03-01",
          isDemo: true,
          grade: eventGrade({ n: 6, mean: 7, sd: 1, ci95: null, ciWithheld: "too_few_respondents", median: 7 }),
        }),
      ],
      names,
    );
    expect([table.name, table.title]).toEqual(["events", "the days"]); // the file name and the sheet follow them
    expect(csv(table)).toBe(
      lines(
        `"Date";"Region";"Theme";"Title";"Participants";"Responses";"Response rate (%)";${GRADE};"Median";"No confidence interval because";"Response rate above 100 %";"Answers deleted";"Demo data"`,
        '"2019-09-04";"Central Ostrobothnia";"Leadership";"Autumn day";47;40;85,1064;"responses";12;8,5;0,9;7,93;9,07;8,5;;;;"no"',
        '"2020-02-05";"Whole country";;"\'=1+1";5;6;120;"responses";6;7;1;;;7;"fewer than 10 respondents";"over 100 %: check the head count";"2025-03-01";"yes"',
      ),
    );
    expect(table.columns.map((c) => c.type)).toEqual([
      "date",
      "text",
      "text",
      "text",
      "number",
      "number",
      "number",
      "text",
      "number",
      "number",
      "number",
      "number",
      "number",
      "number",
      "text",
      "text",
      "date",
      "text",
    ]);
    expect(table.notes).toEqual([]);
  });

  it("regions: the comparison columns, and the withheld national row with the reason in its source column", () => {
    const region: RegionStats = {
      code: "16",
      name: localized("Central Ostrobothnia"),
      events: 3,
      attendance: 120,
      responses: 40,
      responseRate: 1 / 3,
      rateExcludedOver100: 1,
      isDemo: false,
      grade: pooled({ smallN: true, n: 4 }),
      comparison: {
        rankable: true,
        rest: { mean: 8.1, n: 300, days: 20, ci95: [7.9, 8.3] },
        funnel: { difference: 0.15, z: 0.5, flag: "within", limits95: [-0.5, 0.5], limits998: [-0.8, 0.8], effectiveN: 30 },
        adjusted: { mean: null, ci95: null, missingThemes: [7] },
      },
    };
    const table = regionsTable("en", {
      national: null,
      yardstick: { shown: false, reason: "whole_months" },
      regions: [region],
      themeMix: [{ themeId: 7, name: localized("Digital"), weight: 1 }],
      funnel: { curve: [], regionsOnFunnel: 1 },
    });
    expect([table.name, table.title]).toEqual(["regions", "the regions compared"]); // the file name and the sheet follow them
    expect(csv(table)).toBe(
      lines(
        `"Region";"Days";"Participants";"Responses";"Response rate (%)";"Days left out of the response rate (above 100 %)";${POOLED};"Rest of the country, mean";"Difference from the rest of the country";"Funnel plot result";"Ranked";"Theme-adjusted mean";"Theme-adjusted, 95% confidence interval, lower";"Theme-adjusted, 95% confidence interval, upper";"No adjusted figure: themes missing";"Demo data"`,
        '"Central Ostrobothnia";3;120;40;33,3333;1;"responses";4;8,25;1,1;7,9;8,6;3;;0;8,1;0,15;"Within the limits";"yes";;;;"Digital";"no"',
        '"Whole country";;;;;;"Not shown: the comparison is given for whole months only (choose dates from the first to the last day of a month).";;;;;;;;;;;;;;;;;',
      ),
    );
    expect(table.notes).toEqual([
      "Not shown: the comparison is given for whole months only (choose dates from the first to the last day of a month).",
      "Fewer than 5 respondents: read this figure with care.",
    ]);
  });

  it("regions: the whole country's row carries its own counts and pooled figure, no comparison, and its demo flag", () => {
    const table = regionsTable("en", {
      national: { ...pooled(), events: 12, attendance: 400, responses: 150, isDemo: true },
      yardstick: { shown: true },
      regions: [],
      themeMix: [],
      funnel: { curve: [], regionsOnFunnel: 0 },
    } as unknown as Parameters<typeof regionsTable>[1]);
    const row = table.rows.at(-1)!;
    expect(row).toHaveLength(table.columns.length);
    expect(row).toEqual([
      "Whole country",
      12,
      400,
      150,
      null,
      null,
      "responses",
      40,
      8.25,
      1.1,
      7.9,
      8.6,
      3,
      null,
      0,
      ...Array(8).fill(null),
      "yes",
    ]);
  });

  it("trend: a row per period and series, terms named, gaps marked, themes last", () => {
    const table = trendTable(
      "fi",
      {
        interval: "term",
        keys: ["2019-autumn", "2020-spring"],
        series: [
          { region: null, points: [pooled(), null], change: null },
          { region: "16", points: [null, pooled({ ciWithheld: "too_few_days", ci95: null })], change: null },
        ],
        nationalWithheld: [null, "too_few_regions"],
        themes: [{ themeId: 7, names: localized("Digital"), points: [pooled({ source: "mixed" }), null], change: null }],
        themeShares: [null, null],
        themeMixDiffers: true,
      },
      names,
    );
    const text = csv(table).split("\r\n");
    expect(text.slice(1)).toEqual([
      '"Syksy 2019";"Koko maa";"vastaukset";40;8,25;1,1;7,9;8,6;3;;0;',
      '"Kevät 2020";"Koko maa";"Ei näytetä: valinnassa on liian vähän muita alueita.";;;;;;;;;',
      '"Syksy 2019";"Central Ostrobothnia";"ei tietoa";;;;;;;;;',
      '"Kevät 2020";"Central Ostrobothnia";"vastaukset";40;8,25;1,1;;;3;"alle 3 päivää";0;',
      '"Syksy 2019";"Koko maa";"vastaukset ja julkaistut tulokset";40;8,25;1,1;7,9;8,6;3;;0;"Digital fi"',
      '"Kevät 2020";"Koko maa";"Ei näytetä: valinnassa on liian vähän muita alueita.";;;;;;;;;"Digital fi"',
      "",
    ]);
    expect(table.notes).toHaveLength(2);
    expect([table.name, table.title]).toEqual(["trend", "kehitys"]);
    const titles = table.columns.map((c) => c.title);
    expect([titles[0], titles[1], titles.at(-1)]).toEqual(["Jakso", "Alue", "Teema"]);
  });

  it("themes: the whole country per theme, then region × theme", () => {
    const table = themesTable(
      "en",
      {
        themes: [{ id: 7, names: localized("Digital"), events: 4, attendance: 100, responses: 40, isDemo: true, grade: pooled() }],
        cells: [
          {
            region: "15",
            themeId: 7,
            events: 1,
            isDemo: false,
            grade: pooled({ n: 9, mean: 7.5, sd: null, ci95: null, source: "reported", days: 1 }),
          },
        ],
      },
      names,
    );
    expect([table.name, table.title]).toEqual(["themes", "regions and themes"]); // the file name and the sheet follow them
    expect(csv(table)).toBe(
      lines(
        `"Theme";"Region";"Days";${POOLED};"Demo data"`,
        '"Digital";"Whole country";4;"responses";40;8,25;1,1;7,9;8,6;3;;0;"yes"',
        '"Digital";"Ostrobothnia";1;"published result";9;7,5;;;;1;;0;"no"',
      ),
    );
  });

  it("questions: scale values as text with a decimal comma, hidden groups named", () => {
    const table = questionsTable("en", {
      questions: [
        {
          key: "grade",
          kind: "grade",
          text: localized("Grade"),
          n: 3,
          mean: 7.5,
          sd: 0.5,
          ci95: null,
          distribution: { "7": 1, "8": 2, "8.5": 0 },
          smallN: true,
        },
        {
          key: "age",
          kind: "choice",
          text: localized("Age"),
          n: 9,
          hiddenN: 2,
          options: [
            { value: "a", label: localized("Under 30"), n: 7, suppressed: false, hiddenInDays: 1 },
            { value: "b", label: localized("+30"), n: null, suppressed: true, hiddenInDays: 0 },
          ],
        },
      ],
    });
    expect([table.name, table.title]).toEqual(["questions", "the results by question"]); // the file name and the sheet follow them
    expect(csv(table)).toBe(
      lines(
        '"Question";"Value";"n";"Hidden in days"',
        '"Grade";"7";1;',
        '"Grade";"8";2;',
        '"Grade";"8,5";0;',
        '"Age";"Under 30";7;1',
        '"Age";"\'+30";"Hidden (fewer than 5 answers)";0',
      ),
    );
    expect(table.notes).toHaveLength(2);
  });

  it("comments: a suppressed question in one row, formula-looking comments neutralised by the writer only", () => {
    const table = commentsTable("en", {
      questions: [
        {
          key: "good",
          text: localized("What was good"),
          n: 5,
          suppressed: false,
          comments: [
            { text: "@everyone", date: "2019-09-04", lang: null },
            { text: "Hyvä", date: "2019-09-04", lang: "fi" },
          ],
        },
        { key: "improve", text: localized("Improve"), n: null, suppressed: true, comments: [] },
      ],
    });
    expect(table.rows[0]).toEqual(["What was good", "@everyone", "2019-09-04", "language hidden"]);
    expect([table.name, table.title]).toEqual(["comments", "the open comments"]); // the file name and the sheet follow them
    expect(csv(table)).toBe(
      lines(
        '"Question";"Comment";"Date";"Language"',
        '"What was good";"\'@everyone";"2019-09-04";"language hidden"',
        '"What was good";"Hyvä";"2019-09-04";"fi"',
        '"Improve";"Hidden (fewer than 5 answers)";;',
      ),
    );
    expect(table.notes).toEqual(["There are fewer than 5 answers, so they are not shown, so that no one can be identified."]);
  });

  it("offers each format of EXPORT_FORMATS once, by the writer of that format", () => {
    expect(Object.entries(TABLE_WRITERS).map(([key, w]) => [key, w.format, w.contentType])).toEqual([
      ["csv", "csv", "text/csv; charset=utf-8"],
      ["xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ]);
    expect(Object.keys(TABLE_WRITERS)).toEqual([...EXPORT_FORMATS]);
  });
});
