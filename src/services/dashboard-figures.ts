import type * as v from "valibot";
import type { SessionPrincipal } from "../app-env";
import type { ServiceContext } from "./context";
import type {
  CommentsResponse,
  EventSummary,
  QuestionStatsResponse,
  RegionsStatsResponse,
  ThemesStatsResponse,
  TrendResponse,
} from "../api-types";
import { canRead, readableRegions } from "../auth/authorize";
import { eventResponseRate, groupBy, groupFigures, NO_EVENTS, regroupPairs, trendFromMonths, type EventSums } from "../domain/analytics";
import type { Lang } from "../domain/lang";
import { localisedNames, withFallbacks } from "../domain/localised-name";
import { isScaleKind, roundToStep } from "../domain/questions";
import {
  bucketKey,
  MIN_CELL,
  poolReleasedBreakdowns,
  releaseComments,
  smallNWarning,
  summarizeDistribution,
  suppressComments,
} from "../domain/stats";
import { AppError } from "../http/errors";
import { themeNamesRead } from "../queries/programmes";
import { regionNamesRead } from "../queries/regions";
import { readTogether } from "../queries/json-rows";
import { eventComments, questionsByIds, questionTallies } from "../queries/stats";
import type { EventFilter, EventRow } from "../queries/events";
import { gradePoolSumsRead, gradeSumsRead, publishedEventsRead } from "../queries/grade-sums";
import { compareRegion, comparisonContext } from "../domain/region-comparison";
import { lastChange, mixDiffers, themeSeries, themeShares } from "../domain/trend-themes";
import { loadEvents, type EventFilterInput } from "./dashboard-data";
import { withheldUnless, yardstickGuard } from "./comparison-yardstick";
import { eventJson } from "../http/presenters/event-json";
import type { StatsQuery } from "../http/schemas";

// Each function computes what one dashboard endpoint (and its CSV export) shows.

type Query = v.InferOutput<typeof StatsQuery>;

function eventFilter(q: Query): EventFilterInput {
  return { region: q.region, from: q.from, to: q.to, themeId: q.theme, programmeId: q.programme };
}

function checkRegionAccess(principal: SessionPrincipal, codes: readonly (string | undefined)[]) {
  for (const code of codes) if (code !== undefined && !canRead(principal, code)) throw new AppError("forbidden");
}

export async function eventsFigures(
  deps: ServiceContext,
  principal: SessionPrincipal,
  q: Query,
  lang: Lang,
  origin: string,
  now: number,
): Promise<EventSummary[]> {
  checkRegionAccess(principal, [q.region]);
  const events = await loadEvents(deps, principal, eventFilter(q));
  return events.map((d) => {
    const rate = eventResponseRate(d);
    return {
      ...eventJson(d.row, lang, origin, now),
      responseRate: rate.rate,
      rateStatus: rate.status,
      grade: d.grade,
      collected: d.collected,
      conflict: d.collected !== null,
    };
  });
}

export async function regionsFigures(deps: ServiceContext, principal: SessionPrincipal, q: Query): Promise<RegionsStatsResponse> {
  const now = deps.now();
  const filter: EventFilter = { regions: "all", ...eventFilter(q), region: undefined };
  // The national figures and every region's rest-of-country pool add up days of all regions,
  // whoever asks; for a reader of some regions only, every figure built from other regions' days
  // passes the yardstick rule of src/domain/stats/yardstick.ts first, so no filter turns one of
  // them into another region's day.
  // One statement (the four reads as JSON, src/queries/json-rows.ts): one request to a remote
  // database and one snapshot. The yardstick's read (none for a reader of every region) goes beside
  // it, not after it.
  const [{ pairs, reported, regions, themes }, guard] = await Promise.all([
    readTogether(deps.db, {
      pairs: gradeSumsRead(filter, "regionAndTheme", now),
      reported: publishedEventsRead(filter),
      regions: regionNamesRead(),
      themes: themeNamesRead(q.programme),
    }),
    yardstickGuard(deps, principal, filter),
  ]);
  const yardstick = guard();
  const { byFirst: byRegion, bySecond: byTheme, byPair: byCell, total } = regroupPairs(pairs);
  const input = { byRegion, byCell, byTheme };
  const context = comparisonContext(
    input,
    regions.map((r) => r.code),
  );
  const reportedByRegion = groupBy(reported, (r) => r.regionCode);
  const national = groupFigures(total, reported);
  const shown = regions
    .filter((r) => canRead(principal, r.code))
    .map((r) => ({
      code: r.code,
      name: localisedNames(r),
      ...groupFigures(byRegion.get(r.code) ?? NO_EVENTS, reportedByRegion.get(r.code) ?? []),
      comparison: withheldUnless(yardstick, compareRegion(input, r.code, context.mix, context.allComponents)),
    }));
  const onFunnel = shown.filter((r) => r.comparison !== null && r.comparison.rankable && r.comparison.funnel !== null);
  const themeNames = new Map(themes.map((t) => [t.id, localisedNames(t)]));
  return {
    national: withheldUnless(yardstick, {
      ...national.grade,
      events: national.events,
      attendance: national.attendance,
      responses: national.responses,
      isDemo: national.isDemo,
    }),
    yardstick,
    regions: shown,
    themeMix: yardstick.shown
      ? context.mix.map((m) => ({
          themeId: m.themeId,
          name: themeNames.get(m.themeId) ?? { fi: String(m.themeId), sv: String(m.themeId), en: String(m.themeId) },
          weight: m.weight,
        }))
      : [],
    funnel: yardstick.shown
      ? { curve: context.curve(onFunnel.map((r) => r.comparison!.funnel!.effectiveN)), regionsOnFunnel: onFunnel.length }
      : { curve: [], regionsOnFunnel: 0 },
  };
}

export async function trendFigures(deps: ServiceContext, principal: SessionPrincipal, q: Query): Promise<TrendResponse> {
  const wanted = q.regions ?? (q.region ? [q.region] : []);
  checkRegionAccess(principal, wanted);
  const filter: EventFilter = { regions: "all", ...eventFilter(q), region: undefined };
  // One statement: the (month, theme) sums, the published days, the theme names and each asked
  // region's months; the yardstick's read (none for a reader of every region) beside it, not after.
  const [{ byMonthTheme, reported, themes, alike: regional }, guard] = await Promise.all([
    readTogether(
      deps.db,
      { byMonthTheme: gradePoolSumsRead(filter, "monthTheme"), reported: publishedEventsRead(filter), themes: themeNamesRead(q.programme) },
      wanted.map((code) => gradePoolSumsRead({ ...filter, region: code }, "month")),
    ),
    yardstickGuard(deps, principal, filter),
  ]);
  // The whole country by month, and by month and theme, from the one (month, theme) read.
  const { byFirst: nationalByMonth, byPair: monthTheme } = regroupPairs(byMonthTheme);
  const months = [...nationalByMonth.keys()].filter((m): m is string => m !== null).sort();
  const range =
    months.length > 0
      ? { from: q.from ?? `${months[0]}-01`, to: q.to ?? `${months[months.length - 1]}-01` }
      : q.from && q.to
        ? { from: q.from, to: q.to }
        : null;
  const byMonth = (rows: (typeof regional)[number]) => new Map(rows.map((row) => [row.key!, row]));
  const trend = trendFromMonths(q.interval, range, [
    { region: null, months: new Map([...nationalByMonth].filter((e): e is [string, EventSums] => e[0] !== null)), reported },
    ...wanted.map((code, i) => ({ region: code, months: byMonth(regional[i]!), reported: reported.filter((r) => r.regionCode === code) })),
  ]);
  // Each bucket of the whole country (all themes, or one) is its own pool over other regions'
  // days: the yardstick rule is checked per bucket, and a withheld bucket hides every such figure.
  const states = trend.keys.map((key) => guard((month) => bucketKey(`${month}-01`, q.interval) === key));
  const shownAt = <T>(points: readonly (T | null)[]) => points.map((p, i) => withheldUnless(states[i]!, p));
  const themeIds = themes.filter((t) => [...monthTheme.keys()].some((key) => key.endsWith(`|${t.id}`))).map((t) => t.id);
  const names = new Map(themes.map((t) => [t.id, localisedNames(t)]));
  const shares = shownAt(themeShares(q.interval, trend.keys, monthTheme));
  const series = trend.series.map((s) => (s.region === null ? { ...s, points: shownAt(s.points) } : s));
  return {
    interval: q.interval,
    keys: trend.keys,
    series: series.map((s) => ({ ...s, change: lastChange(trend.keys, s.points) })),
    nationalWithheld: states.map((state) => (state.shown ? null : state.reason)),
    themes: themeSeries(q.interval, range, monthTheme, reported, themeIds).map((s) => {
      const points = shownAt(s.points);
      return { themeId: s.themeId, names: names.get(s.themeId)!, points, change: lastChange(trend.keys, points) };
    }),
    themeShares: shares,
    themeMixDiffers: mixDiffers(shares),
  };
}

export async function themesFigures(deps: ServiceContext, principal: SessionPrincipal, q: Query): Promise<ThemesStatsResponse> {
  const now = deps.now();
  checkRegionAccess(principal, [q.region]);
  const filter: EventFilter = { regions: readableRegions(principal), ...eventFilter(q) };
  // One statement: both groupings, the published days and the theme names (one request to a
  // remote database, one snapshot).
  const { byTheme, byCell, reported, themes } = await readTogether(deps.db, {
    byTheme: gradeSumsRead(filter, "theme", now),
    byCell: gradeSumsRead(filter, "regionTheme", now),
    reported: publishedEventsRead(filter),
    themes: themeNamesRead(q.programme),
  });
  const themeSums = new Map(byTheme.map((row) => [row.key, row]));
  const reportedByTheme = groupBy(reported, (r) => String(r.themeId));
  const reportedByCell = groupBy(reported, (r) => `${r.regionCode}|${r.themeId}`);
  return {
    themes: themes
      .filter((t) => themeSums.has(String(t.id)) || q.theme === undefined)
      .map((t) => {
        const { responseRate: _rate, ...rest } = groupFigures(
          themeSums.get(String(t.id)) ?? NO_EVENTS,
          reportedByTheme.get(String(t.id)) ?? [],
        );
        return { id: t.id, names: localisedNames(t), ...rest };
      }),
    cells: byCell
      .filter((row) => row.key !== null)
      .map((row) => {
        const [region, themeId] = row.key!.split("|");
        const figures = groupFigures(row, reportedByCell.get(row.key!) ?? []);
        return { region: region!, themeId: Number(themeId), events: figures.events, isDemo: figures.isDemo, grade: figures.grade };
      })
      .sort((a, b) => a.region.localeCompare(b.region) || a.themeId - b.themeId),
  };
}

export async function questionFigures(
  deps: ServiceContext,
  principal: SessionPrincipal,
  q: Query,
  event?: EventRow,
): Promise<QuestionStatsResponse> {
  checkRegionAccess(principal, [q.region]);
  const filter = { regions: event ? ("all" as const) : readableRegions(principal), ...eventFilter(q), ...(event && { eventId: event.id }) };
  const tallies = await questionTallies(deps.db, filter);
  // An own question's unwritten texts show the day's main language; pooled over days (whose main
  // languages may differ), Finnish, else the first written.
  const mainLang = event?.mainLang ?? "fi";
  const byGroup = groupBy(tallies, (t) => t.groupKey);
  const questions = new Map(
    (
      await questionsByIds(
        deps.db,
        [...byGroup.values()].map((rows) => rows[0]!.questionId),
      )
    ).map((row) => [row.id, row]),
  );
  const result: QuestionStatsResponse["questions"] = [];
  for (const rows of byGroup.values()) {
    const question = questions.get(rows[0]!.questionId);
    if (!question) continue;
    const text = withFallbacks({ fi: question.textFi, sv: question.textSv, en: question.textEn }, mainLang);
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(roundToStep(r.value), (counts.get(roundToStep(r.value)) ?? 0) + r.count);
    if (question.kind === "choice") {
      const options = JSON.parse(question.optionsJson ?? "[]") as { value: string; fi: string; sv: string; en: string }[];
      // Released as the sum of each day's own suppressed table: see poolReleasedBreakdowns.
      const perEvent = [...groupBy(rows, (r) => r.eventId).values()].map((eventRows) =>
        options.map((_, i) => eventRows.filter((r) => r.value === i + 1).reduce((sum, r) => sum + r.count, 0)),
      );
      const pooled = poolReleasedBreakdowns(options, perEvent);
      result.push({
        key: question.key,
        kind: "choice",
        text,
        n: pooled.n,
        hiddenN: pooled.hiddenN,
        options: pooled.rows.map((b) => ({
          value: b.key.value,
          label: withFallbacks({ fi: b.key.fi, sv: b.key.sv, en: b.key.en }, mainLang),
          n: b.n,
          suppressed: b.suppressed,
          hiddenInDays: b.hiddenInDays,
        })),
      });
    } else if (isScaleKind(question.kind) && question.scaleMin !== null && question.scaleMax !== null && question.scaleStep !== null) {
      const s = summarizeDistribution(counts, { min: question.scaleMin, max: question.scaleMax, step: question.scaleStep });
      result.push({
        key: question.key,
        kind: question.kind,
        text,
        n: s.n,
        mean: s.mean,
        sd: s.sd,
        ci95: s.ci95,
        distribution: s.distribution,
        smallN: smallNWarning(s.n),
      });
    }
  }
  return { questions: result.sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key)) };
}

const CORE_ORDER = ["grade", "usefulness", "sector"];
const order = (key: string) => (CORE_ORDER.includes(key) ? CORE_ORDER.indexOf(key) : CORE_ORDER.length);

export async function commentFigures(deps: ServiceContext, event: EventRow): Promise<CommentsResponse> {
  const rows = await eventComments(deps.db, event.surveyId);
  const byQuestion = groupBy(rows, (r) => r.questionId);
  const texts = new Map((await questionsByIds(deps.db, [...byQuestion.keys()])).map((row) => [row.id, row]));
  return {
    questions: [...byQuestion.entries()].map(([questionId, comments]) => {
      const question = texts.get(questionId);
      const shown = suppressComments(comments, MIN_CELL);
      return {
        key: question?.key ?? String(questionId),
        text: question
          ? withFallbacks({ fi: question.textFi, sv: question.textSv, en: question.textEn }, event.mainLang)
          : { fi: "", sv: "", en: "" },
        // A hidden list hides its size too: "2 comments" already narrows down who wrote them.
        n: shown.suppressed ? null : comments.length,
        suppressed: shown.suppressed,
        comments: shown.suppressed ? [] : releaseComments(comments, event.date),
      };
    }),
  };
}
