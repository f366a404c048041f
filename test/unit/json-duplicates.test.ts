import { describe, expect, it } from "vitest";
import { findDuplicateKey } from "../../src/http/json-duplicates";

describe("findDuplicateKey", () => {
  it.each([
    ['{"a":1,"b":2}', null],
    ['{"a":1,"a":2}', "a"],
    ['{"answers":{"grade":8,"grade":11}}', "grade"],
    ['{"a":{"x":1},"b":{"x":2}}', null],
    ['[{"a":1},{"a":2}]', null],
    ['{"a":"\\"a\\"","b":"a"}', null],
    ['{"a\\u0062":1,"ab":2}', "ab"],
    ['{"list":["a","a"],"x":1}', null],
    ['{"o":{"k":[{"k":1}],"k":2}}', "k"],
    ["8", null],
  ])("%s → %s", (json, expected) => {
    JSON.parse(json);
    expect(findDuplicateKey(json)).toBe(expected);
  });
});
