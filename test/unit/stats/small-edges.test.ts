import { describe, expect, it } from "vitest";
import { csvCell } from "../../../src/domain/csv";
import { bucketKey, fillSeries } from "../../../src/domain/stats";

describe("small edges", () => {
  it("writes a missing CSV value (null or undefined) as an empty field", () => {
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(null)).toBe("");
  });
  it("pads years below 1000 to four digits in bucket keys", () => {
    expect(bucketKey("0999-05-01", "year")).toBe("0999");
    expect(bucketKey("0999-05-01", "month")).toBe("0999-05");
    expect(bucketKey("0999-09-01", "term")).toBe("0999-autumn");
  });
  it("names the bucket given twice", () => {
    expect(() =>
      fillSeries(
        ["2019"],
        [
          ["2019", 1],
          ["2019", 2],
        ],
      ),
    ).toThrow("two points for bucket 2019");
  });
});
