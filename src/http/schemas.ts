import * as v from "valibot";
import { LANGS } from "../domain/lang";
import { hasTitle } from "../domain/day-texts";
import { QUESTION_KINDS } from "../domain/questions";
import { ROLES } from "../domain/roles";
import { BUCKET_INTERVALS, DEFAULT_INTERVAL } from "../domain/stats/time-buckets";
import { DEFAULT_CLOSE_AFTER_DAYS } from "../domain/survey-closing";
import { GRADE_BANDS } from "../domain/grade-band";
import { DEFAULT_SORT, LIST_SORTS, LIST_STATES, NATIONAL_REGION } from "../domain/event-list-query";

// Input schemas shared by the JSON API and the server-rendered admin forms.

export const Id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647));
export const RegionCode = v.pipe(v.string(), v.regex(/^\d{2}$/));
/** YYYY-MM-DD that exists on the calendar (valibot's isoDate alone lets 2019-02-30 through). */
export const IsoDate = v.pipe(
  v.string(),
  v.isoDate(),
  v.check((value) => {
    const date = new Date(`${value}T12:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "not a calendar date"),
);
export const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
export const OptionalText = v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(200)));
/** Head count for a day: 0 is a real answer (cancelled), 10,000 is more than any venue holds. */
export const Attendance = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)));
/** An instant given as ISO 8601 with a zone ("2019-09-04T16:00:00+03:00"), or null for no limit. */
export const Instant = v.nullable(v.pipe(v.string(), v.isoTimestamp()));
export const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());
export const Role = v.picklist(ROLES);

/** A day's main language: what participants without a preference get and missing texts fall back to. */
export const MainLang = v.picklist(LANGS);

/** A day's title and place per language (title = Finnish): any may be missing (null or blank), but a
 *  day needs a title in at least one language (hasTitle, src/domain/day-texts.ts). */
const dayTexts = {
  titleSv: v.optional(OptionalText),
  titleEn: v.optional(OptionalText),
  locationSv: v.optional(OptionalText),
  locationEn: v.optional(OptionalText),
  mainLang: v.optional(MainLang),
};

export const NewEventInput = v.pipe(
  v.strictObject({
    programmeId: Id,
    regionCode: v.nullable(RegionCode),
    date: IsoDate,
    themeId: v.optional(v.nullable(Id), null),
    title: v.optional(OptionalText, null),
    location: v.optional(OptionalText, null),
    attendance: v.optional(Attendance, null),
    ...dayTexts,
  }),
  // Checked here too (not only by the service) so a form shows it beside the other mistakes at once.
  v.forward(
    v.partialCheck(
      [["title"], ["titleSv"], ["titleEn"]],
      (day) => hasTitle({ fi: day.title, sv: day.titleSv, en: day.titleEn }),
      "a title is needed in at least one language",
    ),
    ["title"],
  ),
);

export const EventChanges = v.strictObject({
  programmeId: v.optional(Id),
  regionCode: v.optional(v.nullable(RegionCode)),
  date: v.optional(IsoDate),
  themeId: v.optional(v.nullable(Id)),
  title: v.optional(OptionalText),
  location: v.optional(OptionalText),
  attendance: v.optional(Attendance),
  ...dayTexts,
});

/** A day's published result (PUT /api/events/:id/published-result and the day's staff page). The
 *  rules between the numbers (scale, n ≥ 1, n ≤ attendance, distribution adds up) are checked once,
 *  in src/domain/published-result.ts. */
export const PublishedResultBody = v.strictObject({
  mean: v.pipe(v.number(), v.finite()),
  n: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))), null),
  distribution: v.optional(
    v.nullable(
      v.record(v.pipe(v.string(), v.regex(/^\d{1,2}(\.\d{1,2})?$/)), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
    ),
    null,
  ),
  attendance: v.optional(Attendance, null),
  /** Report title, URL or citation: a published figure without its source cannot be checked. */
  source: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
});

export const SurveyWindow = v.pipe(
  v.strictObject({ opensAt: v.optional(Instant), closesAt: v.optional(Instant) }),
  v.check((w) => !w.opensAt || !w.closesAt || Date.parse(w.closesAt) > Date.parse(w.opensAt), "closesAt must be after opensAt"),
);

/** One language of a day's own question: may be left out or blank, the day's main language stands in. */
const QuestionText = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300)), "");
const someLanguage = <T extends { fi: string; sv: string; en: string }>(texts: T) => LANGS.some((lang) => texts[lang] !== "");

export const EventQuestionInput = v.pipe(
  v.strictObject({
    kind: v.picklist(QUESTION_KINDS),
    required: v.optional(v.boolean(), false),
    text: v.pipe(
      v.strictObject({ fi: QuestionText, sv: QuestionText, en: QuestionText }),
      v.check(someLanguage, "the question is needed in at least one language"),
    ),
    options: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.strictObject({
              value: v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,40}$/)),
              fi: QuestionText,
              sv: QuestionText,
              en: QuestionText,
            }),
            v.check(someLanguage, "each option is needed in at least one language"),
          ),
        ),
        v.minLength(2),
        v.maxLength(12),
      ),
    ),
    maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4000))),
  }),
  v.check((q) => (q.kind === "choice") === (q.options !== undefined), "options are given for choice questions and only for them"),
  v.check((q) => !q.options || new Set(q.options.map((o) => o.value)).size === q.options.length, "option values must differ"),
);

/** Days after the day that new surveys close (at 23.59 Helsinki time); null: no default closing. */
const SurveyCloseDays = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365)));

export const ProgrammeInput = v.strictObject({
  name: Name,
  startsOn: v.optional(v.nullable(IsoDate), null),
  endsOn: v.optional(v.nullable(IsoDate), null),
  surveyCloseDays: v.optional(SurveyCloseDays, DEFAULT_CLOSE_AFTER_DAYS),
});

export const ProgrammeChanges = v.strictObject({
  name: v.optional(Name),
  startsOn: v.optional(v.nullable(IsoDate)),
  endsOn: v.optional(v.nullable(IsoDate)),
  surveyCloseDays: v.optional(SurveyCloseDays),
});

export const ThemeInput = v.strictObject({ programmeId: Id, nameFi: Name, nameSv: Name, nameEn: Name });
export const ThemeChanges = v.strictObject({ nameFi: v.optional(Name), nameSv: v.optional(Name), nameEn: v.optional(Name) });

/** A cooperation area's member regions: at least one, each once (src/domain/areas.ts keeps a region in one area). */
const AreaRegions = v.pipe(
  v.array(RegionCode),
  v.minLength(1),
  v.maxLength(19),
  v.check((codes) => new Set(codes).size === codes.length, "a region is listed twice"),
);
/** Where a real grouping comes from (a decision, a law, a report). */
const AreaSource = v.nullable(
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(500),
    v.transform((s) => (s === "" ? null : s)),
  ),
);

export const AreaInput = v.strictObject({
  nameFi: Name,
  nameSv: Name,
  nameEn: Name,
  regions: AreaRegions,
  source: v.optional(AreaSource, null),
  isDemo: v.optional(v.boolean(), false),
});

export const AreaChanges = v.strictObject({
  nameFi: v.optional(Name),
  nameSv: v.optional(Name),
  nameEn: v.optional(Name),
  regions: v.optional(AreaRegions),
  source: v.optional(AreaSource),
  isDemo: v.optional(v.boolean()),
});

export const UserInput = v.strictObject({
  email: Email,
  name: Name,
  role: Role,
  regions: v.optional(v.pipe(v.array(RegionCode), v.maxLength(19)), []),
  allRegions: v.optional(v.boolean(), false),
  /** The cooperation area a municipal agent reads (required for that role, src/auth/authorize.ts needsArea). */
  areaId: v.optional(v.nullable(Id), null),
  /** Chosen by the national team and passed on to the person; never echoed back. The password policy
   *  (src/domain/password-policy.ts) is checked by the service, in the reader's language. */
  password: v.pipe(v.string(), v.maxLength(1024)),
});

/** A new account made with an invitation link instead of a password (src/services/account-links.ts). */
export const Invitee = v.omit(UserInput, ["password"]);

export const UserChanges = v.strictObject({
  name: v.optional(Name),
  role: v.optional(Role),
  regions: v.optional(v.pipe(v.array(RegionCode), v.maxLength(19))),
  allRegions: v.optional(v.boolean()),
  areaId: v.optional(v.nullable(Id)),
  disabled: v.optional(v.boolean()),
});

export const PasswordInput = v.strictObject({ password: v.pipe(v.string(), v.maxLength(1024)) });

/** A signed-in person's own password change (the policy is the service's). */
/** Signing in with email and password (the JSON API and the login form). */
export const LoginBody = v.strictObject({
  email: v.pipe(v.string(), v.maxLength(254)),
  password: v.pipe(v.string(), v.maxLength(1024)),
});

export const OwnPasswordChange = v.strictObject({
  currentPassword: v.pipe(v.string(), v.maxLength(1024)),
  newPassword: v.pipe(v.string(), v.maxLength(1024)),
});

export const AuditQuery = v.strictObject({
  before: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,12}$/), v.transform(Number))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(500)), "100"),
});

const IdText = v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/), v.transform(Number));

/** DELETE /api/events/:id: a day with answers or a published result goes only with the number of
 *  its responses repeated back (src/services/event-management.ts deleteEvent). */
export const DeleteEventQuery = v.strictObject({
  confirmResponses: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number))),
});

/** Filters shared by the dashboard endpoints and their exports, described only here: src/api-contract.ts and the dashboard take their query types from it. */
export const StatsQuery = v.strictObject({
  region: v.optional(RegionCode),
  /** Several regions for the trend: "16,15". */
  regions: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{2}(,\d{2}){0,18}$/),
      v.transform((s) => [...new Set(s.split(","))]),
    ),
  ),
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  theme: v.optional(IdText),
  programme: v.optional(IdText),
  event: v.optional(IdText),
  interval: v.optional(v.picklist(BUCKET_INTERVALS), DEFAULT_INTERVAL),
  lang: v.optional(v.picklist(LANGS)),
});

/** A printable report's period (issue 17): the national overview takes only this, a region's report
 *  also its region. Empty form fields are left out first (filledQuery). */
export const ReportQuery = v.strictObject({
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  programme: v.optional(IdText),
});
export const RegionReportQuery = v.strictObject({ ...ReportQuery.entries, region: RegionCode });
/** A cooperation area's report: its period and the area's id. */
export const AreaReportQuery = v.strictObject({ ...ReportQuery.entries, area: IdText });

/** The staff day list's query (GET /admin): every filter, the sort and the page live in the URL. Empty
 *  form fields are left out before this schema (src/http/validate.ts filledQuery); other unknown
 *  keys are ignored so a link with extra parameters still opens; a wrong value is a 422. */
export const EventListQuery = v.pipe(
  v.object({
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
    programme: v.optional(IdText),
    region: v.optional(v.union([RegionCode, v.literal(NATIONAL_REGION)])),
    theme: v.optional(IdText),
    state: v.optional(v.picklist(LIST_STATES)),
    from: v.optional(IsoDate),
    to: v.optional(IsoDate),
    sort: v.optional(v.picklist(LIST_SORTS), DEFAULT_SORT),
    page: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/), v.transform(Number)), "1"),
  }),
  v.forward(
    v.check((q) => !q.from || !q.to || q.from <= q.to, "from must not be after to"),
    ["to"],
  ),
);

/** The comment explorer's selection (GET /api/comments/explorer, /admin/comments and its exports).
 *  `language` is the comments' language (`lang` is the reader's); `band` a grade band of the same
 *  respondent; `q` a search; `compare` the two groups whose terms are contrasted ("region" needs a
 *  region). Empty form fields are left out before this schema on the staff page. */
export const ExplorerQuery = v.pipe(
  v.strictObject({
    programme: v.optional(IdText),
    region: v.optional(RegionCode),
    theme: v.optional(IdText),
    event: v.optional(IdText),
    from: v.optional(IsoDate),
    to: v.optional(IsoDate),
    language: v.optional(v.picklist(LANGS)),
    band: v.optional(v.picklist(GRADE_BANDS)),
    question: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/))),
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
    compare: v.optional(v.picklist(["grade", "region"])),
    lang: v.optional(v.picklist(LANGS)),
  }),
  v.forward(
    v.check((query) => query.compare !== "region" || query.region !== undefined, "compare=region needs a region"),
    ["compare"],
  ),
);

const CategoryName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80));
/** A comment category's names (POST /api/comment-categories, the explorer page's form). */
export const CommentCategoryInput = v.strictObject({ name: v.strictObject({ fi: CategoryName, sv: CategoryName, en: CategoryName }) });

/** One comment's categories, all of them (PUT /api/comments/tags): the day, the comment's ref, the ids. */
export const CommentTagInput = v.strictObject({
  event: Id,
  ref: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
  categories: v.pipe(v.array(Id), v.maxLength(50)),
});
/** Two programmes side by side (GET /api/stats/programmes): `programme` and the one to `compare` with. */
export const ProgrammeComparisonQuery = v.pipe(
  v.strictObject({
    programme: IdText,
    compare: IdText,
    lang: v.optional(v.picklist(LANGS)),
  }),
  v.forward(
    v.check((q) => q.programme !== q.compare, "choose two different programmes"),
    ["compare"],
  ),
);
