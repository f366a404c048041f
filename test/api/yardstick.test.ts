import { beforeAll, describe, expect, it } from "vitest";
import type { EventSummary, RegionsStatsResponse, TrendResponse } from "../../src/api-types";
import { MIN_CELL, MIN_OTHER_REGIONS } from "../../src/domain/stats";
import { asBrowser } from "../helpers/accounts";
import { disclosureFixture, type DisclosureFixture } from "../helpers/disclosure-fixture";

// The comparison yardstick asked as an agent and a viewer of region 16, with every one-day filter,
// every theme, every whole month and every range of whole months (with and without a theme): a
// yardstick that comes back must pool at least MIN_OTHER_REGIONS other regions with MIN_CELL
// respondents each, and so must the difference of any two that come back (one inside the other).

let fx: DisclosureFixture;
let events: EventSummary[];

async function get<T>(cookie: string, path: string): Promise<{ status: number; body: T; text: string }> {
  const res = await fx.app.request(`http://localhost${path}`, { headers: asBrowser(cookie) });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null) as T, text };
}

interface Selection {
  readonly query: string;
  readonly from?: string;
  readonly to?: string;
  readonly theme?: number;
}

const inSelection = (s: Selection) => (d: EventSummary) =>
  (s.from === undefined || d.date >= s.from) &&
  (s.to === undefined || d.date <= s.to) &&
  (s.theme === undefined || d.theme?.id === s.theme);
const unreadable = (d: EventSummary) => d.region !== null && d.region !== "16";
const respondents = (d: EventSummary) => (d.grade.source === "responses" ? (d.grade.n ?? 0) : (d.grade.n ?? 0));

/** Regions (other than the reader's) that bring at least MIN_CELL respondents to a set of days. */
function strongOtherRegions(set: readonly EventSummary[]): { regions: number; anyOther: boolean } {
  const byRegion = new Map<string, number>();
  for (const d of set.filter(unreadable)) byRegion.set(d.region!, (byRegion.get(d.region!) ?? 0) + respondents(d));
  return { regions: [...byRegion.values()].filter((n) => n >= MIN_CELL).length, anyOther: [...byRegion.values()].some((n) => n > 0) };
}

function selections(): Selection[] {
  const out: Selection[] = [];
  const themes = [...new Set(events.map((d) => d.theme?.id).filter((t): t is number => t !== undefined))];
  for (const date of new Set(events.map((d) => d.date))) out.push({ query: `from=${date}&to=${date}`, from: date, to: date });
  for (const theme of themes) out.push({ query: `theme=${theme}`, theme });
  const months = [...new Set(events.map((d) => d.date.slice(0, 7)))].sort();
  const lastDay = (m: string) => `${m}-${new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate()}`;
  for (let i = 0; i < months.length; i++) {
    for (let j = i; j < months.length; j++) {
      const [from, to] = [`${months[i]}-01`, lastDay(months[j]!)];
      out.push({ query: `from=${from}&to=${to}`, from, to });
      for (const theme of themes) out.push({ query: `from=${from}&to=${to}&theme=${theme}`, from, to, theme });
    }
  }
  return out;
}

beforeAll(async () => {
  fx = await disclosureFixture();
  events = (await get<{ events: EventSummary[] }>(fx.cookies.national, "/api/events")).body.events;
}, 60_000);

describe("the comparison yardstick for readers of some regions", () => {
  for (const who of ["agent16", "viewer16"] as const) {
    it(`never pools fewer than ${MIN_OTHER_REGIONS} other regions, nor does a difference of two (${who})`, async () => {
      const shown: { selection: Selection; set: EventSummary[] }[] = [];
      let withheld = 0;
      for (const selection of selections()) {
        const set = events.filter(inSelection(selection));
        const stats = await get<RegionsStatsResponse>(fx.cookies[who], `/api/stats/regions?${selection.query}`);
        expect(stats.status, stats.text).toBe(200);
        const strong = strongOtherRegions(set);
        if (stats.body.national === null) {
          withheld++;
          expect(stats.body.yardstick.shown).toBe(false);
          continue;
        }
        expect(!strong.anyOther || strong.regions >= MIN_OTHER_REGIONS, `${selection.query}: ${JSON.stringify(stats.body.national)}`).toBe(
          true,
        );
        shown.push({ selection, set });
      }
      for (const a of shown) {
        for (const b of shown) {
          if (a === b || b.set.length >= a.set.length || !b.set.every((d) => a.set.includes(d))) continue;
          const diff = a.set.filter((d) => !b.set.includes(d));
          const strong = strongOtherRegions(diff);
          expect(!strong.anyOther || strong.regions >= MIN_OTHER_REGIONS, `${a.selection.query} minus ${b.selection.query}`).toBe(true);
        }
      }
      // Both outcomes happen on this data: the rule is neither always on nor always off.
      expect(withheld).toBeGreaterThan(10);
      expect(shown.length).toBeGreaterThan(5);
    }, 300_000);
  }

  it("says why in fi, sv and en, and the CSVs and the trend withhold the same", async () => {
    const one = events.find((d) => d.region === "15" && d.grade.source === "responses")!;
    const q = `from=${one.date}&to=${one.date}`;
    const stats = await get<RegionsStatsResponse>(fx.cookies.agent16, `/api/stats/regions?${q}`);
    expect(stats.body).toMatchObject({ national: null, yardstick: { shown: false, reason: "whole_months" } });
    const trend = await get<TrendResponse>(fx.cookies.viewer16, `/api/stats/trend?interval=month&${q}`);
    expect(trend.body.series.find((s) => s.region === null)!.points.every((p) => p === null)).toBe(true);
    expect(trend.body.nationalWithheld.some((r) => r === "whole_months")).toBe(true);
    const csv = await get<null>(fx.cookies.agent16, `/api/export/regions.csv?${q}&lang=en`);
    expect(csv.text).toContain("Not shown: the comparison is given for whole months only");
    expect(csv.text).not.toContain(String(one.grade.mean).replace(".", ","));
    const sv = await get<null>(fx.cookies.agent16, `/api/export/trend.csv?interval=month&${q}&lang=sv`);
    expect(sv.text).toContain("Visas inte");
    // The national team always gets the figure.
    expect((await get<RegionsStatsResponse>(fx.cookies.national, `/api/stats/regions?${q}`)).body.national).not.toBeNull();
  });

  it("withholds every figure built from other regions' days together: rest of the country, theme mix, funnel lines, per-theme trend", async () => {
    let checked = 0;
    for (const selection of selections().filter((s) => s.from !== undefined && s.from === s.to)) {
      const stats = await get<RegionsStatsResponse>(fx.cookies.agent16, `/api/stats/regions?${selection.query}`);
      const trend = await get<TrendResponse>(fx.cookies.agent16, `/api/stats/trend?interval=month&${selection.query}`);
      expect(stats.body.national, selection.query).toBeNull();
      expect(
        stats.body.regions.every((r) => r.comparison === null),
        selection.query,
      ).toBe(true);
      expect(stats.body.themeMix, selection.query).toEqual([]);
      expect(stats.body.funnel, selection.query).toEqual({ curve: [], regionsOnFunnel: 0 });
      trend.body.nationalWithheld.forEach((reason, i) => {
        if (reason === null) return;
        for (const theme of trend.body.themes) expect(theme.points[i], `${selection.query} theme ${theme.themeId}`).toBeNull();
        expect(trend.body.themeShares[i], selection.query).toBeNull();
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    // Where the rule lets the yardstick through, the comparisons come with it.
    let shown = 0;
    for (const selection of selections().filter((s) => s.from !== s.to)) {
      const stats = await get<RegionsStatsResponse>(fx.cookies.agent16, `/api/stats/regions?${selection.query}`);
      if (stats.body.national === null) continue;
      expect(
        stats.body.regions.every((r) => r.comparison !== null),
        selection.query,
      ).toBe(true);
      shown++;
    }
    expect(shown).toBeGreaterThan(0);
  }, 300_000);
});
