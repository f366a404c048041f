// Open comments ("good", "improve") of each day, newest day first and newest comment first (the
// API's order). A list with fewer than 5 comments stays hidden: it could point at a person.
import type { CommentsResponse, EventSummary } from "../api";
import { h, idFor } from "../dom";
import { count } from "../format";
import { date, t } from "../i18n";
import { dayName } from "./day-title";
import { downloadLinks, section } from "./section";
import type { ViewContext } from "./view-context";

export function commentsSection(
  ctx: ViewContext,
  events: readonly EventSummary[],
  comments: ReadonlyMap<number, CommentsResponse | null>,
): HTMLElement {
  const newestFirst = [...events].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const blocks = newestFirst.map((event) => {
    const result = comments.get(event.id);
    return h(
      "article",
      { className: "day-comments", id: idFor("comments", event.id), "aria-labelledby": idFor("comments", event.id, "title") },
      h("h3", { id: idFor("comments", event.id, "title") }, `${date(event.date)} – `, dayName(event, ctx.state.lang)),
      eventComments(ctx, event, result),
      result ? downloadLinks("comments", { event: event.id }, t("dash.csv.dayComments", { date: date(event.date) })) : null,
    );
  });
  return section("comments", t("dash.comments.title"), blocks);
}

function eventComments(ctx: ViewContext, event: EventSummary, result: CommentsResponse | null | undefined): Node[] {
  if (event.grade.source === "reported") return [h("p", { className: "small-note" }, t("dash.comments.reported"))];
  if (event.archivedOn) return [h("p", { className: "small-note" }, t("dash.archived", { date: date(event.archivedOn) }))];
  if (event.responses === 0) return [h("p", { className: "small-note" }, t("dash.note.noResponses"))];
  if (result === null || result === undefined) return [h("p", { className: "small-note" }, t("dash.error.section"))];
  return [...result.questions].sort(byQuestionKey).map((q) =>
    h(
      "div",
      { className: "comment-list" },
      // A hidden list's size is itself withheld.
      h(
        "h4",
        {},
        q.text[ctx.state.lang],
        q.suppressed ? null : h("span", { className: "small-note" }, ` (${t("dash.comments.count", { n: count(q.n) })})`),
      ),
      q.suppressed
        ? h("p", { className: "small-note" }, t("dash.suppressed.comments"))
        : q.comments.length === 0
          ? h("p", { className: "small-note" }, t("dash.comments.none"))
          : h(
              "ul",
              { className: "comments" },
              q.comments.map((c) => h("li", c.lang ? { lang: c.lang } : {}, c.text)),
            ),
    ),
  );
}

/** The core questions in the order of the form ("good" before "improve") on every day alike. */
const CORE_ORDER = ["good", "improve"];

function byQuestionKey(a: { key: string }, b: { key: string }): number {
  const rank = (key: string) => (CORE_ORDER.includes(key) ? CORE_ORDER.indexOf(key) : CORE_ORDER.length);
  return rank(a.key) - rank(b.key) || a.key.localeCompare(b.key);
}
