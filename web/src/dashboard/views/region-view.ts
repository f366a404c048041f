// One region's report: every academy day in a table and on charts beside the national average,
// the grade distributions, per-question results, and the open comments of each day. Prints as
// the region's report on paper.
import {
  api,
  SignedOut,
  type CommentsResponse,
  type EventSummary,
  type RegionComparison,
  type RegionsStatsResponse,
  type ThemesStatsResponse,
} from "../api";
import { attendanceChart } from "../charts/attendance-chart";
import { anyBeyondScale } from "../charts/ci-whiskers-plugin";
import { eventGradesChart } from "../charts/event-grades-chart";
import { h } from "../dom";
import { ciText, count, mean, percent, signed, twoLineDate } from "../format";
import { date, lang, t } from "../i18n";
import { chartFigure, legendItems } from "./chart-figure";
import { commentsSection } from "./comments-section";
import { dayName } from "./day-title";
import { dataTable } from "./data-table";
import { distributionSection } from "./distribution-section";
import { figuresCard, withheldCard } from "./figures-card";
import { heatmapSection } from "./heatmap-section";
import { eventGradeNotes, notesCell } from "./grade-notes";
import { questionsSection } from "./questions-section";
import { downloadLinks, emptyState, section } from "./section";
import { dataFilter, regionName, type ViewContext } from "./view-context";

export async function regionView(ctx: ViewContext): Promise<Node[]> {
  const { state, signal } = ctx;
  const region = state.region;
  const filter = { ...dataFilter(state), region };
  const [events, stats, questions, themes] = await Promise.all([
    api.events(filter, state.lang, signal),
    api.regionStats({ ...dataFilter(state), regions: [region] }, signal),
    api.questionStats(filter, signal).catch(orNull(signal)),
    api.themeStats(filter, signal).catch(orNull(signal)),
  ]);
  const eventRows = [...events.events].filter((e) => e.region === region).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  if (eventRows.length === 0) return [emptyState(t("dash.empty.days"))];
  const comments = await loadComments(eventRows, signal);

  return [
    ...dataOrigin(eventRows),
    summarySection(ctx, stats),
    eventsSection(ctx, eventRows, stats, filter),
    ...regionThemes(ctx, themes, stats, filter),
    distributionSection(ctx, eventRows),
    questions
      ? questionsSection(ctx, questions, filter)
      : section("questions", t("dash.questions.title"), emptyState(t("dash.error.section"))),
    commentsSection(ctx, eventRows, comments),
  ];
}

/** A rate above 100 % is shown, and flagged: the head count or the link needs checking. */
function rateCell(d: EventSummary) {
  if (d.grade.source === "reported") return "–";
  if (d.rateStatus === "over_100") return [percent(d.responseRate), h("span", { className: "warn rate-flag" }, ` ⚠ ${t("rate.over100")}`)];
  return percent(d.responseRate);
}

function summarySection(ctx: ViewContext, stats: RegionsStatsResponse): HTMLElement {
  const own = stats.regions.find((r) => r.code === ctx.state.region);
  const cards = [
    own
      ? figuresCard(
          {
            title: regionName(ctx, own.code),
            grade: own.grade,
            events: own.events,
            attendance: own.attendance,
            responses: own.responses,
            responseRate: own.responseRate,
            rateExcludedOver100: own.rateExcludedOver100,
          },
          "card-region",
        )
      : null,
    own?.comparison ? restCard(own, own.comparison) : null,
    stats.national
      ? figuresCard(
          {
            title: t("dash.national"),
            grade: stats.national,
            events: stats.national.events,
            attendance: stats.national.attendance,
            responses: stats.national.responses,
          },
          "card-national",
        )
      : withheldCard(t("dash.national"), stats.yardstick.shown ? "too_few_regions" : stats.yardstick.reason, "card-national"),
  ];
  return section("summary", t("dash.summary.title"), h("div", { className: "cards" }, cards));
}

/** The region's yardstick: every other region's days, and where the region falls against them. */
function restCard(own: RegionsStatsResponse["regions"][number], comparison: RegionComparison): HTMLElement {
  const rest = comparison.rest;
  const funnel = comparison.funnel;
  const row = (term: string, value: string) => [h("dt", {}, term), h("dd", {}, value)];
  return h(
    "div",
    { className: "card", id: "card-rest" },
    h("h3", {}, t("dash.col.rest")),
    h(
      "p",
      { className: "big" },
      h("span", { className: "big-number" }, mean(rest.mean)),
      " ",
      h("span", { className: "big-caption" }, t("dash.card.meanGrade")),
    ),
    h(
      "dl",
      { className: "figures" },
      row(t("dash.col.ci"), ciText({ mean: rest.mean, ci95: rest.ci95, ciWithheld: rest.ci95 === null ? "too_few_days" : null })),
      row(t("dash.col.n"), count(rest.n)),
      row(t("dash.col.days"), count(rest.days)),
      funnel ? row(t("dash.col.difference"), signed(funnel.difference)) : null,
      funnel && comparison.rankable ? row(t("dash.col.result"), t(`dash.funnel.flag.${funnel.flag}`)) : null,
    ),
    h(
      "p",
      { className: "small-note" },
      comparison.rankable ? t("dash.note.dayUnit") : t("dash.funnel.apart", { regions: own.name[lang()] }),
    ),
  );
}

function eventsSection(
  ctx: ViewContext,
  events: readonly EventSummary[],
  stats: RegionsStatsResponse,
  filter: ReturnType<typeof dataFilter>,
): HTMLElement {
  const national = stats.national;
  const nationalLabel = national ? t("dash.chart.nationalLine", { mean: mean(national.mean) }) : "";
  const anyReported = events.some((d) => d.grade.source === "reported");
  const grades = chartFigure({
    id: "chart-day-grades",
    caption: t("dash.days.chartTitle"),
    label: t("dash.days.chartAlt"),
    height: 300,
    legend: legendItems(
      { swatch: "series-0", symbol: "●", text: t("dash.legend.regionDays", { region: regionName(ctx, ctx.state.region) }) },
      { swatch: "whisker", text: t("dash.legend.ci") },
      national ? { swatch: "dashed", text: t("dash.legend.national", { mean: mean(national.mean), n: count(national.n) }) } : null,
      anyReported ? { swatch: "hollow-diamond", text: t("dash.legend.reportedPoint") } : null,
    ),
  });
  ctx.draw(
    grades.canvas,
    eventGradesChart(
      events.map((d) => ({
        label: twoLineDate(date(d.date)),
        mean: d.grade.mean,
        ci: d.grade.ci95,
        reported: d.grade.source === "reported",
        n: d.grade.n,
        smallN: d.grade.smallN,
      })),
      { mean: national?.mean ?? null, label: nationalLabel },
      t("dash.axis.grade"),
    ),
  );

  const turnout = chartFigure({
    id: "chart-attendance",
    caption: t("dash.days.attendanceTitle"),
    label: t("dash.days.attendanceAlt"),
    height: 260,
    legend: [
      { swatch: "solid", text: t("dash.col.attendance") },
      { swatch: "light", text: t("dash.legend.responses") },
    ],
  });
  ctx.draw(
    turnout.canvas,
    attendanceChart(
      // A published day's answers were never collected here: no bar, rather than a misleading 0.
      events.map((d) => ({
        label: twoLineDate(date(d.date)),
        attendance: d.attendance,
        responses: d.grade.source === "reported" ? null : d.responses,
      })),
      { attendance: t("dash.col.attendance"), responses: t("dash.col.responses"), axis: t("dash.axis.people") },
    ),
  );

  const table = dataTable<EventSummary>({
    id: "table-days",
    caption: t("dash.days.tableCaption", { region: regionName(ctx, ctx.state.region) }),
    rows: events,
    columns: [
      // Each day links to its own results page (every question, comments, the rest of the country).
      { label: t("dash.col.date"), cell: (d) => h("a", { href: `/admin/events/${d.id}/results?lang=${ctx.state.lang}` }, date(d.date)) },
      { label: t("dash.col.theme"), cell: (d) => dayName(d, ctx.state.lang) },
      { label: t("dash.col.attendance"), numeric: true, cell: (d) => count(d.attendance) },
      { label: t("dash.col.responses"), numeric: true, cell: (d) => (d.grade.source === "reported" ? "–" : count(d.responses)) },
      { label: t("dash.col.responseRate"), numeric: true, cell: (d) => rateCell(d) },
      { label: t("dash.col.mean"), numeric: true, cell: (d) => meanCell(d) },
      { label: t("dash.col.ci"), numeric: true, cell: (d) => ciText(d.grade) },
      { label: t("dash.col.n"), numeric: true, cell: (d) => (d.grade.n === null ? t("dash.nUnknown") : count(d.grade.n)) },
      {
        label: t("dash.col.notes"),
        cell: (d) =>
          notesCell([
            ...(d.archivedOn ? [t("dash.archived", { date: date(d.archivedOn) })] : []),
            ...eventGradeNotes(d.grade),
            ...publishedEventNotes(d),
          ]),
      },
    ],
  });
  return section(
    "days",
    t("dash.days.title"),
    h("div", { className: "chart-pair" }, grades.element, turnout.element),
    anyBeyondScale(events.map((d) => d.grade.ci95)) ? h("p", { className: "small-note" }, t("dash.note.ciClipped")) : null,
    table,
    downloadLinks("events", filter, t("dash.csv.days")),
  );
}

/** The region's row of the region × theme heat map (published cells with their asterisk). */
function regionThemes(
  ctx: ViewContext,
  themes: ThemesStatsResponse | null,
  stats: RegionsStatsResponse,
  filter: ReturnType<typeof dataFilter>,
): Node[] {
  const own = stats.regions.filter((r) => r.code === ctx.state.region);
  if (!themes || own.length === 0) return [];
  return [heatmapSection(ctx, themes, own, filter, { totals: false })];
}

/** Real published figures are labelled with their source, never as demo; synthetic days keep the demo badge. */
function dataOrigin(events: readonly EventSummary[]): Node[] {
  const nodes: Node[] = [];
  if (events.some((d) => d.isDemo)) nodes.push(h("p", { className: "data-origin" }, h("span", { className: "badge" }, t("demo.badge"))));
  const sources = [...new Set(events.filter((d) => !d.isDemo && d.reported?.source).map((d) => d.reported!.source!))];
  if (sources.length > 0)
    nodes.push(
      h(
        "ul",
        { className: "small-note data-origin" },
        sources.map((source) => h("li", {}, t("source.publishedFrom", { source }))),
      ),
    );
  return nodes;
}

/** Where a published figure comes from, and a day's answers shown beside (never instead of) it. */
function publishedEventNotes(event: EventSummary): string[] {
  const notes: string[] = [];
  if (event.reported?.source) notes.push(t("source.publishedFrom", { source: event.reported.source }));
  if (event.conflict && event.collected)
    notes.push(t("dash.note.collectedBeside", { mean: mean(event.collected.mean), n: count(event.collected.n) }));
  return notes;
}

/** The mean with its markers: an asterisk for a published figure, a warning for a small n. */
function meanCell(event: EventSummary) {
  const g = event.grade;
  if (g.mean === null) return "–";
  return [
    mean(g.mean),
    g.source === "reported" ? h("span", { "aria-hidden": "true" }, "*") : null,
    g.smallN ? h("span", { className: "warn", "aria-hidden": "true" }, " !") : null,
  ];
}

/** Comments of each day with responses, fetched together; a failed list says so in its place. */
async function loadComments(events: readonly EventSummary[], signal: AbortSignal): Promise<Map<number, CommentsResponse | null>> {
  const withAnswers = events.filter((d) => d.responses > 0);
  const results = await Promise.all(withAnswers.map((d) => api.comments(d.id, signal).catch(orNull(signal))));
  return new Map(withAnswers.map((d, i) => [d.id, results[i] ?? null]));
}

/** A side section may fail alone (null); a cancelled load still aborts the whole view. */
function orNull(signal: AbortSignal) {
  return (error: unknown): null => {
    if (signal.aborted || error instanceof SignedOut) throw error;
    return null;
  };
}
