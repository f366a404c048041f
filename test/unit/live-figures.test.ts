import { describe, expect, it } from "vitest";
import { BAR_STEPS, barClass, formatLiveMean, liveFigures, ratePercent, releasedResponses } from "../../src/domain/live-figures";
import { MIN_CELL } from "../../src/domain/stats";

const EVENT = { id: 1, title: "Päivä", date: "2019-09-04" };

describe("live figures", () => {
  it("releases answers in whole steps of k (the k rule of src/domain/stats/suppression.ts)", () => {
    expect(MIN_CELL).toBe(5);
    expect([0, 4, 5, 9, 10, 14, 47].map((n) => releasedResponses(n))).toEqual([0, 0, 5, 5, 10, 10, 45]);
    expect(releasedResponses(7, 3)).toBe(6);
  });

  it("shows a scale figure only from k answers, with every scale value", () => {
    const below = liveFigures({
      event: EVENT,
      cancelled: false,
      responses: 4,
      attendance: null,
      gradeCounts: new Map([[8, 4]]),
      usefulnessCounts: new Map(),
    });
    expect(below).toMatchObject({ responses: 4, rate: null, released: 0, grade: null, usefulness: null, minAnswers: 5 });
    const at = liveFigures({
      event: EVENT,
      cancelled: false,
      responses: 5,
      attendance: 47,
      gradeCounts: new Map([
        [10, 2],
        [7, 3],
      ]),
      usefulnessCounts: new Map([[3, 4]]),
    });
    // (2·10 + 3·7) / 5 = 41 / 5 = 8.2
    expect(at.grade?.mean).toBeCloseTo(8.2, 12);
    expect(at.grade?.distribution.map((d) => d.count)).toEqual([0, 0, 0, 3, 0, 0, 2]);
    expect(at.usefulness).toBeNull();
    expect(at.rate).toBeCloseTo(5 / 47, 12);
  });

  it("shows no figures for a cancelled day", () => {
    const figures = liveFigures({
      event: EVENT,
      cancelled: true,
      responses: 12,
      attendance: 20,
      gradeCounts: new Map([[9, 12]]),
      usefulnessCounts: new Map([[5, 12]]),
    });
    expect(figures).toMatchObject({ cancelled: true, released: 0, grade: null, usefulness: null, responses: 12 });
  });

  it("formats what the screen shows", () => {
    expect(formatLiveMean("fi", 8.25)).toBe("8,3");
    expect(formatLiveMean("sv", 8)).toBe("8,0");
    expect(formatLiveMean("en", 7.04)).toBe("7.0");
    expect(ratePercent(null)).toBeNull();
    expect(ratePercent(0.125)).toBe(13);
    expect(ratePercent(1.2)).toBe(120);
    expect(barClass(0, 0)).toBe("bar w-0");
    expect(barClass(3, 3)).toBe("bar w-100");
    expect(barClass(1, 3)).toBe("bar w-35");
  });

  it("has a width class (BAR_STEPS) for every bar barClass can give: 0 to 100 in steps of 5", () => {
    expect(BAR_STEPS).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100]);
    for (let count = 0; count <= 40; count++) expect(BAR_STEPS).toContain(Number(barClass(count, 40).slice("bar w-".length)));
  });
});
