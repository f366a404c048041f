import { describe, expect, it } from "vitest";
import { surveyState } from "../../src/domain/survey-state";

// opens_at inclusive, closes_at exclusive, epoch ms; null is no limit.
describe("surveyState", () => {
  const window = { opensAt: 1_000, closesAt: 2_000 };
  it.each([
    [999, "not_open"],
    [1_000, "open"],
    [1_999, "open"],
    [2_000, "closed"],
    [2_001, "closed"],
  ])("at %s → %s", (now, state) => {
    expect(surveyState(window, now)).toBe(state);
  });
  it("is open forever without limits, and has only the limit it is given", () => {
    expect(surveyState({ opensAt: null, closesAt: null }, 0)).toBe("open");
    expect(surveyState({ opensAt: null, closesAt: 2_000 }, 0)).toBe("open");
    expect(surveyState({ opensAt: null, closesAt: 2_000 }, 2_000)).toBe("closed");
    expect(surveyState({ opensAt: 1_000, closesAt: null }, 999)).toBe("not_open");
    expect(surveyState({ opensAt: 1_000, closesAt: null }, 1e15)).toBe("open");
  });
});
