// What each dashboard download holds, as a format-neutral table (src/domain/table.ts): the same
// figures as the screen, with the columns and caveats a reader of the file needs. The writers
// (src/domain/table-writers.ts) decide how the file looks.
import type {
  CommentsResponse,
  EventGrade,
  EventSummary,
  PooledGrade,
  QuestionStatsResponse,
  RegionsStatsResponse,
  RegionStats,
  ThemesStatsResponse,
  TrendResponse,
  YardstickReason,
} from "../api-types";
import { t } from "./i18n";
import type { Lang } from "./lang";
import type { Cell, Column, ColumnType, Table } from "./table";

/** Region code → its name in the reader's language. */
export type RegionNames = ReadonlyMap<string, string>;

const col = (lang: Lang, key: Parameters<typeof t>[1], type: ColumnType): Column => ({ title: t(lang, key), type });

const gradeColumns = (lang: Lang): Column[] => [
  col(lang, "csv.source", "text"),
  col(lang, "csv.n", "number"),
  col(lang, "csv.mean", "number"),
  col(lang, "csv.sd", "number"),
  col(lang, "csv.ciLow", "number"),
  col(lang, "csv.ciHigh", "number"),
];
const gradeCells = (lang: Lang, g: EventGrade | PooledGrade): Cell[] => [
  g.source ? t(lang, `source.${g.source}`) : t(lang, "source.none"),
  g.n,
  g.mean,
  g.sd,
  g.ci95?.[0] ?? null,
  g.ci95?.[1] ?? null,
];
// Every pooled export says how many days carry the figure, why an interval is missing, and how
// many published days were left out of the mean.
const pooledColumns = (lang: Lang): Column[] => [
  ...gradeColumns(lang),
  col(lang, "csv.days", "number"),
  col(lang, "csv.ciWithheld", "text"),
  col(lang, "csv.excluded", "number"),
];
const pooledCells = (lang: Lang, g: PooledGrade): Cell[] => [
  ...gradeCells(lang, g),
  g.days,
  g.ciWithheld && g.mean !== null ? t(lang, `csv.ci.${g.ciWithheld}`) : null,
  g.excludedUnknownN,
];
const noPooled: Cell[] = Array(9).fill(null);
const demo = (lang: Lang, isDemo: boolean) => (isDemo ? t(lang, "csv.yes") : t(lang, "csv.no"));
const percentOf = (rate: number | null) => (rate === null ? null : rate * 100);
const smallNNote = (lang: Lang, grades: readonly (EventGrade | PooledGrade)[]) =>
  grades.some((g) => g.smallN && g.mean !== null) ? [t(lang, "dash.note.smallNLong")] : [];

export function eventsTable(lang: Lang, events: readonly EventSummary[], names: RegionNames): Table {
  return {
    name: "events",
    title: t(lang, "dash.csv.days"),
    columns: [
      col(lang, "csv.date", "date"),
      col(lang, "csv.region", "text"),
      col(lang, "csv.theme", "text"),
      col(lang, "csv.title", "text"),
      col(lang, "csv.attendance", "number"),
      col(lang, "csv.responses", "number"),
      col(lang, "csv.responseRatePercent", "number"),
      ...gradeColumns(lang),
      col(lang, "csv.median", "number"),
      col(lang, "csv.ciWithheld", "text"),
      col(lang, "csv.rateOver100", "text"),
      col(lang, "csv.archivedOn", "date"),
      col(lang, "csv.demo", "text"),
    ],
    rows: events.map((e) => [
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
    notes: smallNNote(
      lang,
      events.map((e) => e.grade),
    ),
  };
}

export function regionsTable(lang: Lang, figures: RegionsStatsResponse): Table {
  const themeName = new Map(figures.themeMix.map((m) => [m.themeId, m.name[lang]]));
  const withheld = withheldText(lang, figures.yardstick.shown ? "too_few_regions" : figures.yardstick.reason);
  const comparisonCells = (r: RegionStats): Cell[] => {
    if (r.comparison === null) return [withheld, ...Array<Cell>(7).fill(null)];
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
  const national = figures.national;
  return {
    name: "regions",
    title: t(lang, "dash.csv.regions"),
    columns: [
      col(lang, "csv.region", "text"),
      col(lang, "csv.events", "number"),
      col(lang, "csv.attendance", "number"),
      col(lang, "csv.responses", "number"),
      col(lang, "csv.responseRatePercent", "number"),
      col(lang, "csv.ratePooledExcluded", "number"),
      ...pooledColumns(lang),
      col(lang, "csv.rest", "number"),
      col(lang, "csv.difference", "number"),
      col(lang, "csv.funnel", "text"),
      col(lang, "csv.ranked", "text"),
      col(lang, "csv.adjustedMean", "number"),
      col(lang, "csv.adjustedCiLow", "number"),
      col(lang, "csv.adjustedCiHigh", "number"),
      col(lang, "csv.adjustedMissing", "text"),
      col(lang, "csv.demo", "text"),
    ],
    rows: [
      ...figures.regions.map((r) => [
        r.name[lang],
        r.events,
        r.attendance,
        r.responses,
        percentOf(r.responseRate),
        r.rateExcludedOver100,
        ...pooledCells(lang, r.grade),
        ...comparisonCells(r),
        demo(lang, r.isDemo),
      ]),
      national
        ? [
            t(lang, "csv.national"),
            national.events,
            national.attendance,
            national.responses,
            null,
            null,
            ...pooledCells(lang, national),
            ...Array<Cell>(8).fill(null),
            demo(lang, national.isDemo),
          ]
        : [t(lang, "csv.national"), null, null, null, null, null, withheld, ...noPooled.slice(1), ...Array<Cell>(8).fill(null), null],
    ],
    notes: [
      ...(national === null || figures.regions.some((r) => r.comparison === null) ? [withheld] : []),
      ...smallNNote(
        lang,
        figures.regions.map((r) => r.grade),
      ),
    ],
  };
}

export function trendTable(lang: Lang, figures: TrendResponse, names: RegionNames): Table {
  const row = (key: string, who: string | undefined, p: PooledGrade | null, withheld: YardstickReason | null): Cell[] => [
    periodLabel(lang, key),
    who,
    ...(p ? pooledCells(lang, p) : [withheld ? withheldText(lang, withheld) : t(lang, "source.none"), ...noPooled.slice(1)]),
  ];
  const withheldReasons = [...new Set(figures.nationalWithheld.filter((reason) => reason !== null))];
  return {
    name: "trend",
    title: t(lang, "dash.csv.trend"),
    columns: [col(lang, "csv.period", "text"), col(lang, "csv.region", "text"), ...pooledColumns(lang), col(lang, "csv.theme", "text")],
    rows: [
      ...figures.series.flatMap((s) =>
        figures.keys.map((key, i) => [
          ...row(
            key,
            s.region ? names.get(s.region) : t(lang, "csv.national"),
            s.points[i] ?? null,
            s.region === null ? (figures.nationalWithheld[i] ?? null) : null,
          ),
          null,
        ]),
      ),
      ...figures.themes.flatMap((s) =>
        figures.keys.map((key, i) => [
          ...row(key, t(lang, "csv.national"), s.points[i] ?? null, figures.nationalWithheld[i] ?? null),
          s.names[lang],
        ]),
      ),
    ],
    notes: [
      ...(figures.themeMixDiffers ? [t(lang, "dash.trend.mixDiffers")] : []),
      ...withheldReasons.map((reason) => withheldText(lang, reason)),
    ],
  };
}

export function themesTable(lang: Lang, figures: ThemesStatsResponse, names: RegionNames): Table {
  const themeName = new Map(figures.themes.map((th) => [th.id, th.names[lang]]));
  return {
    name: "themes",
    title: t(lang, "dash.csv.themes"),
    columns: [
      col(lang, "csv.theme", "text"),
      col(lang, "csv.region", "text"),
      col(lang, "csv.events", "number"),
      ...pooledColumns(lang),
      col(lang, "csv.demo", "text"),
    ],
    rows: [
      ...figures.themes.map((th) => [
        th.names[lang],
        t(lang, "csv.national"),
        th.events,
        ...pooledCells(lang, th.grade),
        demo(lang, th.isDemo),
      ]),
      ...figures.cells.map((cell) => [
        themeName.get(cell.themeId) ?? String(cell.themeId),
        names.get(cell.region),
        cell.events,
        ...pooledCells(lang, cell.grade),
        demo(lang, cell.isDemo),
      ]),
    ],
    notes: smallNNote(lang, [...figures.themes.map((th) => th.grade), ...figures.cells.map((cell) => cell.grade)]),
  };
}

export function questionsTable(lang: Lang, figures: QuestionStatsResponse): Table {
  const choices = figures.questions.flatMap((question) => (question.kind === "choice" ? [question] : []));
  return {
    name: "questions",
    title: t(lang, "dash.csv.questions"),
    columns: [
      col(lang, "csv.question", "text"),
      col(lang, "csv.value", "text"),
      col(lang, "csv.n", "number"),
      col(lang, "csv.hiddenInDays", "number"),
    ],
    rows: figures.questions.flatMap((question) =>
      question.kind === "choice"
        ? question.options.map((o) => [question.text[lang], o.label[lang], o.suppressed ? t(lang, "csv.suppressed") : o.n, o.hiddenInDays])
        : // The scale value as a label, written as the CSV has always had it ("7,5"), not a number.
          Object.entries(question.distribution).map(([value, n]) => [question.text[lang], value.replace(".", ","), n, null]),
    ),
    notes: [
      ...(choices.some((q) => q.options.some((o) => o.suppressed)) ? [t(lang, "dash.suppressed.breakdown")] : []),
      ...(choices.some((q) => q.options.some((o) => o.hiddenInDays > 0)) ? [t(lang, "dash.suppressed.pooled")] : []),
    ],
  };
}

export function commentsTable(lang: Lang, figures: CommentsResponse): Table {
  return {
    name: "comments",
    title: t(lang, "dash.csv.comments"),
    columns: [
      col(lang, "csv.question", "text"),
      col(lang, "csv.comment", "text"),
      col(lang, "csv.date", "date"),
      col(lang, "csv.language", "text"),
    ],
    rows: figures.questions.flatMap((question) =>
      question.suppressed
        ? [[question.text[lang], t(lang, "csv.suppressed"), null, null]]
        : question.comments.map((comment) => [
            question.text[lang],
            comment.text,
            comment.date,
            comment.lang ?? t(lang, "comments.langHidden"),
          ]),
    ),
    notes: figures.questions.some((q) => q.suppressed) ? [t(lang, "dash.suppressed.comments")] : [],
  };
}

/** The yardstick rule's "not shown" state, in the source column. */
function withheldText(lang: Lang, reason: YardstickReason): string {
  return t(lang, reason === "whole_months" ? "yardstick.wholeMonths" : "yardstick.tooFewRegions");
}

/** "2019-autumn" → "syksy 2019" / "hösten 2019" / "Autumn 2019"; months and years stay as they are. */
function periodLabel(lang: Lang, key: string): string {
  const term = /^(\d{4})-(spring|autumn)$/.exec(key);
  return term ? t(lang, term[2] === "spring" ? "dash.term.spring" : "dash.term.autumn", { year: term[1]! }) : key;
}
