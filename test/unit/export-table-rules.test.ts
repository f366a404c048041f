import { describe, expect, it } from "vitest";
import type { PooledGrade, RegionStats, RegionsStatsResponse } from "../../src/api-types";
import { t } from "../../src/domain/i18n";
import { commentsTable, questionsTable, regionsTable, themesTable, trendTable } from "../../src/domain/export-tables";

// The rules of the export tables cell by cell (export-tables.test.ts has each table byte for byte):
// the column types a writer for another format relies on, and the caveats in cells and notes.

const localized = (en: string) => ({ fi: `${en} fi`, sv: `${en} sv`, en });
const names = new Map([["16", "Central Ostrobothnia"]]);
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
const POOLED_TYPES = ["text", "number", "number", "number", "number", "number", "number", "text", "number"];
const comparison = (over: Partial<NonNullable<RegionStats["comparison"]>> = {}): NonNullable<RegionStats["comparison"]> => ({
  rankable: true,
  rest: { mean: 8.1, n: 300, days: 20, ci95: [7.9, 8.3] },
  funnel: { difference: 0.15, z: 2.5, flag: "above_95", limits95: [-0.5, 0.5], limits998: [-0.8, 0.8], effectiveN: 30 },
  adjusted: { mean: 8.2, ci95: [7.8, 8.6], missingThemes: [] },
  ...over,
});
const region = (over: Partial<RegionStats> = {}): RegionStats => ({
  code: "16",
  name: localized("Central Ostrobothnia"),
  events: 3,
  attendance: 120,
  responses: 40,
  responseRate: 0.25,
  rateExcludedOver100: 0,
  isDemo: false,
  grade: pooled(),
  comparison: comparison(),
  ...over,
});
const regions = (over: Partial<RegionsStatsResponse>): RegionsStatsResponse =>
  ({
    national: { ...pooled(), events: 9, attendance: 300, responses: 120, isDemo: false },
    yardstick: { shown: true },
    regions: [region()],
    themeMix: [
      { themeId: 7, name: localized("Digital"), weight: 0.5 },
      { themeId: 8, name: localized("Family"), weight: 0.5 },
    ],
    funnel: { curve: [], regionsOnFunnel: 1 },
    ...over,
  }) as RegionsStatsResponse;
/** The comparison's eight cells of a region row: after the region's 6 own and 9 pooled cells. */
const comparisonCells = (row: readonly unknown[]) => row.slice(15, 23);

describe("regions table", () => {
  it("types every column", () => {
    expect(regionsTable("en", regions({})).columns.map((c) => c.type)).toEqual([
      "text",
      "number",
      "number",
      "number",
      "number",
      "number",
      ...POOLED_TYPES,
      "number",
      "number",
      "text",
      "text",
      "number",
      "number",
      "number",
      "text",
      "text",
    ]);
  });

  it("gives the comparison: rest, difference, flag only for a ranked region, adjusted mean and interval, missing themes", () => {
    const [row] = regionsTable("en", regions({})).rows;
    expect(row![4]).toBe(25); // response rate in per cent
    expect(comparisonCells(row!)).toEqual([8.1, 0.15, t("en", "dash.funnel.flag.above_95"), "yes", 8.2, 7.8, 8.6, null]);
    const unranked = regionsTable("en", regions({ regions: [region({ comparison: comparison({ rankable: false }) })] })).rows[0]!;
    expect(comparisonCells(unranked).slice(1, 4)).toEqual([0.15, null, "no"]);
    const noFunnel = regionsTable("en", regions({ regions: [region({ comparison: comparison({ funnel: null }) })] })).rows[0]!;
    expect(comparisonCells(noFunnel).slice(1, 3)).toEqual([null, null]);
    const missing = comparison({ adjusted: { mean: null, ci95: null, missingThemes: [7, 8, 9] } });
    const twoMissing = regionsTable("en", regions({ regions: [region({ comparison: missing })] })).rows[0]!;
    expect(comparisonCells(twoMissing).slice(4)).toEqual([null, null, null, "Digital, Family, 9"]);
  });

  it("leaves an unknown response rate empty, not 0", () => {
    expect(regionsTable("en", regions({ regions: [region({ responseRate: null })] })).rows[0]![4]).toBeNull();
  });

  it("says why a region has no comparison, in its row and in a note, also when the national figure is shown", () => {
    const table = regionsTable("en", regions({ regions: [region(), region({ code: "15", comparison: null })] }));
    const tooFew = t("en", "yardstick.tooFewRegions");
    expect(comparisonCells(table.rows[1]!)).toEqual([tooFew, null, null, null, null, null, null, null]);
    expect(table.notes).toEqual([tooFew]);
    expect(regionsTable("en", regions({})).notes).toEqual([]);
  });

  it("names why an interval is missing only where there is a mean, and 'no data' without a source", () => {
    const withheld = regionsTable("en", regions({ regions: [region({ grade: pooled({ ciWithheld: "too_few_days", ci95: null }) })] }));
    expect(withheld.rows[0]![13]).toBe(t("en", "csv.ci.too_few_days"));
    const noMean = regionsTable(
      "en",
      regions({ regions: [region({ grade: pooled({ ciWithheld: "too_few_days", mean: null, source: null }) })] }),
    );
    expect(noMean.rows[0]![13]).toBeNull();
    expect(noMean.rows[0]![6]).toBe(t("en", "source.none"));
  });

  it("adds the small-n note only for a small figure that has a mean", () => {
    const note = t("en", "dash.note.smallNLong");
    const smallWithoutMean = region({ grade: pooled({ smallN: true, mean: null }) });
    expect(regionsTable("en", regions({ regions: [smallWithoutMean] })).notes).toEqual([]);
    expect(regionsTable("en", regions({ regions: [smallWithoutMean, region({ grade: pooled({ smallN: true, n: 3 }) })] })).notes).toEqual([
      note,
    ]);
  });
});

describe("trend table", () => {
  const trend = (over: Partial<Parameters<typeof trendTable>[1]>) =>
    trendTable(
      "en",
      {
        interval: "month",
        keys: ["2019-09", "2019-10"],
        series: [
          { region: null, points: [null, pooled()], change: null },
          { region: "16", points: [null, pooled()], change: null },
        ],
        nationalWithheld: ["whole_months", null],
        themes: [],
        themeShares: [null, null],
        themeMixDiffers: false,
        ...over,
      },
      names,
    );

  it("types every column and keeps month keys as they are", () => {
    const table = trend({});
    expect(table.columns.map((c) => c.type)).toEqual(["text", "text", ...POOLED_TYPES, "text"]);
    expect(table.rows.map((r) => r[0])).toEqual(["2019-09", "2019-10", "2019-09", "2019-10"]);
  });

  it("gives the national gap its reason and a region's gap 'no data'; each reason once in the notes", () => {
    const table = trend({});
    expect(table.rows[0]![2]).toBe(t("en", "yardstick.wholeMonths"));
    expect(table.rows[2]![2]).toBe(t("en", "source.none"));
    expect(table.notes).toEqual([t("en", "yardstick.wholeMonths")]);
    expect(trend({ nationalWithheld: [null, null] }).notes).toEqual([]);
  });

  it("notes a changed theme mix", () => {
    expect(trend({ nationalWithheld: [null, null], themeMixDiffers: true }).notes).toEqual([t("en", "dash.trend.mixDiffers")]);
  });
});

describe("themes, questions and comments tables", () => {
  it("themes: types every column, notes a small theme figure", () => {
    const table = themesTable(
      "en",
      {
        themes: [
          {
            id: 7,
            names: localized("Digital"),
            events: 1,
            attendance: 9,
            responses: 3,
            isDemo: false,
            grade: pooled({ smallN: true, n: 3 }),
          },
        ],
        cells: [],
      },
      names,
    );
    expect(table.columns.map((c) => c.type)).toEqual(["text", "text", "number", ...POOLED_TYPES, "text"]);
    expect(table.notes).toEqual([t("en", "dash.note.smallNLong")]);
  });

  it("questions: types every column; each note when any choice question needs it", () => {
    const option = (n: number | null, suppressed: boolean, hiddenInDays: number) => ({
      value: "v",
      label: localized("V"),
      n,
      suppressed,
      hiddenInDays,
    });
    const choice = (options: ReturnType<typeof option>[]) => ({
      key: "q",
      kind: "choice" as const,
      text: localized("Q"),
      n: 9,
      hiddenN: 0,
      options,
    });
    const none = questionsTable("en", { questions: [choice([option(9, false, 0)])] });
    expect(none.columns.map((c) => c.type)).toEqual(["text", "text", "number", "number"]);
    expect(none.notes).toEqual([]);
    const both = questionsTable("en", { questions: [choice([option(9, false, 0)]), choice([option(null, true, 0), option(7, false, 2)])] });
    expect(both.notes).toEqual([t("en", "dash.suppressed.breakdown"), t("en", "dash.suppressed.pooled")]);
  });

  it("comments: types every column; no note when nothing is hidden", () => {
    const table = commentsTable("en", { questions: [{ key: "good", text: localized("Good"), n: 5, suppressed: false, comments: [] }] });
    expect(table.columns.map((c) => c.type)).toEqual(["text", "text", "date", "text"]);
    expect(table.notes).toEqual([]);
  });
});
