import { desc, lt } from "drizzle-orm";
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
  | "export"
  | "responses_deleted"
  | "published_result_recorded"
  | "history_imported";

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
  await db.insert(auditLog).values({
    at: entry.at,
    userId: entry.userId ?? null,
    actor: entry.actor ?? null,
    action: entry.action,
    regionCode: entry.regionCode ?? null,
    target: entry.target ?? null,
    detailsJson: entry.details ? JSON.stringify(entry.details) : null,
  });
}

/** Newest first, pages by id. */
export async function listAudit(db: Db, options: { limit: number; beforeId?: number }) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(options.beforeId ? lt(auditLog.id, options.beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
  return rows.map(({ detailsJson, ...row }) => ({ ...row, details: detailsJson ? (JSON.parse(detailsJson) as unknown) : null }));
}
