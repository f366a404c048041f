// The comment explorer's downloads as format-neutral tables (src/domain/table.ts), offered in every
// format of TABLE_WRITERS like the dashboards' (src/routes/exports.ts): the listed comments with
// their categories, and the counts per category. Same figures and k rule as the screen.
import type { CommentExplorerResponse } from "../api-types";
import { t } from "./i18n";
import type { Lang } from "./lang";
import type { Table } from "./table";

const categoryNames = (lang: Lang, figures: CommentExplorerResponse) =>
  new Map(figures.categories.map((category) => [category.id, category.name[lang]]));

const kRuleNotes = (lang: Lang, figures: CommentExplorerResponse) => [
  t(lang, "explorer.note.kRule", { k: figures.minCell }),
  ...(figures.comments.withheldLists > 0 ? [t(lang, "explorer.note.withheld", { n: figures.comments.withheldLists })] : []),
];

export function commentSelectionTable(lang: Lang, figures: CommentExplorerResponse): Table {
  const names = categoryNames(lang, figures);
  return {
    name: "comment-selection",
    title: t(lang, "explorer.csv.comments"),
    columns: [
      { title: t(lang, "csv.date"), type: "date" },
      { title: t(lang, "csv.question"), type: "text" },
      { title: t(lang, "csv.comment"), type: "text" },
      { title: t(lang, "csv.language"), type: "text" },
      { title: t(lang, "explorer.categories"), type: "text" },
    ],
    rows: figures.comments.suppressed
      ? [[null, null, t(lang, "csv.suppressed"), null, null]]
      : figures.comments.items.map((c) => [
          c.date,
          c.question,
          c.text,
          c.lang ?? t(lang, "comments.langHidden"),
          c.categories.map((id) => names.get(id) ?? String(id)).join(", "),
        ]),
    notes: kRuleNotes(lang, figures),
  };
}

export function commentCategoriesTable(lang: Lang, figures: CommentExplorerResponse): Table {
  return {
    name: "comment-categories",
    title: t(lang, "explorer.csv.categories"),
    columns: [
      { title: t(lang, "explorer.category"), type: "text" },
      { title: t(lang, "csv.n"), type: "number" },
    ],
    rows: figures.categories.map((category) => [category.name[lang], category.n ?? t(lang, "explorer.fewerThanK", { k: figures.minCell })]),
    notes: kRuleNotes(lang, figures),
  };
}
