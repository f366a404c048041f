// Published days beside a pooled figure: never mixed into the answered mean, each shown with its
// asterisk. Shared by the summary cards, the trend table and the heat map.
import type { PooledGrade } from "../api";
import { count, mean } from "../format";
import { date, t } from "../i18n";

/** "8,5* (4.9.2019), 8,0* (6.11.2019)": every published day of a pool, oldest first. */
export function publishedList(grade: PooledGrade): string | null {
  const part = grade.published;
  if (!part || part.points.length === 0) return null;
  return part.points.map((p) => `${mean(p.mean)}* (${date(p.date)})`).join(", ");
}

/** The n of a pool: for published days only, the respondents where reports gave them, else "not published". */
export function pooledN(grade: PooledGrade): string {
  if (grade.source === "reported" && grade.published?.points.some((p) => p.n === null)) return t("dash.nUnknown");
  return count(grade.n);
}

/** Short text for a table cell: "2 published days", or n and the k answered days behind the figure. */
export function pooledCount(grade: PooledGrade): string {
  if (grade.source === "reported" && grade.published) return t("dash.publishedDaysShort", { days: grade.published.days });
  return t("dash.chart.nk", { n: count(grade.n), k: count(grade.days) });
}
