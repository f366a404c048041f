// A pooled figure written out in full: mean, its 95% CI and n, the days, people and answers
// behind it, and the notes that say what it rests on.
import type { PooledGrade, YardstickReason } from "../api";
import { h } from "../dom";
import { ciText, count, mean, percent } from "../format";
import { t } from "../i18n";
import { pooledNotes } from "./grade-notes";
import { pooledN, publishedList } from "./published-events";
import { MIN_CELL } from "../../../../src/domain/stats/suppression";
import { MIN_OTHER_REGIONS } from "../../../../src/domain/stats/yardstick";

export interface CardFigures {
  readonly title: string;
  readonly grade: PooledGrade;
  readonly events: number;
  readonly attendance: number;
  readonly responses: number;
  readonly responseRate?: number | null;
  readonly rateExcludedOver100?: number;
}

export function figuresCard(figures: CardFigures, id: string): HTMLElement {
  const g = figures.grade;
  const notes = pooledNotes(g);
  const row = (term: string, value: string, extra?: string) => [
    h("dt", {}, term),
    h("dd", {}, value, extra ? h("span", { className: "small-note" }, ` ${extra}`) : null),
  ];
  return h(
    "div",
    { className: "card", id },
    h("h3", {}, figures.title),
    g.mean === null
      ? h("p", { className: "big" }, h("span", { className: "big-caption" }, t("dash.card.noMean")))
      : h(
          "p",
          { className: "big" },
          h("span", { className: "big-number" }, `${mean(g.mean)}${g.source === "reported" ? "*" : ""}`),
          " ",
          h("span", { className: "big-caption" }, t("dash.card.meanGrade")),
        ),
    h(
      "dl",
      { className: "figures" },
      row(t("dash.col.ci"), ciText(g)),
      row(t("dash.col.n"), pooledN(g)),
      // A figure made of published days alone rests on those days (the answered part has none).
      row(t("dash.col.days"), count(g.source === "reported" && g.published ? g.published.days : g.days)),
      g.published ? row(t("dash.col.publishedDays"), publishedList(g) ?? "–") : null,
      row(t("dash.col.events"), count(figures.events)),
      row(t("dash.col.attendance"), count(figures.attendance)),
      row(t("dash.col.responses"), count(figures.responses)),
      figures.responseRate === undefined ? null : row(t("dash.col.responseRate"), percent(figures.responseRate)),
    ),
    notes.length > 0 || (figures.rateExcludedOver100 ?? 0) > 0
      ? h(
          "ul",
          { className: "notes" },
          [...notes, ...((figures.rateExcludedOver100 ?? 0) > 0 ? [t("rate.excludedNote", { n: figures.rateExcludedOver100! })] : [])].map(
            (note) => h("li", {}, note),
          ),
        )
      : null,
  );
}

/** The comparison figure withheld by the yardstick rule: what would be there, and why it is not. */
export function withheldCard(title: string, reason: YardstickReason, id: string): HTMLElement {
  return h(
    "div",
    { className: "card card-withheld", id },
    h("h3", {}, title),
    h("p", { className: "big" }, h("span", { className: "big-caption" }, withheldText(reason))),
    h("p", { className: "small-note" }, t("yardstick.rule", { regions: MIN_OTHER_REGIONS, k: MIN_CELL })),
  );
}

export function withheldText(reason: YardstickReason): string {
  return reason === "whole_months" ? t("yardstick.wholeMonths") : t("yardstick.tooFewRegions");
}
