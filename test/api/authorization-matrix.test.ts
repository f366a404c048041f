import { eq, sql } from "drizzle-orm";
import { user } from "../../src/db/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { createTestDb } from "../helpers/test-db";
import { asBrowser, createTestUser, signIn, type TestUser } from "../helpers/accounts";
import { createTestSurvey } from "../helpers/factories";
import { addComments, repeat } from "../helpers/comment-fixture";
import { t } from "../../src/domain/i18n";
import { newSessionToken, sha256Hex } from "../../src/auth/tokens";
import { SET_PASSWORD_PATH } from "../../src/domain/account-links";
import { insertAccountLink } from "../../src/queries/account-links";
import { insertArea } from "../../src/queries/areas";
import { insertProgramme } from "../../src/queries/programmes";

// Every protected route, called as each kind of person, with the exact status each must get.
// The last test fails when a route is added to the app without a row here.

type Who = "anonymous" | "agent16" | "agent15" | "viewer16" | "national";
const WHO: Who[] = ["anonymous", "agent16", "agent15", "viewer16", "national"];

interface Fixtures {
  db: Db;
  programmeId: number;
  themeId: number;
  /** A fresh day in region 16 (so changes made by one call never affect another). */
  event16(): Promise<number>;
  userId(): Promise<number>;
  eventQuestion(eventId: number): Promise<number>;
  /** A fresh region-16 day with a released list of comments: one comment's ref and a category. */
  comment16(): Promise<{ event: number; ref: string; category: number }>;
  /** A fresh cooperation area without regions (issue 13: areas). */
  area(): Promise<number>;
  /** A cooperation area of region 12 only, made once (a region is in at most one area). */
  area12(): Promise<number>;
  /** A second programme, for the programme comparison. */
  secondProgrammeId: number;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  /** An HTML form post (the admin pages) instead of a JSON body. */
  form?: Record<string, string | string[]>;
  /** A multipart upload (the history import), fields and files. */
  multipart?: () => FormData;
  /** The call ends the session it is made with. */
  freshSession?: boolean;
}

type Row = [route: string, make: (fx: Fixtures) => Promise<Call>, expected: Record<Who, number>];

const all = (anonymous: number, others: number): Record<Who, number> => ({
  anonymous,
  agent16: others,
  agent15: others,
  viewer16: others,
  national: others,
});
const nationalOnly = (ok: number): Record<Who, number> => ({ anonymous: 401, agent16: 403, agent15: 403, viewer16: 403, national: ok });
const readRegion16 = (ok: number): Record<Who, number> => ({ anonymous: 401, agent16: ok, agent15: 403, viewer16: ok, national: ok });
const writeRegion16 = (ok: number): Record<Who, number> => ({ anonymous: 401, agent16: ok, agent15: 403, viewer16: 403, national: ok });
/** Admin pages send a visitor who is not signed in to the sign-in page (303), GET and POST alike. */
const page = (expected: Record<Who, number>): Record<Who, number> => ({ ...expected, anonymous: 303 });
const eventForm = (fx: Fixtures, region: string) => ({
  region,
  date: "2019-09-04",
  programme: String(fx.programmeId),
  theme: String(fx.themeId),
  title: "Päivä",
  location: "",
  attendance: "47",
});

let unique = 0;
/** The region-12 area (fixture area12), made on first use. */
let area12: Promise<number> | undefined;

/** A working one-time link for a fresh account (made in the database: who may make one is a row of its own). */
async function livePasswordLink(db: Db): Promise<string> {
  const person = await createTestUser(db, "viewer", ["16"]);
  const token = newSessionToken();
  const now = Date.now();
  await insertAccountLink(db, {
    tokenHash: await sha256Hex(token),
    userId: person.id,
    kind: "reset",
    createdBy: null,
    createdAt: now,
    expiresAt: now + 3_600_000,
  });
  return `${SET_PASSWORD_PATH}/${token}`;
}

const MATRIX: Row[] = [
  ["GET /api/me", async () => ({ method: "GET", path: "/api/me" }), all(401, 200)],
  ["POST /api/auth/logout", async () => ({ method: "POST", path: "/api/auth/logout", freshSession: true }), all(401, 204)],
  ["GET /api/regions", async () => ({ method: "GET", path: "/api/regions" }), all(401, 200)],
  ["GET /api/programmes", async () => ({ method: "GET", path: "/api/programmes" }), all(401, 200)],
  ["POST /api/programmes", async () => ({ method: "POST", path: "/api/programmes", body: { name: `P${++unique}` } }), nationalOnly(201)],
  [
    "PATCH /api/programmes/:id",
    async (fx) => ({ method: "PATCH", path: `/api/programmes/${fx.programmeId}`, body: { endsOn: "2019-12-31" } }),
    nationalOnly(200),
  ],
  [
    "PATCH /api/programmes/:id",
    async (fx) => ({ method: "PATCH", path: `/api/programmes/${fx.programmeId}`, body: { surveyCloseDays: 14 } }),
    nationalOnly(200),
  ],
  ["GET /api/themes", async () => ({ method: "GET", path: "/api/themes" }), all(401, 200)],
  [
    "POST /api/themes",
    async (fx) => ({ method: "POST", path: "/api/themes", body: { programmeId: fx.programmeId, nameFi: "T", nameSv: "T", nameEn: "T" } }),
    nationalOnly(201),
  ],
  [
    "PATCH /api/themes/:id",
    async (fx) => ({ method: "PATCH", path: `/api/themes/${fx.themeId}`, body: { nameEn: "Theme" } }),
    nationalOnly(200),
  ],
  ["GET /api/users", async () => ({ method: "GET", path: "/api/users" }), nationalOnly(200)],
  [
    "POST /api/users",
    async () => ({
      method: "POST",
      path: "/api/users",
      body: { email: `new${++unique}@test.example`, name: "N", role: "viewer", regions: ["16"], password: "a long enough password" },
    }),
    nationalOnly(201),
  ],
  [
    "PATCH /api/users/:id",
    async (fx) => ({ method: "PATCH", path: `/api/users/${await fx.userId()}`, body: { name: "Renamed" } }),
    nationalOnly(200),
  ],
  [
    "PUT /api/users/:id/password",
    async (fx) => ({ method: "PUT", path: `/api/users/${await fx.userId()}/password`, body: { password: "another long password" } }),
    nationalOnly(204),
  ],
  [
    "POST /api/users/:id/sessions/revoke",
    async (fx) => ({ method: "POST", path: `/api/users/${await fx.userId()}/sessions/revoke` }),
    nationalOnly(200),
  ],
  ["GET /api/audit", async () => ({ method: "GET", path: "/api/audit" }), nationalOnly(200)],
  // Cooperation areas (issue 13): names and regions are read by all, changed by the national team.
  ["GET /api/areas", async () => ({ method: "GET", path: "/api/areas" }), all(401, 200)],
  [
    "POST /api/areas",
    async () => ({ method: "POST", path: "/api/areas", body: { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["19"] } }),
    nationalOnly(201),
  ],
  [
    "PATCH /api/areas/:id",
    async (fx) => ({ method: "PATCH", path: `/api/areas/${await fx.area()}`, body: { nameEn: "B" } }),
    nationalOnly(200),
  ],
  ["DELETE /api/areas/:id", async (fx) => ({ method: "DELETE", path: `/api/areas/${await fx.area()}` }), nationalOnly(200)],
  ["GET /api/stats/areas", async () => ({ method: "GET", path: "/api/stats/areas" }), all(401, 200)],
  [
    "GET /api/stats/programmes",
    async (fx) => ({ method: "GET", path: `/api/stats/programmes?programme=${fx.programmeId}&compare=${fx.secondProgrammeId}` }),
    nationalOnly(200),
  ],
  ["GET /admin/areas", async () => ({ method: "GET", path: "/admin/areas" }), page(nationalOnly(200))],
  [
    "POST /admin/areas",
    async () => ({ method: "POST", path: "/admin/areas", form: { nameFi: "C", nameSv: "C", nameEn: "C", regions: ["18"] } }),
    page(nationalOnly(303)),
  ],
  ["GET /admin/areas/:id", async (fx) => ({ method: "GET", path: `/admin/areas/${await fx.area()}` }), page(nationalOnly(200))],
  [
    "POST /admin/areas/:id",
    async (fx) => ({
      method: "POST",
      path: `/admin/areas/${await fx.area()}`,
      form: { nameFi: "D", nameSv: "D", nameEn: "D", regions: ["17"] },
    }),
    page(nationalOnly(303)),
  ],
  [
    "POST /admin/areas/:id/delete",
    async (fx) => ({ method: "POST", path: `/admin/areas/${await fx.area()}/delete` }),
    page(nationalOnly(303)),
  ],
  ["GET /api/events", async () => ({ method: "GET", path: "/api/events" }), all(401, 200)],
  ["GET /api/events", async () => ({ method: "GET", path: "/api/events?region=16" }), readRegion16(200)],
  ["GET /api/stats/regions", async () => ({ method: "GET", path: "/api/stats/regions" }), all(401, 200)],
  [
    "GET /api/stats/regions",
    async () => ({ method: "GET", path: "/api/stats/regions?from=2019-09-04&to=2019-09-04&theme=1" }),
    all(401, 200),
  ],
  [
    "GET /api/export/trend.csv",
    async () => ({ method: "GET", path: "/api/export/trend.csv?interval=month&from=2019-09-04&to=2019-09-04" }),
    all(401, 200),
  ],
  ["GET /api/stats/trend", async () => ({ method: "GET", path: "/api/stats/trend?interval=year" }), all(401, 200)],
  ["GET /api/stats/trend", async () => ({ method: "GET", path: "/api/stats/trend?regions=16" }), readRegion16(200)],
  ["GET /api/stats/themes", async () => ({ method: "GET", path: "/api/stats/themes?region=16" }), readRegion16(200)],
  ["GET /api/stats/questions", async () => ({ method: "GET", path: "/api/stats/questions?region=16" }), readRegion16(200)],
  [
    "GET /api/stats/questions",
    async (fx) => ({ method: "GET", path: `/api/stats/questions?event=${await fx.event16()}` }),
    readRegion16(200),
  ],
  [
    "GET /api/events/:id/comments",
    async (fx) => ({ method: "GET", path: `/api/events/${await fx.event16()}/comments` }),
    readRegion16(200),
  ],
  ["GET /api/export/events.csv", async () => ({ method: "GET", path: "/api/export/events.csv?region=16" }), readRegion16(200)],
  ["GET /api/export/regions.csv", async () => ({ method: "GET", path: "/api/export/regions.csv" }), all(401, 200)],
  ["GET /api/export/trend.csv", async () => ({ method: "GET", path: "/api/export/trend.csv?regions=16" }), readRegion16(200)],
  ["GET /api/export/themes.csv", async () => ({ method: "GET", path: "/api/export/themes.csv?region=16" }), readRegion16(200)],
  ["GET /api/export/questions.csv", async () => ({ method: "GET", path: "/api/export/questions.csv?region=16" }), readRegion16(200)],
  [
    "GET /api/export/comments.csv",
    async (fx) => ({ method: "GET", path: `/api/export/comments.csv?event=${await fx.event16()}` }),
    readRegion16(200),
  ],
  // XLSX (issue 17): the same tables and rules as the CSV rows above.
  ["GET /api/export/events.xlsx", async () => ({ method: "GET", path: "/api/export/events.xlsx?region=16" }), readRegion16(200)],
  ["GET /api/export/regions.xlsx", async () => ({ method: "GET", path: "/api/export/regions.xlsx" }), all(401, 200)],
  ["GET /api/export/trend.xlsx", async () => ({ method: "GET", path: "/api/export/trend.xlsx?regions=16" }), readRegion16(200)],
  ["GET /api/export/themes.xlsx", async () => ({ method: "GET", path: "/api/export/themes.xlsx?region=16" }), readRegion16(200)],
  ["GET /api/export/questions.xlsx", async () => ({ method: "GET", path: "/api/export/questions.xlsx?region=16" }), readRegion16(200)],
  [
    "GET /api/export/comments.xlsx",
    async (fx) => ({ method: "GET", path: `/api/export/comments.xlsx?event=${await fx.event16()}` }),
    readRegion16(200),
  ],
  [
    "POST /api/events",
    async (fx) => ({
      method: "POST",
      path: "/api/events",
      body: { programmeId: fx.programmeId, regionCode: "16", date: "2019-09-04", title: "Päivä" },
    }),
    writeRegion16(201),
  ],
  [
    "POST /api/events",
    async (fx) => ({
      method: "POST",
      path: "/api/events",
      body: { programmeId: fx.programmeId, regionCode: null, date: "2019-03-20", title: "Kick-off" },
    }),
    nationalOnly(201),
  ],
  ["GET /api/events/:id", async (fx) => ({ method: "GET", path: `/api/events/${await fx.event16()}` }), readRegion16(200)],
  [
    "PATCH /api/events/:id",
    async (fx) => ({ method: "PATCH", path: `/api/events/${await fx.event16()}`, body: { attendance: 47 } }),
    writeRegion16(200),
  ],
  // Published results are the national team's, even on a day the agent may otherwise change.
  [
    "PUT /api/events/:id/published-result",
    async (fx) => ({
      method: "PUT",
      path: `/api/events/${await fx.event16()}/published-result`,
      body: { mean: 8.5, n: 40, source: "LAPE-Akatemia report" },
    }),
    nationalOnly(200),
  ],
  [
    "POST /api/events/:id/survey/open",
    async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/survey/open` }),
    writeRegion16(200),
  ],
  [
    "POST /api/events/:id/survey/close",
    async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/survey/close` }),
    writeRegion16(200),
  ],
  [
    "PATCH /api/events/:id/survey",
    async (fx) => ({ method: "PATCH", path: `/api/events/${await fx.event16()}/survey`, body: { closesAt: "2019-09-11T00:00:00+03:00" } }),
    writeRegion16(200),
  ],
  ["GET /api/events/:id/qr.svg", async (fx) => ({ method: "GET", path: `/api/events/${await fx.event16()}/qr.svg` }), readRegion16(200)],
  ["GET /api/events/:id/qr.png", async (fx) => ({ method: "GET", path: `/api/events/${await fx.event16()}/qr.png` }), readRegion16(200)],
  [
    "GET /api/events/:id/questions",
    async (fx) => ({ method: "GET", path: `/api/events/${await fx.event16()}/questions` }),
    readRegion16(200),
  ],
  [
    "POST /api/events/:id/questions",
    async (fx) => ({
      method: "POST",
      path: `/api/events/${await fx.event16()}/questions`,
      body: { kind: "text", text: { fi: "K", sv: "F", en: "Q" } },
    }),
    writeRegion16(201),
  ],
  [
    "DELETE /api/events/:id/questions/:questionId",
    async (fx) => {
      const eventId = await fx.event16();
      return { method: "DELETE", path: `/api/events/${eventId}/questions/${await fx.eventQuestion(eventId)}` };
    },
    writeRegion16(204),
  ],
  // Languages per day (issue 16 item 5): the per-language fields change nothing about who may write.
  [
    "POST /api/events",
    async (fx) => ({
      method: "POST",
      path: "/api/events",
      body: { programmeId: fx.programmeId, regionCode: "16", date: "2019-09-04", titleSv: "Dag", locationSv: "Karleby", mainLang: "sv" },
    }),
    writeRegion16(201),
  ],
  [
    "PATCH /api/events/:id",
    async (fx) => ({ method: "PATCH", path: `/api/events/${await fx.event16()}`, body: { titleEn: "Day", mainLang: "en" } }),
    writeRegion16(200),
  ],
  [
    "POST /api/events/:id/questions",
    async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/questions`, body: { kind: "text", text: { sv: "Fråga" } } }),
    writeRegion16(201),
  ],
  // Day management (issue 16 item 4): write access to the day's region (and to a duplicate's target region).
  [
    "PATCH /api/events/:id/questions/:questionId",
    async (fx) => {
      const eventId = await fx.event16();
      return {
        method: "PATCH",
        path: `/api/events/${eventId}/questions/${await fx.eventQuestion(eventId)}`,
        body: { kind: "text", text: { fi: "K2", sv: "F2", en: "Q2" } },
      };
    },
    writeRegion16(200),
  ],
  [
    "POST /api/events/:id/duplicate",
    async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/duplicate`, body: { date: "2019-10-01" } }),
    writeRegion16(201),
  ],
  [
    "POST /api/events/:id/duplicate",
    async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/duplicate`, body: { regionCode: "15" } }),
    nationalOnly(201),
  ],
  ["POST /api/events/:id/cancel", async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/cancel` }), writeRegion16(200)],
  [
    "POST /api/events/:id/uncancel",
    async (fx) => ({ method: "POST", path: `/api/events/${await fx.event16()}/uncancel` }),
    writeRegion16(200),
  ],
  // A day without answers; one with answers is the national team's only (test/api/event-management.test.ts).
  ["DELETE /api/events/:id", async (fx) => ({ method: "DELETE", path: `/api/events/${await fx.event16()}` }), writeRegion16(200)],
  // Admin pages (src/routes/admin): HTML, every change a form post answered with 303.
  ["GET /admin", async () => ({ method: "GET", path: "/admin" }), all(303, 200)],
  // Printable reports (issue 17): anyone signed in; a region's report only for its readers.
  ["GET /admin/reports", async () => ({ method: "GET", path: "/admin/reports" }), all(303, 200)],
  ["GET /admin/reports/national", async () => ({ method: "GET", path: "/admin/reports/national?from=2019-01-01" }), all(303, 200)],
  ["GET /admin/reports/region", async () => ({ method: "GET", path: "/admin/reports/region?region=16" }), page(readRegion16(200))],
  // An area's report only for readers of every member region (a municipal agent's own area: below).
  [
    "GET /admin/reports/area",
    async (fx) => ({ method: "GET", path: `/admin/reports/area?area=${await fx.area12()}` }),
    page(nationalOnly(200)),
  ],
  ["GET /admin/reports/area", async () => ({ method: "GET", path: "/admin/reports/area?area=999999" }), all(303, 404)],
  [
    "GET /admin/events/new",
    async () => ({ method: "GET", path: "/admin/events/new" }),
    { anonymous: 303, agent16: 200, agent15: 200, viewer16: 403, national: 200 },
  ],
  [
    "POST /admin/events/new",
    async (fx) => ({ method: "POST", path: "/admin/events/new", form: eventForm(fx, "16") }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/new",
    async (fx) => ({ method: "POST", path: "/admin/events/new", form: eventForm(fx, "national") }),
    page(nationalOnly(303)),
  ],
  ["GET /admin/events/:id", async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}` }), page(readRegion16(200))],
  [
    "POST /admin/events/:id",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}`, form: eventForm(fx, "16") }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/attendance",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/attendance`, form: { attendance: "47" } }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/published-result",
    async (fx) => ({
      method: "POST",
      path: `/admin/events/${await fx.event16()}/published-result`,
      form: { mean: "8,5", n: "40", source: "LAPE-Akatemia report" },
    }),
    page(nationalOnly(303)),
  ],
  [
    "POST /admin/events/:id/survey/open",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/survey/open` }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/survey/close",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/survey/close` }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/survey/schedule",
    async (fx) => ({
      method: "POST",
      path: `/admin/events/${await fx.event16()}/survey/schedule`,
      form: { opens: "2019-09-04T15:00", closes: "2019-09-11T00:00" },
    }),
    page(writeRegion16(303)),
  ],
  [
    "GET /admin/events/:id/results",
    async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}/results` }),
    page(readRegion16(200)),
  ],
  [
    "GET /admin/events/:id/poster",
    async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}/poster` }),
    page(readRegion16(200)),
  ],
  [
    "POST /admin/events/:id/questions",
    async (fx) => ({
      method: "POST",
      path: `/admin/events/${await fx.event16()}/questions`,
      form: { kind: "text", fi: "K", sv: "F", en: "Q" },
    }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/questions/:questionId/remove",
    async (fx) => {
      const eventId = await fx.event16();
      return { method: "POST", path: `/admin/events/${eventId}/questions/${await fx.eventQuestion(eventId)}/remove` };
    },
    page(writeRegion16(303)),
  ],
  [
    "GET /admin/events/:id/questions/:questionId/edit",
    async (fx) => {
      const eventId = await fx.event16();
      return { method: "GET", path: `/admin/events/${eventId}/questions/${await fx.eventQuestion(eventId)}/edit` };
    },
    page(writeRegion16(200)),
  ],
  [
    "POST /admin/events/:id/questions/:questionId/edit",
    async (fx) => {
      const eventId = await fx.event16();
      return {
        method: "POST",
        path: `/admin/events/${eventId}/questions/${await fx.eventQuestion(eventId)}/edit`,
        form: { kind: "text", fi: "K2", sv: "F2", en: "Q2" },
      };
    },
    page(writeRegion16(303)),
  ],
  // Test mode (issue 16): only those who may change the day; answers kept apart.
  [
    "GET /admin/events/:id/test",
    async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}/test` }),
    page(writeRegion16(200)),
  ],
  [
    "POST /admin/events/:id/test",
    async (fx) => ({
      method: "POST",
      path: `/admin/events/${await fx.event16()}/test`,
      form: { submission_id: crypto.randomUUID(), grade: "9" },
    }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/test/wipe",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/test/wipe` }),
    page(writeRegion16(303)),
  ],
  [
    "GET /admin/events/:id/duplicate",
    async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}/duplicate` }),
    page(writeRegion16(200)),
  ],
  [
    "POST /admin/events/:id/duplicate",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/duplicate`, form: eventForm(fx, "16") }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/cancel",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/cancel` }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/uncancel",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/uncancel` }),
    page(writeRegion16(303)),
  ],
  [
    "GET /admin/events/:id/delete",
    async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}/delete` }),
    page(writeRegion16(200)),
  ],
  [
    "POST /admin/events/:id/delete",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/delete`, form: {} }),
    page(writeRegion16(303)),
  ],
  // Live presenter view (issue 16 item 2): readers of the day see it; those who change the day make
  // and revoke its display link and choose the survey's readable address.
  ["GET /api/events/:id/live", async (fx) => ({ method: "GET", path: `/api/events/${await fx.event16()}/live` }), readRegion16(200)],
  [
    "GET /admin/events/:id/live",
    async (fx) => ({ method: "GET", path: `/admin/events/${await fx.event16()}/live` }),
    page(readRegion16(200)),
  ],
  [
    "POST /admin/events/:id/display",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/display`, form: {} }),
    page(writeRegion16(200)),
  ],
  [
    "POST /admin/events/:id/display/revoke",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/display/revoke`, form: {} }),
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/events/:id/slug",
    async (fx) => ({ method: "POST", path: `/admin/events/${await fx.event16()}/slug`, form: { slug: `matrix-day-${++unique}` } }),
    page(writeRegion16(303)),
  ],
  ["GET /admin/programmes", async () => ({ method: "GET", path: "/admin/programmes" }), page(nationalOnly(200))],
  [
    "POST /admin/programmes",
    async () => ({ method: "POST", path: "/admin/programmes", form: { name: `P${++unique}`, startsOn: "", endsOn: "" } }),
    page(nationalOnly(303)),
  ],
  [
    "POST /admin/programmes/themes",
    async (fx) => ({
      method: "POST",
      path: "/admin/programmes/themes",
      form: { programme: String(fx.programmeId), nameFi: "T", nameSv: "T", nameEn: "T" },
    }),
    page(nationalOnly(303)),
  ],
  [
    "POST /admin/programmes/themes/:id",
    async (fx) => ({
      method: "POST",
      path: `/admin/programmes/themes/${fx.themeId}`,
      form: { nameFi: "Testiteema", nameSv: "Testtema", nameEn: "Theme" },
    }),
    page(nationalOnly(303)),
  ],
  ["GET /admin/users", async () => ({ method: "GET", path: "/admin/users" }), page(nationalOnly(200))],
  [
    "POST /admin/users",
    async () => ({
      method: "POST",
      path: "/admin/users",
      form: { email: `new${++unique}@test.example`, name: "N", role: "viewer", regions: ["16"], password: "a long enough password" },
    }),
    page(nationalOnly(303)),
  ],
  ["GET /admin/users/:id", async (fx) => ({ method: "GET", path: `/admin/users/${await fx.userId()}` }), page(nationalOnly(200))],
  [
    "POST /admin/users/:id",
    async (fx) => ({
      method: "POST",
      path: `/admin/users/${await fx.userId()}`,
      form: { name: "Renamed", role: "viewer", regions: ["16"] },
    }),
    page(nationalOnly(303)),
  ],
  [
    "POST /admin/users/:id/sessions/revoke",
    async (fx) => ({ method: "POST", path: `/admin/users/${await fx.userId()}/sessions/revoke` }),
    page(nationalOnly(303)),
  ],
  ["GET /admin/audit", async () => ({ method: "GET", path: "/admin/audit" }), page(nationalOnly(200))],
  // The comment explorer and categories (issue 17): everyone signed in reads within their regions,
  // staff who may change a day tag its comments, the national team defines categories.
  ["GET /api/comments/explorer", async () => ({ method: "GET", path: "/api/comments/explorer" }), all(401, 200)],
  ["GET /api/comments/explorer", async () => ({ method: "GET", path: "/api/comments/explorer?region=16" }), readRegion16(200)],
  [
    "GET /api/comments/explorer",
    async (fx) => ({ method: "GET", path: `/api/comments/explorer?event=${await fx.event16()}` }),
    readRegion16(200),
  ],
  [
    "PUT /api/comments/tags",
    async (fx) => {
      const { event, ref, category } = await fx.comment16();
      return { method: "PUT", path: "/api/comments/tags", body: { event, ref, categories: [category] } };
    },
    writeRegion16(200),
  ],
  ["GET /api/comment-categories", async () => ({ method: "GET", path: "/api/comment-categories" }), all(401, 200)],
  [
    "POST /api/comment-categories",
    async () => ({ method: "POST", path: "/api/comment-categories", body: { name: { fi: "L", sv: "K", en: "C" } } }),
    nationalOnly(201),
  ],
  ["GET /admin/comments", async () => ({ method: "GET", path: "/admin/comments" }), page(all(401, 200))],
  ["GET /admin/comments", async () => ({ method: "GET", path: "/admin/comments?region=16" }), page(readRegion16(200))],
  [
    "POST /admin/comments/tags",
    async (fx) => {
      const { event, ref, category } = await fx.comment16();
      return { method: "POST", path: "/admin/comments/tags", form: { event: String(event), ref, categories: String(category), back: "" } };
    },
    page(writeRegion16(303)),
  ],
  [
    "POST /admin/comments/categories",
    async () => ({ method: "POST", path: "/admin/comments/categories", form: { name_fi: "L", name_sv: "K", name_en: "C", back: "" } }),
    page(nationalOnly(303)),
  ],
  [
    "GET /api/export/comment-selection.csv",
    async () => ({ method: "GET", path: "/api/export/comment-selection.csv?region=16" }),
    readRegion16(200),
  ],
  ["GET /api/export/comment-categories.csv", async () => ({ method: "GET", path: "/api/export/comment-categories.csv" }), all(401, 200)],
  [
    "GET /api/export/comment-selection.xlsx",
    async () => ({ method: "GET", path: "/api/export/comment-selection.xlsx?region=16&band=9-10" }),
    readRegion16(200),
  ],
  ["GET /api/export/comment-categories.xlsx", async () => ({ method: "GET", path: "/api/export/comment-categories.xlsx" }), all(401, 200)],
  ["GET /admin/import", async () => ({ method: "GET", path: "/admin/import" }), page(nationalOnly(200))],
  ["GET /admin/import/template.csv", async () => ({ method: "GET", path: "/admin/import/template.csv" }), page(nationalOnly(200))],
  [
    "POST /admin/import",
    async (fx) => ({
      method: "POST",
      path: "/admin/import",
      multipart: () => {
        const data = new FormData();
        data.set("programme", String(fx.programmeId));
        data.set("mode", "dry-run");
        data.set(
          "file",
          new File(["alue;päivämäärä;otsikko;keskiarvo;lähde\r\nLappi;3.10.2018;Päivä;8,5;Raportti\r\n"], "h.csv", { type: "text/csv" }),
        );
        return data;
      },
    }),
    page(nationalOnly(200)),
  ],
  // Everyone signed in may change their own password; a wrong current password is refused (422),
  // so the rows leave every test account's password as it was.
  [
    "POST /api/me/password",
    async () => ({
      method: "POST",
      path: "/api/me/password",
      body: { currentPassword: "not the current one", newPassword: "a brand new pass phrase" },
    }),
    all(401, 422),
  ],
  ["GET /admin/password", async () => ({ method: "GET", path: "/admin/password" }), page(all(401, 200))],
  [
    "POST /admin/password",
    async () => ({
      method: "POST",
      path: "/admin/password",
      form: { currentPassword: "not the current one", newPassword: "a brand new pass phrase", repeatPassword: "a brand new pass phrase" },
    }),
    page(all(401, 422)),
  ],
  // One-time password links (issue 16 item 7): only the national team makes them; the page a link
  // opens is public (the link is the key), and a weak password leaves the account as it was (422).
  [
    "POST /admin/users",
    async () => ({
      method: "POST",
      path: "/admin/users",
      form: { email: `invited${++unique}@test.example`, name: "N", role: "viewer", regions: ["16"], password: "" },
    }),
    page(nationalOnly(200)),
  ],
  [
    "POST /admin/users/:id/password-link",
    async (fx) => ({ method: "POST", path: `/admin/users/${await fx.userId()}/password-link` }),
    page(nationalOnly(200)),
  ],
  ["GET /set-password/:token", async (fx) => ({ method: "GET", path: await livePasswordLink(fx.db) }), all(200, 200)],
  [
    "POST /set-password/:token",
    async (fx) => ({ method: "POST", path: await livePasswordLink(fx.db), form: { password: "short", repeatPassword: "short" } }),
    all(422, 422),
  ],
];

/** Routes anyone may call; they have their own tests (survey, sign-in, health). */
const PUBLIC = new Set([
  "GET /healthz",
  "GET /accessibility",
  "GET /s/:slug",
  "POST /s/:slug",
  "GET /s/:slug/thanks",
  "GET /code",
  // The display link's token is its key (test/api/presenter.test.ts: valid, replaced, revoked, malformed).
  "GET /live/:token",
  "GET /api/live/:token",
  "POST /api/auth/login",
  "GET /login",
  "POST /login",
  "POST /logout",
]);

let app: ReturnType<typeof createApp>;
let fx: Fixtures;
const users = {} as Record<Exclude<Who, "anonymous">, TestUser>;
const cookies = {} as Record<Exclude<Who, "anonymous">, string>;

beforeAll(async () => {
  const db = await createTestDb();
  app = createApp({ db });
  await createTestSurvey(db); // the programme and theme the rows refer to
  const [programme] = await db.all<{ id: number }>(sql`SELECT id FROM programme`);
  const [theme] = await db.all<{ id: number }>(sql`SELECT id FROM theme`);
  const secondProgrammeId = await insertProgramme(db, { name: "Second programme", startsOn: null, endsOn: null });
  users.agent16 = await createTestUser(db, "agent", ["16"]);
  users.agent15 = await createTestUser(db, "agent", ["15"]);
  users.viewer16 = await createTestUser(db, "viewer", ["16"]);
  users.national = await createTestUser(db, "national");
  for (const who of Object.keys(users) as (keyof typeof users)[]) cookies[who] = await signIn(app, users[who]);
  fx = {
    db,
    programmeId: programme!.id,
    themeId: theme!.id,
    secondProgrammeId,
    area: () => insertArea(db, { nameFi: `Alue ${++unique}`, nameSv: "Område", nameEn: "Area", regions: [], source: null }),
    area12: () => {
      area12 ??= insertArea(db, { nameFi: "Alue 12", nameSv: "Område 12", nameEn: "Area 12", regions: ["12"], source: null });
      return area12;
    },
    event16: async () => (await createTestSurvey(db, { regionCode: "16" })).eventId,
    userId: async () => (await createTestUser(db, "viewer", ["16"])).id,
    eventQuestion: async (eventId) => {
      const res = await app.request(`http://localhost/api/events/${eventId}/questions`, {
        method: "POST",
        headers: asBrowser(cookies.national, { "content-type": "application/json" }),
        body: JSON.stringify({ kind: "text", text: { fi: "K", sv: "F", en: "Q" } }),
      });
      return (await res.json()).id;
    },
    comment16: async () => {
      const day = await createTestSurvey(db, { regionCode: "16" });
      await addComments(
        db,
        day.surveyId,
        repeat(5, (i) => ({ text: `Kommentti ${i}` })),
      );
      const headers = asBrowser(cookies.national, { "content-type": "application/json" });
      const explorer = await app.request(`http://localhost/api/comments/explorer?event=${day.eventId}`, { headers });
      const ref = (await explorer.json()).comments.items[0].ref as string;
      const created = await app.request("http://localhost/api/comment-categories", {
        method: "POST",
        headers,
        body: JSON.stringify({ name: { fi: "L", sv: "K", en: "C" } }),
      });
      return { event: day.eventId, ref, category: (await created.json()).category.id };
    },
  };
});

describe("authorization matrix", () => {
  for (const [route, make, expected] of MATRIX) {
    it(`${route} → ${WHO.map((w) => `${w} ${expected[w]}`).join(", ")}`, async () => {
      for (const who of WHO) {
        const call = await make(fx);
        const cookie = who === "anonymous" ? "" : call.freshSession ? await signIn(app, users[who]) : cookies[who];
        const form =
          call.form && new URLSearchParams(Object.entries(call.form).flatMap(([name, value]) => [value].flat().map((one) => [name, one])));
        const res = await app.request(`http://localhost${call.path}`, {
          method: call.method,
          headers: asBrowser(
            cookie,
            form
              ? { "content-type": "application/x-www-form-urlencoded" }
              : call.body === undefined
                ? {}
                : { "content-type": "application/json" },
          ),
          ...(call.multipart
            ? { body: call.multipart() }
            : form
              ? { body: form.toString() }
              : call.body !== undefined && { body: JSON.stringify(call.body) }),
        });
        expect(res.status, `${who} ${call.method} ${call.path}: ${await res.clone().text()}`).toBe(expected[who]);
        const isPage = call.path.startsWith("/admin") || call.path.startsWith(SET_PASSWORD_PATH);
        if (call.path.startsWith("/admin") && who === "anonymous")
          expect(res.headers.get("location")).toMatch(/^\/login\?lang=fi&next=%2Fadmin/);
        if (res.status === 422 && isPage) expect(await res.text()).toContain('role="alert"');
        else if (res.status >= 400 && isPage)
          expect(await res.text()).toContain(`<h1>${t("fi", res.status === 403 ? "http.forbidden" : "http.not_found")}</h1>`);
        else if (res.status >= 400) expect((await res.json()).error.code).toBeTruthy();
      }
    });
  }

  it("covers every route the app has", () => {
    const routes = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    const covered = new Set(MATRIX.map(([route]) => route));
    const missing = [...routes].filter((r) => !covered.has(r) && !PUBLIC.has(r));
    expect(missing, "routes without an authorization matrix row").toEqual([]);
    const stale = [...covered].filter((r) => !routes.has(r));
    expect(stale, "matrix rows for routes that no longer exist").toEqual([]);
  });
});

// The dashboard decides nothing on its own: /api/me carries the server's rule (src/auth/authorize.ts),
// and what it says must be what every data route then allows. The "every region" flag counts for
// viewers only; an agent saved with it once saw the national comparison tab in the dashboard.
describe("GET /api/me says what the server allows", () => {
  it("an agent with every region ticked reads only their own regions; a viewer with it reads all", async () => {
    const people = {
      ...users,
      flaggedAgent16: await createTestUser(fx.db, "agent", ["16"], { allRegions: true }),
      flaggedViewer16: await createTestUser(fx.db, "viewer", ["16"], { allRegions: true }),
    };
    const event15 = (await createTestSurvey(fx.db, { regionCode: "15" })).eventId;
    const expected = {
      agent16: { readsEveryRegion: false, readableRegions: ["16"], writableRegions: ["16"], isNational: false },
      agent15: { readsEveryRegion: false, readableRegions: ["15"], writableRegions: ["15"], isNational: false },
      viewer16: { readsEveryRegion: false, readableRegions: ["16"], writableRegions: [], isNational: false },
      national: { readsEveryRegion: true, readableRegions: "all", writableRegions: "all", isNational: true },
      flaggedAgent16: { readsEveryRegion: false, readableRegions: ["16"], writableRegions: ["16"], isNational: false },
      flaggedViewer16: { readsEveryRegion: true, readableRegions: "all", writableRegions: [], isNational: false },
    };
    for (const [who, person] of Object.entries(people) as [keyof typeof expected, TestUser][]) {
      const cookie = await signIn(app, person);
      const get = (path: string) => app.request(`http://localhost${path}`, { headers: asBrowser(cookie) });
      const meResponse = await get("/api/me");
      const me = (await meResponse.json()).user;
      expect(me, `${who}: ${JSON.stringify(me)}`).toMatchObject(expected[who]);

      // Each region's access in /api/regions and the answer for another region's day agree with it.
      const regions: { code: string; access: string }[] = (await (await get("/api/regions")).json()).regions;
      const within = (scope: "all" | string[], code: string) => scope === "all" || scope.includes(code);
      for (const r of regions) {
        const access = within(me.writableRegions, r.code) ? "write" : within(me.readableRegions, r.code) ? "read" : "none";
        expect(r.access, `${who}, region ${r.code}`).toBe(access);
      }
      const other = await get(`/api/events/${event15}`);
      expect(other.status, `${who} reading a day of region 15: ${await other.clone().text()}`).toBe(
        within(me.readableRegions, "15") ? 200 : 403,
      );
      const comparison = (await (await get("/api/stats/regions")).json()).regions.map((r: { code: string }) => r.code);
      expect(
        comparison.every((code: string) => within(me.readableRegions, code)),
        `${who}: the comparison holds only readable regions: ${comparison}`,
      ).toBe(true);
    }
  });
});

// A municipal agent (issue 13) reads every region of their cooperation area and nothing else, and
// changes nothing: /api/me says so, and every data route then agrees.
describe("a municipal agent reads the regions of their cooperation area and no other", () => {
  it("reads days and figures of regions 13 and 16 (the area), not of 15; writes none; sees only its area pooled", async () => {
    const areaId = await insertArea(fx.db, {
      nameFi: "Keski",
      nameSv: "Mellersta",
      nameEn: "Central",
      regions: ["13", "16"],
      source: null,
    });
    const otherArea = await insertArea(fx.db, { nameFi: "Länsi", nameSv: "Väst", nameEn: "West", regions: ["15"], source: null });
    const person = await createTestUser(fx.db, "municipal");
    await fx.db.update(user).set({ areaId }).where(eq(user.id, person.id));
    const cookie = await signIn(app, person);
    const get = (path: string) => app.request(`http://localhost${path}`, { headers: asBrowser(cookie) });

    const me = (await (await get("/api/me")).json()).user;
    expect(me, JSON.stringify(me)).toMatchObject({
      role: "municipal",
      readsEveryRegion: false,
      readableRegions: ["13", "16"],
      writableRegions: [],
      isNational: false,
      readsArea: areaId,
      areaId,
    });

    const day16 = (await createTestSurvey(fx.db, { regionCode: "16" })).eventId;
    const day13 = (await createTestSurvey(fx.db, { regionCode: "13" })).eventId;
    const day15 = (await createTestSurvey(fx.db, { regionCode: "15" })).eventId;
    for (const [path, status] of [
      [`/api/events/${day16}`, 200],
      [`/api/events/${day13}`, 200],
      [`/api/events/${day15}`, 403],
      ["/api/events?region=16", 200],
      ["/api/events?region=13", 200],
      ["/api/events?region=15", 403],
      ["/api/stats/trend?regions=13,16", 200],
      ["/api/stats/trend?regions=15", 403],
      [`/api/stats/programmes?programme=${fx.programmeId}&compare=${fx.secondProgrammeId}`, 403],
      ["/api/users", 403],
      ["/admin/areas", 403],
      [`/admin/reports/area?area=${areaId}`, 200],
      [`/admin/reports/area?area=${otherArea}`, 403],
    ] as const) {
      const res = await get(path);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(status);
    }
    const change = await app.request(`http://localhost/api/events/${day16}`, {
      method: "PATCH",
      headers: asBrowser(cookie, { "content-type": "application/json" }),
      body: JSON.stringify({ attendance: 50 }),
    });
    expect(change.status, await change.clone().text()).toBe(403);

    const events: { region: string | null }[] = (await (await get("/api/events")).json()).events;
    expect(new Set(events.map((e) => e.region).filter((code) => code !== null))).toEqual(new Set(["13", "16"]));
    const areas: { id: number }[] = (await (await get("/api/stats/areas")).json()).areas;
    expect(areas.map((a) => a.id)).toContain(areaId);
    expect(areas.map((a) => a.id)).not.toContain(otherArea);
    const regionStats: { code: string }[] = (await (await get("/api/stats/regions")).json()).regions;
    expect(regionStats.map((r) => r.code).sort()).toEqual(["13", "16"]);
  });
});
