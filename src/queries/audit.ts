import { desc, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";

export type AuditAction =
  | "login"
  | "login_failed"
  | "login_rate_limited"
  | "logout"
  | "logout_everywhere"
  | "user_created"
  | "user_updated"
  | "user_password_set"
  | "password_changed"
  | "account_link_created"
  | "account_link_used"
  | "programme_created"
  | "programme_updated"
  | "theme_created"
  | "theme_updated"
  | "event_created"
  | "event_updated"
  | "survey_opened"
  | "survey_closed"
  | "survey_scheduled"
  | "question_added"
  | "question_removed"
  | "question_changed"
  | "event_duplicated"
  | "event_cancelled"
  | "event_uncancelled"
  | "event_deleted"
  | "export"
  | "responses_deleted"
  | "published_result_recorded"
  | "history_imported"
  | "test_answers_deleted"
  | "display_link_created"
  | "display_link_revoked"
  | "survey_slug_changed"
  | "comment_category_created"
  | "comment_tagged"
  | "area_created"
  | "area_updated"
  | "area_deleted";

export interface AuditEntry {
  readonly at: number;
  readonly userId?: number | null;
  readonly actor?: string | null;
  readonly action: AuditAction;
  readonly regionCode?: string | null;
  readonly target?: string | null;
  /** Never passwords, tokens or answers. */
  readonly details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry);
}

/** recordAudit's statement, for a batch with the change it records (one round trip). */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: entry.at,
    userId: entry.userId ?? null,
    actor: entry.actor ?? null,
    action: entry.action,
    regionCode: entry.regionCode ?? null,
    target: entry.target ?? null,
    detailsJson: entry.details ? JSON.stringify(entry.details) : null,
  });
}

export interface RefusedSignIn {
  readonly at: number;
  /** Start of the rate-limit window the refusal falls in: one row per window. */
  readonly windowStart: number;
  readonly action: "login_failed" | "login_rate_limited";
  /** The account's id when the typed email belongs to one; an unknown email is kept only as its keyed hash. */
  readonly userId: number | null;
  /** Keyed hash of the typed email, or null when the refusal concerns the address alone. */
  readonly accountHash: string | null;
  /** Keyed hash of the client address, or null when it is not known. */
  readonly clientHash: string | null;
}

/**
 * Refused sign-ins are aggregated: one row per action, window, address and account, whose count
 * grows with each refusal (one upsert). A flood of refusals adds a bounded number of rows instead of
 * burying the real entries, and keeps no typed email in clear.
 */
export async function recordRefusedSignIn(db: Db, entry: RefusedSignIn): Promise<void> {
  const account = entry.accountHash?.slice(0, 16) ?? null;
  const client = entry.clientHash?.slice(0, 16) ?? null;
  const details = { window: new Date(entry.windowStart).toISOString(), ...(account && { account }), ...(client && { client }) };
  await db
    .insert(auditLog)
    .values({
      at: entry.at,
      userId: entry.userId,
      action: entry.action,
      detailsJson: JSON.stringify(details),
      count: 1,
      aggregateKey: `${entry.action}:${entry.windowStart}:${account ?? "-"}:${client ?? "-"}`,
    })
    .onConflictDoUpdate({ target: auditLog.aggregateKey, set: { count: sql`${auditLog.count} + 1`, at: entry.at } });
}

/** Newest first, pages by id. */
export async function listAudit(db: Db, options: { limit: number; beforeId?: number }) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(options.beforeId ? lt(auditLog.id, options.beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
  return rows.map(({ detailsJson, aggregateKey: _key, ...row }) => ({
    ...row,
    details: detailsJson ? (JSON.parse(detailsJson) as unknown) : null,
  }));
}
