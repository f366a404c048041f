import { describe, expect, it } from "vitest";
import { rateStatus, responseRate, surveyHasRun } from "../../../src/domain/stats";

describe("responseRate", () => {
  it.each([
    { responses: 40, attendance: 47, expected: 0.851064 }, // 40/47
    { responses: 47, attendance: 47, expected: 1 },
    { responses: 0, attendance: 59, expected: 0 },
    { responses: 60, attendance: 47, expected: 1.276596 }, // 60/47: not clamped, the head count is suspect
    { responses: 12, attendance: null, expected: null }, // no head count recorded
    { responses: 12, attendance: 0, expected: null }, // 12/0 would be Infinity
    { responses: 0, attendance: 0, expected: null }, // 0/0 would be NaN
  ])("$responses / $attendance → $expected", ({ responses, attendance, expected }) => {
    const rate = responseRate(responses, attendance);
    if (expected === null) expect(rate).toBeNull();
    else expect(rate).toBeCloseTo(expected, 6);
  });

  it.each([
    { responses: -1, attendance: 10 },
    { responses: Number.NaN, attendance: 10 },
    { responses: 1, attendance: -5 },
    { responses: 1, attendance: Number.POSITIVE_INFINITY },
  ])("throws for $responses / $attendance", ({ responses, attendance }) => {
    expect(() => responseRate(responses, attendance)).toThrow(RangeError);
  });
});

describe("rateStatus and surveyHasRun", () => {
  it.each([
    [{ attendance: 40, responses: 20, reportedOnly: false, surveyRan: true }, "counted"],
    [{ attendance: 40, responses: 0, reportedOnly: false, surveyRan: true }, "counted"],
    [{ attendance: 40, responses: 41, reportedOnly: false, surveyRan: true }, "over_100"],
    [{ attendance: 40, responses: 40, reportedOnly: false, surveyRan: true }, "counted"],
    [{ attendance: 40, responses: 0, reportedOnly: false, surveyRan: false }, "not_run"],
    [{ attendance: null, responses: 5, reportedOnly: false, surveyRan: true }, "no_head_count"],
    [{ attendance: 0, responses: 5, reportedOnly: false, surveyRan: true }, "no_head_count"],
    [{ attendance: 47, responses: 0, reportedOnly: true, surveyRan: false }, "reported"],
  ] as const)("%o → %s", (event, status) => expect(rateStatus(event)).toBe(status));

  it("a survey has run once it has answers, has closed, or was archived", () => {
    expect(surveyHasRun({ responses: 0, closesAt: null, archivedAt: null }, 1000)).toBe(false);
    expect(surveyHasRun({ responses: 0, closesAt: 2000, archivedAt: null }, 1000)).toBe(false);
    expect(surveyHasRun({ responses: 0, closesAt: 1000, archivedAt: null }, 1000)).toBe(true);
    expect(surveyHasRun({ responses: 1, closesAt: null, archivedAt: null }, 1000)).toBe(true);
    expect(surveyHasRun({ responses: 0, closesAt: null, archivedAt: 5 }, 1000)).toBe(true);
  });
});
