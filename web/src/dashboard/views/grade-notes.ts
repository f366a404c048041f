// The words that keep numbers from misleading: where a figure comes from (responses or a
// published report), what was left out of a pooled mean and why, and when n is too small.
import type { EventGrade, PooledGrade } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { publishedList } from "./published-events";

/** Short marks for a day's row in a table. */
export function eventGradeNotes(grade: EventGrade): string[] {
  const notes: string[] = [];
  // An unpublished n is said in the n column ("not published"), so the note stays short.
  if (grade.source === "reported") notes.push(t("dash.note.reported"));
  if (grade.source === "none") notes.push(t("dash.note.noResponses"));
  if (grade.smallN && grade.source !== "none" && grade.mean !== null) notes.push(t("dash.note.smallN"));
  if (grade.sd === 0) notes.push(t("dash.note.sdZero"));
  return notes;
}

/** Sentences under a pooled figure (a region, the whole country, a theme). */
export function pooledNotes(grade: PooledGrade): string[] {
  const notes: string[] = [];
  // Published days are never mixed into the answers' figure (src/domain/analytics.ts withPublishedEvents).
  if (grade.source === "reported") notes.push(t("dash.note.publishedDays", { days: grade.published?.days ?? grade.eventsPooled }));
  if (grade.source === "mixed" && grade.published)
    notes.push(t("dash.note.publishedBeside", { days: grade.published.days, means: publishedList(grade) ?? "" }));
  if (grade.excludedUnknownN === 1) notes.push(t("dash.note.excludedOne"));
  if (grade.excludedUnknownN > 1) notes.push(t("dash.note.excludedMany", { count: grade.excludedUnknownN }));
  if (grade.mean !== null && grade.ci95 === null && grade.source === "reported") notes.push(t("dash.note.noCiReported"));
  if (grade.smallN && grade.mean !== null) notes.push(t("dash.note.smallNLong"));
  if (grade.sd === 0) notes.push(t("dash.note.sdZero"));
  if (grade.mean !== null && grade.ciWithheld !== null) notes.push(t("dash.note.ciMinimum"));
  return notes;
}

/** Short marks for a pooled figure's table row. */
export function pooledMarks(grade: PooledGrade): string[] {
  const marks: string[] = [];
  if (grade.source === "reported") marks.push(t("dash.mark.reported"));
  if (grade.source === "mixed") marks.push(t("dash.mark.mixed"));
  if (grade.excludedUnknownN > 0) marks.push(t("dash.mark.excluded", { count: grade.excludedUnknownN }));
  if (grade.smallN && grade.mean !== null) marks.push(t("dash.note.smallN"));
  return marks;
}

export function notesCell(notes: readonly string[]) {
  return notes.length === 0
    ? ""
    : h(
        "ul",
        { className: "marks" },
        notes.map((note) => h("li", {}, note)),
      );
}

/** Explains the * and ! marks used in tables and chart labels. */
export function marksKey(): HTMLElement {
  return h("p", { className: "small-note marks-key" }, t("dash.marks.key"));
}
