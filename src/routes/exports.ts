import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import type { DayGrade, PooledGrade, RegionStats, YardstickReason } from "../api-types";
import { toCsv, type CsvCell } from "../domain/csv";
import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { localisedName } from "../domain/localised-name";
import { readableEvent } from "../http/access";
import { requirePrincipal } from "../http/session";
import { check, requestLang } from "../http/validate";
import { recordAudit } from "../queries/audit";
import { listRegions } from "../queries/regions";
import { AppError } from "../http/errors";
import { commentFigures, eventsFigures, questionFigures, regionsFigures, themesFigures, trendFigures } from "./dashboard-figures";
import { publicOrigin } from "./event-json";
import { StatsQuery } from "./schemas";

/** Everything the dashboards show, as CSV for Finnish Excel, with the same filters as the screen. */
export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? Date.now;

  async function send(c: Context<AppEnv>, name: string, header: string[], rows: CsvCell[][], regionCode: string | null = null) {
    const principal = requirePrincipal(c);
    await recordAudit(deps.db, { at: now(), userId: principal.userId, action: "export", regionCode, target: name, details: { query: c.req.query() } });
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="palaute-${name}.csv"`);
    c.header("Cache-Control", "no-store");
    return c.body(toCsv(header, rows));
  }

  const gradeHeader = (lang: Lang) => [t(lang, "csv.source"), t(lang, "csv.n"), t(lang, "csv.mean"), t(lang, "csv.sd"), t(lang, "csv.ciLow"), t(lang, "csv.ciHigh")];
  const gradeCells = (lang: Lang, g: DayGrade | PooledGrade): CsvCell[] => [
    g.source ? t(lang, `source.${g.source}`) : t(lang, "source.none"),
    g.n,
    g.mean,
    g.sd,
    g.ci95?.[0] ?? null,
    g.ci95?.[1] ?? null,
  ];
  // Every pooled export says how many days carry the figure, why an interval is missing, and how
  // many published days were left out of the mean.
  const pooledHeader = (lang: Lang) => [...gradeHeader(lang), t(lang, "csv.days"), t(lang, "csv.ciWithheld"), t(lang, "csv.excluded")];
  const pooledCells = (lang: Lang, g: PooledGrade): CsvCell[] => [...gradeCells(lang, g), g.days, g.ciWithheld && g.mean !== null ? t(lang, `csv.ci.${g.ciWithheld}`) : null, g.excludedUnknownN];
  const noPooled: CsvCell[] = Array(9).fill(null);
  const demo = (lang: Lang, isDemo: boolean) => (isDemo ? t(lang, "csv.yes") : t(lang, "csv.no"));
  const percentOf = (rate: number | null) => (rate === null ? null : rate * 100);

  app.get("/events.csv", async (c) => {
    const lang = requestLang(c);
    const q = check(c, StatsQuery, c.req.query());
    const events = await eventsFigures(deps, requirePrincipal(c), q, lang, publicOrigin(deps, c), now());
    const names = await regionNames(deps, lang);
    return send(
      c,
      "events",
      [
        t(lang, "csv.date"),
        t(lang, "csv.region"),
        t(lang, "csv.theme"),
        t(lang, "csv.title"),
        t(lang, "csv.attendance"),
        t(lang, "csv.responses"),
        t(lang, "csv.responseRatePercent"),
        ...gradeHeader(lang),
        t(lang, "csv.median"),
        t(lang, "csv.ciWithheld"),
        t(lang, "csv.rateOver100"),
        t(lang, "csv.archivedOn"),
        t(lang, "csv.demo"),
      ],
      events.map((e) => [
        e.date,
        e.region ? names.get(e.region) : t(lang, "csv.national"),
        e.theme?.names[lang] ?? null,
        e.title,
        e.attendance,
        e.responses,
        percentOf(e.responseRate),
        ...gradeCells(lang, e.grade),
        e.grade.median,
        e.grade.ciWithheld ? t(lang, `csv.ci.${e.grade.ciWithheld}`) : null,
        e.rateStatus === "over_100" ? t(lang, "rate.over100") : null,
        e.archivedOn,
        demo(lang, e.isDemo),
      ]),
      q.region ?? null,
    );
  });

  app.get("/regions.csv", async (c) => {
    const lang = requestLang(c);
    const figures = await regionsFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()));
    const themeName = new Map(figures.themeMix.map((m) => [m.themeId, m.name[lang]]));
    const comparisonCells = (r: RegionStats): CsvCell[] => {
      if (r.comparison === null) return [withheldText(lang, figures.yardstick.shown ? "too_few_regions" : figures.yardstick.reason), ...Array<CsvCell>(7).fill(null)];
      const { rest, funnel, adjusted, rankable } = r.comparison;
      return [
        rest.mean,
        funnel?.difference ?? null,
        funnel && rankable ? t(lang, `dash.funnel.flag.${funnel.flag}`) : null,
        rankable ? t(lang, "csv.yes") : t(lang, "csv.no"),
        adjusted.mean,
        adjusted.ci95?.[0] ?? null,
        adjusted.ci95?.[1] ?? null,
        adjusted.missingThemes.map((id) => themeName.get(id) ?? String(id)).join(", ") || null,
      ];
    };
    return send(
      c,
      "regions",
      [
        t(lang, "csv.region"),
        t(lang, "csv.events"),
        t(lang, "csv.attendance"),
        t(lang, "csv.responses"),
        t(lang, "csv.responseRatePercent"),
        t(lang, "csv.ratePooledExcluded"),
        ...pooledHeader(lang),
        t(lang, "csv.rest"),
        t(lang, "csv.difference"),
        t(lang, "csv.funnel"),
        t(lang, "csv.ranked"),
        t(lang, "csv.adjustedMean"),
        t(lang, "csv.adjustedCiLow"),
        t(lang, "csv.adjustedCiHigh"),
        t(lang, "csv.adjustedMissing"),
        t(lang, "csv.demo"),
      ],
      [
        ...figures.regions.map((r) => [r.name[lang], r.events, r.attendance, r.responses, percentOf(r.responseRate), r.rateExcludedOver100, ...pooledCells(lang, r.grade), ...comparisonCells(r), demo(lang, r.isDemo)]),
        figures.national
          ? [
              t(lang, "csv.national"),
              figures.national.events,
              figures.national.attendance,
              figures.national.responses,
              null,
              null,
              ...pooledCells(lang, figures.national),
              ...Array<CsvCell>(8).fill(null),
              demo(lang, figures.national.isDemo),
            ]
          : [t(lang, "csv.national"), null, null, null, null, null, withheldText(lang, figures.yardstick.shown ? "too_few_regions" : figures.yardstick.reason), ...noPooled.slice(1), ...Array<CsvCell>(8).fill(null), null],
      ],
    );
  });

  app.get("/trend.csv", async (c) => {
    const lang = requestLang(c);
    const figures = await trendFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()));
    const names = await regionNames(deps, lang);
    const row = (key: string, who: string | undefined, p: PooledGrade | null, withheld: YardstickReason | null): CsvCell[] => [
      periodLabel(lang, key),
      who,
      ...(p ? pooledCells(lang, p) : [withheld ? withheldText(lang, withheld) : t(lang, "source.none"), ...noPooled.slice(1)]),
    ];
    const rows = [
      ...figures.series.flatMap((s) =>
        figures.keys.map((key, i) => [...row(key, s.region ? names.get(s.region) : t(lang, "csv.national"), s.points[i] ?? null, s.region === null ? (figures.nationalWithheld[i] ?? null) : null), null]),
      ),
      ...figures.themes.flatMap((s) => figures.keys.map((key, i) => [...row(key, t(lang, "csv.national"), s.points[i] ?? null, figures.nationalWithheld[i] ?? null), s.names[lang]])),
    ];
    return send(c, "trend", [t(lang, "csv.period"), t(lang, "csv.region"), ...pooledHeader(lang), t(lang, "csv.theme")], rows);
  });

  app.get("/themes.csv", async (c) => {
    const lang = requestLang(c);
    const figures = await themesFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()));
    const names = await regionNames(deps, lang);
    const themeName = new Map(figures.themes.map((th) => [th.id, th.names[lang]]));
    return send(
      c,
      "themes",
      [t(lang, "csv.theme"), t(lang, "csv.region"), t(lang, "csv.events"), ...pooledHeader(lang), t(lang, "csv.demo")],
      [
        ...figures.themes.map((th) => [th.names[lang], t(lang, "csv.national"), th.events, ...pooledCells(lang, th.grade), demo(lang, th.isDemo)]),
        ...figures.cells.map((cell) => [themeName.get(cell.themeId) ?? String(cell.themeId), names.get(cell.region), cell.events, ...pooledCells(lang, cell.grade), demo(lang, cell.isDemo)]),
      ],
    );
  });

  app.get("/questions.csv", async (c) => {
    const lang = requestLang(c);
    const principal = requirePrincipal(c);
    const q = check(c, StatsQuery, c.req.query());
    const event = q.event === undefined ? undefined : (await readableEvent(deps, c, q.event)).event;
    const figures = await questionFigures(deps, principal, q, event);
    const rows: CsvCell[][] = figures.questions.flatMap((question) =>
      question.kind === "choice"
        ? question.options.map((o) => [question.text[lang], o.label[lang], o.suppressed ? t(lang, "csv.suppressed") : o.n, o.hiddenInDays])
        : Object.entries(question.distribution).map(([value, n]) => [question.text[lang], value.replace(".", ","), n, null]),
    );
    return send(c, "questions", [t(lang, "csv.question"), t(lang, "csv.value"), t(lang, "csv.n"), t(lang, "csv.hiddenInDays")], rows, q.region ?? null);
  });

  app.get("/comments.csv", async (c) => {
    const lang = requestLang(c);
    const q = check(c, StatsQuery, c.req.query());
    if (q.event === undefined) throw new AppError("validation_failed", undefined, [{ key: "event", code: "missing", message: t(lang, "field.missing") }]);
    const { event } = await readableEvent(deps, c, q.event);
    const figures = await commentFigures(deps, event);
    const rows: CsvCell[][] = figures.questions.flatMap((question) =>
      question.suppressed
        ? [[question.text[lang], t(lang, "csv.suppressed"), null, null]]
        : question.comments.map((comment) => [question.text[lang], comment.text, comment.date, comment.lang ?? t(lang, "comments.langHidden")]),
    );
    return send(c, "comments", [t(lang, "csv.question"), t(lang, "csv.comment"), t(lang, "csv.date"), t(lang, "csv.language")], rows, event.regionCode);
  });

  return app;
}

/** The yardstick rule's "not shown" state, in the CSV's source column. */
function withheldText(lang: Lang, reason: YardstickReason): string {
  return t(lang, reason === "whole_months" ? "yardstick.wholeMonths" : "yardstick.tooFewRegions");
}

/** "2019-autumn" → "syksy 2019" / "hösten 2019" / "Autumn 2019"; months and years stay as they are. */
function periodLabel(lang: Lang, key: string): string {
  const term = /^(\d{4})-(spring|autumn)$/.exec(key);
  return term ? t(lang, term[2] === "spring" ? "dash.term.spring" : "dash.term.autumn", { year: term[1]! }) : key;
}

async function regionNames(deps: AppDeps, lang: Lang): Promise<Map<string, string>> {
  return new Map((await listRegions(deps.db)).map((r) => [r.code, localisedName(r, lang)]));
}
