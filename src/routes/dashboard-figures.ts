import type * as v from "valibot";
import type { AppDeps, SessionPrincipal } from "../app-env";
import type { CommentsResponse, EventSummary, QuestionStatsResponse, RegionsStatsResponse, ThemesStatsResponse, TrendResponse } from "../api-types";
import { canRead, readableRegions } from "../auth/authorize";
import { addSums, collectedResponseRate, groupBy, groupFigures, NO_DAYS, trendFromMonths } from "../domain/analytics";
import type { Lang } from "../domain/lang";
import { roundToStep } from "../domain/questions";
import { MIN_CELL, smallNWarning, summarizeDistribution, suppressBreakdown, suppressComments } from "../domain/stats";
import { AppError } from "../http/errors";
import { listThemes } from "../queries/programmes";
import { listRegions } from "../queries/regions";
import { dayComments, questionsByIds, questionTallies } from "../queries/stats";
import type { EventFilter, EventRow } from "../queries/events";
import { gradeSumsBy, publishedDays } from "../queries/grade-sums";
import { loadDays, type DayFilter } from "./dashboard-data";
import { eventJson } from "./event-json";
import type { StatsQuery } from "./schemas";

// Each function computes what one dashboard endpoint (and its CSV export) shows.

type Query = v.InferOutput<typeof StatsQuery>;

function dayFilter(q: Query): DayFilter {
  return { region: q.region, from: q.from, to: q.to, themeId: q.theme, programmeId: q.programme };
}

function checkRegionAccess(principal: SessionPrincipal, codes: readonly (string | undefined)[]) {
  for (const code of codes) if (code !== undefined && !canRead(principal, code)) throw new AppError("forbidden");
}

export async function eventsFigures(deps: AppDeps, principal: SessionPrincipal, q: Query, lang: Lang, origin: string, now: number): Promise<EventSummary[]> {
  checkRegionAccess(principal, [q.region]);
  const days = await loadDays(deps, principal, dayFilter(q));
  return days.map((d) => ({ ...eventJson(d.row, lang, origin, now), responseRate: collectedResponseRate([d]), grade: d.grade, collected: d.collected, conflict: d.collected !== null }));
}

export async function regionsFigures(deps: AppDeps, principal: SessionPrincipal, q: Query): Promise<RegionsStatsResponse> {
  const filter: EventFilter = { regions: "all", ...dayFilter(q), region: undefined };
  // The national yardstick pools every day, whoever asks: it reveals no single region.
  const [sums, reported, regions] = await Promise.all([gradeSumsBy(deps.db, filter, "region"), publishedDays(deps.db, filter), listRegions(deps.db)]);
  const byRegion = new Map(sums.map((row) => [row.key, row]));
  const reportedByRegion = groupBy(reported, (r) => r.regionCode);
  const national = groupFigures(sums.reduce(addSums, NO_DAYS), reported);
  return {
    national: { ...national.grade, events: national.events, attendance: national.attendance, responses: national.responses },
    regions: regions
      .filter((r) => canRead(principal, r.code))
      .map((r) => ({ code: r.code, name: { fi: r.nameFi, sv: r.nameSv, en: r.nameEn }, ...groupFigures(byRegion.get(r.code) ?? NO_DAYS, reportedByRegion.get(r.code) ?? []) })),
  };
}

export async function trendFigures(deps: AppDeps, principal: SessionPrincipal, q: Query): Promise<TrendResponse> {
  const wanted = q.regions ?? (q.region ? [q.region] : []);
  checkRegionAccess(principal, wanted);
  const filter: EventFilter = { regions: "all", ...dayFilter(q), region: undefined };
  const [national, reported, ...regional] = await Promise.all([
    gradeSumsBy(deps.db, filter, "month"),
    publishedDays(deps.db, filter),
    ...wanted.map((code) => gradeSumsBy(deps.db, { ...filter, region: code }, "month")),
  ]);
  const months = national.map((row) => row.key!).sort();
  const range =
    months.length > 0
      ? { from: q.from ?? `${months[0]}-01`, to: q.to ?? `${months[months.length - 1]}-01` }
      : q.from && q.to
        ? { from: q.from, to: q.to }
        : null;
  const byMonth = (rows: typeof national) => new Map(rows.map((row) => [row.key!, row]));
  return {
    interval: q.interval,
    ...trendFromMonths(q.interval, range, [
      { region: null, months: byMonth(national), reported },
      ...wanted.map((code, i) => ({ region: code, months: byMonth(regional[i]!), reported: reported.filter((r) => r.regionCode === code) })),
    ]),
  };
}

export async function themesFigures(deps: AppDeps, principal: SessionPrincipal, q: Query): Promise<ThemesStatsResponse> {
  checkRegionAccess(principal, [q.region]);
  const filter: EventFilter = { regions: readableRegions(principal), ...dayFilter(q) };
  const [byTheme, byCell, reported, themes] = await Promise.all([
    gradeSumsBy(deps.db, filter, "theme"),
    gradeSumsBy(deps.db, filter, "regionTheme"),
    publishedDays(deps.db, filter),
    listThemes(deps.db, q.programme),
  ]);
  const themeSums = new Map(byTheme.map((row) => [row.key, row]));
  const reportedByTheme = groupBy(reported, (r) => String(r.themeId));
  const reportedByCell = groupBy(reported, (r) => `${r.regionCode}|${r.themeId}`);
  return {
    themes: themes
      .filter((t) => themeSums.has(String(t.id)) || q.theme === undefined)
      .map((t) => {
        const { responseRate: _rate, ...rest } = groupFigures(themeSums.get(String(t.id)) ?? NO_DAYS, reportedByTheme.get(String(t.id)) ?? []);
        return { id: t.id, names: { fi: t.nameFi, sv: t.nameSv, en: t.nameEn }, ...rest };
      }),
    cells: byCell
      .filter((row) => row.key !== null)
      .map((row) => {
        const [region, themeId] = row.key!.split("|");
        const figures = groupFigures(row, reportedByCell.get(row.key!) ?? []);
        return { region: region!, themeId: Number(themeId), events: figures.events, grade: figures.grade };
      })
      .sort((a, b) => a.region.localeCompare(b.region) || a.themeId - b.themeId),
  };
}

export async function questionFigures(deps: AppDeps, principal: SessionPrincipal, q: Query, event?: EventRow): Promise<QuestionStatsResponse> {
  checkRegionAccess(principal, [q.region]);
  const filter = { regions: event ? ("all" as const) : readableRegions(principal), ...dayFilter(q), ...(event && { eventId: event.id }) };
  const tallies = await questionTallies(deps.db, filter);
  const byGroup = groupBy(tallies, (t) => t.groupKey);
  const questions = new Map((await questionsByIds(deps.db, [...byGroup.values()].map((rows) => rows[0]!.questionId))).map((row) => [row.id, row]));
  const result: QuestionStatsResponse["questions"] = [];
  for (const rows of byGroup.values()) {
    const question = questions.get(rows[0]!.questionId);
    if (!question) continue;
    const text = { fi: question.textFi, sv: question.textSv, en: question.textEn };
    const counts = new Map(rows.map((r) => [roundToStep(r.value), r.count]));
    if (question.kind === "choice") {
      const options = JSON.parse(question.optionsJson ?? "[]") as { value: string; fi: string; sv: string; en: string }[];
      const breakdown = suppressBreakdown(options.map((o, i) => ({ key: o, n: counts.get(i + 1) ?? 0, value: null })));
      result.push({
        key: question.key,
        kind: "choice",
        text,
        n: rows.reduce((sum, r) => sum + r.count, 0),
        options: breakdown.map((b) => ({ value: b.key.value, label: { fi: b.key.fi, sv: b.key.sv, en: b.key.en }, n: b.n, suppressed: b.suppressed })),
      });
    } else if ((question.kind === "grade" || question.kind === "likert") && question.scaleMin !== null && question.scaleMax !== null && question.scaleStep !== null) {
      const s = summarizeDistribution(counts, { min: question.scaleMin, max: question.scaleMax, step: question.scaleStep });
      result.push({ key: question.key, kind: question.kind, text, n: s.n, mean: s.mean, sd: s.sd, ci95: s.ci95, distribution: s.distribution, smallN: smallNWarning(s.n) });
    }
  }
  return { questions: result.sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key)) };
}

const CORE_ORDER = ["grade", "usefulness", "sector"];
const order = (key: string) => (CORE_ORDER.includes(key) ? CORE_ORDER.indexOf(key) : CORE_ORDER.length);

export async function commentFigures(deps: AppDeps, event: EventRow): Promise<CommentsResponse> {
  const rows = await dayComments(deps.db, event.surveyId);
  const byQuestion = groupBy(rows, (r) => r.questionId);
  const texts = new Map((await questionsByIds(deps.db, [...byQuestion.keys()])).map((row) => [row.id, row]));
  return {
    questions: [...byQuestion.entries()].map(([questionId, comments]) => {
      const question = texts.get(questionId);
      const shown = suppressComments(comments, MIN_CELL);
      return {
        key: question?.key ?? String(questionId),
        text: question ? { fi: question.textFi, sv: question.textSv, en: question.textEn } : { fi: "", sv: "", en: "" },
        // A hidden list hides its size too: "2 comments" already narrows down who wrote them.
        n: shown.suppressed ? null : comments.length,
        suppressed: shown.suppressed,
        comments: shown.suppressed ? [] : comments.map((c) => ({ text: c.text, submittedAt: new Date(c.submittedAt).toISOString(), lang: c.lang })),
      };
    }),
  };
}
