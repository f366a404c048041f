import type { Context } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../app-env";
import { t, type MessageKey } from "../domain/i18n";
import { chooseLang, type Lang } from "../domain/lang";
import { decodeUtf8, mediaType, readLimitedBody } from "./body";
import { AppError, type FieldProblem } from "./errors";
import { parseJsonBody } from "./json-duplicates";

/** Staff requests are small: a day, a user, a question. */
export const API_BODY_LIMIT = 16 * 1024;

export function requestLang(c: Context<AppEnv>): Lang {
  return c.get("lang") ?? chooseLang(c.req.query("lang"), c.req.header("accept-language"));
}

/** Reads a JSON body and validates it against a schema; every problem is reported with its field. */
export async function readJson<S extends v.GenericSchema>(c: Context<AppEnv>, schema: S): Promise<v.InferOutput<S>> {
  if (mediaType(c.req.raw) !== "application/json") throw new AppError("unsupported_media_type");
  const text = decodeUtf8(await readLimitedBody(c.req.raw, API_BODY_LIMIT));
  return check(c, schema, parseJsonBody(text, t(requestLang(c), "errors.duplicate")));
}

/** Reads a form-encoded body into a plain object (last value wins is not allowed: repeats become arrays). */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  if (mediaType(c.req.raw) !== "application/x-www-form-urlencoded") throw new AppError("unsupported_media_type");
  const text = decodeUtf8(await readLimitedBody(c.req.raw, API_BODY_LIMIT));
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : [existing, value].flat();
  }
  return out;
}

export function check<S extends v.GenericSchema>(c: Context<AppEnv>, schema: S, data: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new AppError("validation_failed", undefined, fieldProblems(requestLang(c), result.issues));
}

export function fieldProblems(lang: Lang, issues: readonly v.BaseIssue<unknown>[]): FieldProblem[] {
  return issues.map((issue) => ({ key: v.getDotPath(issue) ?? "", code: issue.type, message: t(lang, messageFor(issue)) }));
}

function messageFor(issue: v.BaseIssue<unknown>): MessageKey {
  if (issue.input === undefined && issue.kind === "schema") return "field.missing";
  if (issue.type === "never" || issue.type === "strict_object") return "field.unknown";
  if (issue.kind === "schema") return "field.type";
  switch (issue.type) {
    case "min_length":
    case "max_length":
    case "non_empty":
      return "field.length";
    case "min_value":
    case "max_value":
    case "integer":
      return "field.range";
    case "email":
    case "regex":
    case "iso_date":
    case "url":
      return "field.format";
    default:
      return "field.invalid";
  }
}

/** Route parameters that must be a positive integer id; anything else cannot exist (404, no query). */
export function idParam(c: Context<AppEnv>, name = "id"): number {
  const raw = c.req.param(name) ?? "";
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError("not_found");
  return Number(raw);
}

/** A GET form's query without its empty fields ("any programme" is sent as programme=) and without
 *  the page's own lang and done, which every staff page reads apart. */
export function filledQuery(c: Context<AppEnv>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(c.req.query())) if (value !== "" && key !== "lang" && key !== "done") out[key] = value;
  return out;
}

/**
 * A page's query that should still open when one value is wrong (a hand-edited or old link): the
 * values the schema refuses are left out and returned as problems for the page to show, the rest
 * is used. A problem that no single key explains fails the request as check does.
 */
export function lenientQuery<S extends v.GenericSchema>(
  c: Context<AppEnv>,
  schema: S,
  query: Record<string, string>,
): { value: v.InferOutput<S>; problems: FieldProblem[] } {
  const first = v.safeParse(schema, query);
  if (first.success) return { value: first.output, problems: [] };
  // One line per key: a value that fits no branch of a union is one problem, not one per branch.
  const problems = fieldProblems(requestLang(c), first.issues).filter((p, i, all) => all.findIndex((q) => q.key === p.key) === i);
  const kept = Object.fromEntries(Object.entries(query).filter(([key]) => !problems.some((p) => p.key === key)));
  return { value: check(c, schema, kept), problems };
}
