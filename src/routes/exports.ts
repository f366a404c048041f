import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import type { DayGrade, PooledGrade, YardstickReason } from "../api-types";
import { toCsv, type CsvCell } from "../domain/csv";
import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
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

  app.get("/events.csv", async (c) => {
    const lang = requestLang(c);
    const q = check(c, StatsQuery, c.req.query());
    const events = await eventsFigures(deps, requirePrincipal(c), q, lang, publicOrigin(deps, c), now());
    const names = await regionNames(deps, lang);
    return send(
      c,
      "events",
      [t(lang, "csv.date"), t(lang, "csv.region"), t(lang, "csv.theme"), t(lang, "csv.title"), t(lang, "csv.attendance"), t(lang, "csv.responses"), t(lang, "csv.responseRate"), ...gradeHeader(lang), t(lang, "csv.median"), t(lang, "csv.rateOver100"), t(lang, "csv.archivedOn")],
      events.map((e) => [e.date, e.region ? names.get(e.region) : t(lang, "csv.national"), e.theme?.names[lang] ?? null, e.title, e.attendance, e.responses, e.responseRate, ...gradeCells(lang, e.grade), e.grade.median, e.rateStatus === "over_100" ? t(lang, "rate.over100") : null, e.archivedOn]),
      q.region ?? null,
    );
  });

  app.get("/regions.csv", async (c) => {
    const lang = requestLang(c);
    const figures = await regionsFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()));
    return send(
      c,
      "regions",
      [t(lang, "csv.region"), t(lang, "csv.events"), t(lang, "csv.attendance"), t(lang, "csv.responses"), t(lang, "csv.responseRate"), ...gradeHeader(lang), t(lang, "csv.excluded"), t(lang, "csv.ratePooledExcluded")],
      [
        ...figures.regions.map((r) => [r.name[lang], r.events, r.attendance, r.responses, r.responseRate, ...gradeCells(lang, r.grade), r.grade.excludedUnknownN, r.rateExcludedOver100]),
        figures.national
          ? [t(lang, "csv.national"), figures.national.events, figures.national.attendance, figures.national.responses, null, ...gradeCells(lang, figures.national), figures.national.excludedUnknownN]
          : [t(lang, "csv.national"), null, null, null, null, withheldText(lang, figures.yardstick.shown ? "too_few_regions" : figures.yardstick.reason), null, null, null, null, null, null],
      ],
    );
  });

  app.get("/trend.csv", async (c) => {
    const lang = requestLang(c);
    const figures = await trendFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()));
    const names = await regionNames(deps, lang);
    const rows = figures.series.flatMap((s) =>
      figures.keys.map((key, i) => {
        const p = s.points[i] ?? null;
        const withheld = s.region === null ? (figures.nationalWithheld[i] ?? null) : null;
        const empty = [withheld ? withheldText(lang, withheld) : t(lang, "source.none"), null, null, null, null, null];
        return [key, s.region ? names.get(s.region) : t(lang, "csv.national"), ...(p ? gradeCells(lang, p) : empty)];
      }),
    );
    return send(c, "trend", [t(lang, "csv.period"), t(lang, "csv.region"), ...gradeHeader(lang)], rows);
  });

  app.get("/themes.csv", async (c) => {
    const lang = requestLang(c);
    const figures = await themesFigures(deps, requirePrincipal(c), check(c, StatsQuery, c.req.query()));
    const names = await regionNames(deps, lang);
    const themeName = new Map(figures.themes.map((th) => [th.id, th.names[lang]]));
    return send(
      c,
      "themes",
      [t(lang, "csv.theme"), t(lang, "csv.region"), t(lang, "csv.events"), ...gradeHeader(lang)],
      [
        ...figures.themes.map((th) => [th.names[lang], t(lang, "csv.national"), th.events, ...gradeCells(lang, th.grade)]),
        ...figures.cells.map((cell) => [themeName.get(cell.themeId) ?? String(cell.themeId), names.get(cell.region), cell.events, ...gradeCells(lang, cell.grade)]),
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

async function regionNames(deps: AppDeps, lang: Lang): Promise<Map<string, string>> {
  return new Map((await listRegions(deps.db)).map((r) => [r.code, lang === "sv" ? r.nameSv : lang === "en" ? r.nameEn : r.nameFi]));
}
