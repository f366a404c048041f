// A pooled figure written out in full: mean, its 95% CI and n, the days, people and answers
// behind it, and the notes that say what it rests on.
import type { PooledGrade } from "../api";
import { h } from "../dom";
import { count, interval, mean, percent } from "../format";
import { t } from "../i18n";
import { pooledNotes } from "./grade-notes";
import { pooledN, publishedList } from "./published-days";

export interface CardFigures {
  readonly title: string;
  readonly grade: PooledGrade;
  readonly events: number;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate?: number | null;
}

export function figuresCard(figures: CardFigures, id: string): HTMLElement {
  const g = figures.grade;
  const notes = pooledNotes(g);
  const row = (term: string, value: string, extra?: string) => [h("dt", {}, term), h("dd", {}, value, extra ? h("span", { className: "small-note" }, ` ${extra}`) : null)];
  return h(
    "div",
    { className: "card", id },
    h("h3", {}, figures.title),
    g.mean === null
      ? h("p", { className: "big" }, h("span", { className: "big-caption" }, t("dash.card.noMean")))
      : h("p", { className: "big" }, h("span", { className: "big-number" }, `${mean(g.mean)}${g.source === "reported" ? "*" : ""}`), " ", h("span", { className: "big-caption" }, t("dash.card.meanGrade"))),
    h(
      "dl",
      { className: "figures" },
      row(t("dash.col.ci"), interval(g.ci95)),
      row(t("dash.col.n"), pooledN(g)),
      g.published ? row(t("dash.col.publishedDays"), publishedList(g) ?? "–") : null,
      row(t("dash.col.events"), count(figures.events)),
      row(t("dash.col.attendance"), count(figures.attendance)),
      row(t("dash.col.responses"), count(figures.responses)),
      figures.responseRate === undefined ? null : row(t("dash.col.responseRate"), percent(figures.responseRate)),
    ),
    notes.length > 0 ? h("ul", { className: "notes" }, notes.map((note) => h("li", {}, note))) : null,
  );
}
