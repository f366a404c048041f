import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";

// For service-level tests (test/services): what a call ended in, and the audit lines it left, read
// back from the real audit_log table.

/** "ok", the AppError's code, or "code:key/fieldCode,…" when the error names fields. */
export const outcomeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => "ok",
    (error: { code?: string; fields?: { key: string; code: string }[] }) =>
      error.fields ? `${error.code}:${error.fields.map((f) => `${f.key}/${f.code}`).join()}` : (error.code ?? String(error)),
  );

export interface AuditLine {
  readonly userId: number | null;
  readonly actor: string | null;
  readonly action: string;
  readonly regionCode: string | null;
  readonly target: string | null;
  readonly details: unknown;
}

/** Every audit line, oldest first, with its details parsed (null when the line has none). */
export async function auditLines(db: Db): Promise<AuditLine[]> {
  const rows = await db.all<{
    user_id: number | null;
    actor: string | null;
    action: string;
    region_code: string | null;
    target: string | null;
    details_json: string | null;
  }>(sql`SELECT user_id, actor, action, region_code, target, details_json FROM audit_log ORDER BY id`);
  return rows.map((r) => ({
    userId: r.user_id,
    actor: r.actor,
    action: r.action,
    regionCode: r.region_code,
    target: r.target,
    details: r.details_json === null ? null : JSON.parse(r.details_json),
  }));
}
