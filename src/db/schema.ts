// The one place tables are defined. Migrations in ../../migrations are generated from this file
// with `npm run db:generate` and applied with the same migrator everywhere (start, tests, deploy).
import { sql } from "drizzle-orm";
import { foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LANGS } from "../domain/lang";
import { QUESTION_KINDS } from "../domain/questions";
import { ROLES } from "../domain/roles";
import { DEFAULT_CLOSE_AFTER_DAYS } from "../domain/survey-closing";

const createdAt = () => integer("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Statistics Finland region (maakunta) codes '01'…'19'; not ISO 3166-2:FI. */
export const region = sqliteTable("region", {
  code: text("code").primaryKey(),
  nameFi: text("name_fi").notNull(),
  nameSv: text("name_sv").notNull(),
  nameEn: text("name_en").notNull(),
  /** Regions with Swedish-speaking municipalities: surveys there default to offering fi and sv equally. */
  bilingual: integer("bilingual", { mode: "boolean" }).notNull().default(false),
  /** The language a new day in the region gets as its main language (src/domain/day-texts.ts);
   *  the data and its sources are in the migration that added it. */
  mainLang: text("main_lang", { enum: LANGS }).notNull().default("fi"),
});

export const programme = sqliteTable("programme", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  startsOn: text("starts_on"),
  endsOn: text("ends_on"),
  /** New days' surveys close this many days after the day, at 23.59 Helsinki time; null: no default. */
  surveyCloseDays: integer("survey_close_days").default(DEFAULT_CLOSE_AFTER_DAYS),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const theme = sqliteTable(
  "theme",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programme.id),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (t) => [index("theme_programme_idx").on(t.programmeId)],
);

/** An academy day. National days have no region. */
export const event = sqliteTable(
  "event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programme.id),
    regionCode: text("region_code").references(() => region.code),
    /** Europe/Helsinki calendar date, YYYY-MM-DD. */
    date: text("date").notNull(),
    themeId: integer("theme_id").references(() => theme.id),
    /** The Finnish title; '' when the day has none (a title is needed in at least one language). */
    title: text("title").notNull(),
    titleSv: text("title_sv"),
    titleEn: text("title_en"),
    /** The Finnish place; the others like the titles. A missing text falls back to the main language's
     *  (src/domain/day-texts.ts). */
    location: text("location"),
    locationSv: text("location_sv"),
    locationEn: text("location_en"),
    /** What a participant without a language preference gets, and what missing texts fall back to;
     *  defaults from the region (region.main_lang). */
    mainLang: text("main_lang", { enum: LANGS }).notNull().default("fi"),
    /** Head count recorded for the day. */
    attendance: integer("attendance"),
    /** Published results of days whose raw answers do not exist (source "reported"). */
    reportedGradeMean: real("reported_grade_mean"),
    reportedGradeN: integer("reported_grade_n"),
    /** The published grade distribution when the report gave one: JSON {"4":n,…,"10":n}. */
    reportedGradeDistributionJson: text("reported_grade_distribution_json"),
    /** Where the published figure comes from (report title, URL or citation). Real, not demo. */
    reportedSource: text("reported_source"),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    /** When staff cancelled the day (epoch ms): kept and labelled, its survey takes no answers,
     *  and it is left out of every figure (src/queries/events.ts eventFilterCondition). */
    cancelledAt: integer("cancelled_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("event_region_date_idx").on(t.regionCode, t.date),
    index("event_programme_date_idx").on(t.programmeId, t.date),
    index("event_theme_idx").on(t.themeId),
    // The few days with a published result (src/queries/grade-sums.ts publishedEvents), found
    // without reading every day, in day order.
    index("event_published_idx").on(t.id).where(sql`${t.reportedGradeMean} IS NOT NULL`),
  ],
);

/** A versioned set of questions. A set that has answers is never edited: a new version is made. */
export const questionSet = sqliteTable(
  "question_set",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    isCore: integer("is_core", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("question_set_name_version_uq").on(t.name, t.version)],
);

export const question = sqliteTable(
  "question",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setId: integer("set_id")
      .notNull()
      .references(() => questionSet.id),
    position: integer("position").notNull(),
    /** Stable key (grade, usefulness, sector, good, improve) so answers aggregate across languages and regions. */
    key: text("key").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    scaleMin: real("scale_min"),
    scaleMax: real("scale_max"),
    scaleStep: real("scale_step"),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
    maxLength: integer("max_length"),
    textFi: text("text_fi").notNull(),
    textSv: text("text_sv").notNull(),
    textEn: text("text_en").notNull(),
    /** JSON array of {value, fi, sv, en} for choice questions. */
    optionsJson: text("options_json"),
  },
  (t) => [uniqueIndex("question_set_key_uq").on(t.setId, t.key)],
);

export const survey = sqliteTable(
  "survey",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    /** Unguessable public identifier used in the link and QR code. */
    slug: text("slug").notNull(),
    /** Six Crockford base32 characters for people to type (/s/<code>, the code page, posters). Set by
     *  a trigger on insert (migrations/0009), so every way of making a survey gets one; stored upper case. */
    shortCode: text("short_code"),
    questionSetId: integer("question_set_id")
      .notNull()
      .references(() => questionSet.id),
    /** The day's own questions, asked after the core set; editable only while the survey has no answers. */
    extraQuestionSetId: integer("extra_question_set_id").references(() => questionSet.id),
    /** Kept by triggers (migrations/0004): dashboards and lists read it instead of counting rows. */
    responseCount: integer("response_count").notNull().default(0),
    /** Grade answers' count, sum and sum of squares, kept by triggers (migrations/0005): region,
     *  theme and term figures add these up over days instead of reading every day's distribution. */
    gradeN: integer("grade_n").notNull().default(0),
    gradeSum: real("grade_sum").notNull().default(0),
    gradeSumSq: real("grade_sum_sq").notNull().default(0),
    /** When retention deleted the answers (epoch ms): the rollups above stay as they were then
     *  (migrations' triggers skip an archived survey), so the day keeps its figures. */
    archivedAt: integer("archived_at"),
    /** Epoch milliseconds; null means no limit on that side. */
    opensAt: integer("opens_at"),
    closesAt: integer("closes_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("survey_slug_uq").on(t.slug),
    uniqueIndex("survey_event_uq").on(t.eventId),
    uniqueIndex("survey_short_code_uq").on(t.shortCode),
    // Days whose survey has not yet run for sure (no answers, not archived): the only days whose
    // response-rate part depends on the clock, read live beside grade_month_rollup.
    index("survey_unanswered_idx").on(t.closesAt).where(sql`${t.responseCount} = 0 AND ${t.archivedAt} IS NULL`),
  ],
);

/** One submitted questionnaire. The id is the client's submission id, which makes retries idempotent.
 *  Deliberately no IP address or user agent. */
export const response = sqliteTable(
  "response",
  {
    id: text("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    submittedAt: integer("submitted_at").notNull(),
    lang: text("lang", { enum: LANGS }).notNull(),
  },
  (t) => [index("response_survey_submitted_idx").on(t.surveyId, t.submittedAt)],
);

export const answer = sqliteTable(
  "answer",
  {
    responseId: text("response_id")
      .notNull()
      .references(() => response.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => question.id),
    /** Scale value, or the 1-based option position for choice questions. */
    numValue: real("num_value"),
    /** Free text, or the option value for choice questions. */
    textValue: text("text_value"),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] })],
);

/** An answer given in test mode (staff trying a day's survey, before or after it opens). Kept in
 *  its own table on purpose: no trigger, tally, count or figure reads it, so a test answer can never
 *  be counted or lock the day's questions. Answers as JSON: they are only ever shown or wiped. */
export const testResponse = sqliteTable(
  "test_response",
  {
    id: text("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    submittedAt: integer("submitted_at").notNull(),
    lang: text("lang", { enum: LANGS }).notNull(),
    answersJson: text("answers_json").notNull(),
  },
  (t) => [index("test_response_survey_idx").on(t.surveyId)],
);

/** Readable addresses agents choose for a survey (/s/<alias>, lower case). The one with retiredAt
 *  null is the current one; a replaced alias is kept, still leads to its own survey (old posters and
 *  e-mails keep working) and can never be taken by another survey. Gone with the survey. */
export const surveyAlias = sqliteTable(
  "survey_alias",
  {
    alias: text("alias").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    retiredAt: integer("retired_at"),
  },
  (t) => [index("survey_alias_survey_idx").on(t.surveyId)],
);

/** The presenter display link of a day (/live/<token>): aggregates only, no sign-in. Only the
 *  token's SHA-256 is stored; a new link replaces the row, revoking deletes it. */
export const presenterDisplay = sqliteTable(
  "presenter_display",
  {
    eventId: integer("event_id")
      .primaryKey()
      .references(() => event.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("presenter_display_token_uq").on(t.tokenHash)],
);

/** Rollup: how many answers a survey has per question and value, kept in the same transaction as
 *  the answers so dashboards read O(days × scale values), not O(responses). */
export const answerTally = sqliteTable(
  "answer_tally",
  {
    surveyId: integer("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => question.id),
    value: real("value").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.questionId, t.value] })],
);

/**
 * Per programme × region × theme × month: the sums every pooled dashboard figure adds up (see
 * EventSums in src/domain/analytics.ts), over the month's days that are not cancelled. Kept by
 * triggers (migrations/0013) on every write path, in the writing transaction, so the national
 * comparison and the trend read a few thousand rows however many days there are. Its size grows
 * with months, never with days or answers. Days without a region have region_code '' and days
 * without a theme theme_id 0 (a key column cannot be NULL in a primary key that must match).
 */
export const gradeMonthRollup = sqliteTable(
  "grade_month_rollup",
  {
    programmeId: integer("programme_id").notNull(),
    regionCode: text("region_code").notNull(),
    themeId: integer("theme_id").notNull(),
    /** YYYY-MM of the day's date. */
    month: text("month").notNull(),
    days: integer("days").notNull(),
    attendance: integer("attendance").notNull(),
    responses: integer("responses").notNull(),
    /** The response-rate sums of the days whose survey has run whatever the clock says (answers
     *  or archived); a day with no answers yet counts once its survey closes, read live. */
    surveyedAttendance: integer("surveyed_attendance").notNull(),
    surveyedResponses: integer("surveyed_responses").notNull(),
    over100Events: integer("over100_events").notNull(),
    gradedEvents: integer("graded_events").notNull(),
    n: integer("n").notNull(),
    sum: real("sum").notNull(),
    sumSq: real("sum_sq").notNull(),
    eventNSq: integer("event_n_sq").notNull(),
    /** Σ (Σx)ᵢ²/nᵢ over the days, kept exactly: whole part, and the fraction in units of 2⁻⁵²
     *  (0 ≤ frac < 2⁵²). Each day's term is a double ≥ 1, so a multiple of 2⁻⁵²: sums of these
     *  integers are exact in any order, and the figure is the exact sum rounded once. */
    eventNMeanSqInt: integer("event_n_mean_sq_int").notNull(),
    eventNMeanSqFrac: integer("event_n_mean_sq_frac").notNull(),
    demoEvents: integer("demo_events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.regionCode, t.themeId, t.month] })],
);

// ---- Accounts ----------------------------------------------------------------------------------

export const user = sqliteTable(
  "user",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored lower-cased and trimmed; sign-in compares the same way. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>; never the password. */
    passwordHash: text("password_hash").notNull(),
    /** Viewers may read every region without being assigned each one. */
    allRegions: integer("all_regions", { mode: "boolean" }).notNull().default(false),
    /** The cooperation area a municipal agent reads (src/auth/authorize.ts); its regions are read, never written. */
    areaId: integer("area_id").references(() => area.id, { onDelete: "set null" }),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_email_uq").on(t.email)],
);

export const userRegion = sqliteTable(
  "user_region",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    regionCode: text("region_code")
      .notNull()
      .references(() => region.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionCode] })],
);

/** A signed-in browser. The id is the SHA-256 of the cookie token: a stolen database holds no usable token. */
export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

/**
 * One-time links the national team hands over instead of a password: an invitation for a new
 * account (no password yet) or a reset for an existing one. Only the SHA-256 of the link's random
 * token is stored, so a copy of the database opens no account; a link is spent by setting used_at.
 */
export const accountLink = sqliteTable(
  "account_link",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["invitation", "reset"] }).notNull(),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** When the link was used or voided (a newer link for the same person voids the older ones). */
    usedAt: integer("used_at"),
  },
  (t) => [index("account_link_user_idx").on(t.userId)],
);

/** Fixed-window counters for sign-in failures, shared by every server process and Worker isolate. */
export const rateLimit = sqliteTable("rate_limit", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    userId: integer("user_id").references(() => user.id, { onDelete: "set null" }),
    /** Who acted when there is no user row ("cli"); a refused sign-in for an unknown email never stores the email. */
    actor: text("actor"),
    action: text("action").notNull(),
    regionCode: text("region_code"),
    target: text("target"),
    detailsJson: text("details_json"),
    /** How many events this row stands for: refused sign-ins are aggregated per window, address and account. */
    count: integer("count").notNull().default(1),
    /** Set on aggregated rows only (action, window, keyed hashes of address and account); unique so one upsert counts. */
    aggregateKey: text("aggregate_key"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), uniqueIndex("audit_log_aggregate_key_idx").on(t.aggregateKey)],
);

// ---- Comment categories (issue 17) -------------------------------------------------------------

/** A category the national team defines for reading open comments ("Johtaminen", "Yhteistyö"…). */
export const commentCategory = sqliteTable("comment_category", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  nameFi: text("name_fi").notNull(),
  nameSv: text("name_sv").notNull(),
  nameEn: text("name_en").notNull(),
  createdAt: createdAt(),
});

/** A comment (one free-text answer) tagged with a category; several per comment. Goes with the
 *  answer when retention or a deletion removes it. Never leaves the server keyed by response id:
 *  pages and the API name a comment by a keyed hash (src/services/comment-explorer.ts). */
export const commentTag = sqliteTable(
  "comment_tag",
  {
    responseId: text("response_id").notNull(),
    questionId: integer("question_id").notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => commentCategory.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId, t.categoryId] }),
    foreignKey({ columns: [t.responseId, t.questionId], foreignColumns: [answer.responseId, answer.questionId] }).onDelete("cascade"),
    index("comment_tag_category_idx").on(t.categoryId),
  ],
);

// ---- Cooperation areas ---------------------------------------------------------------------------

/**
 * A cooperation area (yhteistyöalue): a named group of regions the national team manages, for
 * pooled and compared figures and for municipal agents' reading scope. One grouping for every
 * programme: a region belongs to at most one area (area_region's primary key is the region).
 */
export const area = sqliteTable("area", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  nameFi: text("name_fi").notNull(),
  nameSv: text("name_sv").notNull(),
  nameEn: text("name_en").notNull(),
  /** An example grouping made up for the demo data: labelled demo wherever its name appears. */
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  /** Where a real grouping comes from (a decision, a law, a report); null for demo areas. */
  source: text("source"),
  createdAt: createdAt(),
});

export const areaRegion = sqliteTable(
  "area_region",
  {
    /** The primary key: a region is in at most one area. */
    regionCode: text("region_code")
      .primaryKey()
      .references(() => region.code),
    areaId: integer("area_id")
      .notNull()
      .references(() => area.id, { onDelete: "cascade" }),
  },
  (t) => [index("area_region_area_idx").on(t.areaId)],
);
