import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventSummary, QuestionStatsResponse } from "../../src/api-types";
import { disclosureFixture, type DisclosureFixture } from "../helpers/disclosure-fixture";
import { asBrowser } from "../helpers/accounts";

// The auditor's differencing attack on the background breakdown (the sector question), written as
// an outsider would run it: ask for every selection the API allows (every date range between two
// day dates for the country and for each region, each theme, every region), take every pair of
// selections where one contains the other, and subtract. The attacker also knows every day's own
// table (?event=ID) and uses the question total to fill in a single missing option of a selection.
// A hidden cell of a day's table is "recovered" when the arithmetic pins its exact value.
// On the code before issue 12 this recovered dozens of cells; now it must recover none.

type Option = { value: string; n: number | null; suppressed: boolean; hiddenInDays?: number };
interface Selection {
  readonly label: string;
  readonly days: bigint;
  /** Exact counts the released table vouches for, per option value. */
  readonly exact: Map<string, number>;
}

let fx: DisclosureFixture;
let events: EventSummary[];
const eventIndex = new Map<number, number>();

async function get<T>(cookie: string, path: string): Promise<T> {
  const res = await fx.app.request(`http://localhost${path}`, { headers: asBrowser(cookie) });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function sectorOf(stats: QuestionStatsResponse): { n: number; options: Option[] } | null {
  const q = stats.questions.find((x) => x.key === "sector");
  if (!q || q.kind !== "choice") return null;
  return { n: q.n, options: q.options };
}

/** What a released table pins down exactly: shown complete options, and a lone unknown one by subtraction from the total. */
function exactCounts(table: { n: number; options: Option[] } | null): Map<string, number> {
  const exact = new Map<string, number>();
  if (!table) return exact;
  const unknown: string[] = [];
  for (const o of table.options) {
    if (!o.suppressed && o.n !== null && (o.hiddenInDays ?? 0) === 0) exact.set(o.value, o.n);
    else unknown.push(o.value);
  }
  if (unknown.length === 1) exact.set(unknown[0]!, table.n - [...exact.values()].reduce((a, b) => a + b, 0));
  return exact;
}

function maskOf(ids: readonly number[]): bigint {
  return ids.reduce((mask, id) => mask | (1n << BigInt(eventIndex.get(id)!)), 0n);
}

async function selections(cookie: string, readable: (d: EventSummary) => boolean): Promise<Selection[]> {
  const mine = events.filter(readable);
  const out: Selection[] = [];
  const add = async (label: string, query: string, match: (d: EventSummary) => boolean) => {
    const ids = mine.filter(match).map((d) => d.id);
    if (ids.length === 0) return;
    out.push({ label, days: maskOf(ids), exact: exactCounts(sectorOf(await get(cookie, `/api/stats/questions?${query}`))) });
  };
  const scopes: { label: string; query: string; match: (d: EventSummary) => boolean }[] = [
    { label: "country", query: "", match: () => true },
  ];
  for (const code of [...new Set(mine.map((d) => d.region).filter((r): r is string => r !== null))])
    scopes.push({ label: code, query: `region=${code}&`, match: (d) => d.region === code });
  for (const themeId of [...new Set(mine.map((d) => d.theme?.id).filter((t): t is number => t !== undefined))]) {
    scopes.push({ label: `theme ${themeId}`, query: `theme=${themeId}&`, match: (d) => d.theme?.id === themeId });
  }
  for (const scope of scopes) {
    const dates = [...new Set(mine.filter(scope.match).map((d) => d.date))].sort();
    for (let i = 0; i < dates.length; i++) {
      for (let j = i; j < dates.length; j++) {
        const [from, to] = [dates[i]!, dates[j]!];
        await add(
          `${scope.label} ${from}…${to}`,
          `${scope.query}from=${from}&to=${to}`,
          (d) => scope.match(d) && d.date >= from && d.date <= to,
        );
      }
    }
  }
  return out;
}

async function attack(cookie: string, readable: (d: EventSummary) => boolean) {
  const eventTables = new Map<number, Map<string, number>>();
  const hidden: { day: number; value: string }[] = [];
  for (const d of events.filter(readable)) {
    const table = sectorOf(await get(cookie, `/api/stats/questions?event=${d.id}`));
    eventTables.set(d.id, exactCounts(table));
    for (const o of table?.options ?? []) if (!eventTables.get(d.id)!.has(o.value)) hidden.push({ day: d.id, value: o.value });
  }
  const all = await selections(cookie, readable);
  const recovered = new Map<string, number>();
  for (const a of all) {
    for (const b of [...all, { label: "nothing", days: 0n, exact: new Map<string, number>() }]) {
      if (a === b || (b.days & ~a.days) !== 0n || b.days === a.days) continue;
      const diffEvents = events.filter((d) => (a.days & ~b.days & (1n << BigInt(eventIndex.get(d.id)!))) !== 0n);
      for (const [value, inA] of a.exact) {
        const inB = b.days === 0n ? 0 : b.exact.get(value);
        if (inB === undefined) continue;
        const unknown = diffEvents.filter((d) => !eventTables.get(d.id)?.has(value));
        if (unknown.length !== 1) continue;
        const known = diffEvents.reduce((sum, d) => sum + (eventTables.get(d.id)?.get(value) ?? 0), 0);
        recovered.set(`${unknown[0]!.id}|${value}`, inA - inB - known);
      }
    }
  }
  return { hidden, recovered, selections: all.length };
}

async function truth(): Promise<Map<string, number>> {
  const rows = await fx.db.all<{ eventId: number; value: number; count: number; options: string }>(sql`
    SELECT s.event_id AS eventId, t.value, t.count, q.options_json AS options FROM answer_tally t
    JOIN survey s ON s.id = t.survey_id JOIN question q ON q.id = t.question_id WHERE q.key = 'sector'`);
  return new Map(rows.map((r) => [`${r.eventId}|${(JSON.parse(r.options) as { value: string }[])[r.value - 1]!.value}`, r.count]));
}

beforeAll(async () => {
  fx = await disclosureFixture();
  events = (await get<{ events: EventSummary[] }>(fx.cookies.national, "/api/events")).events;
  events.forEach((d, i) => eventIndex.set(d.id, i));
}, 60_000);

describe("differencing attack on background breakdowns", () => {
  for (const who of ["national", "agent16"] as const) {
    it(`recovers no suppressed cell (${who})`, async () => {
      const readable = (d: EventSummary) => who === "national" || d.region === null || d.region === "16";
      const { hidden, recovered, selections } = await attack(fx.cookies[who], readable);
      const actual = await truth();
      // The attack has something to aim at: the day tables hide cells, and many selections exist.
      expect(hidden.length, "hidden cells in day tables").toBeGreaterThan(who === "national" ? 40 : 3);
      expect(selections).toBeGreaterThan(who === "national" ? 1000 : 10);
      const exposed = hidden
        .filter(
          (h) => recovered.has(`${h.day}|${h.value}`) && recovered.get(`${h.day}|${h.value}`) === (actual.get(`${h.day}|${h.value}`) ?? 0),
        )
        .map((h) => `day ${h.day} ${h.value} = ${recovered.get(`${h.day}|${h.value}`)}`);
      expect(exposed, `cells recovered by differencing (${exposed.length} of ${hidden.length})`).toEqual([]);
    }, 300_000);
  }
});
