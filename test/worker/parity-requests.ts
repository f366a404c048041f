import { DEMO_USERS } from "../../src/demo/demo-users";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";
import { qrPng } from "../../src/http/qr-png";
import { qrSvg } from "../../src/http/qr-svg";

// The one list of requests the parity test sends, in order, to the Node entry and to the built
// Worker, each on a freshly migrated database with the same demo data. Every route in src/app.ts
// has at least one request here; add new routes here too. Later requests may use values taken
// from earlier answers (a new day's id and random slug), kept per runtime.

export type SessionName = "national" | "agent" | "formAgent";

export interface ParityContext {
  /** Cookie header values from sign-ins, per session name. */
  readonly cookies: Partial<Record<SessionName, string>>;
  /** Values captured from earlier answers. */
  readonly values: Record<string, string>;
}

export interface ParityRequest {
  readonly name: string;
  readonly method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  readonly path: string | ((ctx: ParityContext) => string);
  /** Sends this session's cookie. */
  readonly as?: SessionName;
  /** A JSON body, or one made from captured values. */
  readonly json?: unknown | ((ctx: ParityContext) => unknown);
  /** Form fields; an array sends the field once per value (checkboxes). */
  readonly form?: Record<string, string | readonly string[]> | ((ctx: ParityContext) => Record<string, string | readonly string[]>);
  /** A raw body, sent with the given headers. */
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** Stores the answer's session cookie under this name. */
  readonly signIn?: SessionName;
  /** Values for later requests, from the JSON answer (undefined for other answers) or its headers. */
  readonly capture?: (body: any, headers: Headers, text: string) => Record<string, string>;
  /** Captured keys whose values are random per runtime (slugs): replaced by a placeholder before comparing. */
  readonly random?: readonly string[];
  /**
   * A difference the runtimes are known to have: turns the Worker's text into Node's before
   * comparing, so everything else is still compared. The parity test fails once it changes nothing,
   * so that the entry is removed rather than left to hide a regression.
   */
  readonly knownDifference?: KnownDifference;
  /** Texts made from random values (a QR code of a random link), replaced by <name> like them. */
  readonly derived?: (ctx: ParityContext & { readonly origin: string }) => Record<string, string>;
  /**
   * Served by Cloudflare's asset layer on the Worker and by the app on Node: compare status,
   * content type, caching and body, not the app's own security headers (the asset layer adds none).
   */
  readonly staticAsset?: boolean;
}

export interface KnownDifference {
  readonly why: string;
  readonly workerToNode: (text: string) => string;
}

// No known differences today. (Swedish dates differed once: workerd's ICU has no sv-FI, so dates
// are now written by src/domain/i18n/dates.ts instead of Intl.)

const [NATIONAL, AGENT] = DEMO_USERS;
const SUBMISSION_ID = "6f1c2a4e-9d0b-4c7e-8a35-0b7d2e9f4c11";
const FORM_SUBMISSION_ID = "2b8e4f60-1c3d-4a5b-9e7f-8d6c5b4a3f21";
const event = (ctx: ParityContext) => ctx.values.eventId!;

/** The token of a one-time link page and the expiry it states (its minute depends on when the runtime answered). */
function passwordLinkValues(prefix: string, html: string): Record<string, string> {
  const token = /\/set-password\/([A-Za-z0-9_-]{43})"/.exec(html)![1]!;
  const expires = /(\d{1,2}(?:\.\d{1,2}\.| \w+ )\d{4}(?:,| klo| kl\.) \d{1,2}[.:]\d\d)/.exec(html)![1]!;
  return { [`${prefix}Token`]: token, [`${prefix}Expires`]: expires };
}
const slug = (ctx: ParityContext) => ctx.values.slug!;

export const PARITY_REQUESTS: readonly ParityRequest[] = [
  // Public
  { name: "health check", path: "/healthz" },
  { name: "survey form, Finnish by default", path: `/s/${DEMO_SURVEY_SLUG}`, headers: { accept: "text/html" } },
  { name: "survey form in Swedish", path: `/s/${DEMO_SURVEY_SLUG}?lang=sv` },
  { name: "survey form, English from Accept-Language", path: `/s/${DEMO_SURVEY_SLUG}`, headers: { "accept-language": "en-GB,en;q=0.8" } },
  { name: "unknown survey", path: "/s/no-such-survey", headers: { accept: "text/html" } },
  {
    name: "form post with JavaScript off",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    headers: { accept: "text/html" },
    form: { submission_id: FORM_SUBMISSION_ID, lang: "sv", grade: "9", usefulness: "4", sector: "education", good: "Bra dag", improve: "" },
  },
  { name: "thank-you page", path: `/s/${DEMO_SURVEY_SLUG}/thanks?lang=sv` },
  {
    name: "form post retried",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    headers: { accept: "text/html" },
    form: { submission_id: FORM_SUBMISSION_ID, lang: "sv", grade: "9" },
  },
  {
    name: "JSON submission",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    json: { submission_id: SUBMISSION_ID, lang: "en", answers: { grade: 8, usefulness: 5, good: "Great" } },
  },
  {
    name: "JSON submission retried",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    json: { submission_id: SUBMISSION_ID, lang: "en", answers: { grade: 8, usefulness: 5, good: "Great" } },
  },
  {
    name: "same submission id for another survey",
    method: "POST",
    path: "/s/demo-16-2019-09-04",
    json: { submission_id: SUBMISSION_ID, answers: { grade: 8 } },
  },
  {
    name: "JSON submission with invalid answers",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    json: { lang: "sv", answers: { grade: 11, sector: "pirates", shoe_size: 42 } },
  },
  {
    name: "form post with invalid answers",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    headers: { accept: "text/html" },
    form: {
      submission_id: "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70",
      lang: "fi",
      grade: "11",
      good: 'Puhujat <b>"loistavia"</b>',
      sector: "ngo",
    },
  },
  { name: "JSON submission to an unknown survey", method: "POST", path: "/s/no-such-survey", json: { answers: { grade: 8 } } },
  {
    name: "broken JSON",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    body: '{"answers":',
    headers: { "content-type": "application/json" },
  },
  {
    name: "unsupported media type",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    body: "grade=8",
    headers: { "content-type": "text/plain" },
  },
  { name: "body over 64 KB", method: "POST", path: `/s/${DEMO_SURVEY_SLUG}`, json: { answers: { good: "x".repeat(70_000) } } },
  { name: "survey script", path: "/assets/survey.js", staticAsset: true },
  { name: "missing asset", path: "/assets/no-such-file.js" },
  // The dashboard's page: from the app on Node, through the Worker's ASSETS binding on Cloudflare.
  { name: "dashboard page", path: "/" },
  { name: "unknown page", path: "/no-such-page", headers: { accept: "text/html" } },
  { name: "unknown API path", path: "/api/no-such-thing" },

  // Sign-in and sessions
  { name: "sign-in page", path: "/login?lang=sv" },
  { name: "who am I, anonymous", path: "/api/me" },
  {
    name: "sign-in with a wrong password",
    method: "POST",
    path: "/api/auth/login",
    json: { email: AGENT.email, password: "not the password" },
  },
  {
    name: "national sign-in",
    method: "POST",
    path: "/api/auth/login",
    json: { email: NATIONAL.email, password: NATIONAL.password },
    signIn: "national",
  },
  {
    name: "agent sign-in",
    method: "POST",
    path: "/api/auth/login",
    json: { email: AGENT.email, password: AGENT.password },
    signIn: "agent",
  },
  {
    name: "sign-in form",
    method: "POST",
    path: "/login",
    headers: { accept: "text/html" },
    form: { email: AGENT.email, password: AGENT.password, next: "/admin" },
    signIn: "formAgent",
  },
  {
    name: "sign-in form with a wrong password",
    method: "POST",
    path: "/login?lang=en",
    headers: { accept: "text/html" },
    form: { email: AGENT.email, password: "nope nope nope" },
  },
  { name: "who am I, national", path: "/api/me", as: "national" },
  { name: "who am I, signed in by the form", path: "/api/me", as: "formAgent" },
  {
    name: "cross-site state change",
    method: "POST",
    path: "/api/programmes",
    as: "national",
    json: { name: "Evil" },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  },

  // Regions, programmes, themes
  { name: "regions for an agent", path: "/api/regions", as: "agent" },
  { name: "programmes", path: "/api/programmes", as: "agent" },
  { name: "themes of programme 1", path: "/api/themes?programme=1", as: "agent" },
  { name: "themes with a bad filter", path: "/api/themes?programme=x", as: "agent" },
  { name: "programme created by an agent", method: "POST", path: "/api/programmes", as: "agent", json: { name: "Nope" } },
  {
    name: "programme created",
    method: "POST",
    path: "/api/programmes",
    as: "national",
    json: { name: "LAPE-Akatemia 2020", startsOn: "2020-01-01" },
    capture: (b) => ({ programmeId: String(b.programme.id) }),
  },
  {
    name: "programme changed",
    method: "PATCH",
    path: (c) => `/api/programmes/${c.values.programmeId}`,
    as: "national",
    json: { endsOn: "2020-12-31" },
  },
  // Disclosure control (issue 12): default closing per programme, the yardstick rule, unlinkable comments.
  {
    name: "programme's default survey closing changed",
    method: "PATCH",
    path: (c) => `/api/programmes/${c.values.programmeId}`,
    as: "national",
    json: { surveyCloseDays: 7 },
  },
  {
    name: "programme's default survey closing, bad value",
    method: "PATCH",
    path: (c) => `/api/programmes/${c.values.programmeId}`,
    as: "national",
    json: { surveyCloseDays: -1 },
  },
  {
    name: "theme created",
    method: "POST",
    path: "/api/themes",
    as: "national",
    json: { programmeId: 1, nameFi: "Testiteema", nameSv: "Testtema", nameEn: "Test theme" },
    capture: (b) => ({ themeId: String(b.theme.id) }),
  },
  {
    name: "theme changed",
    method: "PATCH",
    path: (c) => `/api/themes/${c.values.themeId}`,
    as: "national",
    json: { nameEn: "Testing theme" },
  },
  { name: "unknown theme changed", method: "PATCH", path: "/api/themes/999999", as: "national", json: { nameEn: "x" } },

  // Cooperation areas and programmes side by side (issue 13): the demo data's example areas cover every region.
  { name: "areas", path: "/api/areas", as: "agent" },
  { name: "areas pooled, as the national team", path: "/api/stats/areas?programme=1", as: "national" },
  { name: "areas pooled, as an agent of one region", path: "/api/stats/areas", as: "agent" },
  { name: "areas pooled, bad filter", path: "/api/stats/areas?from=2019-02-30", as: "national" },
  {
    name: "area with a region of another area",
    method: "POST",
    path: "/api/areas",
    as: "national",
    json: { nameFi: "Uusi", nameSv: "Ny", nameEn: "New", regions: ["16"] },
  },
  {
    name: "area created by an agent",
    method: "POST",
    path: "/api/areas",
    as: "agent",
    json: { nameFi: "A", nameSv: "A", nameEn: "A", regions: ["16"] },
  },
  { name: "demo area deleted", method: "DELETE", path: "/api/areas/5", as: "national" },
  {
    name: "area created",
    method: "POST",
    path: "/api/areas",
    as: "national",
    json: { nameFi: "Pohjoinen", nameSv: "Norr", nameEn: "North", regions: ["19", "18"], source: "Päätös 1/2019" },
    capture: (b) => ({ areaId: String(b.area.id) }),
  },
  {
    name: "area changed",
    method: "PATCH",
    path: (c) => `/api/areas/${c.values.areaId}`,
    as: "national",
    json: { regions: ["17", "18", "19"] },
  },
  { name: "unknown area changed", method: "PATCH", path: "/api/areas/999999", as: "national", json: { nameEn: "x" } },
  { name: "areas page", path: "/admin/areas?lang=sv", as: "national" },
  { name: "area page", path: (c) => `/admin/areas/${c.values.areaId}?lang=en`, as: "national" },
  {
    name: "area form with errors",
    method: "POST",
    path: "/admin/areas?lang=fi",
    as: "national",
    form: { nameFi: "", nameSv: "S", nameEn: "E", regions: ["16"] },
  },
  {
    name: "area edit form saved",
    method: "POST",
    path: (c) => `/admin/areas/${c.values.areaId}?lang=fi`,
    as: "national",
    form: { nameFi: "Pohjoinen", nameSv: "Norr", nameEn: "North", regions: ["18", "19"], source: "" },
  },
  { name: "area deleted through its page", method: "POST", path: (c) => `/admin/areas/${c.values.areaId}/delete?lang=fi`, as: "national" },
  { name: "area deleted", method: "DELETE", path: "/api/areas/4", as: "national" },
  { name: "programmes side by side", path: (c) => `/api/stats/programmes?programme=1&compare=${c.values.programmeId}`, as: "national" },
  {
    name: "programmes side by side, as an agent",
    path: (c) => `/api/stats/programmes?programme=1&compare=${c.values.programmeId}`,
    as: "agent",
  },
  { name: "programmes side by side, the same twice", path: "/api/stats/programmes?programme=1&compare=1", as: "national" },

  // Users and the audit log
  { name: "users, as an agent", path: "/api/users", as: "agent" },
  {
    name: "user created",
    method: "POST",
    path: "/api/users",
    as: "national",
    json: { email: "viewer@palaute.example", name: "Katselija", role: "viewer", regions: ["15"], password: "a long enough password" },
    capture: (b) => ({ userId: String(b.user.id) }),
  },
  {
    name: "user created twice",
    method: "POST",
    path: "/api/users",
    as: "national",
    json: { email: "viewer@palaute.example", name: "Katselija", role: "viewer", password: "a long enough password" },
  },
  { name: "user changed", method: "PATCH", path: (c) => `/api/users/${c.values.userId}`, as: "national", json: { regions: ["15", "16"] } },
  {
    name: "user password set",
    method: "PUT",
    path: (c) => `/api/users/${c.values.userId}/password`,
    as: "national",
    json: { password: "another long password" },
  },
  { name: "user sessions revoked", method: "POST", path: (c) => `/api/users/${c.values.userId}/sessions/revoke`, as: "national" },
  { name: "users", path: "/api/users", as: "national" },
  { name: "audit log", path: "/api/audit?limit=20", as: "national" },

  // Academy days, their surveys and questions
  { name: "days of region 16", path: "/api/events?region=16", as: "agent", capture: (b) => ({ demoEventId: String(b.events[0].id) }) },
  { name: "days of another region", path: "/api/events?region=01", as: "agent" },
  { name: "all days, filtered", path: "/api/events?from=2019-09-01&to=2019-12-31&theme=2&lang=sv", as: "national" },
  { name: "all days", path: "/api/events", as: "national" },
  { name: "bad day filter", path: "/api/events?from=2019-02-30", as: "national" },
  { name: "one demo day", path: (c) => `/api/events/${c.values.demoEventId}`, as: "agent" },
  {
    name: "day created",
    method: "POST",
    path: "/api/events",
    as: "agent",
    json: { programmeId: 1, regionCode: "16", date: "2019-12-10", themeId: 1, title: "Jatkopäivä", location: "Kokkola", attendance: 30 },
    capture: (b) => ({ eventId: String(b.event.id), slug: b.event.survey.slug, shortCode: b.event.survey.shortCode }),
    random: ["slug", "shortCode"],
  },
  {
    name: "day created in another region",
    method: "POST",
    path: "/api/events",
    as: "agent",
    json: { programmeId: 1, regionCode: "01", date: "2019-12-10", title: "Ei" },
  },
  { name: "the new day", path: (c) => `/api/events/${event(c)}`, as: "agent" },
  {
    name: "day changed",
    method: "PATCH",
    path: (c) => `/api/events/${event(c)}`,
    as: "agent",
    json: { attendance: 31, location: "Kokkola, Kampus" },
  },
  {
    name: "published grade through PATCH (refused: it has its own route)",
    method: "PATCH",
    path: (c) => `/api/events/${event(c)}`,
    as: "agent",
    json: { reportedGradeMean: 8.5 },
  },
  { name: "questions of the day", path: (c) => `/api/events/${event(c)}/questions`, as: "agent" },
  {
    name: "day question added",
    method: "POST",
    path: (c) => `/api/events/${event(c)}/questions`,
    as: "agent",
    json: { kind: "text", text: { fi: "Mitä opit?", sv: "Vad lärde du dig?", en: "What did you learn?" } },
    capture: (b) => ({ questionId: String(b.id) }),
  },
  { name: "questions with the day's own", path: (c) => `/api/events/${event(c)}/questions`, as: "agent" },
  { name: "day question removed", method: "DELETE", path: (c) => `/api/events/${event(c)}/questions/${c.values.questionId}`, as: "agent" },
  {
    name: "survey scheduled to open later",
    method: "PATCH",
    path: (c) => `/api/events/${event(c)}/survey`,
    as: "agent",
    json: { opensAt: "2099-05-09T13:00:00+03:00", closesAt: null },
  },
  // Naming neither end changes nothing, on both runtimes (was a 500 on Node: an empty SET).
  { name: "survey window with neither end named", method: "PATCH", path: (c) => `/api/events/${event(c)}/survey`, as: "agent", json: {} },
  {
    name: "survey not open yet (a date formatted for the participant)",
    path: (c) => `/s/${slug(c)}?lang=sv`,
  },
  { name: "survey opened now", method: "POST", path: (c) => `/api/events/${event(c)}/survey/open`, as: "agent" },
  // Participants' pages cache a survey for a few seconds (src/services/survey-lookup.ts), so the
  // closed-survey answers use a second day whose survey no participant has opened yet.
  {
    name: "second day created",
    method: "POST",
    path: "/api/events",
    as: "national",
    json: { programmeId: 1, regionCode: null, date: "2019-12-12", title: "Valtakunnallinen päätös", location: "Helsinki" },
    capture: (b) => ({ closingEventId: String(b.event.id), closingSlug: b.event.survey.slug, closingShortCode: b.event.survey.shortCode }),
    random: ["closingSlug", "closingShortCode"],
    derived: (c) => ({ closingQr: qrSvg(`${c.origin}/s/${c.values.closingSlug}`) }),
  },
  { name: "QR code of the survey link", path: (c) => `/api/events/${c.values.closingEventId}/qr.svg`, as: "agent" },
  {
    name: "survey closed by an agent (a national day)",
    method: "POST",
    path: (c) => `/api/events/${c.values.closingEventId}/survey/close`,
    as: "agent",
  },
  { name: "survey closed", method: "POST", path: (c) => `/api/events/${c.values.closingEventId}/survey/close`, as: "national" },
  { name: "closed survey page", path: (c) => `/s/${c.values.closingSlug}?lang=en` },
  {
    name: "JSON submission to a closed survey",
    method: "POST",
    path: (c) => `/s/${c.values.closingSlug}`,
    json: { answers: { grade: 8 } },
  },
  {
    name: "form post to a closed survey keeps the typed text",
    method: "POST",
    path: (c) => `/s/${c.values.closingSlug}`,
    headers: { accept: "text/html" },
    form: { lang: "en", grade: "8", improve: "Longer breaks" },
  },
  // A published result is final: recording it closes the day's survey for good.
  {
    name: "published result recorded by an agent",
    method: "PUT",
    path: (c) => `/api/events/${c.values.closingEventId}/published-result`,
    as: "agent",
    json: { mean: 8.5, source: "Raportti" },
  },
  {
    name: "published result with n above attendance",
    method: "PUT",
    path: (c) => `/api/events/${c.values.closingEventId}/published-result`,
    as: "national",
    json: { mean: 8.5, n: 99, attendance: 47, source: "Raportti" },
  },
  {
    name: "published result recorded",
    method: "PUT",
    path: (c) => `/api/events/${c.values.closingEventId}/published-result`,
    as: "national",
    json: { mean: 8.5, n: 40, distribution: { "8": 20, "9": 20 }, attendance: 47, source: "LAPE-Akatemia, raportti" },
  },
  { name: "published day's survey page", path: (c) => `/s/${c.values.closingSlug}?lang=sv` },
  {
    name: "JSON submission to a published day",
    method: "POST",
    path: (c) => `/s/${c.values.closingSlug}`,
    json: { answers: { grade: 4 } },
  },
  {
    name: "published day's survey cannot be reopened",
    method: "POST",
    path: (c) => `/api/events/${c.values.closingEventId}/survey/open`,
    as: "national",
  },

  // Dashboard statistics and exports (after the submissions above, so they count them)
  { name: "stats by region, agent", path: "/api/stats/regions", as: "agent" },
  { name: "stats by region, national, one year", path: "/api/stats/regions?from=2019-01-01&to=2019-12-31&lang=sv", as: "national" },
  { name: "trend by term", path: "/api/stats/trend?interval=term", as: "national" },
  { name: "trend by month for two regions", path: "/api/stats/trend?interval=month&regions=16,15", as: "national" },
  { name: "trend of a region the agent cannot read", path: "/api/stats/trend?regions=01", as: "agent" },
  { name: "trend with a bad interval", path: "/api/stats/trend?interval=week", as: "national" },
  { name: "stats by theme", path: "/api/stats/themes?lang=en", as: "national" },
  // Region comparisons (issue 14): funnel against the rest of the country, theme-adjusted means, trend per theme.
  { name: "stats by region, national, all regions with funnel and adjusted means", path: "/api/stats/regions", as: "national" },
  { name: "trend by term of one programme, per theme with the change", path: "/api/stats/trend?interval=term&programme=1", as: "national" },
  { name: "export: trend by term in words, per theme", path: "/api/export/trend.csv?interval=term&lang=fi", as: "national" },
  {
    name: "days of Pohjanmaa with their grades",
    path: "/api/events?region=15",
    as: "national",
    capture: (b) => ({
      pohjanmaaEventId: String(b.events.find((e: { survey: { slug: string } }) => e.survey.slug === DEMO_SURVEY_SLUG).id),
    }),
  },
  { name: "question figures of a day", path: (c) => `/api/stats/questions?event=${c.values.pohjanmaaEventId}`, as: "national" },
  { name: "question figures over a region", path: "/api/stats/questions?region=16", as: "agent" },
  { name: "results page of a day", path: (c) => `/admin/events/${c.values.pohjanmaaEventId}/results?lang=sv`, as: "national" },
  { name: "results page of the national kick-off", path: "/admin/events/1/results?lang=en", as: "agent" },
  { name: "comments of a day", path: (c) => `/api/events/${c.values.pohjanmaaEventId}/comments`, as: "national" },
  { name: "comments of another region's day", path: (c) => `/api/events/${c.values.pohjanmaaEventId}/comments`, as: "agent" },
  { name: "export: days", path: "/api/export/events.csv?region=16", as: "agent" },
  { name: "export: regions", path: "/api/export/regions.csv?lang=sv", as: "national" },
  { name: "export: trend", path: "/api/export/trend.csv?interval=year", as: "national" },
  { name: "export: themes", path: "/api/export/themes.csv", as: "national" },
  { name: "export: questions", path: (c) => `/api/export/questions.csv?event=${c.values.pohjanmaaEventId}`, as: "national" },
  { name: "export: comments", path: (c) => `/api/export/comments.csv?event=${c.values.pohjanmaaEventId}&lang=en`, as: "national" },
  { name: "export, anonymous", path: "/api/export/regions.csv" },
  // The comment explorer and categories (issue 17).
  { name: "explorer: a region", path: "/api/comments/explorer?region=15", as: "national" },
  {
    name: "explorer: stemmed search, Swedish comments, low against high grades",
    path: "/api/comments/explorer?language=sv&q=bra&compare=grade",
    as: "national",
  },
  {
    name: "explorer: a band, one question, the region against the rest",
    path: "/api/comments/explorer?region=16&band=9-10&question=good&compare=region",
    as: "agent",
  },
  { name: "explorer: a region the agent cannot read", path: "/api/comments/explorer?region=01", as: "agent" },
  { name: "explorer: a bad band", path: "/api/comments/explorer?band=1-3", as: "agent" },
  {
    name: "comment category created",
    method: "POST",
    path: "/api/comment-categories",
    as: "national",
    json: { name: { fi: "Johtaminen", sv: "Ledarskap", en: "Leadership" } },
    capture: (b) => ({ categoryId: String(b.category.id) }),
  },
  { name: "comment categories", path: "/api/comment-categories", as: "agent" },
  {
    name: "explorer: a day, for a ref",
    path: (c) => `/api/comments/explorer?event=${c.values.pohjanmaaEventId}`,
    as: "national",
    capture: (b) => ({ commentRef: b.comments.items[0].ref, commentDay: String(b.comments.items[0].eventId) }),
  },
  {
    name: "comment tagged",
    method: "PUT",
    path: "/api/comments/tags",
    as: "national",
    json: (c: ParityContext) => ({
      event: Number(c.values.commentDay),
      ref: c.values.commentRef,
      categories: [Number(c.values.categoryId)],
    }),
  },
  {
    name: "comment tagged through the staff page's form",
    method: "POST",
    path: "/admin/comments/tags?lang=fi",
    as: "national",
    form: (c: ParityContext) => ({ event: c.values.commentDay!, ref: c.values.commentRef!, categories: [], back: "region=15" }),
  },
  {
    name: "comment category added through the staff page's form",
    method: "POST",
    path: "/admin/comments/categories?lang=sv",
    as: "national",
    form: { name_fi: "Aikataulu", name_sv: "Tidtabell", name_en: "Schedule", back: "" },
  },
  { name: "explorer page with tags", path: (c) => `/admin/comments?event=${c.values.pohjanmaaEventId}&lang=sv`, as: "national" },
  {
    name: "export: comment selection",
    path: (c) => `/api/export/comment-selection.csv?event=${c.values.pohjanmaaEventId}&lang=fi`,
    as: "national",
  },
  { name: "export: comment categories", path: "/api/export/comment-categories.csv?region=15&lang=en", as: "national" },
  {
    name: "export as XLSX: comment selection, one band",
    path: (c) => `/api/export/comment-selection.xlsx?event=${c.values.pohjanmaaEventId}&band=9-10&lang=sv`,
    as: "national",
  },
  { name: "export as XLSX: comment categories", path: "/api/export/comment-categories.xlsx?region=15&lang=fi", as: "national" },

  // XLSX (issue 17): the files' bytes hold no clock, so the two runtimes must send the same bytes.
  { name: "export as XLSX: days", path: "/api/export/events.xlsx?region=16&from=2019-01-01&to=2019-12-31", as: "agent" },
  { name: "export as XLSX: regions", path: "/api/export/regions.xlsx?lang=sv", as: "national" },
  { name: "export as XLSX: trend", path: "/api/export/trend.xlsx?interval=term&regions=16&lang=en", as: "national" },
  { name: "export as XLSX: themes", path: "/api/export/themes.xlsx", as: "national" },
  { name: "export as XLSX: questions", path: (c) => `/api/export/questions.xlsx?event=${c.values.pohjanmaaEventId}`, as: "national" },
  { name: "export as XLSX: comments", path: (c) => `/api/export/comments.xlsx?event=${c.values.pohjanmaaEventId}&lang=en`, as: "national" },
  { name: "export as XLSX, anonymous", path: "/api/export/regions.xlsx" },
  { name: "export as XLSX, another region", path: "/api/export/events.xlsx?region=15", as: "agent" },
  { name: "yardstick withheld from an agent: one day", path: "/api/stats/regions?from=2019-05-09&to=2019-05-09", as: "agent" },
  { name: "yardstick for an agent: whole months", path: "/api/stats/regions?from=2019-09-01&to=2019-11-30", as: "agent" },
  { name: "trend yardstick for an agent by month", path: "/api/stats/trend?interval=month&regions=16", as: "agent" },
  { name: "export: trend, agent, one theme", path: "/api/export/trend.csv?interval=month&regions=16&theme=1&lang=en", as: "agent" },
  { name: "export: regions, agent, one day", path: "/api/export/regions.csv?from=2019-05-09&to=2019-05-09&lang=fi", as: "agent" },
  {
    name: "question figures over the country, pooled from day tables",
    path: "/api/stats/questions?from=2019-09-01&to=2019-09-30",
    as: "national",
  },

  // Languages per day (issue 16 item 5): titles and places per language, the main language, own
  // questions in one language, the Swedish offer of a bilingual region.
  {
    name: "day created with a Swedish title only",
    method: "POST",
    path: "/api/events",
    as: "agent",
    json: { programmeId: 1, regionCode: "16", date: "2019-12-12", titleSv: "Ledarskapsdag", locationSv: "Karleby", mainLang: "sv" },
    capture: (b) => ({ langEventId: String(b.event.id), langSlug: b.event.survey.slug, langShortCode: b.event.survey.shortCode }),
    random: ["langSlug", "langShortCode"],
  },
  { name: "Swedish day, no language preference", path: (c) => `/s/${c.values.langSlug}`, headers: { accept: "text/html" } },
  { name: "Swedish day read in Finnish", path: (c) => `/s/${c.values.langSlug}?lang=fi` },
  {
    name: "own question in Swedish only",
    method: "POST",
    path: (c) => `/api/events/${c.values.langEventId}/questions`,
    as: "agent",
    json: { kind: "text", text: { sv: "Vad tar du med dig?" } },
  },
  { name: "Swedish-only question read in English", path: (c) => `/s/${c.values.langSlug}?lang=en` },
  {
    name: "English title added, main language English",
    method: "PATCH",
    path: (c) => `/api/events/${c.values.langEventId}`,
    as: "agent",
    json: { titleEn: "Leadership day", mainLang: "en" },
  },
  {
    name: "every title removed (refused)",
    method: "PATCH",
    path: (c) => `/api/events/${c.values.langEventId}`,
    as: "agent",
    json: { title: null, titleSv: null, titleEn: null },
  },
  { name: "day page with the fallback note", path: (c) => `/admin/events/${c.values.langEventId}?lang=en`, as: "agent" },
  {
    name: "new day form with a Swedish title",
    method: "POST",
    path: "/admin/events/new?lang=sv",
    as: "agent",
    form: {
      region: "16",
      date: "2019-12-14",
      programme: "1",
      theme: "",
      mainLang: "",
      title: "",
      titleSv: "Dag i Karleby",
      titleEn: "",
      location: "",
      locationSv: "",
      locationEn: "",
      attendance: "",
    },
  },
  // Day management (issue 16 item 4): duplicate, edit an own question, cancel and restore, delete.
  {
    name: "day to manage created",
    method: "POST",
    path: "/api/events",
    as: "agent",
    json: { programmeId: 1, regionCode: "16", date: "2019-12-13", themeId: 2, title: "Hallittava päivä", location: "Kokkola" },
    capture: (b) => ({ manageEventId: String(b.event.id), manageSlug: b.event.survey.slug, manageShortCode: b.event.survey.shortCode }),
    random: ["manageSlug", "manageShortCode"],
  },
  {
    name: "own question for the day to manage",
    method: "POST",
    path: (c) => `/api/events/${c.values.manageEventId}/questions`,
    as: "agent",
    json: { kind: "text", text: { fi: "Mitä jäi mieleen?", sv: "Vad minns du?", en: "What stayed with you?" } },
    capture: (b) => ({ manageQuestionId: String(b.id) }),
  },
  {
    name: "own question edited",
    method: "PATCH",
    path: (c) => `/api/events/${c.values.manageEventId}/questions/${c.values.manageQuestionId}`,
    as: "agent",
    json: { kind: "text", required: true, text: { fi: "Mikä jäi mieleen?", sv: "Vad minns du mest?", en: "What stayed with you most?" } },
  },
  {
    name: "day duplicated into another region by an agent",
    method: "POST",
    path: (c) => `/api/events/${c.values.manageEventId}/duplicate`,
    as: "agent",
    json: { regionCode: "15" },
  },
  {
    name: "day duplicated",
    method: "POST",
    path: (c) => `/api/events/${c.values.manageEventId}/duplicate`,
    as: "agent",
    json: { date: "2020-01-15", title: "Kopioitu päivä" },
    capture: (b) => ({ copyEventId: String(b.event.id), copySlug: b.event.survey.slug, copyShortCode: b.event.survey.shortCode }),
    random: ["copySlug", "copyShortCode"],
  },
  { name: "copy's questions", path: (c) => `/api/events/${c.values.copyEventId}/questions`, as: "agent" },
  { name: "duplicate page", path: (c) => `/admin/events/${c.values.manageEventId}/duplicate?lang=sv`, as: "agent" },
  {
    name: "day duplicated with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.manageEventId}/duplicate?lang=en`,
    as: "agent",
    form: {
      region: "16",
      date: "2020-02-20",
      programme: "1",
      theme: "2",
      title: "Lomakkeella kopioitu",
      location: "Kokkola",
      attendance: "",
    },
  },
  { name: "day cancelled", method: "POST", path: (c) => `/api/events/${c.values.copyEventId}/cancel`, as: "agent" },
  { name: "cancelled day's survey page", path: (c) => `/s/${c.values.copySlug}?lang=sv` },
  {
    name: "JSON submission to a cancelled day",
    method: "POST",
    path: (c) => `/s/${c.values.copySlug}`,
    json: { answers: { grade: 8 } },
  },
  { name: "cancelled day's page", path: (c) => `/admin/events/${c.values.copyEventId}?lang=en`, as: "agent" },
  {
    name: "day restored with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.copyEventId}/uncancel?lang=fi`,
    as: "agent",
  },
  { name: "day cancelled with the form", method: "POST", path: (c) => `/admin/events/${c.values.copyEventId}/cancel?lang=fi`, as: "agent" },
  { name: "day restored", method: "POST", path: (c) => `/api/events/${c.values.copyEventId}/uncancel`, as: "agent" },
  { name: "delete page", path: (c) => `/admin/events/${c.values.copyEventId}/delete?lang=fi`, as: "agent" },
  { name: "day deleted", method: "DELETE", path: (c) => `/api/events/${c.values.copyEventId}`, as: "agent" },
  {
    name: "day deleted with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.manageEventId}/delete?lang=sv`,
    as: "agent",
    form: {},
  },

  // Staff pages (server-rendered forms; every change answers 303 to the page, Post/Redirect/Get)
  { name: "staff pages, anonymous", path: "/admin" },
  { name: "days page", path: "/admin?lang=sv", as: "agent" },
  {
    name: "days page filtered, searched, sorted, page 1",
    path: "/admin?lang=fi&region=16&state=closed&q=%C3%84&sort=title&page=1",
    as: "agent",
  },
  { name: "days page with a wrong sort left out", path: "/admin?lang=en&sort=nope", as: "national" },
  { name: "new day page", path: "/admin/events/new", as: "agent" },
  {
    name: "day created with the form",
    method: "POST",
    path: "/admin/events/new?lang=en",
    as: "agent",
    form: {
      region: "16",
      date: "2019-12-11",
      programme: "1",
      theme: "2",
      title: "Lomakkeella luotu päivä",
      location: "Kokkola",
      attendance: "25",
    },
    capture: (_, h) => ({ formEventId: /\/admin\/events\/(\d+)\?/.exec(h.get("location") ?? "")![1]! }),
  },
  {
    name: "day created with a head count out of range",
    method: "POST",
    path: "/admin/events/new",
    as: "agent",
    form: { region: "16", date: "2019-12-11", programme: "1", theme: "", title: "Liian iso", location: "", attendance: "10001" },
  },
  {
    name: "the form-made day in the API",
    path: (c) => `/api/events/${c.values.formEventId}`,
    as: "agent",
    capture: (b) => ({ formSlug: b.event.survey.slug, formShortCode: b.event.survey.shortCode }),
    random: ["formSlug", "formShortCode"],
    derived: (c) => ({
      formQr: qrSvg(`${c.origin}/s/${c.values.formSlug}`),
      formUrl: encodeURIComponent(`${c.origin}/s/${c.values.formSlug}`),
    }),
  },
  { name: "day page", path: (c) => `/admin/events/${c.values.formEventId}?lang=en`, as: "agent" },
  {
    name: "day changed with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}`,
    as: "agent",
    form: { region: "16", date: "2019-12-11", programme: "1", theme: "2", title: "Muutettu päivä", location: "Kokkola", attendance: "26" },
  },
  {
    name: "head count recorded",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/attendance?lang=sv`,
    as: "agent",
    form: { attendance: "27" },
  },
  {
    name: "head count that is not a number",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/attendance`,
    as: "agent",
    form: { attendance: "27 people" },
  },
  {
    name: "survey scheduled with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/survey/schedule`,
    as: "agent",
    form: { opens: "2019-12-11T15:30", closes: "2019-12-18T23:59" },
  },
  {
    name: "survey scheduled to close before it opens",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/survey/schedule`,
    as: "agent",
    form: { opens: "2019-12-11T15:30", closes: "2019-12-10T12:00" },
  },
  { name: "survey opened with the form", method: "POST", path: (c) => `/admin/events/${c.values.formEventId}/survey/open`, as: "agent" },
  {
    name: "day question added with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/questions`,
    as: "agent",
    form: {
      kind: "choice",
      fi: "Mistä kuulit?",
      sv: "Var hörde du om dagen?",
      en: "Where did you hear?",
      options: "Sähköposti | E-post | Email\nKollega | Kollega | Colleague",
      required: "on",
    },
  },
  {
    name: "day question without its texts",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/questions`,
    as: "agent",
    form: { kind: "text", fi: "", sv: "", en: "" },
  },
  {
    name: "the day's questions in the API",
    path: (c) => `/api/events/${c.values.formEventId}/questions`,
    as: "agent",
    capture: (b) => ({ formQuestionId: String(b.day[0].id) }),
  },
  {
    name: "day question edit page",
    path: (c) => `/admin/events/${c.values.formEventId}/questions/${c.values.formQuestionId}/edit?lang=sv`,
    as: "agent",
  },
  {
    name: "day question edited without its Swedish text",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/questions/${c.values.formQuestionId}/edit?lang=en`,
    as: "agent",
    form: { kind: "choice", fi: "Mistä kuulit päivästä?", sv: "", en: "Where did you hear?", options: "Sähköposti | E-post | Email" },
  },
  {
    name: "day question edited with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/questions/${c.values.formQuestionId}/edit?lang=fi`,
    as: "agent",
    form: { kind: "text", fi: "Mitä muuta?", sv: "Något annat?", en: "Anything else?" },
  },
  {
    name: "day question removed with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/questions/${c.values.formQuestionId}/remove`,
    as: "agent",
  },
  // Test mode (issue 16): the form, a stored test answer, one with errors, the count, the wipe.
  { name: "test-mode form", path: (c) => `/admin/events/${c.values.formEventId}/test?lang=sv`, as: "agent" },
  {
    name: "test answer stored apart",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/test?lang=sv`,
    as: "agent",
    form: { submission_id: "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", lang: "sv", grade: "9", usefulness: "4", good: "Test" },
  },
  {
    name: "test answer with errors",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/test?lang=en`,
    as: "agent",
    form: { lang: "en", grade: "11", good: "Kept" },
  },
  {
    name: "day page counting a test answer",
    path: (c) => `/admin/events/${c.values.formEventId}?lang=fi&done=testAnswerSaved`,
    as: "agent",
  },
  { name: "test answers wiped", method: "POST", path: (c) => `/admin/events/${c.values.formEventId}/test/wipe?lang=fi`, as: "agent" },
  { name: "another region's test-mode form", path: (c) => `/admin/events/${c.values.pohjanmaaEventId}/test`, as: "agent" },
  { name: "poster with the QR code", path: (c) => `/admin/events/${c.values.formEventId}/poster?lang=sv`, as: "agent" },
  {
    name: "published result with the form, mean missing",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/published-result?lang=sv`,
    as: "national",
    form: { mean: "", n: "", source: "Rapport" },
  },
  {
    name: "published result with the form",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/published-result?lang=fi`,
    as: "national",
    form: { mean: "8,0", n: "20", "dist-7": "4", "dist-8": "12", "dist-9": "4", attendance: "", source: "LAPE-Akatemia, raportti" },
  },
  { name: "day page with a published result", path: (c) => `/admin/events/${c.values.formEventId}?lang=en`, as: "agent" },
  // Short codes (issue 16): demo days have fixed ones (D + base32 of the id), so both runtimes agree.
  { name: "type-your-code page", path: "/code?lang=sv" },
  { name: "code typed on the code page", path: (c) => `/code?lang=en&code=${c.values.formShortCode!.toLowerCase()}` },
  { name: "code page with a malformed code", path: "/code?lang=fi&code=abc" },
  { name: "code page with an unknown code", path: "/code?lang=fi&code=zzzzzz" },
  { name: "short code in the address", path: (c) => `/s/${c.values.formShortCode!.toLowerCase()}?lang=fi` },
  // Live presenter view (issue 16 item 2): the update path (its JSON before and after an answer),
  // the staff page, and a display link made, used, replaced by nothing (revoked) and refused after.
  {
    name: "the demo survey's day",
    path: "/api/events?region=15&from=2019-05-09&to=2019-05-09",
    as: "national",
    capture: (b) => ({ demoSurveyEventId: String(b.events[0].id) }),
  },
  { name: "live figures before an answer", path: (c) => `/api/events/${c.values.demoSurveyEventId}/live`, as: "national" },
  {
    name: "an answer while the presenter view watches",
    method: "POST",
    path: `/s/${DEMO_SURVEY_SLUG}`,
    json: { submission_id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", lang: "en", answers: { grade: 10, usefulness: 5 } },
  },
  { name: "live figures after the answer", path: (c) => `/api/events/${c.values.demoSurveyEventId}/live`, as: "national" },
  { name: "presenter page", path: (c) => `/admin/events/${c.values.demoEventId}/live?lang=sv`, as: "agent" },
  { name: "another region's presenter figures", path: (c) => `/api/events/${c.values.pohjanmaaEventId}/live`, as: "agent" },
  {
    name: "display link made",
    method: "POST",
    path: (c) => `/admin/events/${c.values.demoEventId}/display?lang=en`,
    as: "agent",
    capture: (_, __, text) => ({ displayToken: /\/live\/([A-Za-z0-9_-]{43})/.exec(text)![1]! }),
    random: ["displayToken"],
  },
  { name: "display page", path: (c) => `/live/${c.values.displayToken}?lang=fi` },
  { name: "display figures", path: (c) => `/api/live/${c.values.displayToken}` },
  {
    name: "display link revoked",
    method: "POST",
    path: (c) => `/admin/events/${c.values.demoEventId}/display/revoke?lang=fi`,
    as: "agent",
  },
  { name: "revoked display figures", path: (c) => `/api/live/${c.values.displayToken}` },
  { name: "revoked display page", path: (c) => `/live/${c.values.displayToken}?lang=sv` },
  // Readable addresses (issue 16 item 3).
  {
    name: "readable address chosen",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/slug?lang=fi`,
    as: "agent",
    form: { slug: "Parity-Paiva" },
  },
  {
    name: "readable address refused",
    method: "POST",
    path: (c) => `/admin/events/${c.values.formEventId}/slug?lang=sv`,
    as: "agent",
    form: { slug: "ab-12cd" },
  },
  { name: "readable address in the address bar", path: "/s/parity-paiva?lang=en" },
  {
    name: "QR code as PNG",
    path: (c) => `/api/events/${c.values.pohjanmaaEventId}/qr.png`,
    as: "national",
    // The image holds each runtime's own address (ports differ): compared as the PNG made for it, decoded like the body.
    derived: (c) => ({ pngQr: new TextDecoder().decode(qrPng(`${c.origin}/s/${DEMO_SURVEY_SLUG}`)) }),
  },

  { name: "survey closed with the form", method: "POST", path: (c) => `/admin/events/${c.values.formEventId}/survey/close`, as: "agent" },
  { name: "another region's day page", path: (c) => `/admin/events/${c.values.pohjanmaaEventId}/poster`, as: "agent" },
  { name: "programmes page, agent", path: "/admin/programmes", as: "agent" },
  { name: "programmes page", path: "/admin/programmes", as: "national" },
  {
    name: "programme created with the form",
    method: "POST",
    path: "/admin/programmes",
    as: "national",
    form: { name: "LAPE-Akatemia 2021", startsOn: "2021-01-01", endsOn: "" },
  },
  {
    name: "programme without a name",
    method: "POST",
    path: "/admin/programmes",
    as: "national",
    form: { name: "", startsOn: "", endsOn: "" },
  },
  {
    name: "theme created with the form",
    method: "POST",
    path: "/admin/programmes/themes",
    as: "national",
    form: { programme: "1", nameFi: "Lomaketeema", nameSv: "Formulärtema", nameEn: "Form theme" },
  },
  {
    name: "themes in the API",
    path: "/api/themes?programme=1",
    as: "national",
    capture: (b) => ({ lastThemeId: String(b.themes.at(-1).id) }),
  },
  {
    name: "theme renamed with the form",
    method: "POST",
    path: (c) => `/admin/programmes/themes/${c.values.lastThemeId}`,
    as: "national",
    form: { nameFi: "Uusi nimi", nameSv: "Nytt namn", nameEn: "New name" },
  },
  { name: "users page", path: "/admin/users?lang=en", as: "national" },
  {
    name: "user created with the form",
    method: "POST",
    path: "/admin/users",
    as: "national",
    form: {
      email: "agentti.pohjanmaa@palaute.example",
      name: "Agentti Pohjanmaa",
      role: "agent",
      regions: ["15", "14"],
      password: "yet another long password",
    },
    capture: (_, h) => ({ formUserId: /\/admin\/users\/(\d+)\?/.exec(h.get("location") ?? "")![1]! }),
  },
  {
    name: "user with a taken email",
    method: "POST",
    path: "/admin/users",
    as: "national",
    form: { email: "agentti.pohjanmaa@palaute.example", name: "Toinen", role: "viewer", password: "yet another long password" },
  },
  { name: "user page", path: (c) => `/admin/users/${c.values.formUserId}`, as: "national" },
  {
    name: "user changed with the form",
    method: "POST",
    path: (c) => `/admin/users/${c.values.formUserId}`,
    as: "national",
    form: { name: "Agentti Pohjanmaa", role: "agent", regions: ["15"] },
  },
  {
    name: "user signed out everywhere with the form",
    method: "POST",
    path: (c) => `/admin/users/${c.values.formUserId}/sessions/revoke`,
    as: "national",
  },
  // One-time password links (issue 16 item 7): the token and its expiry differ per runtime.
  {
    name: "invitation made with the form (no password)",
    method: "POST",
    path: "/admin/users?lang=en",
    as: "national",
    form: { email: "kutsuttu.parity@palaute.example", name: "Kutsuttu Henkilö", role: "viewer", regions: ["16"], password: "" },
    capture: (_, __, text) => passwordLinkValues("invite", text),
    random: ["inviteToken", "inviteExpires"],
  },
  { name: "password link page in Swedish", path: (c) => `/set-password/${c.values.inviteToken}?lang=sv` },
  {
    name: "password link, weak password",
    method: "POST",
    path: (c) => `/set-password/${c.values.inviteToken}?lang=fi`,
    form: { password: "lyhyt", repeatPassword: "lyhyt" },
  },
  {
    name: "password link, password set and signed in",
    method: "POST",
    path: (c) => `/set-password/${c.values.inviteToken}?lang=en`,
    form: { password: "kolme iloista kirahvia", repeatPassword: "kolme iloista kirahvia" },
  },
  { name: "password link used again", path: (c) => `/set-password/${c.values.inviteToken}?lang=en` },
  { name: "unknown password link", path: `/set-password/${"A".repeat(43)}` },
  {
    name: "reset link made on the user page",
    method: "POST",
    path: (c) => `/admin/users/${c.values.formUserId}/password-link?lang=fi`,
    as: "national",
    capture: (_, __, text) => passwordLinkValues("reset", text),
    random: ["resetToken", "resetExpires"],
  },
  { name: "copy button script", path: "/assets/copy-link.js", staticAsset: true },
  { name: "users page, agent", path: "/admin/users", as: "agent" },
  { name: "audit page", path: "/admin/audit?lang=fi", as: "national" },
  { name: "audit page with a bad cursor", path: "/admin/audit?before=x", as: "national" },
  // Printable reports (issue 17).
  { name: "reports page", path: "/admin/reports?lang=sv", as: "agent" },
  { name: "national report", path: "/admin/reports/national?from=2019-01-01&to=2019-12-31&lang=fi", as: "national" },
  { name: "national report, agent", path: "/admin/reports/national?lang=en", as: "agent" },
  { name: "region report", path: "/admin/reports/region?region=16&lang=sv", as: "agent" },
  { name: "region report, another region", path: "/admin/reports/region?region=15", as: "agent" },
  { name: "region report without a region", path: "/admin/reports/region?from=2019-01-01", as: "national" },
  // The demo data's example areas: 1 (South) is read whole by the national team; 4 (Central: 13, 15,
  // 16) holds the demo agent's region 16 but not the others, so it is closed to them.
  { name: "area report", path: "/admin/reports/area?area=1&from=2019-01-01&to=2019-12-31&lang=sv", as: "national" },
  { name: "area report, agent of one member region", path: "/admin/reports/area?area=4", as: "agent" },
  { name: "area report, unknown area", path: "/admin/reports/area?area=999999&lang=en", as: "national" },
  { name: "area report, bad query", path: "/admin/reports/area?area=x", as: "national" },
  { name: "history import page", path: "/admin/import?lang=sv", as: "national" },
  { name: "history import template", path: "/admin/import/template.csv", as: "national" },
  {
    name: "history import dry run",
    method: "POST",
    path: "/admin/import?lang=en",
    as: "national",
    headers: { "content-type": "multipart/form-data; boundary=parity" },
    body: '--parity\r\nContent-Disposition: form-data; name="programme"\r\n\r\n1\r\n--parity\r\nContent-Disposition: form-data; name="mode"\r\n\r\ndry-run\r\n--parity\r\nContent-Disposition: form-data; name="file"; filename="h.csv"\r\nContent-Type: text/csv\r\n\r\nalue;päivämäärä;otsikko;keskiarvo;lähde\r\nLappi;3.10.2018;Esiseminaari;8,5;Raportti\r\nTuntematon;4.10.2018;X;8;R\r\n--parity--\r\n',
  },
  { name: "history import page, agent", path: "/admin/import", as: "agent" },

  // Public pages
  { name: "accessibility statement", path: "/accessibility?lang=sv" },

  // One's own password, and redirect targets (issue 15)
  { name: "own password page", path: "/admin/password?lang=sv", as: "agent" },
  { name: "own password page, not signed in", path: "/admin/password?lang=fi" },
  {
    name: "own password with a wrong current one",
    method: "POST",
    path: "/api/me/password",
    as: "agent",
    json: { currentPassword: "not the password", newPassword: "kolme iloista kirahvia" },
  },
  {
    name: "own password too weak",
    method: "POST",
    path: "/api/me/password",
    as: "agent",
    headers: { "accept-language": "sv" },
    json: { currentPassword: AGENT.password, newPassword: " ".repeat(12) },
  },
  {
    name: "own password form, repeats differ",
    method: "POST",
    path: "/admin/password?lang=en",
    as: "agent",
    form: { currentPassword: AGENT.password, newPassword: "kolme iloista kirahvia", repeatPassword: "kolme iloista" },
  },
  {
    name: "own password form, the email as password",
    method: "POST",
    path: "/admin/password?lang=fi",
    as: "agent",
    form: { currentPassword: AGENT.password, newPassword: AGENT.email, repeatPassword: AGENT.email },
  },
  {
    name: "own password changed",
    method: "POST",
    path: "/api/me/password",
    as: "national",
    json: { currentPassword: NATIONAL.password, newPassword: "uusi pitkä salalause vuodelle 2019" },
  },
  { name: "sign-in page with a control character in next", path: "/login?next=%2F%01" },
  { name: "sign-in page with another site in next", path: "/login?next=%2F%2Fevil.example", headers: { accept: "text/html" } },
  {
    name: "sign-in form with a control character in next",
    method: "POST",
    path: "/login?lang=fi",
    headers: { accept: "text/html" },
    form: { email: AGENT.email, password: AGENT.password, next: "/\u0001" },
  },

  // Signing out
  { name: "sign-out", method: "POST", path: "/api/auth/logout", as: "agent" },
  { name: "who am I after signing out", path: "/api/me", as: "agent" },
  { name: "sign-out form", method: "POST", path: "/logout?lang=sv", as: "formAgent", headers: { accept: "text/html" } },
  { name: "sign-out everywhere", method: "POST", path: "/api/auth/logout", as: "national", json: { everywhere: true } },
  { name: "who am I after signing out everywhere", path: "/api/me", as: "national" },
];
