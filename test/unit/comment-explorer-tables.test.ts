import { describe, expect, it } from "vitest";
import type { CommentExplorerResponse, ExplorerComment } from "../../src/api-types";
import { commentCategoriesTable, commentSelectionTable } from "../../src/domain/comment-explorer-tables";

// The comment explorer's downloads, checked cell by cell against the English texts written out here
// (not built with t()), so a dropped column, a swapped cell or a lost note fails.
const comment = (over: Partial<ExplorerComment>): ExplorerComment => ({
  ref: "r1",
  text: "Hyvä päivä",
  date: "2026-05-04",
  eventId: 1,
  region: "16",
  question: "What was good?",
  lang: "fi",
  categories: [],
  ...over,
});

const figures = (over: Partial<CommentExplorerResponse["comments"]> = {}): CommentExplorerResponse => ({
  minCell: 5,
  comments: {
    suppressed: false,
    n: 7,
    withheldLists: 0,
    items: [comment({ categories: [2, 1] }), comment({ ref: "r2", text: "=kiva", date: "2026-05-05", lang: null, categories: [9] })],
    ...over,
  },
  terms: [],
  phrases: [],
  contrast: null,
  categories: [
    { id: 1, name: { fi: "Ruoka", sv: "Mat", en: "Food" }, n: 6 },
    { id: 2, name: { fi: "Tilat", sv: "Lokaler", en: "Premises" }, n: null },
  ],
});

const kRule = "Comments, words and category counts are shown only when there are at least 5.";

describe("commentSelectionTable", () => {
  it("lists each comment with its date, question, text, language and categories by name in the reader's language", () => {
    expect(commentSelectionTable("en", figures())).toEqual({
      name: "comment-selection",
      title: "the comment selection",
      columns: [
        { title: "Date", type: "date" },
        { title: "Question", type: "text" },
        { title: "Comment", type: "text" },
        { title: "Language", type: "text" },
        { title: "Categories", type: "text" },
      ],
      rows: [
        ["2026-05-04", "What was good?", "Hyvä päivä", "fi", "Premises, Food"],
        // A hidden language is said so; a category the figures do not name shows its id.
        ["2026-05-05", "What was good?", "=kiva", "language hidden", "9"],
      ],
      notes: [kRule],
    });
    expect(commentSelectionTable("fi", figures()).rows[0]).toEqual(["2026-05-04", "What was good?", "Hyvä päivä", "fi", "Tilat, Ruoka"]);
  });

  it("shows one 'hidden' row instead of the comments under k, and says how many day lists were withheld", () => {
    const table = commentSelectionTable("en", figures({ suppressed: true, n: null, withheldLists: 3 }));
    expect(table.rows).toEqual([[null, null, "Hidden (fewer than 5 answers)", null, null]]);
    expect(table.notes).toEqual([kRule, "The comments of 3 day questions were left out because there were fewer than 5."]);
  });
});

describe("commentCategoriesTable", () => {
  it("counts comments per category, 'fewer than k' for a count under k", () => {
    expect(commentCategoriesTable("en", figures({ withheldLists: 1 }))).toEqual({
      name: "comment-categories",
      title: "comments per category",
      columns: [
        { title: "Category", type: "text" },
        { title: "n", type: "number" },
      ],
      rows: [
        ["Food", 6],
        ["Premises", "fewer than 5"],
      ],
      notes: [kRule, "The comments of 1 day questions were left out because there were fewer than 5."],
    });
  });
});
