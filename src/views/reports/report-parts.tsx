// What every printable report has (issue 17): the heading with its period, the date and source of
// the data, a mean chart drawn as SVG on the server (so "Save as PDF" needs no script and the
// figures are text in the PDF), and the caveats. Page numbers come from the @page rules in
// report-styles.ts.
import type { PooledGrade } from "../../api-types";
import { standingCaveats } from "../../domain/export-files";
import { formatDate, formatNumber, formatShortDate, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { helsinkiLocal } from "../../domain/helsinki-time";
import { tokens } from "../design-tokens";
import { ci, mean, percent } from "../figure-text";

export interface Period {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export function periodText(lang: Lang, period: Period): string {
  if (!period.from && !period.to) return t(lang, "report.period.all");
  return `${period.from ? formatDate(lang, period.from) : ""}–${period.to ? formatDate(lang, period.to) : ""}`;
}

/** The report's title, period, the date and source of its data, and how to print it. */
export function ReportHeading({ lang, title, period, generatedAt }: { lang: Lang; title: string; period: Period; generatedAt: number }) {
  return (
    <div class="report-head">
      <h1>{title}</h1>
      <p class="report-meta">{t(lang, "report.period", { period: periodText(lang, period) })}</p>
      <p class="report-meta">{t(lang, "report.source", { date: formatShortDate(lang, helsinkiLocal(generatedAt).slice(0, 10)) })}</p>
      <p class="hint no-print">{t(lang, "report.print")}</p>
    </div>
  );
}

/** "n = 123, k = 4" (k only for a pool of days). */
export function nk(lang: Lang, n: number | null, k?: number): string {
  const nText = n === null ? t(lang, "dash.nUnknown") : formatNumber(lang, n);
  return k === undefined ? t(lang, "report.figure.n", { n: nText }) : t(lang, "report.figure.nk", { n: nText, k });
}

/** n and k of a pooled figure; a figure of published days only has no known n, and its k is the
 *  published days it averages. */
export function pooledNk(lang: Lang, grade: PooledGrade): string {
  const { n, k } = pooledNAndK(grade);
  return nk(lang, n, k);
}

/** The n and k a pooled figure rests on: for published days only, n is not known (null) and k is
 *  the published days averaged; otherwise the respondents and the days with answers. */
export function pooledNAndK(grade: PooledGrade): { readonly n: number | null; readonly k: number } {
  return grade.source === "reported" ? { n: null, k: grade.published?.days ?? grade.eventsPooled } : { n: grade.n, k: grade.days };
}

/** The counts and pooled grade of a region or an area over the period, as the key-figure rows
 *  (`<dt>`/`<dd>` pairs) every pooled report opens with; the page adds its own rows after them. */
export function PooledKeyFacts({
  lang,
  figure,
}: {
  lang: Lang;
  figure: { events: number; attendance: number; responses: number; responseRate: number | null; grade: PooledGrade };
}) {
  return (
    <>
      <dt>{t(lang, "dash.col.events")}</dt>
      <dd>{formatNumber(lang, figure.events)}</dd>
      <dt>{t(lang, "dash.col.attendance")}</dt>
      <dd>{formatNumber(lang, figure.attendance)}</dd>
      <dt>{t(lang, "dash.col.responses")}</dt>
      <dd>{formatNumber(lang, figure.responses)}</dd>
      <dt>{t(lang, "dash.col.responseRate")}</dt>
      <dd>{percent(lang, figure.responseRate)}</dd>
      <dt>{t(lang, "dash.col.mean")}</dt>
      <dd>
        {mean(lang, figure.grade.mean)}
        {figure.grade.source === "reported" && "*"} ({pooledNk(lang, figure.grade)})
      </dd>
      <dt>{t(lang, "dash.col.ci")}</dt>
      <dd>{ci(lang, figure.grade)}</dd>
    </>
  );
}

/** A pooled figure as a chart row. */
export function pooledRow(label: string, grade: PooledGrade): ChartRow {
  const reported = grade.source === "reported";
  return {
    label,
    mean: grade.mean,
    ci95: grade.ci95,
    ...pooledNAndK(grade),
    reported,
  };
}

export interface ChartRow {
  readonly label: string;
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly n: number | null;
  readonly k?: number;
  /** A published figure (marked with *). */
  readonly reported?: boolean;
}

const SCALE = { min: 4, max: 10 } as const;
const LAYOUT = { width: 720, labelWidth: 190, plotWidth: 290, rowHeight: 22, top: 24 } as const;

/** Horizontal bars of means on the 4–10 scale with their 95 % intervals (cut at the scale's ends),
 *  each labelled with its mean, n and k. The same figures are in the table beside it. */
export function MeanChart({ lang, id, caption, rows }: { lang: Lang; id: string; caption: string; rows: readonly ChartRow[] }) {
  const { width, labelWidth, plotWidth, rowHeight, top } = LAYOUT;
  const height = top + rows.length * rowHeight + 8;
  const x = (value: number) =>
    labelWidth + ((Math.min(Math.max(value, SCALE.min), SCALE.max) - SCALE.min) / (SCALE.max - SCALE.min)) * plotWidth;
  const ticks = [4, 5, 6, 7, 8, 9, 10];
  return (
    <figure class="report-chart">
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-caption`} width="100%">
        <title>{caption}</title>
        {ticks.map((tick) => (
          <g>
            <line x1={x(tick)} x2={x(tick)} y1={top - 6} y2={height - 8} stroke={tokens.color.brandLight} stroke-width="1" />
            <text x={x(tick)} y={top - 10} font-size="11" text-anchor="middle" fill={tokens.color.ink}>
              {String(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = top + i * rowHeight;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 15} font-size="12" text-anchor="end" fill={tokens.color.ink}>
                {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
              </text>
              {row.mean !== null && (
                <rect x={x(SCALE.min)} y={y + 4} width={x(row.mean) - x(SCALE.min)} height={rowHeight - 8} fill={tokens.color.brand} />
              )}
              {row.ci95 && (
                <line
                  x1={x(row.ci95[0])}
                  x2={x(row.ci95[1])}
                  y1={y + rowHeight / 2}
                  y2={y + rowHeight / 2}
                  stroke={tokens.color.ink}
                  stroke-width="2"
                />
              )}
              <text x={labelWidth + plotWidth + 8} y={y + 15} font-size="12" fill={tokens.color.ink}>
                {`${mean(lang, row.mean)}${row.reported ? "*" : ""} · ${nk(lang, row.n, row.k)}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The caveats every report carries, then the report's own. */
export function CaveatsSection({ lang, extra = [] }: { lang: Lang; extra?: readonly string[] }) {
  return (
    <section aria-labelledby="caveats-heading" class="report-caveats">
      <h2 id="caveats-heading">{t(lang, "report.caveats")}</h2>
      <ul>
        {[...extra, ...standingCaveats(lang)].map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/** A day's grades as vertical bars, one per scale value, each with its count; n in the caption. */
export function DistributionChart({
  lang,
  id,
  distribution,
  n,
}: {
  lang: Lang;
  id: string;
  distribution: Readonly<Record<string, number>>;
  n: number;
}) {
  const values = Object.keys(distribution).sort((a, b) => Number(a) - Number(b));
  const most = Math.max(1, ...values.map((v) => distribution[v]!));
  const width = 40 + values.length * 48;
  const plot = 120;
  return (
    <figure class="report-chart">
      <figcaption id={`${id}-caption`}>{t(lang, "report.chart.distribution", { n })}</figcaption>
      <svg viewBox={`0 0 ${width} ${plot + 40}`} role="img" aria-labelledby={`${id}-caption`} width="100%">
        <title>{t(lang, "report.chart.distribution", { n })}</title>
        {values.map((value, i) => {
          const count = distribution[value]!;
          const h = (count / most) * (plot - 20);
          const x = 20 + i * 48;
          return (
            <g>
              <rect x={x} y={plot - h} width="36" height={h} fill={tokens.color.brand} />
              <text x={x + 18} y={plot - h - 4} font-size="12" text-anchor="middle" fill={tokens.color.ink}>
                {formatNumber(lang, count)}
              </text>
              <text x={x + 18} y={plot + 16} font-size="12" text-anchor="middle" fill={tokens.color.ink}>
                {value.replace(".", lang === "en" ? "." : ",")}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
