// Results per question over the region's days: Likert and grade questions with their mean, 95% CI,
// n and distribution; background questions (sector) as a mix in which groups under 5 are hidden.
import type { DataFilter, QuestionStatsResponse } from "../api";
import { h, idFor } from "../dom";
import { count, interval, mean, percent } from "../format";
import { lang, t } from "../i18n";
import { dataTable } from "./data-table";
import { downloadLinks, emptyState, section } from "./section";
import type { ViewContext } from "./view-context";

type Question = QuestionStatsResponse["questions"][number];

export function questionsSection(ctx: ViewContext, stats: QuestionStatsResponse, filter: DataFilter): HTMLElement {
  const blocks = stats.questions.map((q) =>
    h(
      "div",
      { className: "question", id: idFor("question", q.key) },
      h("h3", {}, q.text[ctx.state.lang]),
      q.kind === "choice" ? choiceResult(q, filter.event === undefined) : scaleResult(q),
    ),
  );
  return section(
    "questions",
    t("dash.questions.title"),
    blocks.length > 0 ? blocks : emptyState(t("dash.empty.questions")),
    downloadLinks("questions", filter, t("dash.csv.questions")),
  );
}

function scaleResult(q: Extract<Question, { kind: "grade" | "likert" }>): Node[] {
  const values = Object.keys(q.distribution).sort((a, b) => Number(a) - Number(b));
  const total = values.reduce((sum, v) => sum + (q.distribution[v] ?? 0), 0);
  return [
    h(
      "p",
      { className: "question-figure" },
      t("dash.questions.meanLine", { mean: mean(q.mean), ci: interval(q.ci95), n: count(q.n) }),
      q.smallN ? h("strong", { className: "warn" }, ` ${t("dash.note.smallN")}`) : null,
    ),
    // The same words the participants saw under the question, so the scale reads the same way.
    h("p", { className: "small-note" }, t(q.kind === "grade" ? "survey.gradeHint" : "survey.likertHint")),
    dataTable<string>({
      id: idFor("table-question", q.key),
      caption: t("dash.questions.distributionCaption", { question: q.text[lang()] }),
      rows: values,
      className: "compact",
      columns: [
        { label: q.kind === "grade" ? t("dash.col.grade") : t("dash.col.answer"), cell: (v) => v },
        { label: t("dash.col.count"), numeric: true, cell: (v) => count(q.distribution[v] ?? 0) },
        { label: t("dash.col.share"), cell: (v) => shareBar(total === 0 ? 0 : (q.distribution[v] ?? 0) / total) },
      ],
    }),
  ];
}

/** pooled: many days, each released as its own table (an option may be hidden in some of them). */
function choiceResult(q: Extract<Question, { kind: "choice" }>, pooled: boolean): Node[] {
  const hidden = q.options.some((o) => o.suppressed);
  const partial = pooled && q.options.some((o) => o.hiddenInDays > 0);
  return [
    h("p", { className: "question-figure" }, t("dash.questions.choiceLine", { n: count(q.n) })),
    dataTable<(typeof q.options)[number]>({
      id: idFor("table-question", q.key),
      caption: t("dash.questions.mixCaption", { question: q.text[lang()] }),
      rows: q.options,
      className: "compact",
      columns: [
        { label: t("dash.col.group"), cell: (o) => o.label[lang()] },
        {
          label: t("dash.col.count"),
          numeric: true,
          cell: (o) => (o.suppressed || o.n === null ? t("dash.suppressed.short") : count(o.n)),
        },
        { label: t("dash.col.share"), cell: (o) => (o.suppressed || o.n === null || q.n === 0 ? "" : shareBar(o.n / q.n)) },
        ...(partial
          ? [{ label: t("dash.col.hiddenInDays"), numeric: true, cell: (o: (typeof q.options)[number]) => count(o.hiddenInDays) }]
          : []),
      ],
    }),
    hidden || partial ? h("p", { className: "small-note" }, t("dash.suppressed.breakdown")) : null,
    partial ? h("p", { className: "small-note" }, t("dash.suppressed.pooled", { n: q.hiddenN })) : null,
  ].filter((node): node is HTMLElement => node !== null);
}

/** A share as a number and a bar; the number carries the meaning, the bar helps the eye. */
function shareBar(share: number): HTMLElement {
  const bar = h("span", { className: "bar", "aria-hidden": "true" });
  bar.style.width = `${Math.round(share * 100)}%`;
  return h(
    "span",
    { className: "share" },
    h("span", { className: "share-value" }, percent(share)),
    h("span", { className: "bar-track" }, bar),
  );
}
