import { AppError } from "./errors";

/**
 * The first object key that appears twice in the same JSON object, or null. JSON.parse silently
 * keeps the last one ({"grade": 8, "grade": 11} parses as 11), which would hide what a client
 * really sent; an answer given twice is refused instead. Expects text JSON.parse accepts.
 */
export function findDuplicateKey(json: string): string | null {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  let expectKey = false;
  while (i < json.length) {
    const ch = json[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(json.slice(i, end + 1)) as string;
        if (top.has(key)) return key;
        top.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (ch === "{") {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === "[") {
      stack.push(null);
    } else if (ch === "}" || ch === "]") {
      stack.pop();
    } else if (ch === ",") {
      expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    }
    i++;
  }
  return null;
}

/**
 * JSON.parse for request bodies: broken JSON is 400 invalid_json, and a key given twice in one
 * object is 422 with that key named (in the caller's language).
 */
export function parseJsonBody(text: string, duplicateMessage: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json");
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null)
    throw new AppError("validation_failed", undefined, [{ key: duplicate, code: "duplicate", message: duplicateMessage }]);
  return data;
}
