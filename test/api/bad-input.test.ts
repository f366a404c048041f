import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestDb } from "../helpers/test-db";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";

// The bad-input corpus: malformed requests against every public and API route. Each must get a
// 4xx with a clear message in the DESIGN.md error shape (or a friendly page for the HTML form),
// never a 5xx, never a stack trace.

const NOW = Date.parse("2019-09-04T14:00:00Z");

interface Case {
  readonly name: string;
  readonly method: string;
  /** Filled in once fixtures exist: {open}, {closed}, {future}, {event}. */
  readonly path: string;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  readonly type?: string;
  readonly as?: "anonymous" | "agent" | "national";
  readonly html?: boolean;
  /** Exact status when it matters; otherwise any 4xx. */
  readonly status?: number;
}

const json = (value: unknown) => JSON.stringify(value);
const uuid = "0b6c1a7e-4f1d-4c1e-9a55-3d1f2b8a9c10";
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// --- POST /s/:slug as JSON: every kind of wrong answer ---------------------------------------
const wrongAnswers: [string, Record<string, unknown>][] = [
  ["grade 11", { grade: 11 }],
  ["grade 3", { grade: 3 }],
  ["grade 8.5 (off the step)", { grade: 8.5 }],
  ["grade -1", { grade: -1 }],
  ["grade 0", { grade: 0 }],
  ["grade 1000000", { grade: 1_000_000 }],
  ["grade as words", { grade: "kahdeksan" }],
  ["grade true", { grade: true }],
  ["grade false", { grade: false }],
  ["grade null (required)", { grade: null }],
  ["grade empty string (required)", { grade: "" }],
  ["grade array", { grade: [8] }],
  ["grade object", { grade: { value: 8 } }],
  ["grade '8e0'", { grade: "8e0" }],
  ["grade '0x8'", { grade: "0x8" }],
  ["grade '8.0.0'", { grade: "8.0.0" }],
  ["grade 'NaN'", { grade: "NaN" }],
  ["grade 'Infinity'", { grade: "Infinity" }],
  ["grade missing", {}],
  ["usefulness 0", { grade: 8, usefulness: 0 }],
  ["usefulness 6", { grade: 8, usefulness: 6 }],
  ["usefulness 2.5", { grade: 8, usefulness: 2.5 }],
  ["usefulness text", { grade: 8, usefulness: "very" }],
  ["usefulness object", { grade: 8, usefulness: {} }],
  ["sector unknown", { grade: 8, sector: "pirates" }],
  ["sector number", { grade: 8, sector: 3 }],
  ["sector array", { grade: 8, sector: ["ngo"] }],
  ["sector object", { grade: 8, sector: { ngo: true } }],
  ["sector in capitals", { grade: 8, sector: "NGO" }],
  ["sector SQL", { grade: 8, sector: "ngo' OR '1'='1" }],
  ["good too long", { grade: 8, good: "x".repeat(2001) }],
  ["good number", { grade: 8, good: 42 }],
  ["good array", { grade: 8, good: ["a", "b"] }],
  ["good object", { grade: 8, good: { text: "hi" } }],
  ["improve too long with emoji", { grade: 8, improve: "😀".repeat(2001) }],
  ["unknown question", { grade: 8, shoe_size: 42 }],
  ["unknown question __proto__", JSON.parse('{"grade":8,"__proto__":{"admin":true}}')],
  ["unknown question constructor", { grade: 8, constructor: "x" }],
  ["unknown question with HTML name", { grade: 8, "<script>": "x" }],
];
for (const [name, answers] of wrongAnswers) {
  add({
    name: `JSON answers: ${name}`,
    method: "POST",
    path: "/s/{open}",
    type: "application/json",
    body: json({ submission_id: uuid, answers }),
    status: 422,
  });
}

// --- POST /s/:slug as JSON: the envelope ---------------------------------------------------
const envelopes: [string, string, number?][] = [
  ["empty body", ""],
  ["broken JSON", '{"answers":'],
  ["trailing comma", '{"answers":{"grade":8,}}'],
  ["single quotes", "{'answers':{'grade':8}}"],
  ["JSON array", "[]"],
  ["JSON number", "8"],
  ["JSON null", "null"],
  ["JSON string", '"grade=8"'],
  ["no answers", json({ submission_id: uuid })],
  ["answers null", json({ answers: null })],
  ["answers array", json({ answers: [8] })],
  ["answers string", json({ answers: "grade=8" })],
  ["extra top-level key", json({ answers: { grade: 8 }, admin: true })],
  ["duplicated top-level key", '{"answers":{"grade":8},"answers":{"grade":9}}'],
  ["duplicated answer key", '{"answers":{"grade":8,"grade":11}}'],
  ["lang de", json({ lang: "de", answers: { grade: 8 } })],
  ["lang FI", json({ lang: "FI", answers: { grade: 8 } })],
  ["lang number", json({ lang: 1, answers: { grade: 8 } })],
  ["submission id number", json({ submission_id: 12, answers: { grade: 8 } })],
  ["submission id short", json({ submission_id: "1234", answers: { grade: 8 } })],
  ["submission id SQL", json({ submission_id: "1'; DROP TABLE response; --", answers: { grade: 8 } })],
  ["submission id with braces", json({ submission_id: `{${uuid}}`, answers: { grade: 8 } })],
  ["submission id too long", json({ submission_id: `${uuid}0`, answers: { grade: 8 } })],
  ["submission id not hex", json({ submission_id: "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", answers: { grade: 8 } })],
  ["submission id object", json({ submission_id: { id: uuid }, answers: { grade: 8 } })],
  ["deeply nested", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["huge number", '{"answers":{"grade":1e999}}', 422],
];
for (const [name, body, status] of envelopes) {
  add({ name: `JSON envelope: ${name}`, method: "POST", path: "/s/{open}", type: "application/json", body, ...(status && { status }) });
}

// --- POST /s/:slug as the JavaScript-off form ------------------------------------------------
const formBodies: [string, string, number][] = [
  ["grade 11", "grade=11", 422],
  ["grade text", "grade=abc", 422],
  ["grade twice", "grade=8&grade=9", 422],
  ["no grade", "good=hyv%C3%A4", 422],
  ["grade blank", "grade=", 422],
  ["sector unknown", "grade=8&sector=pirates", 422],
  ["unknown field", "grade=8&colour=red", 422],
  ["comment too long", `grade=8&good=${"x".repeat(2001)}`, 422],
  ["submission id twice", `submission_id=${uuid}&submission_id=${uuid}&grade=8`, 400],
  ["submission id bad", "submission_id=not-a-uuid&grade=8", 400],
  ["lang twice", "lang=fi&lang=sv&grade=8", 400],
  ["percent garbage", "grade=%E0%A4%A", 422],
  ["JSON sent as a form", json({ answers: { grade: 8 } }), 422],
];
for (const [name, body, status] of formBodies) {
  add({ name: `form: ${name}`, method: "POST", path: "/s/{open}", type: "application/x-www-form-urlencoded", body, html: true, status });
}

// --- test mode (issue 16): the same bodies against the staff form, and malformed day ids ---------
for (const [name, body, status] of formBodies) {
  add({
    name: `test-mode form: ${name}`,
    method: "POST",
    path: "/admin/events/{event}/test",
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body,
    html: true,
    status,
  });
}
add({
  name: "test-mode form: body over 64 KB",
  method: "POST",
  path: "/admin/events/{event}/test",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: `grade=8&good=${"x".repeat(70_000)}`,
  html: true,
  status: 413,
});
add({
  name: "test-mode form: invalid UTF-8",
  method: "POST",
  path: "/admin/events/{event}/test",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: new Uint8Array([0x67, 0x6f, 0x6f, 0x64, 0x3d, 0xff, 0xfe, 0xfd]),
  html: true,
  status: 400,
});
add({
  name: "test-mode form: text/plain",
  method: "POST",
  path: "/admin/events/{event}/test",
  as: "agent",
  type: "text/plain",
  body: "grade=8",
  html: true,
  status: 415,
});
for (const id of ["abc", "0", "-1", "1.5", "99999999", "1e3", "%00"]) {
  add({ name: `test-mode page of day ${id}`, method: "GET", path: `/admin/events/${id}/test`, as: "agent", html: true });
  add({
    name: `test-mode answer to day ${id}`,
    method: "POST",
    path: `/admin/events/${id}/test`,
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body: "grade=8",
    html: true,
  });
  add({ name: `test-mode wipe of day ${id}`, method: "POST", path: `/admin/events/${id}/test/wipe`, as: "agent", html: true });
}

// --- day management (issue 16 item 4): duplicate, cancel, delete, edit an own question ----------
const duplicates: [string, unknown][] = [
  ["impossible date", { date: "2019-02-30" }],
  ["date as a number", { date: 20191001 }],
  ["theme as text", { themeId: "one" }],
  ["unknown key", { copies: 2 }],
  ["empty title", { title: "" }],
  ["negative head count", { attendance: -1 }],
];
for (const [name, body] of duplicates)
  add({
    name: `duplicate: ${name}`,
    method: "POST",
    path: "/api/events/{event}/duplicate",
    as: "agent",
    type: "application/json",
    body: json(body),
    status: 422,
  });
add({
  name: "duplicate: not JSON",
  method: "POST",
  path: "/api/events/{event}/duplicate",
  as: "agent",
  type: "application/json",
  body: "{date:",
  status: 400,
});
add({
  name: "duplicate: text/plain",
  method: "POST",
  path: "/api/events/{event}/duplicate",
  as: "agent",
  type: "text/plain",
  body: "{}",
  status: 415,
});
for (const q of ["confirmResponses=abc", "confirmResponses=-1", "confirmResponses=1.5", "confirm=yes"])
  add({ name: `delete a day ?${q}`, method: "DELETE", path: `/api/events/{event}?${q}`, as: "national", status: 422 });
add({
  name: "edit question: invalid body",
  method: "PATCH",
  path: "/api/events/{event}/questions/1",
  as: "agent",
  type: "application/json",
  body: json({ kind: "slider", text: { fi: "a", sv: "b", en: "c" } }),
  status: 422,
});
add({
  name: "edit question: a core question is not the day's",
  method: "PATCH",
  path: "/api/events/{event}/questions/1",
  as: "agent",
  type: "application/json",
  body: json({ kind: "text", text: { fi: "a", sv: "b", en: "c" } }),
});
add({
  name: "duplicate page: impossible date",
  method: "POST",
  path: "/admin/events/{event}/duplicate",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: "region=16&date=2019-02-30&programme={programme}&theme=&title=Kopio&location=&attendance=",
  html: true,
  status: 422,
});
add({
  name: "delete page: confirmation not a number",
  method: "POST",
  path: "/admin/events/{event}/delete",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "confirmResponses=kaikki",
  html: true,
  status: 422,
});
for (const id of ["abc", "0", "99999999", "1e3"]) {
  add({
    name: `duplicate day ${id}`,
    method: "POST",
    path: `/api/events/${id}/duplicate`,
    as: "agent",
    type: "application/json",
    body: "{}",
    status: 404,
  });
  add({ name: `cancel day ${id}`, method: "POST", path: `/api/events/${id}/cancel`, as: "agent", status: 404 });
  add({ name: `uncancel day ${id}`, method: "POST", path: `/api/events/${id}/uncancel`, as: "agent", status: 404 });
  add({ name: `delete day ${id}`, method: "DELETE", path: `/api/events/${id}`, as: "national", status: 404 });
  add({ name: `duplicate page of day ${id}`, method: "GET", path: `/admin/events/${id}/duplicate`, as: "agent", html: true, status: 404 });
  add({ name: `delete page of day ${id}`, method: "GET", path: `/admin/events/${id}/delete`, as: "agent", html: true, status: 404 });
  add({
    name: `question edit page of question ${id}`,
    method: "GET",
    path: `/admin/events/{event}/questions/${id}/edit`,
    as: "agent",
    html: true,
    status: 404,
  });
}
add({
  name: "question edit page: a core question is not the day's",
  method: "GET",
  path: "/admin/events/{event}/questions/1/edit",
  as: "agent",
  html: true,
  status: 404,
});
add({
  name: "question edit form: a core question is not the day's",
  method: "POST",
  path: "/admin/events/{event}/questions/1/edit",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: "kind=slider&fi=a&sv=b&en=c",
  html: true,
  status: 404,
});
add({
  name: "edit question abc",
  method: "PATCH",
  path: "/api/events/{event}/questions/abc",
  as: "agent",
  type: "application/json",
  body: json({ kind: "text", text: { fi: "a", sv: "b", en: "c" } }),
  status: 404,
});

// --- bodies, encodings and content types ------------------------------------------------------
const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
add({ name: "invalid UTF-8 in JSON", method: "POST", path: "/s/{open}", type: "application/json", body: invalidUtf8, status: 400 });
add({
  name: "invalid UTF-8 in a form",
  method: "POST",
  path: "/s/{open}",
  type: "application/x-www-form-urlencoded",
  body: new Uint8Array([0x67, 0x6f, 0x6f, 0x64, 0x3d, 0xff, 0xfe, 0xfd]),
  status: 400,
});
add({
  name: "overlong UTF-8 encoding of /",
  method: "POST",
  path: "/s/{open}",
  type: "application/x-www-form-urlencoded",
  body: new Uint8Array([0x67, 0x3d, 0xc0, 0xaf]),
  status: 400,
});
add({
  name: "UTF-16 surrogate bytes",
  method: "POST",
  path: "/s/{open}",
  type: "application/json",
  body: new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]),
  status: 400,
});
add({
  name: "body over 64 KB (JSON)",
  method: "POST",
  path: "/s/{open}",
  type: "application/json",
  body: json({ answers: { grade: 8, good: "x".repeat(70_000) } }),
  status: 413,
});
add({
  name: "body over 64 KB (form)",
  method: "POST",
  path: "/s/{open}",
  type: "application/x-www-form-urlencoded",
  body: `grade=8&good=${"x".repeat(70_000)}`,
  status: 413,
});
add({ name: "body of 1 MB", method: "POST", path: "/s/{open}", type: "application/json", body: "x".repeat(1_000_000), status: 413 });
for (const type of [
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/xml",
  "text/html",
  "application/octet-stream",
  "application/jsonp",
  "application/json-patch+json",
  "",
]) {
  add({
    name: `content type '${type || "(none)"}'`,
    method: "POST",
    path: "/s/{open}",
    type,
    body: json({ answers: { grade: 8 } }),
    status: 415,
  });
}

// --- unknown, malformed, closed and not-yet-open surveys ---------------------------------------
const slugs = [
  "no-such-survey",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "a",
  "x".repeat(65),
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%20OR%201%3D1%20--",
  "%00",
  "demo%20space",
  "%F0%9F%98%80%F0%9F%98%80",
];
for (const slug of slugs) {
  add({ name: `GET unknown slug ${slug.slice(0, 20)}`, method: "GET", path: `/s/${slug}`, html: true, status: 404 });
  add({
    name: `POST unknown slug ${slug.slice(0, 20)}`,
    method: "POST",
    path: `/s/${slug}`,
    type: "application/json",
    body: json({ answers: { grade: 8 } }),
    status: 404,
  });
  add({ name: `thanks page of unknown slug ${slug.slice(0, 20)}`, method: "GET", path: `/s/${slug}/thanks`, html: true, status: 404 });
}
add({
  name: "POST to a closed survey (JSON)",
  method: "POST",
  path: "/s/{closed}",
  type: "application/json",
  body: json({ answers: { grade: 8 } }),
  status: 410,
});
add({
  name: "POST to a closed survey (form)",
  method: "POST",
  path: "/s/{closed}",
  type: "application/x-www-form-urlencoded",
  body: "grade=8",
  html: true,
  status: 410,
});
add({ name: "GET a closed survey", method: "GET", path: "/s/{closed}", html: true, status: 410 });
add({
  name: "POST to a published day (form)",
  method: "POST",
  path: "/s/{published}",
  type: "application/x-www-form-urlencoded",
  body: "grade=4",
  html: true,
  status: 410,
});
add({
  name: "POST to a published day (JSON)",
  method: "POST",
  path: "/s/{published}",
  type: "application/json",
  body: json({ answers: { grade: 4 } }),
  status: 410,
});
add({ name: "GET a published day's survey", method: "GET", path: "/s/{published}", html: true, status: 410 });
add({
  name: "POST before the survey opens (JSON)",
  method: "POST",
  path: "/s/{future}",
  type: "application/json",
  body: json({ answers: { grade: 8 } }),
  status: 403,
});
add({ name: "GET before the survey opens", method: "GET", path: "/s/{future}", html: true, status: 403 });
for (const path of [
  "/s",
  "/s/",
  "/nothing",
  "/api",
  "/api/",
  "/api/nothing",
  "/api/events/1/nothing",
  "/.env",
  "/%2e%2e/%2e%2e/etc/passwd",
  "/s/{open}/thanks/extra",
  "/wp-admin",
  "/healthz/x",
]) {
  add({ name: `unknown path ${path}`, method: "GET", path, status: 404 });
}
for (const method of ["PUT", "DELETE", "PATCH"]) {
  add({
    name: `${method} on a survey`,
    method,
    path: "/s/{open}",
    type: "application/json",
    body: json({ answers: { grade: 8 } }),
    status: 404,
  });
}

// --- short codes (issue 16): the code page and /s/<code> with anything typed --------------------
for (const typed of [
  "",
  "abc",
  "ZZZZZZ",
  "1A0B2U",
  "%3Cscript%3E",
  "%00",
  "x".repeat(300),
  "%F0%9F%98%80",
  "1A0B2C%0D%0ASet-Cookie:x=1",
  "' OR 1=1 --",
]) {
  add({ name: `code page with ${typed.slice(0, 20) || "(empty)"}`, method: "GET", path: `/code?lang=fi&code=${typed}`, html: true });
}
add({ name: "code page with the code twice", method: "GET", path: "/code?code=abc&code=def", html: true });
for (const id of ["abc", "0", "99999999"])
  add({ name: `QR PNG of day ${id}`, method: "GET", path: `/api/events/${id}/qr.png`, as: "agent", status: 404 });

// --- sign-in ----------------------------------------------------------------------------------
const logins: [string, string, number][] = [
  ["empty", "{}", 422],
  ["email number", json({ email: 1, password: "x" }), 422],
  ["password missing", json({ email: "a@b.fi" }), 422],
  ["extra key", json({ email: "a@b.fi", password: "x", role: "national" }), 422],
  ["email too long", json({ email: `${"a".repeat(300)}@b.fi`, password: "x" }), 422],
  ["password too long", json({ email: "a@b.fi", password: "x".repeat(2000) }), 422],
  ["broken JSON", "{", 400],
  ["array", "[]", 422],
  ["unknown account", json({ email: "nobody@b.fi", password: "whatever" }), 401],
  ["SQL in email", json({ email: "' OR 1=1 --", password: "x" }), 401],
];
for (const [name, body, status] of logins)
  add({ name: `login: ${name}`, method: "POST", path: "/api/auth/login", type: "application/json", body, status });
add({
  name: "login as a form",
  method: "POST",
  path: "/api/auth/login",
  type: "application/x-www-form-urlencoded",
  body: "email=a&password=b",
  status: 415,
});

// --- staff API: wrong ids, wrong bodies, wrong queries -------------------------------------------
for (const id of ["abc", "0", "-1", "1.5", "1e3", "99999999999", "%27", "1%20OR%201"]) {
  add({ name: `event id ${id}`, method: "GET", path: `/api/events/${id}`, as: "national", status: 404 });
  add({
    name: `PATCH event id ${id}`,
    method: "PATCH",
    path: `/api/events/${id}`,
    as: "national",
    type: "application/json",
    body: json({ attendance: 1 }),
    status: 404,
  });
}
const eventPatches: [string, unknown][] = [
  ["attendance 10001", { attendance: 10_001 }],
  ["attendance -1", { attendance: -1 }],
  ["attendance 4.5", { attendance: 4.5 }],
  ["attendance text", { attendance: "47" }],
  ["date 2019-02-30", { date: "2019-02-30" }],
  ["date 2019-13-01", { date: "2019-13-01" }],
  ["date in Finnish style", { date: "4.9.2019" }],
  ["empty title", { title: "" }],
  ["title too long", { title: "x".repeat(201) }],
  ["region 99", { regionCode: "99" }],
  ["region text", { regionCode: "Lappi" }],
  ["theme 0", { themeId: 0 }],
  ["theme missing", { themeId: 999_999 }],
  ["programme missing", { programmeId: 999_999 }],
  ["unknown key", { colour: "red" }],
  // Published results have their own route (PUT /api/events/:id/published-result); PATCH refuses them.
  ["reported mean through PATCH", { reportedGradeMean: 8.5 }],
];
for (const [name, body] of eventPatches) {
  add({
    name: `PATCH event: ${name}`,
    method: "PATCH",
    path: "/api/events/{event}",
    as: "national",
    type: "application/json",
    body: json(body),
    status: 422,
  });
}
// --- PUT /api/events/:id/published-result: published figures are checked against each other -----
const publishedResults: [string, unknown][] = [
  ["nothing", {}],
  ["no source", { mean: 8.5 }],
  ["mean 11", { mean: 11, source: "report" }],
  ["mean 3.9", { mean: 3.9, source: "report" }],
  ["mean as text with a comma", { mean: "8,5", source: "report" }],
  ["mean null", { mean: null, source: "report" }],
  ["n 0", { mean: 8.5, n: 0, source: "report" }],
  ["n negative", { mean: 8.5, n: -5, source: "report" }],
  ["n 2.5", { mean: 8.5, n: 2.5, source: "report" }],
  ["n above attendance", { mean: 8.5, n: 10_000, source: "report" }],
  ["distribution not adding up to n", { mean: 8, n: 5, distribution: { "8": 4 }, source: "report" }],
  ["distribution with grade 11", { mean: 8, distribution: { "11": 4 }, source: "report" }],
  ["distribution with a key that is no grade", { mean: 8, distribution: { grade: 4 }, source: "report" }],
  ["distribution with a negative count", { mean: 8, distribution: { "8": -1 }, source: "report" }],
  ["distribution as a list", { mean: 8, distribution: [0, 0, 0, 0, 4, 0, 0], source: "report" }],
  ["source too long", { mean: 8.5, source: "x".repeat(501) }],
  ["unknown key", { mean: 8.5, source: "report", sd: 1 }],
];
for (const [name, body] of publishedResults) {
  add({
    name: `published result: ${name}`,
    method: "PUT",
    path: "/api/events/{event}/published-result",
    as: "national",
    type: "application/json",
    body: json(body),
    status: 422,
  });
}
add({
  name: "published result as a form to the API",
  method: "PUT",
  path: "/api/events/{event}/published-result",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "mean=8.5",
  status: 415,
});
add({
  name: "published result broken JSON",
  method: "PUT",
  path: "/api/events/{event}/published-result",
  as: "national",
  type: "application/json",
  body: "{",
  status: 400,
});
// The staff day list's query (filters, sort, page): a wrong value is left out and named, 422.
for (const query of [
  "sort=%27%3B%20DROP%20TABLE%20event",
  "state=deleted",
  "page=0",
  "page=99999999999",
  "region=%00",
  "programme=-1",
  "theme=1e3",
  "from=2019-13-01",
  "to=2019-01-01&from=2019-02-01",
  `q=${"%C3%A4".repeat(101)}`,
])
  add({ name: `day list ?${query.slice(0, 40)}`, method: "GET", path: `/admin?${query}`, as: "agent", html: true, status: 422 });
for (const id of ["abc", "0", "1e3", "99999999"])
  add({
    name: `day results page for id ${id}`,
    method: "GET",
    path: `/admin/events/${id}/results`,
    as: "national",
    html: true,
    status: 404,
  });
add({
  name: "history import as a plain form",
  method: "POST",
  path: "/admin/import",
  as: "national",
  html: true,
  type: "application/x-www-form-urlencoded",
  body: "programme=1&mode=dry-run",
  status: 415,
});
add({
  name: "history import, broken multipart",
  method: "POST",
  path: "/admin/import",
  as: "national",
  html: true,
  type: "multipart/form-data; boundary=x",
  body: "--x\r\nnot a part",
  status: 400,
});
add({
  name: "history import, no such programme",
  method: "POST",
  path: "/admin/import",
  as: "national",
  html: true,
  type: "multipart/form-data; boundary=x",
  body: '--x\r\nContent-Disposition: form-data; name="programme"\r\n\r\n999\r\n--x--\r\n',
  status: 422,
});
add({
  name: "history import, no file",
  method: "POST",
  path: "/admin/import",
  as: "national",
  html: true,
  type: "multipart/form-data; boundary=x",
  body: '--x\r\nContent-Disposition: form-data; name="programme"\r\n\r\n{programme}\r\n--x--\r\n',
  status: 422,
});
add({
  name: "history import, a file without the needed columns",
  method: "POST",
  path: "/admin/import",
  as: "national",
  html: true,
  type: "multipart/form-data; boundary=x",
  body: '--x\r\nContent-Disposition: form-data; name="programme"\r\n\r\n{programme}\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="h.csv"\r\nContent-Type: text/csv\r\n\r\na;b\r\n1;2\r\n--x--\r\n',
  status: 422,
});
add({
  name: "published result for a missing day",
  method: "PUT",
  path: "/api/events/99999999/published-result",
  as: "national",
  type: "application/json",
  body: json({ mean: 8.5, source: "report" }),
  status: 404,
});
add({
  name: "published result form: mean as words",
  method: "POST",
  path: "/admin/events/{event}/published-result",
  as: "national",
  html: true,
  type: "application/x-www-form-urlencoded",
  body: "mean=kahdeksan&source=report",
  status: 422,
});
add({
  name: "published result form: n above attendance",
  method: "POST",
  path: "/admin/events/{event}/published-result",
  as: "national",
  html: true,
  type: "application/x-www-form-urlencoded",
  body: "mean=8%2C5&n=9999&source=report",
  status: 422,
});
add({
  name: "published result form: count as words",
  method: "POST",
  path: "/admin/events/{event}/published-result",
  as: "national",
  html: true,
  type: "application/x-www-form-urlencoded",
  body: "mean=8&dist-8=four&source=report",
  status: 422,
});
const newEvents: [string, unknown][] = [
  ["nothing", {}],
  ["no title", { programmeId: 1, regionCode: "16", date: "2019-09-04" }],
  ["date as number", { programmeId: 1, regionCode: "16", date: 20190904, title: "x" }],
  ["programme as text", { programmeId: "1", regionCode: "16", date: "2019-09-04", title: "x" }],
];
for (const [name, body] of newEvents)
  add({
    name: `POST event: ${name}`,
    method: "POST",
    path: "/api/events",
    as: "agent",
    type: "application/json",
    body: json(body),
    status: 422,
  });
add({ name: "POST event broken JSON", method: "POST", path: "/api/events", as: "agent", type: "application/json", body: "{", status: 400 });
add({ name: "POST event as text", method: "POST", path: "/api/events", as: "agent", type: "text/plain", body: "{}", status: 415 });
add({
  name: "POST event duplicated key",
  method: "POST",
  path: "/api/events",
  as: "agent",
  type: "application/json",
  body: '{"title":"a","title":"b"}',
  status: 422,
});
const windows: [string, unknown][] = [
  ["closes before it opens", { opensAt: "2019-09-04T16:00:00+03:00", closesAt: "2019-09-04T15:00:00+03:00" }],
  ["not a time", { opensAt: "tomorrow" }],
  ["date only", { closesAt: "2019-09-04" }],
  ["number", { closesAt: 1567600000000 }],
  ["unknown key", { opens: "2019-09-04T16:00:00+03:00" }],
];
for (const [name, body] of windows)
  add({
    name: `survey window: ${name}`,
    method: "PATCH",
    path: "/api/events/{event}/survey",
    as: "agent",
    type: "application/json",
    body: json(body),
    status: 422,
  });
const questions: [string, unknown][] = [
  ["no kind", { text: { fi: "a", sv: "b", en: "c" } }],
  ["kind slider", { kind: "slider", text: { fi: "a", sv: "b", en: "c" } }],
  ["missing Swedish", { kind: "text", text: { fi: "a", en: "c" } }],
  ["empty text", { kind: "text", text: { fi: "", sv: "b", en: "c" } }],
  ["choice without options", { kind: "choice", text: { fi: "a", sv: "b", en: "c" } }],
  ["choice with one option", { kind: "choice", text: { fi: "a", sv: "b", en: "c" }, options: [{ value: "a", fi: "a", sv: "a", en: "a" }] }],
  [
    "options on a text question",
    {
      kind: "text",
      text: { fi: "a", sv: "b", en: "c" },
      options: [
        { value: "a", fi: "a", sv: "a", en: "a" },
        { value: "b", fi: "b", sv: "b", en: "b" },
      ],
    },
  ],
  [
    "same option twice",
    {
      kind: "choice",
      text: { fi: "a", sv: "b", en: "c" },
      options: [
        { value: "a", fi: "a", sv: "a", en: "a" },
        { value: "a", fi: "b", sv: "b", en: "b" },
      ],
    },
  ],
  [
    "option value with spaces",
    {
      kind: "choice",
      text: { fi: "a", sv: "b", en: "c" },
      options: [
        { value: "a b", fi: "a", sv: "a", en: "a" },
        { value: "c", fi: "b", sv: "b", en: "b" },
      ],
    },
  ],
  ["max length 0", { kind: "text", text: { fi: "a", sv: "b", en: "c" }, maxLength: 0 }],
];
for (const [name, body] of questions)
  add({
    name: `day question: ${name}`,
    method: "POST",
    path: "/api/events/{event}/questions",
    as: "agent",
    type: "application/json",
    body: json(body),
    status: 422,
  });
const users: [string, unknown, number][] = [
  ["bad email", { email: "not-an-email", name: "N", role: "agent", password: "long enough password" }, 422],
  ["role admin", { email: "x@b.fi", name: "N", role: "admin", password: "long enough password" }, 422],
  ["short password", { email: "x@b.fi", name: "N", role: "agent", password: "short" }, 422],
  ["unknown region", { email: "x@b.fi", name: "N", role: "agent", regions: ["99"], password: "long enough password" }, 422],
  ["regions not a list", { email: "x@b.fi", name: "N", role: "agent", regions: "16", password: "long enough password" }, 422],
  ["taken email", { email: "{nationalEmail}", name: "N", role: "agent", password: "long enough password" }, 409],
];
for (const [name, body, status] of users)
  add({
    name: `POST user: ${name}`,
    method: "POST",
    path: "/api/users",
    as: "national",
    type: "application/json",
    body: json(body),
    status,
  });
const statsQueries = [
  "interval=week",
  "from=2019-13-01",
  "to=yesterday",
  "regions=1x",
  "regions=16,",
  "theme=abc",
  "programme=-1",
  "event=0",
  "colour=red",
  "region=99%27",
];
for (const q of statsQueries) {
  add({ name: `regions ?${q}`, method: "GET", path: `/api/stats/regions?${q}`, as: "national" });
  add({ name: `regions CSV ?${q}`, method: "GET", path: `/api/export/regions.csv?${q}`, as: "national" });
  add({ name: `questions ?${q}`, method: "GET", path: `/api/stats/questions?${q}`, as: "national" });
  add({ name: `comments CSV ?${q}`, method: "GET", path: `/api/export/comments.csv?${q}`, as: "national" });
  add({ name: `trend ?${q}`, method: "GET", path: `/api/stats/trend?${q}`, as: "national" });
  add({ name: `events ?${q}`, method: "GET", path: `/api/events?${q}`, as: "national" });
  add({ name: `CSV ?${q}`, method: "GET", path: `/api/export/events.csv?${q}`, as: "national" });
}
add({ name: "comments CSV without an event", method: "GET", path: "/api/export/comments.csv", as: "national", status: 422 });
for (const q of statsQueries) {
  add({ name: `XLSX ?${q}`, method: "GET", path: `/api/export/events.xlsx?${q}`, as: "national" });
  add({ name: `comments XLSX ?${q}`, method: "GET", path: `/api/export/comments.xlsx?${q}`, as: "national" });
}
add({ name: "comments XLSX without an event", method: "GET", path: "/api/export/comments.xlsx", as: "national", status: 422 });
// Printable reports (issue 17): a wrong period, region or stray key is a 422 page, never a 500.
for (const q of ["from=yesterday", "to=2019-13-01", "programme=-1", "programme=abc", "colour=red", "region=16", "from=2019-02-30"])
  add({ name: `national report ?${q}`, method: "GET", path: `/admin/reports/national?${q}`, as: "national", html: true, status: 422 });
for (const q of ["", "region=99%27", "region=1", "region=16&to=never", "region=16&event=1"])
  add({ name: `region report ?${q}`, method: "GET", path: `/admin/reports/region?${q}`, as: "national", html: true, status: 422 });
add({ name: "audit before=abc", method: "GET", path: "/api/audit?before=abc", as: "national", status: 422 });
add({ name: "audit limit 100000", method: "GET", path: "/api/audit?limit=100000", as: "national", status: 422 });
add({ name: "themes programme=x", method: "GET", path: "/api/themes?programme=x", as: "national", status: 422 });
add({
  name: "programme without a name",
  method: "POST",
  path: "/api/programmes",
  as: "national",
  type: "application/json",
  body: json({}),
  status: 422,
});
for (const surveyCloseDays of [-1, 366, 2.5, "14", true, {}]) {
  add({
    name: `programme surveyCloseDays ${JSON.stringify(surveyCloseDays)}`,
    method: "POST",
    path: "/api/programmes",
    as: "national",
    type: "application/json",
    body: json({ name: "P", surveyCloseDays }),
    status: 422,
  });
}
add({
  name: "theme for a missing programme",
  method: "POST",
  path: "/api/themes",
  as: "national",
  type: "application/json",
  body: json({ programmeId: 999_999, nameFi: "a", nameSv: "b", nameEn: "c" }),
  status: 422,
});
// --- passwords (issue 15): the policy, one's own password, redirect targets ----------------------
const weakPasswords: [string, string][] = [
  ["12 spaces", " ".repeat(12)],
  ["tabs and spaces", " \t \t \t \t \t \t"],
  ["11 characters", "abcdefghijk"],
  ["12 identical characters", "a".repeat(12)],
  ["a repeated pair", "ababababababab"],
  ["the email itself", "{agentEmail}"],
  ["a common password", "salasana1234"],
  ["a digit run", "123456789012"],
  ["a demo password", "demo-kansallinen-2019"],
];
for (const [name, password] of weakPasswords) {
  add({
    name: `set a user's password: ${name}`,
    method: "PUT",
    path: "/api/users/{agentId}/password",
    as: "national",
    type: "application/json",
    body: json({ password }),
    status: 422,
  });
  add({
    name: `own new password: ${name}`,
    method: "POST",
    path: "/api/me/password",
    as: "agent",
    type: "application/json",
    body: json({ currentPassword: "{agentPassword}", newPassword: password }),
    status: 422,
  });
  add({
    name: `POST user with a weak password: ${name}`,
    method: "POST",
    path: "/api/users",
    as: "national",
    type: "application/json",
    body: json({ email: "weak@b.fi", name: "N", role: "viewer", password: password === "{agentEmail}" ? "WEAK@b.fi" : password }),
    status: 422,
  });
}
const ownPasswordBodies: [string, string, number][] = [
  ["empty", "{}", 422],
  ["numbers", json({ currentPassword: 1, newPassword: 2 }), 422],
  ["extra key", json({ currentPassword: "a", newPassword: "b", userId: 1 }), 422],
  ["new password too long", json({ currentPassword: "a", newPassword: "x".repeat(2000) }), 422],
  ["wrong current password", json({ currentPassword: "not it at all", newPassword: "a brand new pass phrase" }), 422],
  ["broken JSON", "{", 400],
];
for (const [name, body, status] of ownPasswordBodies)
  add({ name: `own password: ${name}`, method: "POST", path: "/api/me/password", as: "agent", type: "application/json", body, status });
add({
  name: "own password as a form to the API",
  method: "POST",
  path: "/api/me/password",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: "currentPassword=a",
  status: 415,
});
add({
  name: "own password page, passwords differ",
  method: "POST",
  path: "/admin/password",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: "currentPassword=x&newPassword=a+brand+new+pass+phrase&repeatPassword=another",
  html: true,
  status: 422,
});
add({
  name: "own password page, weak new password",
  method: "POST",
  path: "/admin/password",
  as: "agent",
  type: "application/x-www-form-urlencoded",
  body: "currentPassword={agentPasswordForm}&newPassword=++++++++++++&repeatPassword=++++++++++++",
  html: true,
  status: 422,
});
const badNexts = [
  "%2F%01",
  "%2F%00",
  "%01",
  "%2F%0D%0ASet-Cookie:x=1",
  "%2F%E2%80%A8",
  "%2F%C3%A4",
  "%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "https:%2F%2Fevil.example",
  "javascript:alert(1)",
  "%2Fa%20b",
  `%2F${"a".repeat(2100)}`,
];
for (const next of badNexts) {
  add({ name: `sign-in page next=${next.slice(0, 40)}`, method: "GET", path: `/login?next=${next}`, html: true, status: 400 });
  add({
    name: `sign-in form next=${next.slice(0, 40)}`,
    method: "POST",
    path: "/login",
    type: "application/x-www-form-urlencoded",
    body: `email={agentEmail}&password={agentPasswordForm}&next=${next}`,
    html: true,
    status: 400,
  });
}
add({
  name: "sign-in form with next twice",
  method: "POST",
  path: "/login",
  type: "application/x-www-form-urlencoded",
  body: "email=a%40b.fi&password=x&next=%2Fadmin&next=%2F",
  html: true,
  status: 400,
});
add({
  name: "logout with a bad body",
  method: "POST",
  path: "/api/auth/logout",
  as: "agent",
  type: "application/json",
  body: json({ everywhere: "yes" }),
  status: 422,
});

let app: ReturnType<typeof createApp>;
let fixtures: Record<string, string>;
let cookies: Record<"agent" | "national", string>;

beforeAll(async () => {
  const db: Db = await createTestDb();
  app = createApp({ db, now: () => NOW });
  const open = await createTestSurvey(db);
  const closed = await createTestSurvey(db, { closesAt: NOW - 1 });
  const future = await createTestSurvey(db, { opensAt: NOW + 3_600_000 });
  // A day with a published result (its survey window left open on purpose: published alone refuses).
  const published = await createTestSurvey(db);
  await db.run(sql`UPDATE event SET reported_grade_mean = 8.5 WHERE id = ${published.eventId}`);
  const national = await createTestUser(db, "national");
  const agent = await createTestUser(db, "agent", ["16"]);
  const [programmeRow] = await db.all<{ id: number }>(sql`SELECT id FROM programme LIMIT 1`);
  fixtures = {
    programme: String(programmeRow!.id),
    open: open.slug,
    closed: closed.slug,
    future: future.slug,
    published: published.slug,
    event: String(open.eventId),
    nationalEmail: national.email,
    agentEmail: agent.email,
    agentPassword: agent.password,
    agentPasswordForm: encodeURIComponent(agent.password),
    agentId: String(agent.id),
  };
  cookies = { agent: await signIn(app, agent), national: await signIn(app, national) };
  database = db;
});

let database: Db;

describe("bad-input corpus", () => {
  it("has at least 200 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s → 4xx with a clear message", async (_name, c) => {
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, key: string) => fixtures[key] ?? `{${key}}`);
    const headers: Record<string, string> = c.as && c.as !== "anonymous" ? asBrowser(cookies[c.as]) : { origin: "http://localhost" };
    if (c.type !== undefined && c.type !== "") headers["content-type"] = c.type;
    headers.accept = c.html ? "text/html" : "application/json";
    const body = typeof c.body === "string" ? fill(c.body) : c.body;
    const res = await app.request(`http://localhost${fill(c.path)}`, { method: c.method, headers, ...(body !== undefined && { body }) });
    const text = await res.text();
    const context = `${c.method} ${c.path} → ${res.status}: ${text.slice(0, 300)}`;
    expect(res.status, context).toBeGreaterThanOrEqual(400);
    expect(res.status, context).toBeLessThan(500);
    if (c.status !== undefined) expect(res.status, context).toBe(c.status);
    expect(text, context).not.toMatch(/\bat \S+ \(|node_modules|TypeError|SyntaxError|SQLITE/);
    if (res.headers.get("content-type")?.includes("application/json")) {
      const error = JSON.parse(text).error;
      expect(error, context).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
      expect(error.message.length, context).toBeGreaterThan(5);
    } else {
      expect(res.headers.get("content-type"), context).toContain("text/html");
      expect(text, context).toMatch(/<html lang="(fi|sv|en)"/);
    }
  });
});

describe("payloads that are legitimate answers", () => {
  const payloads = [
    "<script>alert(1)</script>",
    "'); DROP TABLE response; --",
    '=HYPERLINK("http://x","click")',
    "../../etc/passwd",
    "Rivi 1\r\nRivi 2\tsarkain",
    "\u0000 nolla",
    "ÅÄÖ åäö – “lainausmerkit” 😀",
  ];
  it.each(payloads)("%j is stored verbatim and shown inert", async (text) => {
    const id = crypto.randomUUID();
    const res = await app.request(`http://localhost/s/${fixtures.open}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ submission_id: id, answers: { grade: 8, good: text } }),
    });
    expect(res.status).toBe(201);
    const rows = await database.all<{ text_value: string }>(
      sql`SELECT text_value FROM answer WHERE response_id = ${id} AND text_value IS NOT NULL`,
    );
    expect(rows[0]!.text_value).toBe(text.replace(/\u0000/g, "")); // NUL is the one character dropped
    // Shown back in the form (as after a validation error) it is text, not markup.
    const page = await app.request(`http://localhost/s/${fixtures.open}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      body: new URLSearchParams({ grade: "11", good: text }).toString(),
    });
    const html = await page.text();
    expect(html).not.toContain("<script>alert(1)</script>");
    if (text.includes("<")) expect(html).toContain("&lt;script&gt;");
  });
});
