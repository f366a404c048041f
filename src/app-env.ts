import type { MiddlewareHandler } from "hono";
import type { Principal } from "./auth/authorize";
import type { Db } from "./db/client";
import type { Lang } from "./domain/lang";
import type { AuditEntry } from "./queries/audit";
import type { SurveyVersion } from "./queries/survey-by-slug";

/** What an entry point hands the app: everything that differs between Node and the Worker. */
export interface AppDeps {
  readonly db: Db;
  /** Epoch milliseconds; tests pass a fixed clock. */
  readonly now?: () => number;
  /** One structured line per event worth keeping (errors). Never given request bodies or secrets. */
  readonly log?: (entry: Record<string, unknown>) => void;
  /** Serves the built web/ files: Node from dist/web; the Worker through its ASSETS binding, for the
   *  paths wrangler.toml runs the Worker first on (Cloudflare serves the rest before the Worker). */
  readonly assets?: MiddlewareHandler;
  /** The client's network address, used only (hashed) to limit failed sign-ins; never stored with answers. */
  readonly clientAddress?: (request: Request, env: unknown) => string | null;
  /**
   * The secret for keyed hashes of client addresses and typed emails (src/auth/tokens.ts
   * keyedHashHex). Both entries always give one; left out (tests), the app makes a random one.
   */
  readonly identifierSecret?: string;
  /** Limits survey submissions per client address; none when left out (tests, soak, benchmarks). */
  readonly submissionLimiter?: SubmissionLimiter;
  /** Where the accessibility statement tells people to send feedback. */
  readonly contactEmail?: string;
  /** Where people reach Palaute (survey links, QR codes); defaults to the request's own origin. */
  readonly publicUrl?: string;
  /**
   * Reads a survey's version (its window, published and cancelled state, question sets) as it is
   * now. The Node entry on an embedded file gives a statement prepared once
   * (src/queries/survey-version-statement.ts), read once per event-loop turn for all the requests
   * waiting for it (src/http/read-per-turn.ts); left out, each read is a query through `db`.
   */
  readonly surveyVersions?: (slug: string) => SurveyVersion | null | Promise<SurveyVersion | null>;
}

/** An audit line as a use case writes it: stamped with the context's clock unless `at` is given
 *  (a use case that stores a time with its change passes the same instant). */
export type AuditLine = Omit<AuditEntry, "at"> & { readonly at?: number };

/**
 * What every use case in src/services is handed. createApp builds it once from the entry's
 * AppDeps; scripts and tests build it with serviceContext() (src/services/context.ts). One clock,
 * one way to write an audit line and one logger, so no use case decides for itself what "now" is.
 */
export interface ServiceContext {
  readonly db: Db;
  /** Epoch milliseconds; tests pass a fixed clock. */
  readonly now: () => number;
  /** Writes one line of the audit log. Never given passwords, tokens or answers. */
  readonly audit: (line: AuditLine) => Promise<void>;
  /** One structured line per event worth keeping (errors). Never given request bodies or secrets. */
  readonly log: (entry: Record<string, unknown>) => void;
}

/**
 * What routes and middleware are handed: the entry's AppDeps with the clock, the audit helper and
 * the logger built once by createApp, and the keyed-hash secret always set.
 */
export type AppContext = Omit<AppDeps, "now" | "log" | "identifierSecret"> & ServiceContext & { readonly identifierSecret: string };

export interface AppEnv {
  Variables: {
    requestId: string;
    lang: Lang;
    /** Set by the session middleware on staff routes; null when not signed in. */
    principal: SessionPrincipal | null;
    /** The hash of the session cookie (its id in the database), set beside `principal`; null without a cookie. */
    sessionId: string | null;
  };
}

export type SessionPrincipal = Principal & { readonly sessionId: string };

/** True when the request may go ahead (src/http/submission-limit.ts holds the limiters). */
export type SubmissionLimiter = (key: string) => boolean | Promise<boolean>;
