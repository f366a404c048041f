import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestDb } from "../helpers/test-db";
import { asBrowser, createTestUser, signIn } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { newSessionToken, sha256Hex } from "../../src/auth/tokens";
import { insertAccountLink } from "../../src/queries/account-links";
import { insertArea } from "../../src/queries/areas";

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
  ["main language unknown", { mainLang: "de" }],
  ["English title too long", { titleEn: "x".repeat(201) }],
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
// The day forms' per-language fields (issue 16 item 5): an unknown main language, no title at all.
for (const [name, path] of [
  ["new day", "/admin/events/new"],
  ["edit day", "/admin/events/{event}"],
  ["duplicate", "/admin/events/{event}/duplicate"],
] as const) {
  add({
    name: `${name} form: main language de`,
    method: "POST",
    path,
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body: "region=16&date=2019-09-04&programme={programme}&theme=&mainLang=de&title=P%C3%A4iv%C3%A4&titleSv=&titleEn=&location=&attendance=",
    html: true,
    status: 422,
  });
  add({
    name: `${name} form: no title in any language`,
    method: "POST",
    path,
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body: "region=16&date=2019-09-04&programme={programme}&theme=&mainLang=&title=+&titleSv=&titleEn=&location=&attendance=",
    html: true,
    status: 422,
  });
  add({
    name: `${name} form: Swedish title too long`,
    method: "POST",
    path,
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body: `region=16&date=2019-09-04&programme={programme}&theme=&title=&titleSv=${"x".repeat(201)}&titleEn=&location=&attendance=`,
    html: true,
    status: 422,
  });
}
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

// --- live presenter view, display link and readable address (issue 16 items 2 and 3) -----------
for (const id of ["abc", "0", "-1", "99999999", "1e3", "%00"]) {
  add({ name: `live figures of day ${id}`, method: "GET", path: `/api/events/${id}/live`, as: "agent" });
  add({ name: `presenter page of day ${id}`, method: "GET", path: `/admin/events/${id}/live`, as: "agent", html: true });
  add({ name: `display link for day ${id}`, method: "POST", path: `/admin/events/${id}/display`, as: "agent", html: true });
  add({ name: `display revoke for day ${id}`, method: "POST", path: `/admin/events/${id}/display/revoke`, as: "agent", html: true });
  add({
    name: `readable address for day ${id}`,
    method: "POST",
    path: `/admin/events/${id}/slug`,
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body: "slug=kick-off-oulu",
    html: true,
  });
}
for (const token of ["x", "%00", "A".repeat(43), "A".repeat(500), "..%2f..%2fetc", "<script>"]) {
  add({ name: `display figures, token ${token.slice(0, 12)}`, method: "GET", path: `/api/live/${token}`, status: 404 });
  add({ name: `display page, token ${token.slice(0, 12)}`, method: "GET", path: `/live/${token}`, html: true, status: 404 });
}
for (const [name, slug] of [
  ["too short", "ab"],
  ["too long", "a".repeat(41)],
  ["spaces", "kick off"],
  ["umlauts", "päivä-oulu"],
  ["SQL", "x' OR '1'='1"],
  ["HTML", "<b>day</b>"],
  ["reserved", "admin"],
  ["a short code", "ab12cd"],
  ["control characters", "kick\u0000off"],
  ["longer than a staff request may be", "x".repeat(20_000)],
] as const) {
  add({
    name: `readable address: ${name}`,
    method: "POST",
    path: "/admin/events/{event}/slug",
    as: "agent",
    type: "application/x-www-form-urlencoded",
    body: `slug=${encodeURIComponent(slug)}`,
    html: true,
    status: slug.length > 10_000 ? 413 : 422,
  });
}
add({
  name: "readable address: text/plain",
  method: "POST",
  path: "/admin/events/{event}/slug",
  as: "agent",
  type: "text/plain",
  body: "slug=kick-off",
  html: true,
  status: 415,
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
  // Titles and places per language (issue 16 item 5).
  ["every title removed", { title: null, titleSv: "", titleEn: null }],
  ["Swedish title too long", { titleSv: "x".repeat(201) }],
  ["English place as a number", { locationEn: 5 }],
  ["main language de", { mainLang: "de" }],
  ["main language in capitals", { mainLang: "SV" }],
  ["titles as an object", { titles: { sv: "Dag" } }],
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
  ["every title blank", { programmeId: 1, regionCode: "16", date: "2019-09-04", title: " ", titleSv: "", titleEn: null }],
  ["main language unknown", { programmeId: 1, regionCode: "16", date: "2019-09-04", titleSv: "Dag", mainLang: "se" }],
  ["Swedish title not text", { programmeId: 1, regionCode: "16", date: "2019-09-04", titleSv: ["Dag"] }],
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
  // One language is enough (issue 16 item 5); none is not.
  ["no language at all", { kind: "text", text: {} }],
  ["every language blank", { kind: "text", text: { fi: " ", sv: "", en: "" } }],
  ["text as a string", { kind: "text", text: "Mitä opit?" }],
  ["Swedish too long", { kind: "text", text: { sv: "x".repeat(301) } }],
  ["unknown language", { kind: "text", text: { fi: "a", de: "b" } }],
  [
    "an option in no language",
    {
      kind: "choice",
      text: { fi: "a" },
      options: [
        { value: "a", fi: "a" },
        { value: "b", fi: "", sv: " " },
      ],
    },
  ],
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
// The comment explorer and categories (issue 17): the selection, the tag body, the category body, the forms.
const explorerQueries = [
  "band=1-3",
  "band=9–10",
  "language=de",
  "question=Good",
  "question=a%27--",
  `q=${"x".repeat(101)}`,
  "compare=theme",
  "compare=region",
  "region=1",
  "event=abc",
  "from=2019-02-30",
  "colour=red",
];
for (const q of explorerQueries) {
  add({ name: `explorer ?${q}`, method: "GET", path: `/api/comments/explorer?${q}`, as: "national", status: 422 });
  add({ name: `explorer CSV ?${q}`, method: "GET", path: `/api/export/comment-selection.csv?${q}`, as: "national", status: 422 });
  add({ name: `explorer page ?${q}`, method: "GET", path: `/admin/comments?${q}`, as: "national", html: true, status: 422 });
}
const tagBodies: [string, unknown, number][] = [
  ["tags: empty body", {}, 422],
  ["tags: ref too short", { event: 1, ref: "abc", categories: [] }, 422],
  ["tags: ref not hex", { event: 1, ref: "z".repeat(32), categories: [] }, 422],
  ["tags: categories not a list", { event: 1, ref: "0".repeat(32), categories: 3 }, 422],
  ["tags: category 0", { event: 1, ref: "0".repeat(32), categories: [0] }, 422],
  ["tags: category text", { event: 1, ref: "0".repeat(32), categories: ["1"] }, 422],
  ["tags: 51 categories", { event: 1, ref: "0".repeat(32), categories: Array.from({ length: 51 }, (_, i) => i + 1) }, 422],
  ["tags: unknown key", { event: 1, ref: "0".repeat(32), categories: [], note: "x" }, 422],
  ["tags: missing day", { event: 999_999, ref: "0".repeat(32), categories: [] }, 404],
  ["tags: unknown comment", { event: "{eventNumber}", ref: "0".repeat(32), categories: [] }, 404],
];
for (const [name, body, status] of tagBodies) {
  add({
    name,
    method: "PUT",
    path: "/api/comments/tags",
    as: "national",
    type: "application/json",
    body: json(body).replace('"{eventNumber}"', "{event}"),
    status,
  });
}
add({
  name: "tags: form-encoded",
  method: "PUT",
  path: "/api/comments/tags",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "event=1",
  status: 415,
});
for (const [name, body] of [
  ["category: empty", {}],
  ["category: one language missing", { name: { fi: "A", sv: "B" } }],
  ["category: blank name", { name: { fi: " ", sv: "B", en: "C" } }],
  ["category: 81 characters", { name: { fi: "a".repeat(81), sv: "B", en: "C" } }],
  ["category: name a number", { name: { fi: 1, sv: "B", en: "C" } }],
] as const) {
  add({ name, method: "POST", path: "/api/comment-categories", as: "national", type: "application/json", body: json(body), status: 422 });
}
add({
  name: "category form: blank",
  method: "POST",
  path: "/admin/comments/categories",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "name_fi=&name_sv=&name_en=",
  html: true,
  status: 422,
});
add({
  name: "tag form: bad ref",
  method: "POST",
  path: "/admin/comments/tags",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "event={event}&ref=x",
  html: true,
  status: 422,
});
add({
  name: "tag form: repeated ref",
  method: "POST",
  path: "/admin/comments/tags",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "event={event}&ref=a&ref=b",
  html: true,
  status: 400,
});
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
for (const q of ["", "area=abc", "area=0", "area=-1", "area=1.5", "area=1&from=2019-02-30", "area=1&region=16", "area=99999999999"])
  add({ name: `area report ?${q}`, method: "GET", path: `/admin/reports/area?${q}`, as: "national", html: true, status: 422 });
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
// --- one-time password links (issue 16 item 7) ------------------------------------------------
const deadLinks: [string, string][] = [
  ["unknown token", "/set-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
  ["too short", "/set-password/abc"],
  ["too long", `/set-password/${"a".repeat(300)}`],
  ["markup", "/set-password/%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
  ["control characters", "/set-password/%00%01%0D%0A"],
  ["non-ASCII", "/set-password/%C3%A4%C3%B6%C3%A5"],
  ["dots", "/set-password/..%2F..%2Fadmin"],
];
for (const [name, path] of deadLinks) {
  add({ name: `password link page, ${name}`, method: "GET", path, html: true, status: 410 });
  add({
    name: `password link form, ${name}`,
    method: "POST",
    path,
    type: "application/x-www-form-urlencoded",
    body: "password=a+brand+new+pass+phrase&repeatPassword=a+brand+new+pass+phrase",
    html: true,
    status: 410,
  });
}
const linkForms: [string, string, string | undefined, number][] = [
  ["passwords differ", "password=a+brand+new+pass+phrase&repeatPassword=another", "application/x-www-form-urlencoded", 422],
  ["empty form", "", "application/x-www-form-urlencoded", 422],
  ["twelve spaces", "password=++++++++++++&repeatPassword=++++++++++++", "application/x-www-form-urlencoded", 422],
  ["the email", "password={linkEmailForm}&repeatPassword={linkEmailForm}", "application/x-www-form-urlencoded", 422],
  ["too long", `password=${"x".repeat(1100)}&repeatPassword=${"x".repeat(1100)}`, "application/x-www-form-urlencoded", 422],
  ["password twice", "password=a+brand+new+pass+phrase&password=x&repeatPassword=x", "application/x-www-form-urlencoded", 422],
  [
    "JSON instead of a form",
    json({ password: "a brand new pass phrase", repeatPassword: "a brand new pass phrase" }),
    "application/json",
    415,
  ],
  ["no content type", "password=x", undefined, 415],
];
for (const [name, body, type, status] of linkForms)
  add({
    name: `password link form, ${name}`,
    method: "POST",
    path: "/set-password/{linkToken}",
    body,
    ...(type && { type }),
    html: true,
    status,
  });
add({
  name: "password link for an unknown user",
  method: "POST",
  path: "/admin/users/999999/password-link",
  as: "national",
  html: true,
  status: 404,
});
add({
  name: "password link for user id 'x'",
  method: "POST",
  path: "/admin/users/x/password-link",
  as: "national",
  html: true,
  status: 404,
});
add({
  name: "invitation with a bad email",
  method: "POST",
  path: "/admin/users",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "name=N&email=not-an-email&role=viewer&regions=16&password=",
  html: true,
  status: 422,
});
add({
  name: "invitation with an unknown region and role",
  method: "POST",
  path: "/admin/users",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "name=N&email=inv%40b.fi&role=king&regions=99&password=",
  html: true,
  status: 422,
});

// --- cooperation areas and programmes side by side (issue 13) ------------------------------------
const areaBodies: [string, unknown][] = [
  ["empty", {}],
  ["no regions", { nameFi: "A", nameSv: "A", nameEn: "A", regions: [] }],
  ["an unknown region", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["99"] }],
  ["region 3 digits", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["016"] }],
  ["a region twice", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["12", "12"] }],
  ["a region of another area", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["19"] }],
  ["regions as text", { nameFi: "A", nameSv: "A", nameEn: "A", regions: "12" }],
  ["a blank name", { nameFi: " ", nameSv: "A", nameEn: "A", regions: ["12"] }],
  ["a name of 201 characters", { nameFi: "x".repeat(201), nameSv: "A", nameEn: "A", regions: ["12"] }],
  ["a source of 501 characters", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["12"], source: "x".repeat(501) }],
  ["isDemo as text", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["12"], isDemo: "yes" }],
  ["an extra key", { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["12"], users: [1] }],
];
for (const [name, body] of areaBodies) {
  add({
    name: `POST area: ${name}`,
    method: "POST",
    path: "/api/areas",
    as: "national",
    type: "application/json",
    body: json(body),
    status: 422,
  });
  if (name !== "empty")
    add({
      name: `PATCH area: ${name}`,
      method: "PATCH",
      path: "/api/areas/{area2}",
      as: "national",
      type: "application/json",
      body: json(body),
      status: 422,
    });
}
add({
  name: "POST area as broken JSON",
  method: "POST",
  path: "/api/areas",
  as: "national",
  type: "application/json",
  body: "{",
  status: 400,
});
add({
  name: "PATCH an unknown area",
  method: "PATCH",
  path: "/api/areas/999999",
  as: "national",
  type: "application/json",
  body: json({ nameFi: "A" }),
  status: 404,
});
add({
  name: "PATCH area id abc",
  method: "PATCH",
  path: "/api/areas/abc",
  as: "national",
  type: "application/json",
  body: json({ nameFi: "A" }),
});
add({ name: "DELETE an unknown area", method: "DELETE", path: "/api/areas/999999", as: "national", status: 404 });
add({ name: "DELETE area id 0", method: "DELETE", path: "/api/areas/0", as: "national" });
add({
  name: "POST area as an agent",
  method: "POST",
  path: "/api/areas",
  as: "agent",
  type: "application/json",
  body: json({ nameFi: "A", nameSv: "A", nameEn: "A", regions: ["12"] }),
  status: 403,
});
add({
  name: "area form without anything",
  method: "POST",
  path: "/admin/areas",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "",
  html: true,
  status: 422,
});
add({
  name: "area form with region 99",
  method: "POST",
  path: "/admin/areas",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "nameFi=A&nameSv=A&nameEn=A&regions=99",
  html: true,
  status: 422,
});
add({
  name: "area edit form with another area's region",
  method: "POST",
  path: "/admin/areas/{area2}",
  as: "national",
  type: "application/x-www-form-urlencoded",
  body: "nameFi=A&nameSv=A&nameEn=A&regions=19",
  html: true,
  status: 422,
});
add({ name: "area page of an unknown area", method: "GET", path: "/admin/areas/999999", as: "national", html: true, status: 404 });
for (const q of ["areaId=abc"])
  add({
    name: `user with ${q}`,
    method: "POST",
    path: "/api/users",
    as: "national",
    type: "application/json",
    body: json({ email: "x@b.fi", name: "N", role: "viewer", password: "a long enough password", areaId: "abc" }),
    status: 422,
  });
add({
  name: "user with an unknown area",
  method: "POST",
  path: "/api/users",
  as: "national",
  type: "application/json",
  body: json({ email: "x@b.fi", name: "N", role: "municipal", password: "a long enough password", areaId: 999_999 }),
  status: 422,
});
add({
  name: "municipal agent without an area",
  method: "PATCH",
  path: "/api/users/{agentId}",
  as: "national",
  type: "application/json",
  body: json({ role: "municipal" }),
  status: 422,
});
for (const q of [
  "",
  "programme=1",
  "compare=1",
  "programme=1&compare=1",
  "programme=0&compare=1",
  "programme=abc&compare=1",
  "programme=1&compare=2&region=16",
  "programme=-1&compare=2",
])
  add({ name: `programmes side by side ?${q}`, method: "GET", path: `/api/stats/programmes?${q}`, as: "national", status: 422 });
add({
  name: "programmes side by side, unknown programme",
  method: "GET",
  path: "/api/stats/programmes?programme={programme}&compare=999999",
  as: "national",
  status: 404,
});
add({
  name: "programmes side by side as an agent",
  method: "GET",
  path: "/api/stats/programmes?programme={programme}&compare=999999",
  as: "agent",
  status: 403,
});
for (const q of ["from=2019-02-30", "theme=x", "programme=0", "region=1", "area=1"])
  add({ name: `areas stats ?${q}`, method: "GET", path: `/api/stats/areas?${q}`, as: "national", status: 422 });

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
  const area = await insertArea(db, { nameFi: "Pohjoinen", nameSv: "Norr", nameEn: "North", regions: ["19"], source: null });
  const area2 = await insertArea(db, { nameFi: "Itä", nameSv: "Öst", nameEn: "East", regions: ["11"], source: null });
  fixtures = {
    area: String(area),
    area2: String(area2),
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
    ...(await passwordLinkFixture(db)),
  };
  cookies = { agent: await signIn(app, agent), national: await signIn(app, national) };
  database = db;
});

let database: Db;

/** A working one-time link (never used by the corpus: every case is refused before it is spent). */
async function passwordLinkFixture(db: Db): Promise<Record<string, string>> {
  const person = await createTestUser(db, "viewer", ["16"]);
  const token = newSessionToken();
  await insertAccountLink(db, {
    tokenHash: await sha256Hex(token),
    userId: person.id,
    kind: "reset",
    createdBy: null,
    createdAt: NOW,
    expiresAt: NOW + 3_600_000,
  });
  return { linkToken: token, linkEmailForm: encodeURIComponent(person.email) };
}

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
