// A table of pooled figures (regions, themes, a region's themes): one row per group with its mean,
// interval, n and k, and the notes a row needs (small n, published days, days left out).
import type { PooledGrade } from "../../api-types";
import { formatNumber, t } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";
import { ci, mean, percent } from "../figure-text";
import { pooledNAndK } from "./report-parts";

/** Respondents, or "not known" for a figure of published days only. */
function nText(lang: Lang, grade: PooledGrade): string {
  const { n } = pooledNAndK(grade);
  return n === null ? t(lang, "dash.nUnknown") : formatNumber(lang, n);
}

export interface PooledRow {
  readonly label: string;
  readonly events: number;
  readonly attendance?: number;
  readonly responses?: number;
  readonly responseRate?: number | null;
  readonly grade: PooledGrade;
  readonly extra?: string | null;
}

export function rowNotes(lang: Lang, grade: PooledGrade, extra?: string | null): string {
  const notes: string[] = [];
  if (grade.source === "reported") notes.push(t(lang, "dash.note.pooledReported"));
  if (grade.source === "mixed") notes.push(t(lang, "dash.note.pooledMixed"));
  if (grade.smallN && grade.mean !== null) notes.push(t(lang, "dash.note.smallN"));
  if (grade.excludedUnknownN === 1) notes.push(t(lang, "dash.note.excludedOne"));
  if (grade.excludedUnknownN > 1) notes.push(t(lang, "dash.note.excludedMany", { count: grade.excludedUnknownN }));
  if (extra) notes.push(extra);
  return notes.join(" ");
}

export function PooledTable({
  lang,
  id,
  caption,
  groupTitle,
  rows,
  counts,
}: {
  lang: Lang;
  id: string;
  caption: string;
  groupTitle: string;
  rows: readonly PooledRow[];
  /** Show attendance, responses and response rate. */
  counts: boolean;
}) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupTitle}</th>
            <th scope="col" class="num">
              {t(lang, "dash.col.events")}
            </th>
            {counts && (
              <>
                <th scope="col" class="num">
                  {t(lang, "dash.col.attendance")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.responses")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "dash.col.responseRate")}
                </th>
              </>
            )}
            <th scope="col" class="num">
              {t(lang, "dash.col.mean")}
            </th>
            <th scope="col" class="num">
              {t(lang, "dash.col.ci")}
            </th>
            <th scope="col" class="num">
              n
            </th>
            <th scope="col" class="num">
              k
            </th>
            <th scope="col">{t(lang, "dash.col.notes")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <td class="num">{formatNumber(lang, row.events)}</td>
              {counts && (
                <>
                  <td class="num">{row.attendance === undefined ? "–" : formatNumber(lang, row.attendance)}</td>
                  <td class="num">{row.responses === undefined ? "–" : formatNumber(lang, row.responses)}</td>
                  <td class="num">{percent(lang, row.responseRate ?? null)}</td>
                </>
              )}
              <td class="num">
                {mean(lang, row.grade.mean)}
                {row.grade.source === "reported" && "*"}
              </td>
              <td class="num">{ci(lang, row.grade)}</td>
              <td class="num">{nText(lang, row.grade)}</td>
              <td class="num">{formatNumber(lang, pooledNAndK(row.grade).k)}</td>
              <td>{rowNotes(lang, row.grade, row.extra)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
