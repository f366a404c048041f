import { describe, expect, it } from "vitest";
import * as v from "valibot";
import {
  DEFAULT_SORT,
  FOLDED_CAPITALS,
  LIST_SORTS,
  listState,
  NATIONAL_REGION,
  pageWindow,
  searchPattern,
} from "../../src/domain/event-list-query";
import { RegionCode } from "../../src/http/schemas";

describe("listState", () => {
  const open = { opensAt: 100, closesAt: 200, archivedAt: null };
  it("names the window: not open before opensAt, open from it, closed from closesAt", () => {
    expect(listState(open, 99)).toBe("not_open");
    expect(listState(open, 100)).toBe("open");
    expect(listState(open, 199)).toBe("open");
    expect(listState(open, 200)).toBe("closed");
    expect(listState({ opensAt: null, closesAt: null, archivedAt: null }, 0)).toBe("open");
    expect(listState({ opensAt: null, closesAt: 50, archivedAt: null }, 49)).toBe("open");
    expect(listState({ opensAt: 50, closesAt: null, archivedAt: null }, 1e12)).toBe("open");
  });

  it("says cancelled before archived, and archived before the window", () => {
    expect(listState({ ...open, archivedAt: 300, cancelledAt: 10 }, 150)).toBe("cancelled");
    expect(listState({ ...open, archivedAt: 300, cancelledAt: 0 }, 150)).toBe("cancelled");
    expect(listState({ ...open, archivedAt: 300 }, 50)).toBe("archived");
    expect(listState({ ...open, archivedAt: 0, cancelledAt: null }, 150)).toBe("archived");
    expect(listState({ ...open, cancelledAt: undefined }, 150)).toBe("open");
  });
});

describe("searchPattern", () => {
  it("lower-cases, composes and escapes LIKE's wildcards and its escape", () => {
    expect(searchPattern("ÄÄNEKOSKI")).toBe("%äänekoski%");
    expect(searchPattern("A\u0308")).toBe("%ä%"); // decomposed Ä
    expect(searchPattern("50%_off\\x")).toBe("%50\\%\\_off\\\\x%");
  });
});

describe("pageWindow", () => {
  it("shows rows 26–50 of 60 on page 2, and 51–60 on page 3", () => {
    expect(pageWindow(60, 2)).toEqual({ page: 2, pages: 3, offset: 25, first: 26, last: 50, total: 60 });
    expect(pageWindow(60, 3)).toEqual({ page: 3, pages: 3, offset: 50, first: 51, last: 60, total: 60 });
  });

  it("clamps a page before the first or past the last, and shows an empty list as one page of 0–0", () => {
    expect(pageWindow(60, 9)).toMatchObject({ page: 3, offset: 50 });
    expect(pageWindow(60, 0)).toMatchObject({ page: 1, offset: 0, first: 1, last: 25 });
    expect(pageWindow(0, 4)).toEqual({ page: 1, pages: 1, offset: 0, first: 0, last: 0, total: 0 });
    expect(pageWindow(50, 2)).toMatchObject({ pages: 2, first: 26, last: 50 });
    expect(pageWindow(51, 3, 25)).toMatchObject({ pages: 3, first: 51, last: 51 });
    expect(pageWindow(7, 2, 3)).toEqual({ page: 2, pages: 3, offset: 3, first: 4, last: 6, total: 7 });
  });
});

describe("the list's shared constants", () => {
  it("lists newest days first by default", () => {
    expect(LIST_SORTS).toContain(DEFAULT_SORT);
    expect(DEFAULT_SORT).toBe("date_desc");
  });

  it("names national days by a filter value that no region code can be, and that is not empty", () => {
    // An empty value would read as "no filter"; a two-digit value would shadow a region.
    expect(NATIONAL_REGION).not.toBe("");
    expect(v.is(RegionCode, NATIONAL_REGION)).toBe(false);
  });

  it("folds the Finnish and Swedish capitals SQLite's lower() leaves alone, each to its own small letter", () => {
    const capitals = FOLDED_CAPITALS.map(([capital]) => capital);
    for (const letter of ["Ä", "Ö", "Å"]) expect(capitals).toContain(letter);
    for (const [capital, small] of FOLDED_CAPITALS) {
      expect(capital).toMatch(/^\p{Lu}$/u);
      expect(small).toBe(capital.toLowerCase());
    }
  });
});
