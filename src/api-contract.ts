// The JSON API in one map: each endpoint's method and path, its query, its body and its response.
// The routes answer through `sendJson` (src/http/contract.ts), so a handler can only send its
// endpoint's declared response; the dashboard's one fetch helper (web/src/dashboard/api.ts) takes
// an endpoint of this map and its query, so a wrong path, a query key the endpoint does not have or
// a field the response lacks fails `npm run check`. test/api/api-contract.test.ts checks that every
// endpoint here is a registered route and every JSON route is here.
//
// Why a contract module and not Hono's typed client (`hc<AppType>` from hono/client): hc infers the
// types from the routes, so every route file would be rewritten as one chained expression with its
// input read by validator middleware (ours validate inside the handler with `check`, whose
// field-level 422 is part of the HTTP contract, and are split across 8 sub-apps that another change
// is moving about); and a large inferred AppType strains the type checker (Hono discussion #2380,
// "Type instantiation is excessively deep": the maintainer traces it to the number of routes).
// hc itself is small (≈ 2 KB gzip in the dashboard bundle, measured with esbuild), so size did not
// decide. A map of types costs nothing at run time (`import type` only), reads as documentation of
// the API, and leaves the routes as they are but for `sendJson` in place of `c.json`.
//
// The statistics filters are described once, by the valibot schema StatsQuery: the server validates
// with it, and each endpoint's query here is the part of its input type (v.InferInput) the endpoint
// applies. StatsQuery is strict, so a key outside it is a 422; keys it has that an endpoint does not
// apply are accepted and ignored, and the dashboard sends only those the endpoint applies.
import type * as v from "valibot";
import type {
  AreaJson,
  AreasResponse,
  AreasStatsResponse,
  AuditResponse,
  CommentCategoryJson,
  CommentExplorerResponse,
  CommentsResponse,
  EventDeletedResponse,
  EventQuestionsResponse,
  EventResponse,
  EventsResponse,
  LiveFiguresResponse,
  MeResponse,
  ProgrammeComparisonResponse,
  Programme,
  ProgrammesResponse,
  QuestionStatsResponse,
  RegionsResponse,
  RegionsStatsResponse,
  Theme,
  ThemesResponse,
  ThemesStatsResponse,
  TrendResponse,
  UserJson,
} from "./api-types";
import type {
  AreaChanges,
  AreaInput,
  AuditQuery,
  CommentCategoryInput,
  CommentTagInput,
  DeleteEventQuery,
  EventQuestionInput,
  EventChanges,
  NewEventInput,
  LoginBody,
  ProgrammeChanges,
  ProgrammeInput,
  ProgrammeComparisonQuery,
  PublishedResultBody,
  ExplorerQuery,
  StatsQuery,
  SurveyWindow,
  ThemeChanges,
  ThemeInput,
  UserChanges,
  UserInput,
} from "./http/schemas";

/** The statistics filters as the query string carries them (all text, as typed in a URL). */
export type StatsQueryInput = v.InferInput<typeof StatsQuery>;
/** The filters every statistics endpoint applies. */
type Filters = "from" | "to" | "theme" | "programme";
type Stats<K extends keyof StatsQueryInput> = Pick<StatsQueryInput, K>;

/** No keys at all (an empty object type `{}` would take any). */
type Nothing = { readonly [key: string]: never };
type NoQuery = Nothing;
/** A read: no body. */
interface Read<Q, R> {
  readonly query: Q;
  readonly body: undefined;
  readonly response: R;
}
/** A change: a JSON body, no query. */
interface Write<B extends v.GenericSchema | undefined, R> {
  readonly query: NoQuery;
  readonly body: B extends v.GenericSchema ? v.InferInput<B> : undefined;
  readonly response: R;
}

/** Every /api route that answers JSON. Left out: the 204 answers (no body), QR images and exports. */
export interface ApiContract {
  /** Sets the session cookie; a browser signs in through the form at /login instead. */
  "POST /api/auth/login": Write<typeof LoginBody, { ok: true }>;
  "GET /api/me": Read<NoQuery, MeResponse>;
  "GET /api/regions": Read<NoQuery, RegionsResponse>;
  "GET /api/programmes": Read<NoQuery, ProgrammesResponse>;
  "POST /api/programmes": Write<typeof ProgrammeInput, { programme: Programme | null }>;
  "PATCH /api/programmes/:id": Write<typeof ProgrammeChanges, { programme: Programme | null }>;
  /** `programme` is an id; the list is every programme's themes without it. */
  "GET /api/themes": Read<{ programme?: string }, ThemesResponse>;
  "POST /api/themes": Write<typeof ThemeInput, { theme: Theme | null }>;
  "PATCH /api/themes/:id": Write<typeof ThemeChanges, { theme: Theme | null }>;
  "GET /api/users": Read<NoQuery, { users: UserJson[] }>;
  "POST /api/users": Write<typeof UserInput, { user: UserJson | null }>;
  "PATCH /api/users/:id": Write<typeof UserChanges, { user: UserJson | null }>;
  "POST /api/users/:id/sessions/revoke": Write<undefined, { revoked: number }>;
  "GET /api/audit": Read<v.InferInput<typeof AuditQuery>, AuditResponse>;
  /** Cooperation areas: everyone signed in reads the list, the national team changes it. */
  "GET /api/areas": Read<NoQuery, AreasResponse>;
  "POST /api/areas": Write<typeof AreaInput, { area: AreaJson }>;
  "PATCH /api/areas/:id": Write<typeof AreaChanges, { area: AreaJson }>;
  "DELETE /api/areas/:id": { readonly query: NoQuery; readonly body: undefined; readonly response: { deleted: AreaJson } };

  /** The days in the filter with their grades; `lang` names the themes. */
  "GET /api/events": Read<Stats<"region" | Filters | "lang">, EventsResponse>;
  /** Every readable region (whatever the region filter) and the national yardstick. */
  "GET /api/stats/regions": Read<Stats<Filters>, RegionsStatsResponse>;
  /** The national series (region null) and one per region asked for. */
  "GET /api/stats/trend": Read<Stats<"interval" | "regions" | Filters>, TrendResponse>;
  "GET /api/stats/themes": Read<Stats<Filters>, ThemesStatsResponse>;
  /** Every area the caller reads whole, pooled and side by side. */
  "GET /api/stats/areas": Read<Stats<Filters>, AreasStatsResponse>;
  /** Two programmes side by side, by theme and region: the national team only. */
  "GET /api/stats/programmes": Read<v.InferInput<typeof ProgrammeComparisonQuery>, ProgrammeComparisonResponse>;
  /** Over the region's days in the filter, or over one day (`event`). */
  "GET /api/stats/questions": Read<Stats<"region" | Filters | "event">, QuestionStatsResponse>;
  "GET /api/events/:id/comments": Read<NoQuery, CommentsResponse>;

  "POST /api/events": Write<typeof NewEventInput, EventResponse>;
  "GET /api/events/:id": Read<NoQuery, EventResponse>;
  "PATCH /api/events/:id": Write<typeof EventChanges, EventResponse>;
  "PUT /api/events/:id/published-result": Write<typeof PublishedResultBody, EventResponse>;
  "POST /api/events/:id/survey/open": Write<undefined, EventResponse>;
  "POST /api/events/:id/survey/close": Write<undefined, EventResponse>;
  "PATCH /api/events/:id/survey": Write<typeof SurveyWindow, EventResponse>;
  "GET /api/events/:id/questions": Read<NoQuery, EventQuestionsResponse>;
  "POST /api/events/:id/questions": Write<typeof EventQuestionInput, { id: number }>;
  /** One of the day's own questions, rewritten in place until the first real answer. */
  "PATCH /api/events/:id/questions/:questionId": Write<typeof EventQuestionInput, { id: number }>;
  /** A new day like this one (the body changes date, theme, region, …), with copies of its own questions. */
  "POST /api/events/:id/duplicate": Write<typeof EventChanges, EventResponse>;
  "POST /api/events/:id/cancel": Write<undefined, EventResponse>;
  "POST /api/events/:id/uncancel": Write<undefined, EventResponse>;
  /** A day with answers: national team only, with `confirmResponses` equal to its responses (else 409 naming them). */
  "DELETE /api/events/:id": {
    readonly query: v.InferInput<typeof DeleteEventQuery>;
    readonly body: undefined;
    readonly response: EventDeletedResponse;
  };
  /** The live presenter view's figures (a reader of the day). */
  "GET /api/events/:id/live": Read<NoQuery, LiveFiguresResponse>;
  /** The same through a day's display link: no session, the token is the key; 404 once revoked. */
  "GET /api/live/:token": Read<NoQuery, LiveFiguresResponse>;

  /** The comment explorer over any selection (src/services/comment-explorer.ts). */
  "GET /api/comments/explorer": Read<v.InferInput<typeof ExplorerQuery>, CommentExplorerResponse>;
  /** One comment's categories, all of them; staff who may change the day. */
  "PUT /api/comments/tags": Write<typeof CommentTagInput, { categories: number[] }>;
  "GET /api/comment-categories": Read<NoQuery, { categories: CommentCategoryJson[] }>;
  /** The national team only. */
  "POST /api/comment-categories": Write<typeof CommentCategoryInput, { category: CommentCategoryJson }>;
}

export type Endpoint = keyof ApiContract;
export type ReadEndpoint = Extract<Endpoint, `GET ${string}`>;
export type ResponseOf<E extends Endpoint> = ApiContract[E]["response"];
export type QueryOf<E extends Endpoint> = ApiContract[E]["query"];
export type BodyOf<E extends Endpoint> = ApiContract[E]["body"];

/** "/api/events/:id/comments" → { id: string | number }. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathOf<E extends Endpoint> = E extends `${string} ${infer P}` ? P : never;
export type ParamsOf<E extends Endpoint> = [ParamNames<PathOf<E>>] extends [never]
  ? Nothing
  : { readonly [K in ParamNames<PathOf<E>>]: string | number };

/** The downloads: the same filters as the section they export, in whichever table format. */
export interface ExportContract {
  events: Stats<"region" | Filters | "lang">;
  regions: Stats<Filters | "lang">;
  trend: Stats<"interval" | "regions" | Filters | "lang">;
  themes: Stats<Filters | "lang">;
  questions: Stats<"region" | Filters | "event" | "lang">;
  /** One day's comments: `event` is required. */
  comments: Required<Stats<"event">> & Stats<"lang">;
  /** The comment explorer's listed comments, and its counts per category. */
  "comment-selection": v.InferInput<typeof ExplorerQuery>;
  "comment-categories": v.InferInput<typeof ExplorerQuery>;
}
export type ExportName = keyof ExportContract;
